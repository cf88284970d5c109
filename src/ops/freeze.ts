/**
 * freezeWorkbook: every JX.* formula becomes its value (or, with preferNative and plain numeric
 * inputs, the equivalent native formula), so a reviewer without the add-in sees numbers, not
 * #NAME?. Values come from the cell's cached result; a JX cell never calculated (no cached value,
 * or #NAME? from a host without the add-in) is evaluated with the same engine calls the JX
 * functions make. Nothing but JX cells is touched.
 */
import {
  findRuleSet,
  getRuleSet,
  a1,
  isCellError,
  parseRangeA1,
  SheetView,
  type CellValue,
  type RuleSet,
} from "../engine";
import { Failure, jxExecRate, jxExecScore, jxGrade, jxIndicatorScore, type Cell } from "../functions/jx";
import type { WorkbookPort, WriteOp } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { NATIVE_NATURES, nativeBuilder } from "../templates";
import { hasJx, parseJxCall, type JxArg, type JxCall } from "./jxFormula";

export interface FreezeArgs {
  sheets?: string[];
  preferNative?: boolean;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface FreezeResult {
  frozen: number;
  /** Cells whose JX formula could neither be valued nor translated (left as they were), A1 with sheet. */
  unresolved?: string[];
}

function argValue(view: SheetView, arg: JxArg | undefined): CellValue | undefined {
  if (!arg || arg.kind === "omitted") return undefined;
  if (arg.kind === "number" || arg.kind === "string") return arg.value;
  const p = parseRangeA1(arg.ref);
  if (!p) return undefined;
  // An input that is itself an uncalculated formula has no value we can trust.
  if (view.formula(p.r1, p.c1) !== null && view.value(p.r1, p.c1) === null) return undefined;
  return view.value(p.r1, p.c1);
}

function fromCell(c: Cell | undefined): CellValue | undefined {
  if (c === undefined || c instanceof Failure) return undefined;
  return c;
}

/** Evaluate a JX call from its inputs' cached values, as the custom function would. */
function evaluate(call: JxCall, view: SheetView, workbookRule: string | undefined): CellValue | undefined {
  const v = (i: number) => argValue(view, call.args[i]);
  const needs = (...idx: number[]) => idx.every((i) => call.args[i]?.kind !== "ref" || v(i) !== undefined);
  switch (call.name) {
    case "EXECRATE":
      return needs(0, 1) ? fromCell(jxExecRate(v(0), v(1))) : undefined;
    case "EXECSCORE":
      return needs(0, 1, 2) ? fromCell(jxExecScore(v(0), v(1), v(2))) : undefined;
    case "INDICATORSCORE":
      if (!needs(0, 1, 2, 3, 4)) return undefined;
      return fromCell(
        jxIndicatorScore(
          { nature: v(0), target: v(1), actual: v(2), weight: v(3), unit: v(4), ruleSet: v(5) },
          workbookRule,
        )[0]?.[0],
      );
    case "GRADE":
      return needs(0) ? fromCell(jxGrade(v(0), v(1), workbookRule)) : undefined;
    default:
      return undefined;
  }
}

const refText = (a: JxArg | undefined): string | null =>
  a?.kind === "ref" ? a.ref : a?.kind === "number" ? String(a.value) : null;

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
      const rs = ruleOf(99);
      const w = call.args[2]?.kind === "omitted" || !call.args[2] ? "10" : r2;
      return rs && r0 && r1 && w && isNum(0) && isNum(1) ? nativeBuilder(rs).execScore(r0, r1, w) : null;
    }
    case "INDICATORSCORE": {
      const rs = ruleOf(5);
      const nature = argValue(view, call.args[0]);
      const known = typeof nature === "string" && NATIVE_NATURES.has(nature.trim());
      if (!rs || !r0 || !r1 || !r2 || !r3 || !known || !isNum(1) || !isNum(2) || !isNum(3)) return null;
      return nativeBuilder(rs).indicatorScore({ nature: r0, target: r1, actual: r2, weight: r3, unit: r4 ?? '""' });
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
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i];
    const snapshot = await port.readSheet(sheet);
    const view = new SheetView(snapshot);
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
        const usable = cached !== null && !(isCellError(cached) && cached.error === "#NAME?");
        const value = usable
          ? cached
          : ((call && evaluate(call, view, workbookRule)) ?? (cached !== null ? cached : undefined));
        if (value === undefined) {
          unresolved.push(`${sheet}!${cell}`);
          continue;
        }
        ops.push({ kind: "values", range: cell, values: [[value]] });
        frozen++;
      }
    }
    if (ops.length) await port.apply({ sheet, ops });
    options.onProgress?.(i + 1, sheets.length, sheet);
  }
  return unresolved.length ? { frozen, unresolved } : { frozen };
}
