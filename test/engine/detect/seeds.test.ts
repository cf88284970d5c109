/**
 * Detection on the published forms of seeds 001 and 002: every block at the rows and columns the
 * layout (and the seed) puts it, alone on a sheet and stacked four to a sheet starting at B3.
 */
import { a1, type SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import { detectForms } from "../../../src/engine/detect/detect";
import type { DetectedForm } from "../../../src/engine/detect/form";
import {
  SEED001_DEPARTMENT,
  SEED001_PROJECTS,
  seedAllOnOneSheetWithLayout,
  seedDepartmentFormWithLayout,
  seedProjectFormsWithLayout,
  type DepartmentLayout,
  type ProjectLayout,
} from "../../fixtures/seed001";
import { SEED002_NAME, SEED002_ROWS, seedDepartment002WithLayout } from "../../fixtures/seed002";

/** Column → the A1 address of that column in a given row, for readable failures. */
function addresses(row: number, cols: Partial<Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(cols)) if (c !== undefined) out[k] = a1(row, c);
  return out;
}

function expectProject(form: DetectedForm, layout: ProjectLayout, name: string): void {
  expect(form.kind).toBe("project");
  expect(form.name).toBe(name);
  expect(form.title).toBe("2023年度项目支出绩效自评表");
  expect(form.range).toEqual(layout.range);
  // Funds: header row, each column, each row kind.
  expect(form.funds?.headerRow).toBe(layout.funds.headerRow);
  expect(addresses(layout.funds.headerRow, form.funds?.columns ?? {})).toEqual(
    addresses(layout.funds.headerRow, layout.funds.columns),
  );
  expect(form.funds?.rows.map((r) => [r.kind, r.row])).toEqual(Object.entries(layout.funds.rows));
  // Indicator table.
  const t = form.indicators!;
  expect(t.headerRows).toEqual(layout.indicators.headerRows);
  const h = layout.indicators.headerRows[1];
  expect(addresses(h, t.columns)).toEqual(addresses(h, layout.indicators.columns));
  expect(t.rows.map((r) => r.row)).toEqual(layout.indicators.rows);
  expect(form.notesRow).toBe(layout.otherRow);
  expect(form.total).toEqual(layout.total);
  expect(form.sums).toEqual([]);
}

function expectDepartment(form: DetectedForm, layout: DepartmentLayout): void {
  expect(form.kind).toBe("department");
  expect(form.name).toBe(SEED001_DEPARTMENT.name);
  expect(form.range).toEqual(layout.range);
  expect(form.tasks?.headerRows).toEqual(layout.tasks.headerRows);
  const th = layout.tasks.headerRows[1];
  expect(addresses(th, form.tasks?.columns ?? {})).toEqual(addresses(th, layout.tasks.columns));
  expect(form.tasks?.rows).toEqual(layout.tasks.rows);
  const t = form.indicators!;
  expect(t.headerRows).toEqual(layout.indicators.headerRows);
  expect(addresses(t.headerRows[0], t.columns)).toEqual(addresses(t.headerRows[0], layout.indicators.columns));
  expect(t.rows.map((r) => r.row)).toEqual(layout.indicators.rows);
  expect(form.funds).toBeUndefined();
  expect(form.total).toBeUndefined();
  expect(form.notesRow).toBe(layout.otherRow);
}

describe("seed 001 project forms, one per sheet", () => {
  const cases = seedProjectFormsWithLayout().map((x, i) => [SEED001_PROJECTS[i].name, x] as const);
  test.each(cases)("%s", (name, { sheet, layout }) => {
    const forms = detectForms(sheet);
    expect(forms).toHaveLength(1);
    expectProject(forms[0], layout, name);
  });

  test("levels inherit down merged 一级 cells", () => {
    const [{ sheet }] = seedProjectFormsWithLayout();
    const rows = detectForms(sheet)[0].indicators!.rows;
    expect(rows.map((r) => [r.level1, r.level2, r.level3])).toEqual(
      SEED001_PROJECTS[0].indicators.map((i) => [i.level1, i.level2, i.level3]),
    );
  });

  // Addresses read off the published table (title in A1), independent of the fixture's layout.
  test("form 1 addresses as published", () => {
    const [{ sheet }] = seedProjectFormsWithLayout();
    const f = detectForms(sheet)[0];
    expect(a1(f.funds!.rows[0].row, f.funds!.columns.budget!)).toBe("E5");
    expect(a1(f.funds!.rows[0].row, f.funds!.columns.rate!)).toBe("H5");
    const t = f.indicators!;
    expect(t.rows.map((r) => a1(r.row, t.columns.weight!))).toEqual(["H13", "H14", "H15", "H16"]);
    expect(a1(t.rows[0].row, t.columns.reason!)).toBe("J13");
    expect([f.total!.weightCol, f.total!.scoreCol, f.total!.gradeCol].map((c) => a1(f.total!.row, c!))).toEqual([
      "H18",
      "I18",
      "J18",
    ]);
  });

  test("form 3 (narrower funds block) addresses as published", () => {
    const { sheet } = seedProjectFormsWithLayout()[2];
    const f = detectForms(sheet)[0];
    expect(a1(f.funds!.headerRow, f.funds!.columns.initial!)).toBe("C4");
    expect(a1(f.funds!.rows[0].row, f.funds!.columns.score!)).toBe("H5");
  });
});

describe("seed 001 department form", () => {
  test("tasks (two-row header) and indicators (no 分值/得分)", () => {
    const { sheet, layout } = seedDepartmentFormWithLayout();
    const forms = detectForms(sheet);
    expect(forms).toHaveLength(1);
    expectDepartment(forms[0], layout);
    expect(forms[0].indicators!.columns.weight).toBeUndefined();
    expect(a1(forms[0].tasks!.rows[0], forms[0].tasks!.columns.rate!)).toBe("H14");
  });
});

describe("seed 001 all four forms on one sheet (origin B3)", () => {
  const { sheet, layouts } = seedAllOnOneSheetWithLayout();
  const forms = detectForms(sheet);
  test("four forms in order, ranges not overlapping", () => {
    expect(forms.map((f) => f.kind)).toEqual(["department", "project", "project", "project"]);
    for (let i = 1; i < forms.length; i++) expect(forms[i].range.r1).toBeGreaterThan(forms[i - 1].range.r2);
  });
  test("department block by block", () => expectDepartment(forms[0], layouts[0] as DepartmentLayout));
  test.each([1, 2, 3])("project %i block by block", (i) =>
    expectProject(forms[i], layouts[i] as ProjectLayout, SEED001_PROJECTS[i - 1].name),
  );
});

describe("seed 002 department layout (extra leading columns, 指标内容/备注, no title)", () => {
  const { sheet, layout } = seedDepartment002WithLayout();
  let forms: DetectedForm[] = [];
  beforeAll(() => {
    forms = detectForms(sheet as SheetSnapshot);
  });
  test("one department form named from 部门名称", () => {
    expect(forms).toHaveLength(1);
    expect(forms[0].kind).toBe("department");
    expect(forms[0].name).toBe(SEED002_NAME);
  });
  test("columns and rows", () => {
    const t = forms[0].indicators!;
    expect(t.headerRows).toEqual([layout.headerRow]);
    expect(addresses(layout.headerRow, t.columns)).toEqual(addresses(layout.headerRow, layout.columns));
    expect(t.rows.map((r) => r.row)).toEqual(layout.rows);
    expect(t.rows.map((r) => [r.level1, r.level2, r.level3])).toEqual(
      SEED002_ROWS.map((r) => [r.level1, r.level2, r.content]),
    );
  });
});
