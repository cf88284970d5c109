/** The sourced built-in rule sets: ids, sources, status, and the execution examples of rules-reference §5. */
import { getRuleSet, listRuleSets, findRuleSet, scoreExecution, explainOutcome } from "../../../src/engine";

const NEW_IDS = ["mof-2021-101", "mof-platform", "mof-platform-b", "mof-platform-c", "sc-2023", "ha-bond", "d33-caps"];
const OLD_IDS = ["mof-2020", "exec20", "exec10-90", "cost-level1", "prov-80-50", "dept-gs"];

test.each([...OLD_IDS, ...NEW_IDS])("%s is listed with a status, sources and both labels", (id) => {
  const r = findRuleSet(id)!;
  expect(r).toBeDefined();
  expect(r.status).toMatch(/^(mandatory|recommended|platform|unverified)$/);
  expect(r.sources!.length).toBeGreaterThan(0);
  for (const s of r.sources!) expect(s.where.length).toBeGreaterThan(5);
  expect(r.label).toMatch(/[\u4e00-\u9fff]/);
  expect(r.labelEn).toMatch(/[A-Za-z]/);
});

test("the listing keeps today's ids first, in their order", () => {
  expect(
    listRuleSets()
      .map((r) => r.id)
      .slice(0, OLD_IDS.length),
  ).toEqual(OLD_IDS);
});

test.each([
  ["mof-2021-101", "recommended", "财预〔2021〕101号", 2021],
  ["mof-2020", "mandatory", "财预〔2020〕10号", 2020],
  ["mof-platform", "platform", undefined, undefined],
  ["d33-caps", "unverified", undefined, 2022],
])("%s: status %s, 文号 %s, year %s", (id, status, docNo, year) => {
  const r = getRuleSet(id);
  expect(r.status).toBe(status);
  expect(r.sources![0].docNo).toBe(docNo);
  expect(r.sources![0].year).toBe(year);
});

test("version B says, in both languages, that 90.00 is left ungraded", () => {
  const r = getRuleSet("mof-platform-b");
  expect(r.label).toMatch(/90\.00 不定级/);
  expect(r.labelEn).toMatch(/90\.00 gets no grade/);
});

describe("rules-reference §5.1: 101号 execution bands (weight 10)", () => {
  const rs = getRuleSet("mof-2021-101");
  test.each<[string, number, number, boolean | undefined, number]>([
    ["not completed, 85%", 200, 170, false, 7],
    ["rate 60% exactly", 200, 120, false, 5],
    ["rate 59.9%", 1000, 599, false, 0],
    ["completed within budget at 92%", 200, 184, true, 10],
    ["rate 80% exactly", 100, 80, false, 7],
    ["rate 79.99%", 10000, 7999, false, 5],
    ["not completed at 100%", 100, 100, false, 7],
    ["completed but over budget", 100, 110, true, 7],
  ])("%s → %p", (_name, budget, spent, completed, want) => {
    const r = scoreExecution({ budget, spent, weight: 10, completed }, rs);
    expect(r.ok && r.value.score).toBe(want);
  });

  test("the explanation names the clause: 101号执行率分段：未完成，80%–100% 得 7 分", () => {
    const r = scoreExecution({ budget: 200, spent: 170, weight: 10, completed: false }, rs);
    expect(r.ok && r.explanation).toContain("101号执行率分段：未完成，80%–100% 得 7 分");
    expect(explainOutcome(r, "en")).toContain("No. 101 execution bands: not completed, 80%–100% scores 7");
  });

  test("completion not stated: scored as not completed, full marks kept as the alternative", () => {
    const r = scoreExecution({ budget: 200, spent: 170, weight: 10 }, rs);
    expect(r.ok && r.value.score).toBe(7);
    expect(r.ok && r.value.alternatives).toEqual([10]);
    expect(r.ok && r.explanation).toContain("未注明项目是否完成");
  });
});

describe("rules-reference §5.8: the MoF platform's execution score", () => {
  const rs = getRuleSet("mof-platform");
  test("AMT3 200, AMT4 180 → 9", () => {
    const r = scoreExecution({ budget: 200, spent: 180, weight: 10 }, rs);
    expect(r.ok && r.value.score).toBe(9);
  });
  test("overspent AMT4 220 → 11, uncapped, and the explanation says so", () => {
    const r = scoreExecution({ budget: 200, spent: 220, weight: 10 }, rs);
    expect(r.ok && r.value.score).toBe(11);
    expect(r.ok && r.explanation).toContain("不封顶");
  });
  test("AMT3 0 divides by 1: 10 × AMT4", () => {
    const r = scoreExecution({ budget: 0, spent: 0.5, weight: 10 }, rs);
    expect(r.ok && r.value.score).toBe(5);
  });
  test("no rounding: 10 × 2/3", () => {
    const r = scoreExecution({ budget: 3, spent: 2, weight: 10 }, rs);
    expect(r.ok && r.value.score).toBeCloseTo(20 / 3, 12);
  });
});

describe("rules-reference §5.12: 四川 requires a reason below 90%, on the raw rate", () => {
  const rs = getRuleSet("sc-2023");
  test.each<[number, boolean]>([
    [180, false],
    [179.99, true],
    [150, true],
  ])("executed %p of 200 → reason required %p", (spent, want) => {
    const r = scoreExecution({ budget: 200, spent, weight: 10 }, rs);
    expect(r.ok && Boolean(r.value.reasonRequired)).toBe(want);
  });
});

test("the default set's execution score is unchanged: 10 × min(rate, 1), zero budget an error", () => {
  const rs = getRuleSet("mof-2020");
  const r = scoreExecution({ budget: 200, spent: 220 }, rs);
  expect(r.ok && r.value.score).toBe(10);
  expect(r.ok && r.explanation).toBe("执行率 220 ÷ 200 = 110.00%，得分 10 × 100% = 10（超过 100% 按 100% 计）");
  expect(scoreExecution({ budget: 0, spent: 5 }, rs)).toMatchObject({ ok: false, code: "budget-not-positive" });
});
