/**
 * Our own blank templates, as saved to .xlsx (formulas not yet calculated): checking one gives no
 * finding and calculating plans nothing — a user who has typed nothing has done nothing wrong.
 * Filling a department template's 预算执行率 row checks its weight as the execution weight.
 */
import { ExcelJsPort } from "../../../src/host/exceljs";
import { insertTemplate, type TemplateKind } from "../../../src/ops";
import { planCalculation } from "../../../src/engine/calculate/plan";
import { getRuleSet } from "../../../src/engine/rules";
import type { SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import { validateSheet } from "../../../src/engine/validate/validate";
import { tamperable } from "./tamper";

const MATRIX: [TemplateKind, string, "native" | "custom"][] = [
  ["project", "mof-2020", "native"],
  ["project", "mof-2020", "custom"],
  ["department", "mof-2020", "native"],
  ["department", "mof-2020", "custom"],
  ["department-gs", "dept-gs", "native"],
  ["department-gs", "dept-gs", "custom"],
];

async function blank(kind: TemplateKind, ruleSetId: string, formulaStyle: "native" | "custom"): Promise<SheetSnapshot> {
  const port = new ExcelJsPort();
  const { sheet } = await insertTemplate(port, { kind, ruleSetId, formulaStyle });
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  return back.readSheet(sheet);
}

describe.each(MATRIX)("blank %s template (%s, %s formulas)", (kind, ruleSetId, style) => {
  it("gets no finding and no plan", async () => {
    const snapshot = await blank(kind, ruleSetId, style);
    const check = validateSheet(snapshot, getRuleSet(ruleSetId));
    expect(check.forms).toHaveLength(1);
    expect(check.findings).toEqual([]);
    expect(planCalculation(snapshot, getRuleSet(ruleSetId))).toMatchObject({ writes: [], conflicts: [], problems: [] });
  });
});

it("a department form's 预算执行率 row is the execution weight: 20 against the rule set's 10 is flagged", async () => {
  const snapshot = await blank("department", "mof-2020", "native");
  const form = validateSheet(snapshot, getRuleSet("mof-2020")).forms[0];
  const weightCol = form.indicators!.columns.weight!;
  const execRow = form.indicators!.rows.find((r) => r.level1 === "预算执行率")!.row;
  const t = tamperable(snapshot, null);
  t.set(execRow, weightCol, 20);
  const codes = validateSheet(t.sheet, getRuleSet("mof-2020"), { explicitRules: true }).findings.map((f) => f.code);
  expect(codes).toContain("exec-weight-differs");
  // With the default rule set (nobody chose one), the form's own 20 is its variant: said, not warned.
  const quiet = validateSheet(t.sheet, getRuleSet("mof-2020")).findings.map((f) => f.code);
  expect(quiet).toContain("exec-weight-from-form");
  expect(quiet).not.toContain("exec-weight-differs");
  expect(codes).toContain("weights-total");
  expect(codes).not.toContain("level1-unknown");
});
