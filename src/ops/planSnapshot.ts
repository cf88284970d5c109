/**
 * The sheet a WritePlan for a new sheet would produce, as a snapshot: values, formulas (their
 * results unknown, so empty), number formats and merges. Lets an operation preview what it would
 * write into a template before the template exists — nothing is written until confirmed.
 */
import { parseRangeA1, type CellValue, type SheetSnapshot } from "../engine";
import type { WritePlan } from "../host/port";

export function snapshotOfPlan(plan: WritePlan): SheetSnapshot {
  let rows = 0;
  let cols = 0;
  for (const op of plan.ops) {
    if (op.kind !== "values") continue;
    const r = parseRangeA1(op.range);
    if (r) [rows, cols] = [Math.max(rows, r.r2 + 1), Math.max(cols, r.c2 + 1)];
  }
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const snapshot: SheetSnapshot = {
    name: plan.sheet,
    origin: { row: 0, col: 0 },
    values: grid<CellValue>(null),
    formulas: grid<string | null>(null),
    numberFormats: grid<string | null>("General"),
    merges: [],
  };
  for (const op of plan.ops) {
    const r = "range" in op ? parseRangeA1(op.range) : null;
    if (!r) continue;
    const each = (f: (row: number, col: number) => void) => {
      for (let i = r.r1; i <= Math.min(r.r2, rows - 1); i++)
        for (let j = r.c1; j <= Math.min(r.c2, cols - 1); j++) f(i, j);
    };
    if (op.kind === "values") each((i, j) => (snapshot.values[i][j] = op.values[i - r.r1]?.[j - r.c1] ?? null));
    else if (op.kind === "formulas")
      each((i, j) => {
        const f = op.formulas[i - r.r1]?.[j - r.c1];
        if (f) snapshot.formulas![i][j] = f;
      });
    else if (op.kind === "numberFormat") each((i, j) => (snapshot.numberFormats![i][j] = op.format));
    else if (op.kind === "merge") snapshot.merges.push(r);
  }
  return snapshot;
}
