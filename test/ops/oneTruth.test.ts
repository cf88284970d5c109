/**
 * Issue 11's observed bugs, each as a regression test over real files (exceljs port) and the
 * CLI: every path gives the one answer the engine gives, and says what it did.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  a1,
  detectForms,
  formatFinding,
  getRuleSet,
  planCalculation,
  validateSheet,
  withFormulaResults,
  type SheetSnapshot,
} from "../../src/engine";
import type { WriteOp } from "../../src/host/port";
import { NATIVE_QUALITATIVE_PROMPT, NATIVE_RATE_PROMPT, NATIVE_TEXT_PROMPT } from "../../src/templates";
import { ExcelJsPort } from "../../src/host/exceljs";
import { calculateSheet, checkSheet, freezeWorkbook, insertTemplate } from "../../src/ops";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";
import { cli } from "../cli/helpers";
import { projectSeed } from "../engine/validate/tamper";
import { writeSnapshots } from "./xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-truth-"));
const rules = getRuleSet("mof-2020");

type Made = ReturnType<typeof seedProjectFormsWithLayout>[number];
const set = (m: Made, row: number, col: number, v: number | string | null, format?: string) => {
  m.sheet.values[row - m.sheet.origin.row][col - m.sheet.origin.col] = v;
  if (format) m.sheet.numberFormats![row - m.sheet.origin.row][col - m.sheet.origin.col] = format;
};

/** Seed project form 1 with its 满意度 actual typed as 500% and the 得分 left for calc. */
function satisfaction500(): { m: Made; row: number } {
  const m = seedProjectFormsWithLayout()[0];
  const ic = m.layout.indicators.columns;
  const row = m.layout.indicators.rows[3];
  set(m, row, ic.actual!, 5, "0.00%");
  set(m, row, ic.score!, null);
  return { m, row };
}

describe("500% satisfaction", () => {
  test("check and calc agree: an error, no score; calc fills nothing there and exits 1 naming it", async () => {
    const { m, row } = satisfaction500();
    const ic = m.layout.indicators.columns;
    const score = a1(row, ic.score!);
    const check = validateSheet(m.sheet, rules).findings;
    expect(check.find((f) => f.code === "rate-over-100")?.severity).toBe("error");
    // No "计算可填入 10" offered for the 得分.
    expect(check.find((f) => f.cell === score && f.code === "computed-empty")).toBeUndefined();
    const plan = planCalculation(m.sheet, rules);
    expect(plan.writes.find((w) => w.cell === score)).toBeUndefined();
    expect(plan.explained.find((w) => w.cell === score)).toBeUndefined();
    expect(plan.problems.map((f) => f.code)).toContain("rate-over-100");
    // The total cannot be known, and neither can the grade.
    expect(plan.explained.find((w) => w.target === "grade")).toBeUndefined();

    await writeSnapshots(path.join(dir, "sat.xlsx"), [m.sheet]);
    const r = await cli(["calc", "sat.xlsx", "-o", "sat-out.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { code: string; cell: string; severity: string }[];
    expect(rows.find((x) => x.code === "rate-over-100")?.severity).toBe("error");
    expect(rows.find((x) => x.cell === score && x.code === "cell-filled")).toBeUndefined();
    const out = await ExcelJsPort.fromFile(path.join(dir, "sat-out.xlsx"));
    const s = await out.readSheet(null);
    expect(s.values[row - s.origin.row][ic.score! - s.origin.col]).toBeNull();
  });

  test("freeze, to values or to native formulas, never gives a 满意度 of 500% full marks", async () => {
    for (const preferNative of [false, true]) {
      const port = new ExcelJsPort();
      const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "custom" });
      const form = detectForms(await port.readSheet(sheet))[0];
      const ic = form.indicators!.columns;
      const row = form.indicators!.rows.find((r) => /满意/.test(r.level1 + r.level2))!.row;
      const put = (col: number | undefined, v: string | number): WriteOp => ({
        kind: "values",
        range: a1(row, col!),
        values: [[v]],
      });
      const inputs = [put(ic.level3, "群众满意度"), put(ic.nature, "≥"), put(ic.target, 90), put(ic.unit, "%")];
      await port.apply({ sheet, ops: [...inputs, put(ic.actual, 500)] });
      await freezeWorkbook(port, { preferNative });
      const s = withFormulaResults(await port.readSheet(sheet));
      const v = s.values[row - s.origin.row][ic.score! - s.origin.col];
      // JX refuses it (#VALUE! with the reason); its native translation says why in words.
      expect(v).toEqual(preferNative ? NATIVE_RATE_PROMPT : { error: "#VALUE!" });
    }
  });
});

