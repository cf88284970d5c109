/**
 * freezeWorkbook: every JX.* formula becomes its value (or, with preferNative and plain numeric
 * inputs, the equivalent native formula), so a reviewer without the add-in sees numbers, not
 * #NAME?. Values come from the cell's cached result; a JX cell never calculated (no cached value,
 * or #NAME? from a host without the add-in) is evaluated with the same engine calls the JX
 * functions make. Nothing but JX cells is touched.
 */
import {
  evaluateNode,
  parsedFormula,
  resultOf,
  UnknownValue,
  findRuleSet,
  getRuleSet,
  a1,
  isCellError,
  parseRangeA1,
  SheetView,
  type CellRange,
  type CellValue,
  type RuleSet,
} from "../engine";
import { Failure, jxExecRate, jxExecScore, jxGrade, jxIndicatorScore, type Cell } from "../functions/jx";
import type { WorkbookPort, WriteOp } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { NATIVE_NATURES, nativeBuilder } from "../templates";
import { hasJx, parseJxCall, type JxArg, type JxCall } from "./jxFormula";
import type { FreezeProblem, ResolveLimit } from "./freezeProblems";
import { progressStep, type OnProgress } from "./progress";

export interface FreezeArgs {
  sheets?: string[];
  preferNative?: boolean;
  onProgress?: OnProgress;
}

export interface FreezeResult {
  frozen: number;
  /** Cells whose JX formula could neither be valued nor translated (left as they were), A1 with sheet. */
  unresolved?: string[];
  /**
   * Cells frozen to an empty value because the function had nothing to compute from (its inputs
   * are blank, so it could only show #VALUE!): named, never blanked silently. "Sheet!A1".
   */
  blanked?: string[];
  /** Why some of them could not be valued (a SUM over too many cells, a chain too deep): render with freezeProblemText. */
  problems?: FreezeProblem[];
}

/**
 * Why a cell's value could not be worked out within bounds: a hostile `=SUM(C1:XFD1048576)` or a
 * chain of 20,000 SUMs must fail for that cell, in Chinese, not take the whole freeze down with
 * "Maximum call stack size exceeded".
 */
export class ResolveLimitError extends Error {
  constructor(readonly limit: ResolveLimit) {
    super(limit.code);
    this.name = "ResolveLimitError";
  }
}

/** How deep references may chain (A1 → SUM(A2) → SUM(A3) …) before a cell is given up. */
export const MAX_RESOLVE_DEPTH = 500;
/** Cells one freeze may sum over in all. */
export const MAX_SUM_CELLS = 2_000_000;

/**
 * Values of cells as the workbook would show them once calculated: the cached value when there
 * is one; otherwise a JX call or a SUM is evaluated from its inputs (recursively, memoised).
 * exceljs-written files carry no cached values, and a 总分 SUM feeds JX.GRADE.
 */
class Resolver {
  private readonly memo = new Map<string, CellValue | undefined>();
  private readonly busy = new Set<string>();
  private depth = 0;
  private summed = 0;
  constructor(
    private readonly view: SheetView,
    private readonly workbookRule: string | undefined,
  ) {}

  /** A JX cell's value, with its own budget of summed cells. */
  top(row: number, col: number): CellValue | undefined {
    this.summed = 0;
    return this.cell(row, col);
  }

