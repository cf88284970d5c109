/**
 * Our native template's prompts are words, not numbers. Found by the differential test (表88): a
 * 满意度 of 139% shows "比率不能超过100%，请核实" in its 得分 cell, and the 总分 was computed as if that
 * cell held 1 (the "100%" in the sentence), 56.48 / 差, where the template itself (and calc) leaves the
 * 总分 blank. Also: the template's 总分 SUM covers rows left blank, whose score formulas show "" — that
 * is not a formula adding cells that do not belong.
 */
import { a1, detectForms, getRuleSet, planCalculation, validateSheet } from "../../src/engine";
import { numberOf } from "../../src/engine/validate/cells";
import { ExcelJsPort } from "../../src/host/exceljs";
import type { WriteOp } from "../../src/host/port";
import { insertTemplate } from "../../src/ops";
import {
  NATIVE_NATURE_PROMPT,
  NATIVE_QUALITATIVE_PROMPT,
  NATIVE_RATE_PROMPT,
  NATIVE_TEXT_PROMPT,
} from "../../src/templates";

async function nativeForm(satisfaction: number) {
  const port = new ExcelJsPort();
  const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-platform", formulaStyle: "native" });
  const form = detectForms(await port.readSheet(sheet))[0];
  const fundsRow = form.funds!.rows[0].row;
  const fc = form.funds!.columns;
  const ic = form.indicators!.columns;
  const put = (row: number, col: number | undefined, value: string | number | null): WriteOp => ({
    kind: "values",
    range: a1(row, col!),
    values: [[value]],
  });
  const ops: WriteOp[] = [put(fundsRow, fc.budget, 100), put(fundsRow, fc.initial, 100), put(fundsRow, fc.spent, 90)];
  for (const r of form.indicators!.rows) {
    const satisfied = /满意/.test(r.level1 + r.level2);
    // Every other indicator row left blank, as a person deletes spare rows' contents.
    if (!satisfied && r.row % 2 === 0) {
      for (const col of [ic.nature, ic.target, ic.unit, ic.actual, ic.weight]) ops.push(put(r.row, col, null));
      continue;
    }
    ops.push(put(r.row, ic.level3, satisfied ? "群众满意度" : `指标${r.row}`), put(r.row, ic.nature, "≥"));
    ops.push(put(r.row, ic.target, 90), put(r.row, ic.unit, "%"), put(r.row, ic.actual, satisfied ? satisfaction : 95));
  }
  await port.apply({ sheet, ops });
  return {
    snapshot: await port.readSheet(sheet),
    form,
    satRow: form.indicators!.rows.find((r) => /满意/.test(r.level1))!,
  };
}

test("a 满意度 above 100%: the prompt in its 得分 is no score; 总分 and 等级 stay blank with the reason", async () => {
  const { snapshot, form, satRow } = await nativeForm(139);
  const rules = getRuleSet("mof-platform");
  const check = validateSheet(snapshot, rules);
  const codes = check.findings.map((f) => `${f.code} ${f.cell}`);
  const satActual = a1(satRow.row, form.indicators!.columns.actual!);
  const totalScore = a1(form.total!.row, form.total!.scoreCol!);
  expect(codes).toEqual(expect.arrayContaining([`rate-over-100 ${satActual}`, `total-incomplete ${totalScore}`]));
  // One finding about the row, not a second one about our own prompt; no false formula finding.
  const satScore = a1(satRow.row, form.indicators!.columns.score!);
  expect(codes.filter((c) => c.endsWith(` ${satScore}`))).toEqual([]);
  expect(codes.filter((c) => /^formula-(extra|misses)/.test(c))).toEqual([]);
  const plan = planCalculation(snapshot, rules);
  expect(plan.explained.filter((w) => w.target === "totalScore" || w.target === "grade")).toEqual([]);
});

test("within 100% the same form has its 总分 and no formula finding", async () => {
  const { snapshot } = await nativeForm(95);
  const rules = getRuleSet("mof-platform");
  const codes = validateSheet(snapshot, rules).findings.map((f) => f.code);
  expect(codes).not.toContain("total-incomplete");
  expect(codes.filter((c) => c.startsWith("formula-"))).toEqual([]);
  const total = planCalculation(snapshot, rules).explained.find((w) => w.target === "totalScore");
  expect(typeof total?.value).toBe("number");
});

test("a comparison in a number cell is no amount: the prompt, ≥90, 不超过10", () => {
  for (const text of [NATIVE_RATE_PROMPT, "≥90", "不超过10"]) expect(numberOf(text, null).kind).toBe("invalid");
  // Every prompt a native 得分 can show is words, never a score (nor "nothing here", which would hide it).
  for (const text of [NATIVE_TEXT_PROMPT, NATIVE_QUALITATIVE_PROMPT, NATIVE_NATURE_PROMPT])
    expect(numberOf(text, null).kind).toBe("invalid");
  expect(numberOf("8分", null)).toEqual({ kind: "number", value: 8, percent: false });
  expect(numberOf("95%", null)).toEqual({ kind: "number", value: 0.95, percent: true });
});