describe("a 得分 above its 分值 is never an input to a proposed 总分 without saying so", () => {
  /** The first indicator's 得分 typed one above its 分值, the 总分 typed 9 short. */
  function overWeight(): { m: Made; score: string; total: string; grade: string } {
    const m = seedProjectFormsWithLayout()[0];
    const ic = m.layout.indicators.columns;
    const row = m.layout.indicators.rows[0];
    const weight = m.sheet.values[row - m.sheet.origin.row][ic.weight! - m.sheet.origin.col] as number;
    set(m, row, ic.score!, weight + 1);
    set(m, m.layout.total.row, m.layout.total.scoreCol, 91);
    set(m, m.layout.total.row, m.layout.total.gradeCol, "优");
    const t = m.layout.total;
    return { m, score: a1(row, ic.score!), total: a1(t.row, t.scoreCol), grade: a1(t.row, t.gradeCol) };
  }

  test("the proposed 总分 counts the score at its rules' value and says which one it corrected", () => {
    const { m, score, total } = overWeight();
    const conflicts = planCalculation(m.sheet, rules).conflicts;
    const t = conflicts.find((f) => f.cell === total)!;
    // 100 with the score at 40 (not 101 with the typed 41).
    expect(t.data).toMatchObject({ stated: 91, expected: 100 });
    expect(JSON.stringify(t.data)).toContain(`"cell":"${score}"`);
    expect(formatFinding(t)).toContain(score);
    expect(conflicts.find((f) => f.cell === score)?.code).toBe("score-above-weight");
  });

  test("confirming all conflicts at once writes a consistent form: nothing left to propose", async () => {
    const { m, score, total, grade } = overWeight();
    await writeSnapshots(path.join(dir, "over.xlsx"), [m.sheet]);
    const port = await ExcelJsPort.fromFile(path.join(dir, "over.xlsx"));
    const first = await calculateSheet(port, null, rules);
    const offered = first.plan.conflicts.map((f) => f.cell!);
    expect(offered).toEqual(expect.arrayContaining([score, total]));
    const second = await calculateSheet(port, null, rules, { replace: offered });
    expect(second.replaced.sort()).toEqual(offered.sort());
    expect(second.plan.conflicts).toEqual([]);
    expect(second.remaining.filter((f) => f.severity === "error")).toEqual([]);
    const s = await port.readSheet(null);
    const at = (cell: string) => {
      const p = /^([A-Z]+)(\d+)$/.exec(cell)!;
      return s.values[Number(p[2]) - 1 - s.origin.row][p[1].charCodeAt(0) - 65 - s.origin.col];
    };
    expect(at(total)).toBe(100);
    expect(at(grade)).toBe("优");
    // Each write says why.
    expect(second.filled.map((f) => [f.cell, f.how])).toEqual(
      expect.arrayContaining([
        [score, "replaced"],
        [total, "replaced"],
      ]),
    );
  });
});

describe("a grade is never given for an incomplete total", () => {
  test("a typed 总分 with a row that cannot be scored: no grade to write, the reason is the total's", () => {
    const m = seedProjectFormsWithLayout()[0];
    const ic = m.layout.indicators.columns;
    set(m, m.layout.indicators.rows[1], ic.actual!, null);
    set(m, m.layout.indicators.rows[1], ic.score!, null);
    set(m, m.layout.total.row, m.layout.total.gradeCol, null);
    const plan = planCalculation(m.sheet, rules);
    expect(plan.writes.find((w) => w.target === "grade")).toBeUndefined();
    expect(plan.problems.map((f) => f.code)).toEqual(expect.arrayContaining(["actual-missing", "total-incomplete"]));
  });
});

