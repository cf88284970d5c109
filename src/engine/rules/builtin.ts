/**
 * The built-in rule sets, as plain data. Adding a province is adding one object here (or loading
 * one from JSON through `parseRuleSet`). Every entry is checked against RuleSetSchema when the
 * module loads (see ./index.ts), so a broken built-in fails the tests instead of shipping.
 */

/** The usual 二级 under each 一级 (domain.md), shared by the rule sets that use these 一级. */
export const LEVEL2 = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  产出指标无成本: ["数量指标", "质量指标", "时效指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  满意度指标: ["服务对象满意度指标"],
} as const;

const ALIASES = {
  产出指标: ["产出"],
  效益指标: ["效益", "效果指标"],
  满意度指标: ["满意度", "满意度指标"],
  成本指标: ["成本"],
};

/** 财政部 2020 bands: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight. */
const BANDS_80_60 = { metFloor: 0.8, partialFloor: 0.6, partialDefault: 0.7, unmetDefault: 0.3 };
/** Some provinces: 达成 80–100%, 部分达成 50–80%, 未达成 0–50%. */
const BANDS_80_50 = { metFloor: 0.8, partialFloor: 0.5, partialDefault: 0.65, unmetDefault: 0.25 };

const GRADES_90_80_60 = { excellent: 90, good: 80, pass: 60 };
const GRADES_80_70_60 = { excellent: 80, good: 70, pass: 60 };

function projectLevel1(output: number, benefit: number, satisfaction: number) {
  return [
    { name: "产出指标", aliases: ALIASES.产出指标, weight: output, level2: [...LEVEL2.产出指标] },
    { name: "效益指标", aliases: ALIASES.效益指标, weight: benefit, level2: [...LEVEL2.效益指标] },
    { name: "满意度指标", aliases: ALIASES.满意度指标, weight: satisfaction, level2: [...LEVEL2.满意度指标] },
  ];
}

/** Unvalidated data; ./index.ts parses each entry with RuleSetSchema. */
export const BUILTIN_RULE_SETS: unknown[] = [
  {
    id: "mof-2020",
    label: "财政部2020（产出50/效益30/满意度10/执行率10）",
    labelEn: "MoF 2020 (output 50 / benefit 30 / satisfaction 10 / execution 10)",
    form: "project",
    executionWeight: 10,
    level1: projectLevel1(50, 30, 10),
    total: 100,
    qualitativeBands: BANDS_80_60,
    grades: GRADES_90_80_60,
    reverseRule: "linear",
    overAchievementRatio: 1.2,
  },
  {
    id: "exec20",
    label: "执行率20分（产出40/效益30/满意度10）",
    labelEn: "Execution 20 (output 40 / benefit 30 / satisfaction 10)",
    form: "project",
    executionWeight: 20,
    level1: projectLevel1(40, 30, 10),
    total: 100,
    qualitativeBands: BANDS_80_60,
    grades: GRADES_90_80_60,
    reverseRule: "linear",
    overAchievementRatio: 1.2,
  },
  {
    id: "exec10-90",
    label: "执行率10分（产出60/效益20/满意度10）",
    labelEn: "Execution 10 (output 60 / benefit 20 / satisfaction 10)",
    form: "project",
    executionWeight: 10,
    level1: projectLevel1(60, 20, 10),
    total: 100,
    qualitativeBands: BANDS_80_60,
    grades: GRADES_90_80_60,
    reverseRule: "linear",
    overAchievementRatio: 1.2,
  },
  {
    id: "cost-level1",
    label: "成本单列（产出30/成本20/效益30/满意度10/执行率10）",
    labelEn: "Cost as its own level 1 (output 30 / cost 20 / benefit 30 / satisfaction 10 / execution 10)",
    form: "project",
    executionWeight: 10,
    level1: [
      { name: "产出指标", aliases: ALIASES.产出指标, weight: 30, level2: [...LEVEL2.产出指标无成本] },
      {
        name: "成本指标",
        aliases: ALIASES.成本指标,
        weight: 20,
        level2: [...LEVEL2.成本指标],
        lessIsBetter: true,
      },
      { name: "效益指标", aliases: ALIASES.效益指标, weight: 30, level2: [...LEVEL2.效益指标] },
      { name: "满意度指标", aliases: ALIASES.满意度指标, weight: 10, level2: [...LEVEL2.满意度指标] },
    ],
    total: 100,
    qualitativeBands: BANDS_80_60,
    grades: GRADES_90_80_60,
    reverseRule: "linear",
    overAchievementRatio: 1.2,
  },
  {
    // Provinces that keep the 2020 weights but grade and band differently (e.g. 80/70/60 grades,
    // 部分达成 from 50%, costs scored A/B): a project form with those three choices.
    id: "prov-80-50",
    label: "省级常用（产出50/效益30/满意度10/执行率10；定性80/50档，等级80/70/60，反向按A/B）",
    labelEn:
      "Provincial (output 50 / benefit 30 / satisfaction 10 / execution 10; bands 80/50, grades 80/70/60, reverse A/B)",
    form: "project",
    executionWeight: 10,
    level1: projectLevel1(50, 30, 10),
    total: 100,
    qualitativeBands: BANDS_80_50,
    grades: GRADES_80_70_60,
    reverseRule: "ratio",
    overAchievementRatio: 1.2,
  },
  {
    id: "dept-gs",
    label: "部门整体（部门管理20/履职效果50/能力建设10/满意度10/执行率10）",
    labelEn: "Department (management 20 / performance 50 / capacity 10 / satisfaction 10 / execution 10)",
    form: "department",
    executionWeight: 10,
    level1: [
      {
        name: "部门管理",
        aliases: ["部门管理指标"],
        weight: 20,
        level2: ["资金投入", "财务管理", "采购管理", "资产管理", "人员管理", "制度管理"],
      },
      {
        name: "履职效果",
        aliases: ["履职效果指标", "产出指标", "效益指标"],
        weight: 50,
        level2: ["部门履职目标", "部门效果目标", "数量指标", "质量指标", "时效指标", "社会效益指标"],
      },
      { name: "能力建设", aliases: ["能力建设指标"], weight: 10, level2: ["长效管理", "人力资源建设", "档案管理"] },
      { name: "满意度", aliases: ["满意度指标", "服务对象满意度"], weight: 10, level2: ["服务对象满意度指标"] },
    ],
    total: 100,
    qualitativeBands: BANDS_80_50,
    grades: GRADES_80_70_60,
    reverseRule: "ratio",
    overAchievementRatio: 1.2,
  },
];
