/**
 * The engine end to end on the published forms of seeds/001 (three 项目支出 forms, one 部门整体
 * form, and all four stacked on one sheet): every block is found, every published 执行率 / 得分 /
 * 总分 / 等级 is reproduced, and a correct form gets no error — only the warnings it deserves
 * (seed 001 weights 产出 60 / 效益 20 against the rule set's 50 / 30).
 */
import { formatFinding } from "../../src/engine";
import { planCalculation, type CellWrite } from "../../src/engine/calculate/plan";
import { getRuleSet } from "../../src/engine/rules";
import { a1, type SheetSnapshot } from "../../src/engine/sheet/snapshot";
import { validateSheet } from "../../src/engine/validate/validate";
import {
  SEED001_DEPARTMENT,
  SEED001_PROJECTS,
  seedAllOnOneSheetWithLayout,
  seedDepartmentFormWithLayout,
  seedProjectFormsWithLayout,
  type DepartmentLayout,
  type FormLayout,
  type ProjectLayout,
} from "../fixtures/seed001";
import { seedDepartment002 } from "../fixtures/seed002";
import { tamperable } from "./validate/tamper";

const RULES = getRuleSet("mof-2020");

/** The warnings a seed project form deserves: 产出 60 ≠ 50 and 效益 20 ≠ 30, on each group's first 分值. */
function expectedWarnings(l: ProjectLayout): [string, string][] {
  const w = l.indicators.columns.weight!;
  return [
    ["level1-weight-differs", a1(l.indicators.rows[0], w)],
    ["level1-weight-differs", a1(l.indicators.rows[2], w)],
  ];
}

const projects = seedProjectFormsWithLayout();
const department = seedDepartmentFormWithLayout();
const stacked = seedAllOnOneSheetWithLayout();

const ALL: { name: string; sheet: SheetSnapshot; layouts: FormLayout[] }[] = [
  ...projects.map((p, i) => ({ name: `project ${i + 1}`, sheet: p.sheet, layouts: [p.layout as FormLayout] })),
  { name: "department", sheet: department.sheet, layouts: [department.layout] },
  { name: "all four stacked", sheet: stacked.sheet, layouts: stacked.layouts },
];

describe.each(ALL)("seed 001, $name", ({ sheet, layouts }) => {
  const check = validateSheet(sheet, RULES);

  it("finds every form and block where the seed has them", () => {
    expect(check.forms.map((f) => f.kind)).toEqual(layouts.map((l) => l.kind));
    layouts.forEach((l, i) => {
      const f = check.forms[i];
      expect(f.indicators?.rows.map((r) => r.row)).toEqual(l.indicators.rows);
      expect(f.indicators?.columns).toMatchObject(l.indicators.columns);
      if (l.kind === "project") {
        expect(f.funds?.columns).toMatchObject(l.funds.columns);
        expect(f.funds?.rows.find((r) => r.kind === "total")?.row).toBe(l.funds.rows.total);
        expect(f.total).toMatchObject(l.total);
      } else {
        expect(f.tasks?.rows).toEqual(l.tasks.rows);
        expect(f.tasks?.columns).toMatchObject(l.tasks.columns);
      }
    });
  });

  it("reports no error, and exactly the warnings the weights deserve", () => {
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    const expected = layouts.flatMap((l) => (l.kind === "project" ? expectedWarnings(l) : []));
    const got = check.findings.map((f) => [f.code, f.cell]);
    expect(got.sort()).toEqual(expected.sort());
  });

  it("plans nothing on the untouched form: no writes, no conflicts, no problems", () => {
    expect(planCalculation(sheet, RULES)).toMatchObject({ writes: [], conflicts: [], problems: [] });
  });
});

/** Blank every computed cell of a project form; return the published value of each, by A1. */
function blankProject(t: ReturnType<typeof tamperable>, l: ProjectLayout, n: number): Map<string, unknown> {
  const p = SEED001_PROJECTS[n];
  const want = new Map<string, unknown>();
  const blank = (row: number, col: number, value: unknown) => {
    t.set(row, col, null);
    want.set(a1(row, col), value);
  };
  blank(l.funds.rows.total, l.funds.columns.rate, p.execution.rate);
  blank(l.funds.rows.fiscal, l.funds.columns.rate, p.execution.rate);
  blank(l.funds.rows.total, l.funds.columns.score, p.execution.score);
  p.indicators.forEach((ind, i) => blank(l.indicators.rows[i], l.indicators.columns.score!, ind.score));
  blank(l.total.row, l.total.weightCol, p.total.weight);
  blank(l.total.row, l.total.scoreCol, p.total.score);
  blank(l.total.row, l.total.gradeCol, p.total.grade);
  return want;
}

function byCell(writes: CellWrite[]): Map<string, unknown> {
  return new Map(writes.map((w) => [a1(w.row, w.col), w.value]));
}