describe("a 总分 formula that leaves out the execution score (issue 11, bullet 3)", () => {
  test("complete form, a 得分 0.09 above its 分值: the formula is named, its 公式结果 quoted, the sum never above 100", () => {
    const m = projectSeed(0);
    const t = m.layout.total;
    const rows = m.layout.indicators.rows;
    const ic = m.layout.indicators.columns;
    const weight = m.get(rows[0], ic.weight!) as number;
    m.set(rows[0], ic.score!, weight + 0.09);
    const shown = rows.reduce((n, r) => n + (m.get(r, ic.score!) as number), 0);
    const range = `${a1(rows[0], ic.score!)}:${a1(rows[rows.length - 1], ic.score!)}`;
    m.set(t.row, t.scoreCol, Math.round(shown * 100) / 100, undefined, `=SUM(${range})`);
    const at = a1(t.row, t.scoreCol);
    const findings = validateSheet(m.sheet, rules).findings.filter((f) => f.cell === at);
    const misses = findings.find((f) => f.code === "formula-misses")!;
    expect(formatFinding(misses)).toContain(a1(m.layout.funds.rows.total, m.layout.funds.columns.score));
    const total = findings.find((f) => f.code === "total-mismatch")!;
    expect(formatFinding(total)).toContain("公式结果为");
    expect(formatFinding(total)).not.toContain("填写为");
    // The right total counts the score at its 分值, never the typed one: at most the 100 the weights add to.
    expect(total.data).toMatchObject({ expected: 100 });
    expect(formatFinding(total)).toContain(a1(rows[0], ic.score!));
  });
});

describe("a finding about a formula says 公式结果", () => {
  test("a 总分 formula showing a wrong number: 总分的公式结果为, not 填写为", () => {
    const m = projectSeed(0);
    const t = m.layout.total;
    m.set(t.row, t.scoreCol, 90, undefined, "=SUM(I13:I17)");
    const f = validateSheet(m.sheet, rules).findings.find((x) => x.code === "total-mismatch")!;
    expect(formatFinding(f)).toContain("公式结果为 90");
    expect(formatFinding(f)).not.toContain("填写为");
    expect(formatFinding(f, "en")).toContain("formula");
  });
});

