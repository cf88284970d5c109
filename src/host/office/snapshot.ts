/**
 * Office's answer for a used range → the engine's SheetSnapshot. Pure, so it is tested on
 * plain arrays: Office gives "" for an empty cell, the error text ("#DIV/0!") for an error
 * (told apart from typed text by valueTypes), and the value itself in `formulas` where a cell
 * holds no formula.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../engine/sheet/snapshot";
import { parseRangeA1 } from "../../engine/sheet/snapshot";

export interface OfficeRangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
}

export function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  // Rich values (entities, images) have no meaning for a form: read them as their text.
  return String(v);
}

export function toSnapshot(name: string, data: OfficeRangeData | null, merges: CellRange[]): SheetSnapshot {
  if (data === null) return { name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [], merges };
  const values = data.values.map((row, r) => row.map((v, c) => toCellValue(v, data.valueTypes[r]?.[c])));
  const snapshot: SheetSnapshot = { name, origin: { row: data.rowIndex, col: data.columnIndex }, values, merges };
  if (data.formulas) {
    snapshot.formulas = data.formulas.map((row) =>
      row.map((f) => (typeof f === "string" && f.startsWith("=") && f.length > 1 ? f : null)),
    );
  }
  if (data.numberFormat) {
    snapshot.numberFormats = data.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : null)));
  }
  return snapshot;
}

/** Band snapshots read one after another (same columns) → one snapshot. */
export function joinBands(name: string, bands: OfficeRangeData[], merges: CellRange[]): SheetSnapshot {
  if (bands.length === 0) return toSnapshot(name, null, merges);
  const first = bands[0];
  const joined: OfficeRangeData = {
    rowIndex: first.rowIndex,
    columnIndex: first.columnIndex,
    values: bands.flatMap((b) => b.values),
    valueTypes: bands.flatMap((b) => b.valueTypes),
    formulas: first.formulas ? bands.flatMap((b) => b.formulas ?? []) : undefined,
    numberFormat: first.numberFormat ? bands.flatMap((b) => b.numberFormat ?? []) : undefined,
  };
  return toSnapshot(name, joined, merges);
}

/**
 * RangeAreas.address ("Sheet1!A1:B2,Sheet1!C3:C4", or "'My, sheet'!A1:B2,…") → rectangles.
 * Quoted sheet names go first (they may hold commas), then each comma-separated piece is an area.
 */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const unquoted = address.replace(/'(?:[^']|'')*'!/g, "");
  for (const piece of unquoted.split(",")) {
    const r = parseRangeA1(piece.slice(piece.lastIndexOf("!") + 1).replace(/\$/g, ""));
    if (r) out.push(r);
  }
  return out;
}

/**
 * Merged areas read band by band (Excel answers at most 512 per call) → one list. Excel reports an
 * area that crosses a band boundary whole, once per band it touches: duplicates are dropped (and a
 * piece inside another area, should a host clip). Pieces are never joined: two one-row merges that
 * meet at a boundary are two merges.
 */
export function joinBandMerges(perBand: CellRange[][]): CellRange[] {
  const seen = new Set<string>();
  const all: CellRange[] = [];
  for (const m of perBand.flat()) {
    const key = `${m.r1}:${m.c1}:${m.r2}:${m.c2}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push({ ...m });
  }
  const inside = (a: CellRange, b: CellRange): boolean =>
    a !== b && a.r1 >= b.r1 && a.r2 <= b.r2 && a.c1 >= b.c1 && a.c2 <= b.c2;
  // Merged areas never overlap, so anything inside another area is a fragment of it.
  return all.filter((m) => !all.some((other) => inside(m, other))).sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}
