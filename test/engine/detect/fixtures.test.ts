/**
 * The shared fixtures draw what the seed publishes: these checks guard the fixtures other
 * engineers test against (a wrong fixture would make every downstream test meaningless).
 */
import { SheetView, a1 } from "../../../src/engine/sheet/snapshot";
import {
  PERCENT_FORMAT,
  SEED001_PROJECTS,
  SEED001_RESULTS,
  SEED001_TASK_RATES,
  seedAllOnOneSheetWithLayout,
  seedDepartmentFormWithLayout,
  seedProjectFormsWithLayout,
} from "../../fixtures/seed001";
import { generateIndicators, generateProjectSheet } from "../../fixtures/generate";
import { buildSheet } from "../../fixtures/sheetBuilder";

describe("seed001 project fixtures", () => {
  const forms = seedProjectFormsWithLayout();
  test.each(forms.map((f, i) => [i, f] as const))("form %i carries the published numbers", (i, { sheet, layout }) => {
    const v = new SheetView(sheet);
    const p = SEED001_PROJECTS[i];
    expect(v.text(layout.nameCell.row, layout.nameCell.col)).toBe(p.name);
    expect(v.value(layout.total.row, layout.total.weightCol)).toBe(100);
    expect(v.value(layout.total.row, layout.total.scoreCol)).toBe(100);
    expect(v.value(layout.total.row, layout.total.gradeCol)).toBe("优");
    const f = layout.funds;
    expect(v.value(f.rows.total, f.columns.budget)).toBe(p.execution.budget);
    expect(v.value(f.rows.total, f.columns.rate)).toBe(1);
    expect(v.numberFormat(f.rows.total, f.columns.rate)).toBe(PERCENT_FORMAT);
    expect(v.value(f.rows.fiscal, f.columns.weight)).toBe("—");
    const weights = layout.indicators.rows.map((r) => v.value(r, layout.indicators.columns.weight!));
    expect(weights).toEqual(p.indicators.map((x) => x.weight));
    // The 一级 cell of the second row is covered by the 产出指标 merge: blank raw, merged value.
    const r2 = layout.indicators.rows[1];
    expect(v.raw(r2, layout.indicators.columns.level1!)).toBeNull();
    expect(v.value(r2, layout.indicators.columns.level1!)).toBe("产出指标");
  });
});

describe("seed001 department fixture", () => {
  test("tasks and indicators where the layout says", () => {
    const { sheet, layout } = seedDepartmentFormWithLayout();
    const v = new SheetView(sheet);
    expect(v.text(layout.tasks.headerRows[1], layout.tasks.columns.approvedTotal)).toBe("总额");
    expect(v.value(layout.tasks.rows[2], layout.tasks.columns.spent)).toBe(41.61);
    expect(layout.indicators.rows).toHaveLength(7);
    expect(v.text(layout.indicators.rows[6], layout.indicators.columns.level3!)).toBe("人民群众满意度");
    expect(layout.indicators.columns.weight).toBeUndefined();
  });
});

describe("published results", () => {
  // Numbers copied from seeds/001: every project scores 10 + 40 + 20 + 20 + 10 = 100, 优.
  test.each(SEED001_RESULTS.map((r) => [r.name, r] as const))("%s", (_n, r) => {
    expect(r.executionRate).toBe(1);
    expect(r.executionScore).toBe(10);
    expect(r.indicatorWeights).toEqual([40, 20, 20, 10]);
    expect(r.executionScore + r.indicatorScores.reduce((a, b) => a + b, 0)).toBe(r.total);
    expect([r.total, r.grade]).toEqual([100, "优"]);
  });
  test("department tasks all executed at 100%", () => {
    expect(SEED001_TASK_RATES.map((t) => t.rate)).toEqual([1, 1, 1]);
  });
});

describe("seedAllOnOneSheet", () => {
  test("starts at B3 and stacks four forms without overlap", () => {
    const { sheet, layouts } = seedAllOnOneSheetWithLayout();
    expect(a1(sheet.origin.row, sheet.origin.col)).toBe("B3");
    expect(layouts.map((l) => l.kind)).toEqual(["department", "project", "project", "project"]);
    for (let i = 1; i < layouts.length; i++) expect(layouts[i].range.r1).toBeGreaterThan(layouts[i - 1].range.r2);
  });
});

describe("generate", () => {
  test.each([1, 7, 1000, 10000])("%i rows: weights add up to 90 (100 with execution)", (n) => {
    const sum = generateIndicators(n).reduce((s, x) => s + Math.round((x.weight ?? 0) * 1000), 0);
    expect(sum).toBe(90_000);
  });
  test("sheet has header + rows + trailer", () => {
    expect(generateProjectSheet(50).values.length).toBe(50 + 14);
  });
});

describe("buildSheet", () => {
  test("origin, relative merges and formats", () => {
    const s = buildSheet({
      origin: "C5",
      rows: [
        ["a", 1],
        [null, 2],
      ],
      merges: ["A1:A2"],
      formats: { B2: "0.00%" },
    });
    expect(s.origin).toEqual({ row: 4, col: 2 });
    expect(s.merges).toEqual([{ r1: 4, c1: 2, r2: 5, c2: 2 }]);
    expect(new SheetView(s).numberFormat(5, 3)).toBe("0.00%");
  });
});
