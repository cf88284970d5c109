/**
 * Rule sets read from documents, forms and platform code (rules-reference.md §1–§3), each with
 * its sources and status. Where a source leaves something open (a band edge, completion above
 * budget), the choice made here is said in `note`.
 */
import { BANDS_80_60, BASE_2020, GRADES_80_70_60, level1WithCost } from "./builtinParts";
import { SOURCES } from "./sources";

const incl = (v: number) => ({ v, incl: true });
const excl = (v: number) => ({ v, incl: false });

const MOF_2021_101 = {
  ...BASE_2020,
  id: "mof-2021-101",
  label: "财预〔2021〕101号（执行率分段、及格线60%、满意度分段；有成本 10/20/40/20/10）",
  labelEn: "MoF 2021 No. 101 (banded execution, 60% pass mark, satisfaction bands; with cost 10/20/40/20/10)",
  short: "101号",
  shortEn: "No. 101",
  status: "recommended",
  sources: [SOURCES.mof2021_101],
  note: "分段与及格线以“如”引出，属推荐做法。未完成且执行率 ≥ 100% 按 80%–100% 档计；已完成但超预算按分段计（文件未说明）",
  noteEn:
    "Bands and pass mark are introduced with 如 (recommended). Not completed at ≥ 100% scores as 80%–100%; completed but over budget scores by the bands (the document is silent)",
  level1: level1WithCost(50, 0, 30, 10),
  weightProfiles: [
    {
      when: { hasCost: true, hasSatisfaction: false },
      executionWeight: 10,
      weights: { 产出指标: 40, 成本指标: 20, 效益指标: 30 },
    },
    {
      when: { hasCost: true },
      executionWeight: 10,
      weights: { 产出指标: 40, 成本指标: 20, 效益指标: 20, 满意度指标: 10 },
    },
    { when: { hasSatisfaction: false }, executionWeight: 10, weights: { 产出指标: 50, 效益指标: 40 } },
  ],
  execution: {
    kind: "banded",
    denominator: "adjustedBudget",
    fullIf: "completedWithinBudget",
    bands: [
      { lo: incl(0.8), hi: excl(1), out: 0.7 },
      { lo: incl(1), out: 0.7 },
      { lo: incl(0.6), hi: excl(0.8), out: 0.5 },
      { hi: excl(0.6), out: 0 },
    ],
  },
  positive: { kind: "passMark", pass: incl(0.6) },
  satisfaction: {
    input: "value",
    bands: [
      { lo: incl(0.9), out: 1 },
      { lo: incl(0.8), hi: excl(0.9), out: 0.8 },
      { lo: incl(0.6), hi: excl(0.8), out: 0.5 },
      { hi: excl(0.6), out: 0 },
    ],
  },
};

/** The MoF platform's vendor template: what its SQL and JS do, grade version A. */
const PLATFORM = {
  ...BASE_2020,
  id: "mof-platform",
  label: "财政部一体化平台（执行率得分不封顶；超目标 120% 标红；等级 ≥90 优）",
  labelEn: "MoF budget platform (uncapped execution score; flag at 120% of target; excellent ≥ 90)",
  short: "平台",
  shortEn: "Platform",
  status: "platform",
  sources: [SOURCES.platformScoring, SOURCES.platformTotal],
  note: "平台行为而非政策：超支时执行率得分可超过 10 分；调整后预算数为 0 时按 ÷1 计",
  noteEn: "A platform's behaviour, not policy: overspending scores above 10; a zero adjusted budget divides by 1",
  execution: { kind: "proportional", denominator: "adjustedBudget", cap: null, zeroBudget: "divideByOne" },
  equal: { otherwise: "asPositive" },
  qualitativeBands: { ...BANDS_80_60, outOfBand: "zero" },
  adjustments: [
    { kind: "overTarget", threshold: 1.2, incl: true, appliesTo: ["positive", "equal"], action: { kind: "flag" } },
    { kind: "manualDeduction", floor: 0 },
  ],
  rounding: {
    indicator: { places: 2, mode: "halfAwayFromZero" },
    execution: { places: 2, mode: "none" },
    total: { places: 2, mode: "halfAwayFromZero" },
    gradeOn: "roundedTotal",
  },
};

