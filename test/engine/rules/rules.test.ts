import { BUILTIN_RULE_SETS } from "../../../src/engine/rules/builtin";
import {
  DEFAULT_RULE_SET_ID,
  findRuleSet,
  getRuleSet,
  listRuleSets,
  parseRuleSet,
  type RuleSet,
} from "../../../src/engine/rules/index";
import { RuleSetSchema } from "../../../src/engine/rules/schema";
import { scoreIndicator } from "../../../src/engine/scoring/indicator";
import { gradeFor, ruleIssueText } from "../../../src/engine";

const all = listRuleSets();

test("every built-in is listed (none dropped at load)", () => {
  expect(all).toHaveLength(BUILTIN_RULE_SETS.length);
  expect(all.length).toBeGreaterThanOrEqual(5);
});

describe.each(all.map((r) => [r.id, r] as const))("built-in %s", (_id, r) => {
  test("passes RuleSetSchema", () => {
    expect(RuleSetSchema.safeParse(r).success).toBe(true);
  });
  test("passes parseRuleSet (schema and consistency) unchanged: the built-ins are not parsed at load", () => {
    const parsed = parseRuleSet(r);
    expect(parsed).toEqual({ ok: true, ruleSet: r });
  });
  test("execution + 一级 weights = total", () => {
    expect(r.executionWeight + r.level1.reduce((s, l) => s + l.weight, 0)).toBe(r.total);
  });
  test("has a Chinese label", () => {
    expect(r.label).toMatch(/[\u4e00-\u9fff]/);
  });
  test("bands are ordered and defaults sit inside their band", () => {
    const b = r.qualitativeBands;
    expect(b.partialFloor).toBeLessThan(b.metFloor);
    expect(b.partialDefault).toBeGreaterThanOrEqual(b.partialFloor);
    expect(b.partialDefault).toBeLessThan(b.metFloor);
    expect(b.unmetDefault).toBeLessThan(b.partialFloor);
  });
});

test("ids are unique", () => {
  expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
});

test.each([
  ["mof-2020", 10, { 产出指标: 50, 效益指标: 30, 满意度指标: 10 }, "linear", [90, 80, 60], [0.8, 0.6]],
  ["exec20", 20, { 产出指标: 40, 效益指标: 30, 满意度指标: 10 }, "linear", [90, 80, 60], [0.8, 0.6]],
  ["exec10-90", 10, { 产出指标: 60, 效益指标: 20, 满意度指标: 10 }, "linear", [90, 80, 60], [0.8, 0.6]],
  ["cost-level1", 10, { 产出指标: 30, 成本指标: 20, 效益指标: 30, 满意度指标: 10 }, "linear", [90, 80, 60], [0.8, 0.6]],
  ["dept-gs", 10, { 部门管理: 20, 履职效果: 50, 能力建设: 10, 满意度: 10 }, "ratio", [80, 70, 60], [0.8, 0.5]],
])("%s: execution %p, 一级 %p, reverse %p, grades %p, bands %p", (id, exec, level1, reverse, grades, bands) => {
  const r = findRuleSet(id)!;
  expect(r).toBeDefined();
  expect(r.executionWeight).toBe(exec);
  expect(Object.fromEntries(r.level1.map((l) => [l.name, l.weight]))).toEqual(level1);
  expect(r.reverseRule).toBe(reverse);
  expect([r.grades.excellent, r.grades.good, r.grades.pass]).toEqual(grades);
  expect([r.qualitativeBands.metFloor, r.qualitativeBands.partialFloor]).toEqual(bands);
});

