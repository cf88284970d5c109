/**
 * Argument adaptation: Excel hands a custom function a scalar, or a matrix (`any[][]`) when the
 * parameter is declared as one — a single cell then arrives as [[v]]. These helpers turn what
 * arrives into grids and check that the grids line up, so one formula can score a whole column.
 */

export type Grid = unknown[][];

/**
 * A cell's plain value. functions.json allows data types in `any` parameters, so a linked or
 * formatted value arrives as an object ({type: "FormattedNumber", basicValue: 0.9, …}, an entity
 * with `text`): the scorer wants what the cell shows, its basic value.
 */
export function plain(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const o = v as { basicValue?: unknown; text?: unknown };
  if (o.basicValue !== undefined) return o.basicValue;
  if (typeof o.text === "string") return o.text;
  return v;
}

/** Blank as Excel passes it: an empty cell is null or "", an omitted optional argument undefined. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Any argument as a grid: a matrix stays, a 1-D array becomes a column, a scalar becomes 1×1. */
export function asGrid(v: unknown): Grid {
  if (Array.isArray(v)) {
    if (v.length === 0) return [[null]];
    if (v.every((row) => Array.isArray(row))) return v as Grid;
    return v.map((x) => [x]);
  }
  return [[plain(v)]];
}

export interface Shape {
  rows: number;
  cols: number;
}

/**
 * The common shape of several grids: each is 1×1 (repeated on every row) or the same r×c.
 * Returns the list of shapes as text when they disagree, for the message. Plain loops: this runs
 * once per formula, thousands of times in a recalculation.
 */
export function commonShape(grids: Grid[]): Shape | { mismatch: string } {
  let rows = 1;
  let cols = 1;
  let agree = true;
  for (const g of grids) {
    const r = g.length;
    let c = 0;
    for (const row of g) if (row.length > c) c = row.length;
    if (r * c <= 1) continue;
    if (rows * cols === 1) {
      rows = r;
      cols = c;
    } else if (r !== rows || c !== cols) agree = false;
  }
  if (agree) return { rows, cols };
  return { mismatch: grids.map((g) => `${g.length}×${Math.max(...g.map((row) => row.length))}`).join("、") };
}

/** The value at (r, c) of a grid that is either 1×1 or of the common shape. */
export function at(g: Grid, r: number, c: number): unknown {
  if (g.length === 1 && g[0].length === 1) return plain(g[0][0]);
  return plain(g[r]?.[c]);
}

/**
 * An optional argument: omitted (null or undefined) or a blank cell is undefined, so the engine's
 * default applies (=JX.EXECSCORE(A, B, H5) with H5 empty scores out of 10, as if omitted).
 */
export function optional(v: unknown): unknown {
  const p = plain(v);
  return isBlank(p) ? undefined : p;
}