const PLATFORM_B = {
  ...PLATFORM,
  id: "mof-platform-b",
  label: "财政部一体化平台 版本B（优 须 >90：总分恰为 90.00 不定级）",
  labelEn: "MoF budget platform, version B (excellent needs > 90: a total of exactly 90.00 gets no grade)",
  note: "列表视图与部门修正脚本的写法：总分 = 90.00 不落入任何等级，平台显示为空；此处显示“未定级”",
  noteEn: "The list views' rule: a total of exactly 90.00 falls in no band (NULL on the platform); shown as ungraded",
  gradeBands: {
    gapPolicy: "ungraded",
    bands: [
      { grade: "优", lo: excl(90) },
      { grade: "良", lo: incl(80), hi: excl(90) },
      { grade: "中", lo: incl(60), hi: excl(80) },
      { grade: "差", hi: excl(60) },
    ],
  },
};

const PLATFORM_C = {
  ...PLATFORM,
  id: "mof-platform-c",
  label: "财政部一体化平台 版本C（旧脚本：≥80 优，≥70 良，≥60 中）",
  labelEn: "MoF budget platform, version C (older script: excellent ≥ 80, good ≥ 70, pass ≥ 60)",
  grades: GRADES_80_70_60,
};

const SICHUAN = {
  ...BASE_2020,
  id: "sc-2023",
  label: "四川2023（预算执行10分 + 绩效指标90分；执行率低于90%须说明原因）",
  labelEn: "Sichuan 2023 (execution 10 + indicators 90; a reason is required below 90% execution)",
  short: "四川2023",
  shortEn: "Sichuan 2023",
  status: "mandatory",
  sources: [SOURCES.sichuan2023],
  note: "表上未印执行率得分公式，按 10 × min(执行数 ÷ 调整后预算数, 1) 计；“低于90%”按未取整的执行率判断",
  noteEn:
    "The form prints no execution formula: 10 × min(spent ÷ adjusted budget, 1) is assumed; “below 90%” is judged on the raw rate",
  execution: { kind: "proportional", denominator: "adjustedBudget", cap: 1, zeroBudget: "error" },
  reasons: { executionBelow: 0.9, executionOn: "raw" },
};

const HENAN_BOND = {
  ...BASE_2020,
  id: "ha-bond",
  label: "河南专项债（执行10/成本20/产出40/效益20/满意度10）",
  labelEn: "Henan special bonds (execution 10 / cost 20 / output 40 / benefit 20 / satisfaction 10)",
  short: "河南专项债",
  shortEn: "Henan bonds",
  status: "mandatory",
  sources: [SOURCES.henanBond],
  note: "无满意度指标：效益 +10；运营期无财政资金：执行率 0、成本 30",
  noteEn: "No satisfaction indicator: benefit +10; operating period without fiscal funds: execution 0, cost 30",
  level1: level1WithCost(40, 20, 20, 10),
  weightProfiles: [
    {
      when: { noFiscalFunds: true, hasSatisfaction: false },
      executionWeight: 0,
      weights: { 产出指标: 40, 成本指标: 30, 效益指标: 30 },
    },
    {
      when: { noFiscalFunds: true },
      executionWeight: 0,
      weights: { 产出指标: 40, 成本指标: 30, 效益指标: 20, 满意度指标: 10 },
    },
    { when: { hasSatisfaction: false }, executionWeight: 10, weights: { 产出指标: 40, 成本指标: 20, 效益指标: 30 } },
  ],
};

const D33 = {
  ...BASE_2020,
  id: "d33-caps",
  label: "一体化平台手册（超目标30%扣2分；按执行率封顶 89/79/69/59）",
  labelEn: "Platform manual (−2 at 130% of target; total capped by execution rate at 89/79/69/59)",
  short: "手册",
  shortEn: "Manual",
  status: "unverified",
  sources: [SOURCES.d33],
  note: "文档分享站上的操作手册，地区与文号不详；封顶区间的边界归属为假定（含下限、不含上限）",
  noteEn:
    "A manual on a document-sharing site, jurisdiction unknown; which side of each cap edge applies is assumed (lower included)",
  adjustments: [
    {
      kind: "overTarget",
      threshold: 1.3,
      incl: true,
      appliesTo: ["positive", "equal"],
      action: { kind: "deduct", points: 2 },
    },
  ],
  totalCaps: {
    boundsAssumed: true,
    bands: [
      { lo: incl(0.7), hi: excl(0.8), out: 89 },
      { lo: incl(0.6), hi: excl(0.7), out: 79 },
      { lo: incl(0.5), hi: excl(0.6), out: 69 },
      { hi: excl(0.5), out: 59 },
    ],
  },
};

export const SOURCED_RULE_SETS: unknown[] = [MOF_2021_101, PLATFORM, PLATFORM_B, PLATFORM_C, SICHUAN, HENAN_BOND, D33];