  cell(row: number, col: number): CellValue | undefined {
    const key = `${row},${col}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.busy.has(key)) return undefined; // a cycle: no value
    if (this.depth >= MAX_RESOLVE_DEPTH) {
      throw new ResolveLimitError({ code: "chain-too-deep", limit: MAX_RESOLVE_DEPTH, via: a1(row, col) });
    }
    this.busy.add(key);
    this.depth++;
    try {
      const v = this.compute(row, col);
      this.memo.set(key, v);
      return v;
    } finally {
      this.depth--;
      this.busy.delete(key);
    }
  }

  private compute(row: number, col: number): CellValue | undefined {
    const formula = this.view.formula(row, col);
    const cached = this.view.value(row, col);
    if (formula === null) return cached;
    const usable = cached !== null && !(isCellError(cached) && cached.error === "#NAME?");
    if (usable) return cached;
    const call = hasJx(formula) ? parseJxCall(formula) : null;
    if (call) return evaluate(call, this);
    return this.sum(formula) ?? this.plain(formula);
  }

  /**
   * Any other plain formula (a template's IF(…, SUM(…), "") 总分), by the engine's evaluator over
   * resolved values: what Excel would show. Undefined when an input has no value here.
   */
  private plain(formula: string): CellValue | undefined {
    const node = parsedFormula(formula);
    if (!node) return undefined;
    const cell = (row: number, col: number): CellValue => {
      const v = this.cell(row, col);
      if (v === undefined) throw new UnknownValue(`${row},${col}`);
      return v;
    };
    try {
      return resultOf(evaluateNode(node, { cell, maxRangeCells: MAX_SUM_CELLS })) ?? 0;
    } catch (e) {
      if (e instanceof UnknownValue) return undefined;
      throw e;
    }
  }

  /** `=SUM(A1,B2:B9)` over resolved values; anything else has no value here. */
  private sum(formula: string): CellValue | undefined {
    const m = /^=\s*SUM\(([A-Z0-9$:,\s]*)\)\s*$/i.exec(formula);
    if (!m) return undefined;
    let total = 0;
    for (const part of m[1].split(",")) {
      const r = parseRangeA1(part.trim());
      if (!r) return undefined;
      const v = this.sumRange(r);
      if (v === undefined) return undefined;
      total += v;
    }
    return total;
  }

  /**
   * The sum of a range: only the part inside the sheet's used area can hold anything (a whole
   * column costs its used rows, not a million), and plain cells are read without memoising.
   */
  private sumRange(r: CellRange): number | undefined {
    const v = this.view;
    const [r1, r2] = [Math.max(r.r1, v.firstRow), Math.min(r.r2, v.lastRow)];
    const [c1, c2] = [Math.max(r.c1, v.firstCol), Math.min(r.c2, v.lastCol)];
    if (r1 > r2 || c1 > c2) return 0;
    this.summed += (r2 - r1 + 1) * (c2 - c1 + 1);
    if (this.summed > MAX_SUM_CELLS) {
      throw new ResolveLimitError({ code: "sum-too-large", limit: MAX_SUM_CELLS });
    }
    let total = 0;
    for (let row = r1; row <= r2; row++) {
      for (let col = c1; col <= c2; col++) {
        const x = v.formula(row, col) === null ? v.value(row, col) : this.cell(row, col);
        if (x === undefined) return undefined;
        if (typeof x === "number") total += x;
      }
    }
    return total;
  }

  arg(a: JxArg | undefined): CellValue | undefined {
    if (!a || a.kind === "omitted") return undefined;
    if (a.kind === "number" || a.kind === "string") return a.value;
    const p = parseRangeA1(a.ref);
    return p ? this.cell(p.r1, p.c1) : undefined;
  }

  get rule(): string | undefined {
    return this.workbookRule;
  }
}

const isBlankValue = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** JX.INDICATORSCORE's optional 一级 / 二级 / 三级 arguments (7th to 9th). */
const names = (v: (i: number) => CellValue | undefined) => ({ level1: v(6), level2: v(7), level3: v(8) });

/**
 * Evaluate a JX call from its inputs, as the custom function would. A call that fails while its
 * inputs are blank (a spare row) freezes to an empty cell; one that fails on real input freezes
 * to #VALUE!, which is what Excel showed. Undefined: an input has no value yet.
 */
function evaluate(call: JxCall, res: Resolver): CellValue | undefined {
  const refs = call.args.filter((a) => a.kind === "ref");
  const v = (i: number) => res.arg(call.args[i]);
  if (refs.some((a) => res.arg(a) === undefined)) return undefined;
  let out: Cell | undefined;
  switch (call.name) {
    case "EXECRATE":
      out = jxExecRate(v(0), v(1));
      break;
    case "EXECSCORE":
      // The rule set named in the call, else the workbook's (101号 bands, the platform's uncapped score).
      out = jxExecScore(v(0), v(1), v(2), v(3), res.rule);
      break;
    case "INDICATORSCORE":
      out = jxIndicatorScore(
        { nature: v(0), target: v(1), actual: v(2), weight: v(3), unit: v(4), ruleSet: v(5), ...names(v) },
        res.rule,
      )[0]?.[0];
      break;
    case "GRADE":
      out = jxGrade(v(0), v(1), res.rule);
      break;
    default:
      return undefined;
  }
  if (out === undefined) return undefined;
  if (out instanceof Failure) {
    // Inputs that matter for the row (all but 指标性质/规则 literals): blank → nothing to show.
    const inputs = call.name === "INDICATORSCORE" ? [1, 2] : call.name === "GRADE" ? [0] : [0, 1];
    return inputs.some((i) => isBlankValue(v(i))) ? null : { error: "#VALUE!" };
  }
  return out;
}

function argValue(view: SheetView, arg: JxArg | undefined): CellValue | undefined {
  if (!arg || arg.kind === "omitted") return undefined;
  if (arg.kind === "number" || arg.kind === "string") return arg.value;
  const p = parseRangeA1(arg.ref);
  return p ? view.value(p.r1, p.c1) : undefined;
}

const refText = (a: JxArg | undefined): string | null =>
  a?.kind === "ref" ? a.ref : a?.kind === "number" ? String(a.value) : null;

/** The row's names a JX call passes (7th–9th arguments), as the native formula reads them; none → none, as in JX. */
function nativeNames(call: JxCall): { names?: string; rateNames?: string } {
  if (call.args.length <= 6) return {};
  const level = (i: number): string => {
    const a = call.args[i];
    if (a?.kind === "ref") return a.ref;
    return a?.kind === "string" ? `"${a.value.replace(/"/g, '""')}"` : '""';
  };
  return { names: `${level(6)}&${level(7)}&${level(8)}`, rateNames: `${level(7)}&${level(8)}` };
}

