/**
 * The formulas in computed cells, ours or the user's, read for what they compute — whether the
 * file carries cached results or not: a 合计/总分 SUM that leaves out rows or the execution score
 * (or adds cells that do not belong), a 等级 formula with other cut-offs than the rule set, a 得分
 * formula that shows no number where the rules give one. Our JX.* formulas are the engine itself
 * and are not audited here.
 */
import { gradeFor } from "../../scoring/total";
import { wordMeans } from "../gradeWords";
import { a1, isCellError, type CellValue } from "../../sheet/snapshot";
import { evaluateNode, resultOf, UnknownValue, type EvalEnv } from "../../formula/evaluate";
import type { Node } from "../../formula/parse";
import { parsedFormula } from "../../formula/recalculate";
import { isOurFormula } from "../cells";
import type { EvalContext } from "../context";
import type { ComputedCell } from "../evaluation";
import type { FindingData } from "../finding";

export function auditFormulas(ctx: EvalContext): void {
  for (const c of ctx.computed) {
    if (c.formula === null || isOurFormula(c.formula)) continue;
    const node = parsedFormula(c.formula);
    if (!node) continue;
    if (c.adds) auditSum(ctx, c, node);
    else if (c.gradeOf) auditGrade(ctx, c, node);
    else if (c.target === "indicatorScore" || c.target === "execScore") auditNoResult(ctx, c);
  }
}

const key = (row: number, col: number) => `${row},${col}`;

/** The cells a formula adds up: SUM arguments and + chains, through IF / ROUND / IFERROR. Null: not a plain sum. */
export function summedCells(n: Node): Set<string> | null {
  switch (n.k) {
    case "ref":
      return new Set([key(n.row, n.col)]);
    case "range": {
      if ((n.r2 - n.r1 + 1) * (n.c2 - n.c1 + 1) > 100_000) return null;
      const out = new Set<string>();
      for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.add(key(r, c));
      return out;
    }
    case "num":
    case "str":
      return new Set();
    case "bin":
      return n.op === "+" ? union(summedCells(n.a), summedCells(n.b)) : null;
    case "call": {
      if (n.name === "SUM") return n.args.reduce<Set<string> | null>((s, a) => union(s, summedCells(a)), new Set());
      if (n.name === "ROUND") return n.args[0] ? summedCells(n.args[0]) : null;
      // IF(complete, SUM(…), ""): the value branches are what is added.
      if (n.name === "IF" || n.name === "IFERROR") {
        return n.args
          .slice(n.name === "IF" ? 1 : 0)
          .reduce<Set<string> | null>((s, a) => union(s, summedCells(a)), new Set());
      }
      return null;
    }
    default:
      return null;
  }
}

function union(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a || !b) return null;
  for (const x of b) a.add(x);
  return a;
}

function auditSum(ctx: EvalContext, c: ComputedCell, node: Node): void {
  const covered = summedCells(node);
  if (!covered || !c.adds) return;
  const wanted = new Set(c.adds.map((x) => key(x.row, x.col)));
  const missing = c.adds.filter((x) => !covered.has(key(x.row, x.col)) && addsSomething(ctx, x.row, x.col, true));
  const extra = [...covered]
    .filter((k) => !wanted.has(k))
    .map((k) => k.split(",").map(Number))
    .filter(([r, col]) => !(r === c.row && col === c.col) && addsSomething(ctx, r, col, false));
  const base = { what: c.target, formula: c.formula };
  if (missing.length > 0) {
    const cells = missing.map((x) => (x.what ? { cell: a1(x.row, x.col), what: x.what } : { cell: a1(x.row, x.col) }));
    ctx.sink.add("formula-misses", c.row, c.col, { ...base, cells });
  }
  if (extra.length > 0) {
    ctx.sink.add("formula-extra", c.row, c.col, { ...base, cells: extra.map(([r, col]) => ({ cell: a1(r, col) })) });
  }
}

/**
 * A cell whose absence or presence changes the sum: a number (or a formula, which will show one).
 * A left-out row that is still blank changes nothing today but will when filled: `wanted` keeps it.
 */
function addsSomething(ctx: EvalContext, row: number, col: number, wanted: boolean): boolean {
  const v = ctx.view.value(row, col);
  if (typeof v === "number") return v !== 0 || wanted;
  // A formula showing "" adds nothing (a blank template row's score formula under our native
  // 总分); one that could not be evaluated here (null) may show a number in Excel.
  if (ctx.view.formula(row, col) !== null) return wanted || v !== "";
  return wanted && (v === null || v === "");
}

function auditGrade(ctx: EvalContext, c: ComputedCell, node: Node): void {
  const at = c.gradeOf!;
  const g = ctx.ruleSet.grades;
  const points = [100, g.excellent, g.excellent - 0.01, g.good, g.good - 0.01, g.pass, g.pass - 0.01, 0];
  for (const total of points) {
    const got = gradeAt(ctx, node, at, total);
    if (got === undefined) return;
    const expected = gradeFor(total, ctx.ruleSet);
    if (wordMeans(got, expected)) continue;
    ctx.sink.add("formula-grade-cutoffs", c.row, c.col, {
      formula: c.formula,
      ruleSet: ctx.ruleSet.label,
      at: total,
      got,
      expected,
      excellent: g.excellent,
      good: g.good,
      pass: g.pass,
    });
    return;
  }
}

/** What the grade formula shows for this total (undefined: it cannot be evaluated here). */
function gradeAt(ctx: EvalContext, node: Node, at: { row: number; col: number }, total: number): string | undefined {
  const env: EvalEnv = {
    cell: (row, col) => (row === at.row && col === at.col ? total : ctx.view.value(row, col)),
  };
  try {
    const v: CellValue = resultOf(evaluateNode(node, env));
    return isCellError(v) || v === null ? undefined : String(v).replace(/\s+/g, "");
  } catch (e) {
    if (e instanceof UnknownValue) return undefined;
    throw e;
  }
}

/** A score formula that shows "" or text where the rules give a number: the total silently loses it. */
function auditNoResult(ctx: EvalContext, c: ComputedCell): void {
  const data = noResultData(c);
  if (!data) return;
  ctx.sink.add("formula-no-result", c.row, c.col, data);
  // The mismatch is this finding: no second one about an unreadable value.
  c.quiet = true;
}

/**
 * The formula-no-result finding's data for a score cell whose formula (not ours) shows "" or text
 * where the rules give a number; undefined otherwise. The check reports it, calculate offers it.
 */
export function noResultData(c: ComputedCell): FindingData["formula-no-result"] | undefined {
  if (c.formula === null || isOurFormula(c.formula) || typeof c.expected !== "number") return undefined;
  if (c.target !== "indicatorScore" && c.target !== "execScore") return undefined;
  const v = c.stated;
  // null: a formula nobody could calculate here (unknown, not empty).
  const noNumber = typeof v === "string" && !/^\s*-?\d+(\.\d+)?\s*$/.test(v);
  if (!noNumber) return undefined;
  return {
    what: c.target,
    stated: v,
    expected: c.expected,
    ...(c.plainFormulaCannot ? { cannot: c.plainFormulaCannot } : {}),
    // The value is always a formula's: fronts that label a stated value read this, not the code.
    fromFormula: true,
  };
}