describe("native templates never print a wrong number; check sees what they would show without cached values", () => {
  async function nativeTemplate() {
    const port = new ExcelJsPort();
    const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "native" });
    const form = detectForms(await port.readSheet(sheet))[0];
    return { port, sheet, form };
  }
  const shown = (s: SheetSnapshot, row: number, col: number) => s.values[row - s.origin.row][col - s.origin.col];

  test("a blank form shows a blank 总分 and 等级 (not 0 and 差), and checks clean", async () => {
    const { port, sheet, form } = await nativeTemplate();
    const s = withFormulaResults(await port.readSheet(sheet));
    const t = form.total!;
    expect(shown(s, t.row, t.scoreCol!)).toBe("");
    expect(shown(s, t.row, t.gradeCol!)).toBe("");
    expect((await checkSheet(port, sheet, rules)).findings).toEqual([]);
  });

  test("a text target shows a prompt in 得分, and check names it; the 总分 stays blank", async () => {
    const { port, sheet, form } = await nativeTemplate();
    const ic = form.indicators!.columns;
    const f = form.funds!;
    const fr = f.rows[0].row;
    const ops: WriteOp[] = [
      { kind: "values", range: a1(fr, f.columns.budget!), values: [[10]] },
      { kind: "values", range: a1(fr, f.columns.spent!), values: [[10]] },
    ];
    const rows = form.indicators!.rows;
    rows.forEach((r, i) => {
      const text = i === 0;
      ops.push({ kind: "values", range: a1(r.row, ic.nature!), values: [["≥"]] });
      ops.push({ kind: "values", range: a1(r.row, ic.target!), values: [[text ? "≥95%" : 10]] });
      ops.push({ kind: "values", range: a1(r.row, ic.unit!), values: [[text ? "%" : "个"]] });
      ops.push({ kind: "values", range: a1(r.row, ic.actual!), values: [[text ? 0.98 : 10]] });
    });
    await port.apply({ sheet, ops });
    const s = withFormulaResults(await port.readSheet(sheet));
    expect(shown(s, rows[0].row, ic.score!)).toBe(NATIVE_TEXT_PROMPT);
    expect(shown(s, form.total!.row, form.total!.scoreCol!)).toBe("");
    const findings = (await checkSheet(port, sheet, rules)).findings;
    const f0 = findings.find((x) => x.cell === a1(rows[0].row, ic.score!))!;
    expect(f0.code).toBe("formula-no-result");
    expect(formatFinding(f0)).toContain("≥95%");
  });

  test("a 定性 row shows a prompt in 得分 (not a silent blank); check says to type the score; 总分 stays blank until it is", async () => {
    const { port, sheet, form } = await nativeTemplate();
    const ic = form.indicators!.columns;
    const f = form.funds!;
    const fr = f.rows[0].row;
    const put = (row: number, col: number | undefined, v: string | number): WriteOp => ({
      kind: "values",
      range: a1(row, col!),
      values: [[v]],
    });
    const ops: WriteOp[] = [put(fr, f.columns.budget, 10), put(fr, f.columns.spent, 10)];
    const rows = form.indicators!.rows;
    rows.forEach((r, i) => {
      const words = i === 0;
      ops.push(put(r.row, ic.nature, words ? "定性" : "≥"), put(r.row, ic.unit, words ? "" : "个"));
      ops.push(put(r.row, ic.target, words ? "有效促进" : 10), put(r.row, ic.actual, words ? "部分达成" : 10));
    });
    await port.apply({ sheet, ops });
    const score = a1(rows[0].row, ic.score!);
    const total = form.total!;
    const s = withFormulaResults(await port.readSheet(sheet));
    expect(shown(s, rows[0].row, ic.score!)).toBe(NATIVE_QUALITATIVE_PROMPT);
    expect(shown(s, total.row, total.scoreCol!)).toBe("");
    expect(shown(s, total.row, total.gradeCol!)).toBe("");
    const findings = (await checkSheet(port, sheet, rules)).findings;
    const f0 = findings.find((x) => x.cell === score)!;
    expect(f0.code).toBe("formula-no-result");
    expect(formatFinding(f0)).toContain("定性指标");
    expect(formatFinding(f0)).not.toContain("写成数字");
    expect(formatFinding(f0, "en")).toContain("qualitative");
    // The prompt is no score: calc builds no 总分 or 等级 from it, and says what remains.
    const calc = await calculateSheet(port, sheet, rules);
    expect(calc.plan.writes.filter((w) => w.target === "totalScore" || w.target === "grade")).toEqual([]);
    expect(calc.remaining.map((x) => [x.cell, x.code])).toContainEqual([score, "formula-no-result"]);
    // …and offers the rules' score for the prompt, written only when confirmed (then the 总分 follows).
    const offer = calc.plan.conflicts.find((x) => x.cell === score)!;
    expect(offer.data).toMatchObject({ stated: NATIVE_QUALITATIVE_PROMPT, cannot: "qualitative" });
    const confirmed = await calculateSheet(port, sheet, rules, { replace: [score] });
    expect(confirmed.replaced).toEqual([score]);
    const replaced = withFormulaResults(await port.readSheet(sheet));
    expect(shown(replaced, rows[0].row, ic.score!)).toBe((offer.data as { expected: number }).expected);
    expect(typeof shown(replaced, total.row, total.scoreCol!)).toBe("number");
    expect(confirmed.remaining.filter((x) => x.cell === score)).toEqual([]);
    // A score typed over the formula, inside 部分达成's band, completes the form: no finding on it.
    await port.apply({ sheet, ops: [put(rows[0].row, ic.score, 8)] });
    const after = withFormulaResults(await port.readSheet(sheet));
    expect(typeof shown(after, total.row, total.scoreCol!)).toBe("number");
    const left = (await checkSheet(port, sheet, rules)).findings.filter((x) => x.cell === score);
    expect(left).toEqual([]);
  });

  test("an uncalculated 总分 formula that leaves out the execution score is found before the form is complete", async () => {
    const m = projectSeed(0);
    const t = m.layout.total;
    const rows = m.layout.indicators.rows;
    const sc = m.layout.indicators.columns.score!;
    m.set(t.row, t.scoreCol, null, undefined, `=SUM(${a1(rows[0], sc)}:${a1(rows[rows.length - 1], sc)})`);
    m.set(rows[1], m.layout.indicators.columns.actual!, null);
    const f = validateSheet(m.sheet, rules).findings.find((x) => x.code === "formula-misses")!;
    expect(f.cell).toBe(a1(t.row, t.scoreCol));
    expect(formatFinding(f)).toContain(a1(m.layout.funds.rows.total, m.layout.funds.columns.score));
  });

  test("a file saved without results: check sees the wrong 总分 the formula would print", () => {
    const m = projectSeed(0);
    const t = m.layout.total;
    const rows = m.layout.indicators.rows;
    const sc = m.layout.indicators.columns.score!;
    // A unit's own formula that adds only two rows; no cached value (as exceljs writes it).
    m.set(
      t.row,
      t.scoreCol,
      null,
      undefined,
      `=SUM(${a1(m.layout.funds.rows.total, m.layout.funds.columns.score)},${a1(rows[0], sc)}:${a1(rows[1], sc)})`,
    );
    const codes = validateSheet(m.sheet, rules)
      .findings.filter((x) => x.cell === a1(t.row, t.scoreCol))
      .map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(["formula-misses", "total-mismatch"]));
  });
});