test("mof-2020 lists the 二级 of domain.md", () => {
  const r = getRuleSet("mof-2020");
  const l2 = Object.fromEntries(r.level1.map((l) => [l.name, l.level2]));
  expect(l2["产出指标"]).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
  expect(l2["效益指标"]).toEqual(["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]);
  expect(l2["满意度指标"]).toEqual(["服务对象满意度指标"]);
  expect(r.overAchievementRatio).toBe(1.2);
});

test("dept-gs is written for the department form; 成本指标 is less-is-better where it is a 一级", () => {
  expect(getRuleSet("dept-gs").form).toBe("department");
  expect(getRuleSet("cost-level1").level1.find((l) => l.name === "成本指标")?.lessIsBetter).toBe(true);
});

test.each([[undefined], [null], [""], ["no-such-set"]])("getRuleSet(%p) falls back to the default", (id) => {
  expect(getRuleSet(id).id).toBe(DEFAULT_RULE_SET_ID);
});

test("findRuleSet of an unknown id is undefined", () => {
  expect(findRuleSet("nope")).toBeUndefined();
});

test("listRuleSets returns a copy the caller cannot use to drop a built-in", () => {
  listRuleSets().pop();
  expect(listRuleSets()).toHaveLength(all.length);
});

const base: RuleSet = getRuleSet("mof-2020");

test("a custom rule set given as JSON parses", () => {
  const json = JSON.stringify({ ...base, id: "hunan-2024", label: "湖南2024" });
  const r = parseRuleSet(JSON.parse(json));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.ruleSet.id).toBe("hunan-2024");
});

test.each<[string, unknown, RegExp]>([
  ["not an object", null, /^（规则集）：应为对象/],
  ["bad id", { ...base, id: "Bad Id" }, /^id：/],
  ["empty label", { ...base, label: "" }, /^label：/],
  ["weight as text", { ...base, executionWeight: "10" }, /^executionWeight：应为数字，而不是 "10"/],
  ["unknown form", { ...base, form: "school" }, /^form：只能取/],
  ["unknown reverse rule", { ...base, reverseRule: "log" }, /^reverseRule：只能取/],
  ["no 一级", { ...base, level1: [] }, /^level1：/],
  ["missing bands", { ...base, qualitativeBands: undefined }, /^qualitativeBands：/],
  ["negative weight", { ...base, level1: [{ ...base.level1[0], weight: -5 }] }, /^level1\[0\]\.weight：应≥ 0/],
  ["weights not adding up", { ...base, executionWeight: 20 }, /之和为 110，应等于总分 100/],
  [
    "bands out of order",
    { ...base, qualitativeBands: { ...base.qualitativeBands, partialFloor: 0.9 } },
    /partialFloor/,
  ],
  ["grades out of order", { ...base, grades: { excellent: 60, good: 80, pass: 90 } }, /grades/],
  ["repeated 一级", { ...base, level1: [base.level1[0], base.level1[0], base.level1[2]], executionWeight: 0 }, /重复/],
])("a malformed rule set (%s) is rejected with a readable issue", (_name, data, want) => {
  const r = parseRuleSet(data);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    const zh = r.issues.map((i) => ruleIssueText(i, "zh-CN"));
    expect(zh.some((i) => want.test(i))).toBe(true);
    for (const i of zh) expect(i).not.toMatch(/Invalid input/);
    // The same issues in English: no Chinese outside what the user wrote (quoted “…”).
    for (const i of r.issues) {
      expect(ruleIssueText(i, "en").replace(/“[^”]*”/g, "")).not.toMatch(/[\u4e00-\u9fff（）：]/u);
    }
  }
});

describe("prov-80-50: the 2020 project weights with bands 80/50, grades 80/70/60 and reverse A/B", () => {
  const rs = getRuleSet("prov-80-50");
  test.each([
    ["cost over target scores A/B", { nature: "≤", target: 100, actual: 150, weight: 10 }, 6.67],
    ["部分达成 defaults inside 50–80%", { target: "有效促进", actual: "部分达成", weight: 10 }, 6.5],
  ])("%s", (_n, input, score) => {
    const out = scoreIndicator(input, rs);
    expect(out.ok && out.value.score).toBe(score);
  });
  test.each([
    [80, "优"],
    [79.99, "良"],
    [70, "良"],
    [60, "中"],
    [59.99, "差"],
  ])("总分 %p → %s", (total, grade) => expect(gradeFor(total, rs)).toBe(grade));
  test("is a project rule set with the 2020 一级 weights", () => {
    expect(rs.form).toBe("project");
    expect(rs.level1.map((l) => [l.name, l.weight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
  });
});