/** The native formula for a JX call, when every input it reads is a plain number (or a known operator). */
function toNative(call: JxCall, view: SheetView, workbookRule: string | undefined): string | null {
  const isNum = (i: number) => typeof argValue(view, call.args[i]) === "number";
  const ruleOf = (i: number): RuleSet | undefined => {
    const a = call.args[i];
    if (a?.kind === "string") return findRuleSet(a.value);
    if (a && a.kind !== "omitted") return undefined;
    try {
      return getRuleSet(workbookRule);
    } catch {
      return undefined;
    }
  };
  const [r0, r1, r2, r3, r4] = call.args.map(refText);
  switch (call.name) {
    case "EXECRATE": {
      const rs = ruleOf(99);
      return rs && r0 && r1 && isNum(0) && isNum(1) ? nativeBuilder(rs).execRate(r0, r1) : null;
    }
    case "EXECSCORE": {
      const rs = ruleOf(3);
      const w = call.args[2]?.kind === "omitted" || !call.args[2] ? "10" : r2;
      return rs && r0 && r1 && w && isNum(0) && isNum(1) ? nativeBuilder(rs).execScore(r0, r1, w) : null;
    }
    case "INDICATORSCORE": {
      const rs = ruleOf(5);
      const nature = argValue(view, call.args[0]);
      const known = typeof nature === "string" && NATIVE_NATURES.has(nature.trim());
      if (!rs || !r0 || !r1 || !r2 || !r3 || !known || !isNum(1) || !isNum(2) || !isNum(3)) return null;
      const refs = { nature: r0, target: r1, actual: r2, weight: r3, unit: r4 ?? '""', ...nativeNames(call) };
      return nativeBuilder(rs).indicatorScore(refs);
    }
    case "GRADE": {
      const rs = ruleOf(1);
      return rs && r0 ? nativeBuilder(rs).grade(r0) : null;
    }
    default:
      return null;
  }
}

export async function freezeWorkbookImpl(port: WorkbookPort, options: FreezeArgs = {}): Promise<FreezeResult> {
  const sheets = options.sheets ?? (await port.listSheets());
  const workbookRule = await port.getSetting(RULE_SET_SETTING);
  let frozen = 0;
  const unresolved: string[] = [];
  const blanked: string[] = [];
  let problems: FreezeProblem[] | undefined;
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i];
    const snapshot = await port.readSheet(sheet);
    const view = new SheetView(snapshot);
    const resolver = new Resolver(view, workbookRule);
    const ops: WriteOp[] = [];
    for (let r = view.firstRow; r <= view.lastRow; r++) {
      for (let c = view.firstCol; c <= view.lastCol; c++) {
        const formula = view.formula(r, c);
        if (!hasJx(formula)) continue;
        const cell = a1(r, c);
        const call = parseJxCall(formula);
        const native = options.preferNative && call ? toNative(call, view, workbookRule) : null;
        if (native) {
          ops.push({ kind: "formulas", range: cell, formulas: [[native]] });
          frozen++;
          continue;
        }
        const cached = view.raw(r, c);
        // null is a real result (a spare row shows nothing); undefined means no value could be found.
        let resolved: CellValue | undefined;
        try {
          resolved = resolver.top(r, c);
        } catch (e) {
          if (!(e instanceof ResolveLimitError)) throw e;
          unresolved.push(`${sheet}!${cell}`);
          (problems ??= []).push({ cell: `${sheet}!${cell}`, ...e.limit });
          continue;
        }
        const value = resolved !== undefined ? resolved : cached !== null ? cached : undefined;
        if (value === undefined) {
          unresolved.push(`${sheet}!${cell}`);
          continue;
        }
        if (value === null) blanked.push(`${sheet}!${cell}`);
        ops.push({ kind: "values", range: cell, values: [[value]] });
        frozen++;
      }
    }
    if (ops.length) await port.apply({ sheet, ops });
    options.onProgress?.(i + 1, sheets.length, progressStep("freeze-sheet", { sheet }));
  }
  const result: FreezeResult = unresolved.length ? { frozen, unresolved } : { frozen };
  if (problems) result.problems = problems;
  if (blanked.length) result.blanked = blanked;
  return result;
}
