/**
 * planCalculation: which cells `calculate` may fill (empty, or our own stale JX formula), which
 * typed values become conflicts (never writes), and which rows become problems.
 */
import { planCalculation, type CalcPlan } from "../../../src/engine/calculate/plan";
import { getRuleSet } from "../../../src/engine/rules";
import { a1 } from "../../../src/engine/sheet/snapshot";
import { projectSeed } from "../validate/tamper";

const RULES = getRuleSet("mof-2020");

type Seed = ReturnType<typeof projectSeed>;
const ind = (t: Seed, i: number) => t.layout.indicators.rows[i];
const scoreCol = (t: Seed) => t.layout.indicators.columns.score!;
const actualCol = (t: Seed) => t.layout.indicators.columns.actual!;

interface Expect {
  /** [A1, value] of every write. */
  writes: [string, unknown][];
  /** [code, A1] of every conflict. */
  conflicts: [string, string][];
  /** [code, A1] of every problem. */
  problems: [string, string][];
}

const CASES: [string, (t: Seed) => void, (t: Seed) => Expect][] = [
  [
    "an empty 得分 is filled with the rules' score",
    (t) => t.set(ind(t, 0), scoreCol(t), null),
    (t) => ({ writes: [[a1(ind(t, 0), scoreCol(t)), 40]], conflicts: [], problems: [] }),
  ],
  [
    "a 得分 holding our JX formula with a stale value is refreshed",
    (t) => t.set(ind(t, 0), scoreCol(t), 35, undefined, "=JX.INDICATORSCORE(D13,E13,F13,G13,H13)"),
    (t) => ({ writes: [[a1(ind(t, 0), scoreCol(t)), 40]], conflicts: [], problems: [] }),
  ],
  [
    "our JX formula already showing the right value is left alone",
    (t) => t.set(ind(t, 0), scoreCol(t), 40, undefined, "=JX.INDICATORSCORE(D13,E13,F13,G13,H13)"),
    () => ({ writes: [], conflicts: [], problems: [] }),
  ],
  [
    "a formula that is not ours and shows a wrong value is a conflict, not a write",
    (t) => t.set(ind(t, 0), scoreCol(t), 35, undefined, "=H13-5"),
    (t) => ({
      writes: [],
      conflicts: [
        ["score-mismatch", a1(ind(t, 0), scoreCol(t))],
        // The stated 总分 no longer adds up with the score the sheet shows.
        ["total-mismatch", a1(t.layout.total.row, t.layout.total.scoreCol)],
      ],
      problems: [],
    }),
  ],
  [
    "a formula not yet calculated (no cached value) is left alone",
    (t) => t.set(ind(t, 0), scoreCol(t), null, undefined, "=MIN(H13,G13/E13*H13)"),
    () => ({ writes: [], conflicts: [], problems: [] }),
  ],
  [
    "a typed value that differs is a conflict and is never overwritten",
    (t) => t.set(ind(t, 0), scoreCol(t), 30),
    (t) => ({
      writes: [],
      conflicts: [
        ["score-mismatch", a1(ind(t, 0), scoreCol(t))],
        // The stated 总分 no longer adds up with the score the sheet shows.
        ["total-mismatch", a1(t.layout.total.row, t.layout.total.scoreCol)],
      ],
      problems: [],
    }),
  ],
  [
    'a typed "—" means not applicable: it stays',
    (t) => t.set(ind(t, 0), scoreCol(t), "—"),
    () => ({ writes: [], conflicts: [], problems: [] }),
  ],
  [
    "an Excel error typed in a computed cell is a conflict",
    (t) => t.set(ind(t, 0), scoreCol(t), { error: "#VALUE!" }),
    (t) => ({ writes: [], conflicts: [["error-cell", a1(ind(t, 0), scoreCol(t))]], problems: [] }),
  ],
  [
    "a row without 实际完成值 is a problem; the total it feeds is one too",
    (t) => {
      t.set(ind(t, 0), actualCol(t), null);
      t.set(ind(t, 0), scoreCol(t), null);
      t.set(t.layout.total.row, t.layout.total.scoreCol, null);
    },
    (t) => ({
      writes: [],
      conflicts: [],
      problems: [
        ["actual-missing", a1(ind(t, 0), actualCol(t))],
        ["total-incomplete", a1(t.layout.total.row, t.layout.total.scoreCol)],
      ],
    }),
  ],
  [
    "a zero budget is a problem for the 执行率 and the execution 得分, reported once",
    (t) => {
      t.set(t.layout.funds.rows.total, t.layout.funds.columns.budget, 0);
      t.set(t.layout.funds.rows.total, t.layout.funds.columns.rate, null);
      t.set(t.layout.funds.rows.total, t.layout.funds.columns.score, null);
    },
    (t) => ({
      writes: [],
      conflicts: [],
      problems: [
        ["budget-not-positive", a1(t.layout.funds.rows.total, t.layout.funds.columns.budget)],
        // The total cannot add an execution score that cannot be computed.
        ["total-incomplete", a1(t.layout.total.row, t.layout.total.scoreCol)],
      ],
    }),
  ],
  [
    "a blank 总分 and 等级 are filled from the scores the sheet shows",
    (t) => {
      t.set(ind(t, 1), scoreCol(t), 15);
      t.set(t.layout.total.row, t.layout.total.scoreCol, null);
      t.set(t.layout.total.row, t.layout.total.gradeCol, null);
    },
    (t) => ({
      writes: [
        [a1(t.layout.total.row, t.layout.total.scoreCol), 95],
        [a1(t.layout.total.row, t.layout.total.gradeCol), "优"],
      ],
      conflicts: [["score-mismatch", a1(ind(t, 1), scoreCol(t))]],
      problems: [],
    }),
  ],
  [
    "a qualitative 得分 left empty gets the band's default; a typed one outside the band conflicts",
    (t) => {
      for (const i of [1, 2]) {
        t.set(ind(t, i), t.layout.indicators.columns.nature!, "定性");
        t.set(ind(t, i), t.layout.indicators.columns.target!, "达成预期指标", null);
        t.set(ind(t, i), t.layout.indicators.columns.unit!, null);
        t.set(ind(t, i), actualCol(t), "部分达成", null);
        t.set(ind(t, i), t.layout.indicators.columns.reason!, "部分任务顺延");
      }
      t.set(ind(t, 1), scoreCol(t), null);
    },
    (t) => ({
      writes: [[a1(ind(t, 1), scoreCol(t)), 14]],
      conflicts: [
        ["score-out-of-band", a1(ind(t, 2), scoreCol(t))],
        ["total-mismatch", a1(t.layout.total.row, t.layout.total.scoreCol)],
      ],
      problems: [],
    }),
  ],
];