describe("calc says what it did", () => {
  test("each cell it filled or replaced is listed with its value and why, in text and in JSON", async () => {
    const m = seedProjectFormsWithLayout()[0];
    const ic = m.layout.indicators.columns;
    const [r1, r2] = m.layout.indicators.rows;
    const t = m.layout.total;
    const published = (row: number) => m.sheet.values[row - m.sheet.origin.row][ic.score! - m.sheet.origin.col];
    const typed = published(r1) as number;
    const value = published(r2) as number;
    set(m, r1, ic.score!, typed - 1);
    set(m, r2, ic.score!, null);
    set(m, t.row, t.scoreCol, null);
    set(m, t.row, t.gradeCol, null);
    await writeSnapshots(path.join(dir, "said.xlsx"), [m.sheet]);
    const sheet = m.sheet.name;
    const wrong = a1(r1, ic.score!);
    const args = ["calc", "said.xlsx", "-o", "said-out.xlsx", "--replace", `${sheet}!${wrong}`];
    const json = await cli([...args, "--format", "json"], dir);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { code: string; cell: string; message: string }[];
    const said = (code: string) => rows.filter((x) => x.code === code).map((x) => x.cell);
    const blank = [a1(r2, ic.score!), a1(t.row, t.scoreCol), a1(t.row, t.gradeCol)];
    expect(said("cell-filled").sort()).toEqual(blank.sort());
    expect(said("cell-replaced")).toEqual([wrong]);
    // The value and the rules' reason, not a bare "filled".
    const score = rows.find((x) => x.cell === blank[0])!.message;
    expect(score).toMatch(new RegExp(`已填入 ${value}：.+`));
    expect(rows.find((x) => x.cell === wrong)!.message).toContain(`已按确认替换为 ${typed}`);
    const text = await cli([...args.slice(0, 3), "said-out2.xlsx", ...args.slice(4)], dir);
    for (const cell of [...blank, wrong]) expect(text.stdout).toContain(cell);
    expect(text.stdout).toContain(`已填入 ${value}`);
  });
});

describe("freeze says what it did", () => {
  test("JX cells with blank inputs are named when frozen to blank, never blanked silently", async () => {
    const port = new ExcelJsPort();
    const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "custom" });
    const form = detectForms(await port.readSheet(sheet))[0];
    const grade = a1(form.total!.row, form.total!.gradeCol!);
    const result = await freezeWorkbook(port);
    expect(result.blanked).toEqual(expect.arrayContaining([`${sheet}!${grade}`]));
    const s = await port.readSheet(sheet);
    expect(s.formulas!.flat().filter((f) => f && f.includes("JX."))).toEqual([]);
  });

  test("a JX cell it cannot value (no result saved, a function outside the engine) is named and left as it was", async () => {
    const port = new ExcelJsPort();
    const { sheet } = await insertTemplate(port, { kind: "project", ruleSetId: "mof-2020", formulaStyle: "custom" });
    const odd = '=JX.GRADE(INDIRECT("B2"))';
    await port.apply({ sheet, ops: [{ kind: "formulas", range: "L2", formulas: [[odd]] }] });
    const result = await freezeWorkbook(port);
    expect(result.unresolved).toEqual([`${sheet}!L2`]);
    const s = await port.readSheet(sheet);
    expect(s.formulas![1 - s.origin.row][11 - s.origin.col]).toBe(odd);
  });
});
