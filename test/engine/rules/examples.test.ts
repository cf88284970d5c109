/** Every worked example of rules-reference §5 (indicators, totals, grades, caps) as a table, plus edges per rule kind. */
import {
  explainOutcome,
  getRuleSet,
  gradeFor,
  scoreIndicator,
  scoreTotal,
  type IndicatorInput,
  parseRuleSet,
  ruleIssueText,
  weightsFor,
  type RuleSet,
} from "../../../src/engine";

function score(input: IndicatorInput, rs: RuleSet) {
  const r = scoreIndicator(input, rs);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.data)}`);
  return r;
}

describe("§5.2 101号 pass mark (weight 10)", () => {
  const rs = getRuleSet("mof-2021-101");
  test.each([
    ["84%", 6],
    ["95%", 8.75],
    ["60%", 0],
    ["59%", 0],
    ["100%", 10],
    ["60.01%", 0],
    ["120%", 10],
  ])("completion %s → %p", (actual, want) => {
    expect(score({ nature: "≥", target: "100%", actual, weight: 10 }, rs).value.score).toBe(want);
  });
  test("the explanation names the pass-mark clause, in both languages", () => {
    const r = score({ nature: "≥", target: "100%", actual: "84%", weight: 10 }, rs);
    expect(r.explanation).toBe("≥100%，实际 84%：101号及格线：(84% − 60%) ÷ (100% − 60%) × 10 = 6");
    expect(explainOutcome(r, "en")).toBe("≥100%, actual 84%: No. 101 pass mark: (84% − 60%) ÷ (100% − 60%) × 10 = 6");
  });
  test("a count works the same way: 42 of 50 is 84%", () => {
    expect(score({ target: "≥50个", actual: 42, weight: 10 }, rs).value.score).toBe(6);
  });
});

describe("§5.3 101号 satisfaction bands (weight 10)", () => {
  const rs = getRuleSet("mof-2021-101");
  test.each([
    ["92%", 10],
    ["90%", 10],
    ["89.99%", 8],
    ["85%", 8],
    ["80%", 8],
    ["60%", 5],
    ["59%", 0],
  ])("satisfaction %s → %p", (actual, want) => {
    const input = { target: "≥90%", actual, weight: 10, level1: "满意度指标", level2: "服务对象满意度指标" };
    expect(score(input, rs).value.score).toBe(want);
  });
  test("only satisfaction indicators use the bands: a 合格率 of 85% uses the pass mark", () => {
    const input = { target: "≥90%", actual: "85%", weight: 10, level1: "产出指标", level2: "质量指标" };
    expect(score(input, rs).value.score).toBe(excelish(((0.85 / 0.9 - 0.6) / 0.4) * 10));
  });
  test("the clause is named", () => {
    const input = { target: "≥90%", actual: "85%", weight: 10, level1: "满意度指标" };
    expect(score(input, rs).explanation).toContain("101号满意度分段：满意度 85%，80%–90% 得 8 分");
  });
});

function excelish(x: number): number {
  return Math.round(x * 100) / 100;
}

describe("§5.5 platform positive (target 100, weight 8)", () => {
  const rs = getRuleSet("mof-platform");
  test("85 → 6.80", () => expect(score({ target: "≥100", actual: 85, weight: 8 }, rs).value.score).toBe(6.8));
  test("130 → 8.00, flagged for a manual score (≥ 120%)", () => {
    const r = score({ target: "≥100", actual: 130, weight: 8 }, rs);
    expect(r.value.score).toBe(8);
    expect(r.value.flags).toEqual(["over-target"]);
    expect(r.explanation).toContain("标红");
  });
  test("120 exactly is flagged, 119.99 is not", () => {
    expect(score({ target: "≥100", actual: 120, weight: 8 }, rs).value.flags).toEqual(["over-target"]);
    expect(score({ target: "≥100", actual: 119.99, weight: 8 }, rs).value.flags).toBeUndefined();
  });
  test("−5 is clamped to 0 → 0", () =>
    expect(score({ target: "≥100", actual: -5, weight: 8 }, rs).value.score).toBe(0));
  test("a manual deduction comes off, never below 0", () => {
    expect(score({ target: "≥100", actual: 85, weight: 8, deduction: 1.5 }, rs).value.score).toBe(5.3);
    expect(score({ target: "≥100", actual: 85, weight: 8, deduction: 20 }, rs).value.score).toBe(0);
  });
  test("the default set ignores a deduction (it has no such rule)", () => {
    expect(score({ target: "≥100", actual: 85, weight: 8, deduction: 1.5 }, getRuleSet("mof-2020")).value.score).toBe(
      6.8,
    );
  });
});

describe("§5.6 platform reverse (linear to 2 × target)", () => {
  const rs = getRuleSet("mof-platform");
  test.each([
    [45, 10, 10],
    [60, 10, 8],
    [100, 10, 0],
    [75, 6, 3],
  ])("≤50, actual %p, weight %p → %p", (actual, weight, want) => {
    expect(score({ target: "≤50", actual, weight }, rs).value.score).toBe(want);
  });
});

describe("§5.7 platform equal, target 0 (weight 5)", () => {
  const rs = getRuleSet("mof-platform");
  test("0 → 5", () => expect(score({ target: "=0", actual: 0, weight: 5 }, rs).value.score).toBe(5));
  test("3 → 0", () => expect(score({ target: "=0", actual: 3, weight: 5 }, rs).value.score).toBe(0));
});

describe("§5.8 platform total and grade versions A / B / C", () => {
  test.each([
    ["mof-platform", 9, 85.5, 94.5, "优"],
    ["mof-platform-b", 9, 85.5, 94.5, "优"],
    ["mof-platform-c", 9, 85.5, 94.5, "优"],
    ["mof-platform", 9, 81, 90, "优"],
    ["mof-platform-b", 9, 81, 90, "未定级"],
    ["mof-platform-c", 9, 81, 90, "优"],
    ["mof-platform-b", 9, 81.01, 90.01, "优"],
    ["mof-platform-b", 9, 80.99, 89.99, "良"],
    ["mof-platform-c", 9, 70, 79, "良"],
  ])("%s: execution %p + indicators %p = %p → %s", (id, exec, ind, total, grade) => {
    const r = scoreTotal({ execution: exec, indicators: [ind] }, getRuleSet(id));
    expect(r.ok && r.value.total).toBe(total);
    expect(r.ok && r.value.grade).toBe(grade);
  });
  test("version B's gap is explained as such", () => {
    const r = scoreTotal({ execution: 9, indicators: [81] }, getRuleSet("mof-platform-b"));
    expect(r.ok && r.explanation).toContain("不在平台的任何等级区间内：未定级");
    expect(explainOutcome(r, "en")).toContain("ungraded");
  });
  test("overspent: 11 + 85.5 = 96.5, the execution score uncapped", () => {
    const r = scoreTotal({ execution: 11, indicators: [85.5] }, getRuleSet("mof-platform"));
    expect(r.ok && r.value.total).toBe(96.5);
  });
});

describe("§5.10 platform qualitative range (weight 10)", () => {
  const rs = getRuleSet("mof-platform");
  test.each([
    ["部分达成", 8, 0],
    ["部分达成", 6, 6],
    ["达成", 7.99, 0],
    ["达成", 8, 8],
  ])("%s, stated %p → %p", (actual, stated, want) => {
    expect(score({ target: "达成预期", actual, weight: 10, statedScore: stated }, rs).value.score).toBe(want);
  });
  test("the default set keeps its own default for an out-of-band score (0.7 × w)", () => {
    const r = score({ target: "达成预期", actual: "部分达成", weight: 10, statedScore: 8 }, getRuleSet("mof-2020"));
    expect(r.value.score).toBe(7);
  });
});

describe("§5.11 D33: −2 at ≥ 130% of target, then caps by execution rate", () => {
  const rs = getRuleSet("d33-caps");
  test("target 100, actual 130, weight 10 → 8", () => {
    const r = score({ target: "≥100", actual: 130, weight: 10 }, rs);
    expect(r.value.score).toBe(8);
    expect(r.explanation).toContain("扣 2 分");
  });
  test("actual 129 → 10", () => expect(score({ target: "≥100", actual: 129, weight: 10 }, rs).value.score).toBe(10));
  test("the deduction never goes below 0", () => {
    expect(score({ target: "≥100", actual: 200, weight: 1.5 }, rs).value.score).toBe(0);
  });
  test.each([
    [93, 0.75, 89],
    [85, 0.65, 79],
    [85, 0.45, 59],
    [85, 0.85, 85],
    [85, 0.8, 85],
    [93, 0.7, 89],
    [93, 0.6999, 79],
    [75, 0.55, 69],
    [60, 0.55, 60],
  ])("raw total %p, execution %p → %p", (raw, rate, want) => {
    const r = scoreTotal({ indicators: [raw], executionRate: rate }, rs);
    expect(r.ok && r.value.total).toBe(want);
  });
  test("a cap is explained with its band and the assumption about edges", () => {
    const r = scoreTotal({ indicators: [93], executionRate: 0.75 }, rs);
    expect(r.ok && r.explanation).toContain("手册规则：执行率 75% 在 70%–80%，总分最高 89（区间边界归属为假定）");
  });
});

describe("default grades: lower bounds included, unchanged", () => {
  const rs = getRuleSet("mof-2020");
  test.each([
    [90, "优"],
    [89.995, "优"],
    [89.99, "良"],
    [80, "良"],
    [60, "中"],
    [59.99, "差"],
    [Number.NaN, "差"],
  ])("%p → %s", (t, g) => expect(gradeFor(t, rs)).toBe(g));
});

test("a rule set's equal rule 'exactOrZero': = 17 个, actual 16 → 0", () => {
  const rs = { ...getRuleSet("mof-2020"), equal: { otherwise: "exactOrZero" as const } };
  expect(score({ target: "=17个", actual: 16, weight: 4 }, rs).value.score).toBe(0);
  expect(score({ target: "=17个", actual: 17, weight: 4 }, rs).value.score).toBe(4);
});

describe("§5.4 weight profiles: 101号 and 河南专项债", () => {
  const w = (id: string, facts: Parameters<typeof weightsFor>[1]) => {
    const r = weightsFor(getRuleSet(id), facts);
    return [
      r.executionWeight,
      r.level1["成本指标"],
      r.level1["产出指标"],
      r.level1["效益指标"],
      r.level1["满意度指标"],
    ];
  };
  test.each<[string, Parameters<typeof weightsFor>[1], number[]]>([
    ["mof-2021-101", { hasCost: true, hasSatisfaction: true }, [10, 20, 40, 20, 10]],
    ["mof-2021-101", { hasCost: false, hasSatisfaction: true }, [10, 0, 50, 30, 10]],
    ["mof-2021-101", { hasCost: true, hasSatisfaction: false }, [10, 20, 40, 30, 0]],
    ["mof-2021-101", { hasCost: false, hasSatisfaction: false }, [10, 0, 50, 40, 0]],
    ["ha-bond", { hasCost: true, hasSatisfaction: true }, [10, 20, 40, 20, 10]],
    ["ha-bond", { hasCost: true, hasSatisfaction: false }, [10, 20, 40, 30, 0]],
    ["ha-bond", { hasCost: true, hasSatisfaction: true, noFiscalFunds: true }, [0, 30, 40, 20, 10]],
    ["ha-bond", { hasCost: true, hasSatisfaction: false, noFiscalFunds: true }, [0, 30, 40, 30, 0]],
  ])("%s %p → 执行/成本/产出/效益/满意度 %p", (id, facts, want) => {
    expect(w(id, facts)).toEqual(want);
  });
  test("every profile adds up to the total", () => {
    for (const id of ["mof-2021-101", "ha-bond"]) {
      for (const p of getRuleSet(id).weightProfiles!) {
        expect(p.executionWeight + Object.values(p.weights).reduce((a, b) => a + b, 0)).toBe(100);
      }
    }
  });
});

describe("§5.13 广西 (a user rule set): reason required at ≥ 130%, or ≥ 30 with a target of 0", () => {
  const rs = parseRuleSet({
    ...getRuleSet("mof-2020"),
    id: "gx-reason",
    adjustments: [
      {
        kind: "overTarget",
        threshold: 1.3,
        incl: true,
        appliesTo: ["positive", "equal"],
        zeroTargetAbsolute: 30,
        action: { kind: "requireReason" },
      },
    ],
  });
  if (!rs.ok) throw new Error(rs.issues.map((i) => ruleIssueText(i, "zh-CN")).join("; "));
  test.each<[string, number, boolean]>([
    ["≥100", 130, true],
    ["≥100", 129.9, false],
    ["=0", 30, true],
    ["=0", 29, false],
  ])("target %s, actual %p → reason required %p", (target, actual, want) => {
    const r = score({ target, actual, weight: 10 }, rs.ruleSet);
    expect(r.value.flags?.includes("reason-required") ?? false).toBe(want);
  });
});