function summary(plan: CalcPlan): Expect {
  return {
    writes: plan.writes.map((w) => [a1(w.row, w.col), w.value]),
    conflicts: plan.conflicts.map((f) => [f.code, f.cell!]),
    problems: plan.problems.map((f) => [f.code, f.cell!]),
  };
}

describe("planCalculation", () => {
  it.each(CASES)("%s", (_name, edit, expected) => {
    const t = projectSeed(0);
    edit(t);
    const before = structuredClone(t.sheet);
    const plan = planCalculation(t.sheet, RULES);
    expect(summary(plan)).toEqual(expected(t));
    // Planning never changes the snapshot it reads.
    expect(t.sheet).toEqual(before);
  });

  it("a write carries the cell's own number format when it has one, else the default", () => {
    const t = projectSeed(0);
    const { rows, columns } = t.layout.funds;
    t.set(rows.total, columns.rate, null, "0.0%");
    t.set(rows.fiscal, columns.rate, null, "General");
    const plan = planCalculation(t.sheet, RULES);
    const fmt = new Map(plan.writes.map((w) => [w.cell, w.numberFormat]));
    expect(fmt.get(a1(rows.total, columns.rate))).toBe("0.0%");
    expect(fmt.get(a1(rows.fiscal, columns.rate))).toBe("0.00%");
  });

  it("a refreshed JX formula is named in the write, with the engine's explanation", () => {
    const t = projectSeed(0);
    t.set(ind(t, 0), scoreCol(t), 1, undefined, "=JX.INDICATORSCORE(D13,E13,F13,G13,H13)");
    const [w] = planCalculation(t.sheet, RULES).writes;
    expect(w).toMatchObject({
      target: "indicatorScore",
      value: 40,
      formula: "=JX.INDICATORSCORE(D13,E13,F13,G13,H13)",
    });
    expect(w.explanation).toMatch(/40/);
  });

  it.each([
    ["score-above-weight", 50],
    ["score-mismatch", 30],
    ["error-cell", { error: "#NAME?" }],
    ["value-unreadable", "???"],
  ] as const)("a %s conflict carries the value the rules give (for an agreed replace)", (code, typed) => {
    const t = projectSeed(0);
    t.set(ind(t, 0), scoreCol(t), typed);
    const conflict = planCalculation(t.sheet, RULES).conflicts.find((f) => f.cell === a1(ind(t, 0), scoreCol(t)));
    expect(conflict).toMatchObject({ code, data: { expected: 40 } });
  });

  it("never throws on a sheet with no form, and plans nothing", () => {
    const plan = planCalculation({ name: "空", origin: { row: 0, col: 0 }, values: [], merges: [] }, RULES);
    expect(plan).toEqual({ writes: [], conflicts: [], problems: [], explained: [] });
  });

  it("explains every computed cell, written or not, with the value the rules give", () => {
    const t = projectSeed(0);
    t.set(ind(t, 0), scoreCol(t), null);
    const plan = planCalculation(t.sheet, RULES);
    const scoreCells = t.layout.indicators.rows.map((r) => a1(r, scoreCol(t)));
    const explained = new Map(plan.explained.map((w) => [w.cell, w]));
    for (const cell of scoreCells) expect(explained.get(cell)?.explanation).toMatch(/得/);
    expect(plan.writes.map((w) => w.cell)).toEqual([scoreCells[0]]);
    expect(explained.get(scoreCells[0])?.value).toBe(plan.writes[0].value);
  });
});