describe("planCalculation on seed forms with their computed cells blanked", () => {
  it.each(projects.map((p, i) => [i + 1, p] as const))("project %i: reproduces every published value", (n, p) => {
    const t = tamperable(p.sheet, p.layout);
    const want = blankProject(t, p.layout, n - 1);
    const plan = planCalculation(t.sheet, RULES);
    expect(plan.conflicts).toEqual([]);
    expect(plan.problems).toEqual([]);
    expect(byCell(plan.writes)).toEqual(want);
    for (const w of plan.writes) {
      expect(w.explanation.length).toBeGreaterThan(0);
      expect(w.numberFormat).toBe(w.target === "execRate" ? "0.00%" : "General");
    }
  });

  it("department: reproduces every published 预算执行率 of the 重点工作任务", () => {
    const l: DepartmentLayout = department.layout;
    const t = tamperable(department.sheet, l);
    const want = new Map<string, unknown>();
    SEED001_DEPARTMENT.tasks.forEach((task, i) => {
      t.set(l.tasks.rows[i], l.tasks.columns.rate, null);
      want.set(a1(l.tasks.rows[i], l.tasks.columns.rate), task.rate);
    });
    const plan = planCalculation(t.sheet, RULES);
    expect(byCell(plan.writes)).toEqual(want);
    expect(plan.writes.every((w) => w.target === "taskRate")).toBe(true);
  });

  it("all four stacked: fills each form's cells and only those", () => {
    const t = tamperable(stacked.sheet, stacked.layouts);
    const want = new Map<string, unknown>();
    // Layout order is 部门整体 first, then project forms 1–3.
    stacked.layouts.forEach((l, i) => {
      if (l.kind === "project") for (const [k, v] of blankProject(t, l, i - 1)) want.set(k, v);
    });
    expect(byCell(planCalculation(t.sheet, RULES).writes)).toEqual(want);
  });
});

describe("a tampered seed form gives exactly the expected findings", () => {
  it("总分 99, a 得分 above its 分值, 满意度 500%, an 执行率 that does not match", () => {
    const { sheet, layout: l } = projects[0];
    const t = tamperable(sheet, l);
    const ic = l.indicators.columns;
    const [, quality, , satisfaction] = l.indicators.rows;
    t.set(l.total.row, l.total.scoreCol, 99);
    t.set(quality, ic.score!, 25);
    t.set(satisfaction, ic.actual!, 5);
    t.set(l.funds.rows.total, l.funds.columns.rate, 0.9);
    const got = validateSheet(t.sheet, RULES).findings.map((f) => [f.severity, f.code, f.cell]);
    expect(got.sort()).toEqual(
      [
        ["error", "rate-mismatch", a1(l.funds.rows.total, l.funds.columns.rate)],
        ["error", "score-above-weight", a1(quality, ic.score!)],
        ["error", "rate-over-100", a1(satisfaction, ic.actual!)],
        // A 得分 above its 分值 counts at the rules' value (20, not 25): 10 + 40 + 20 + 20 + 10 = 100;
        // the stated total is 99.
        ["error", "total-mismatch", a1(l.total.row, l.total.scoreCol)],
        ...expectedWarnings(l).map(([code, cell]) => ["warning", code, cell]),
      ].sort(),
    );
    const total = validateSheet(t.sheet, RULES).findings.find((f) => f.code === "total-mismatch")!;
    expect(total.data).toMatchObject({
      stated: 99,
      expected: 100,
      corrected: [{ cell: a1(quality, ic.score!), from: 25, to: 20 }],
      // The 满意度 row's typed 10 is counted as typed, and the message says its row has an error.
      doubtful: [a1(satisfaction, ic.score!)],
    });
    expect(formatFinding(total)).toContain(`${a1(quality, ic.score!)}（25 → 20） 的得分本身有误`);
    expect(formatFinding(total, "en")).toContain(`${a1(quality, ic.score!)} (25 → 20)`);
  });

  it("calculate never overwrites the tampered values: they become conflicts", () => {
    const { sheet, layout: l } = projects[0];
    const t = tamperable(sheet, l);
    t.set(l.total.row, l.total.scoreCol, 99);
    t.set(l.total.row, l.total.gradeCol, null);
    const plan = planCalculation(t.sheet, RULES);
    expect(plan.conflicts.map((f) => [f.code, f.cell])).toEqual([
      ["total-mismatch", a1(l.total.row, l.total.scoreCol)],
    ]);
    // The grade follows the total the sheet shows (99 → 优), not a total we would have written.
    expect(plan.writes.map((w) => [w.target, w.value])).toEqual([["grade", "优"]]);
  });
});

describe("seed 002: another province's 部门整体 target table (no 实际完成值, 分值, 得分)", () => {
  it("is found and gets no finding: nothing is missing from a target-setting form", () => {
    const sheet = seedDepartment002();
    for (const id of ["mof-2020", "dept-gs"]) {
      const check = validateSheet(sheet, getRuleSet(id));
      expect(check.forms).toHaveLength(1);
      // 项目支出成本节约率 ≥0% sits under 成本指标: a saving rate may be "more is better".
      expect(check.findings).toEqual([]);
      expect(planCalculation(sheet, getRuleSet(id))).toMatchObject({ writes: [], conflicts: [], problems: [] });
    }
  });
});
