/**
 * What a sheet shows once calculated. A file written by a library (exceljs, our CLI) carries
 * formulas without results; Excel fills them in when the file opens. Here every formula cell that
 * has no cached value gets the value the formula gives — evaluated from the cells it reads,
 * themselves calculated first — so a check sees the numbers a reader would see. A cached value
 * is what Excel showed: it is kept.
 */
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import { evaluateNode, resultOf, UnknownValue, type EvalEnv } from "./evaluate";
import { parseFormula, type Node } from "./parse";

export type ExtraFunctions = EvalEnv["functions"];

/** Parsed formulas, shared between snapshots of the same text (forms repeat one formula shape). */
const PARSED = new Map<string, Node | null>();

export function parsedFormula(formula: string): Node | null {
  let node = PARSED.get(formula);
  if (node === undefined) {
    node = parseFormula(formula);
    if (PARSED.size > 20_000) PARSED.clear();
    PARSED.set(formula, node);
  }
  return node;
}

/** True when some formula cell has no cached value (nothing to do otherwise). */
function hasUncalculated(s: SheetSnapshot): boolean {
  const f = s.formulas;
  if (!f) return false;
  for (let r = 0; r < f.length; r++) {
    const row = f[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (row[c] && s.values[r]?.[c] === null) return true;
  }
  return false;
}

/** The snapshot with every uncalculated formula's result filled in (the same object when none). */
export function withFormulaResults(snapshot: SheetSnapshot, functions?: ExtraFunctions): SheetSnapshot {
  if (!hasUncalculated(snapshot)) return snapshot;
  const values = snapshot.values.map((r) => r.slice());
  const { row: r0, col: c0 } = snapshot.origin;
  const state = new Map<number, 1 | 2 | 3>(); // 1: being calculated, 2: done, 3: unknown
  let depth = 0;
  const key = (r: number, c: number) => r * 65536 + c;
  const env: EvalEnv = {
    functions,
    cell(row, col) {
      const r = row - r0;
      const c = col - c0;
      if (r < 0 || c < 0 || r >= values.length || c >= (values[r]?.length ?? 0)) return null;
      const f = snapshot.formulas?.[r]?.[c];
      if (f && snapshot.values[r][c] === null && !state.has(key(r, c))) calculate(r, c, f);
      // A cell whose value cannot be known makes every formula reading it unknown too.
      if (state.get(key(r, c)) === 3) throw new UnknownValue(`${row},${col}`);
      return values[r][c];
    },
  };
  const calculate = (r: number, c: number, f: string) => {
    // A circular reference shows nothing, as a file Excel cannot finish calculating would.
    // A chain deeper than this (a running total over thousands of rows) is left uncalculated
    // rather than overflowing the stack.
    if (state.get(key(r, c)) === 1) return;
    if (depth > 1500) throw new UnknownValue("depth");
    state.set(key(r, c), 1);
    depth++;
    const node = parsedFormula(f);
    let v: CellValue = null;
    let known = node !== null;
    try {
      // A formula showing a blank cell's value shows 0, as in Excel.
      if (node) v = resultOf(evaluateNode(node, env)) ?? 0;
    } catch (e) {
      if (!(e instanceof UnknownValue)) throw e;
      known = false;
    }
    values[r][c] = known ? v : null;
    state.set(key(r, c), known ? 2 : 3);
    depth--;
  };
  snapshot.formulas!.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f && snapshot.values[r][c] === null && !state.has(key(r, c))) calculate(r, c, f);
    }),
  );
  return { ...snapshot, values };
}
