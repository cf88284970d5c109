/**
 * A worksheet's cells laid out as exceljs lays them out after loading: rows by number, column
 * formats from <cols>, notes on empty cells given a cell, merged areas applied (slaves become
 * merge cells that keep their own format; cells a merge creates take the row's, else the
 * column's format).
 */
import { parseRangeA1, type CellRange } from "../../../engine/sheet/snapshot";
import { cellOf, MAX_MERGED_CELLS, T, type Cell, type Context, type Row } from "./cells";
import type { RawSheet } from "./sheet";
import { columnNumber } from "./sheet";
import { unsupported } from "./xml";

export interface LaidOutSheet {
  /** Rows by number (1-based), and their numbers in ascending order. */
  rows: Map<number, Row>;
  order: number[];
  /** Format of each column (index col-1) from <cols>. */
  colFmts: (string | undefined)[];
  merges: CellRange[];
}

/** Column formats as exceljs's Column.fromModel builds columns (sorted by min; overlaps ignored). */
function columnFormats(raw: RawSheet, ctx: Context): (string | undefined)[] {
  const cols = [...raw.cols].sort((a, b) => a.min - b.min);
  const out: (string | undefined)[] = [];
  let count = 1;
  for (const col of cols) {
    while (count < col.min) out[count++ - 1] = undefined;
    const fmt = col.styleId ? ctx.styles.numFmtOf(col.styleId) : undefined;
    while (count <= col.max) out[count++ - 1] = fmt;
    if (count > 16385) unsupported("columns");
  }
  return out;
}

function placeCells(raw: RawSheet, ctx: Context, rows: Map<number, Row>): void {
  const formulae = new Map<string, string>();
  for (const rawRow of raw.rows) {
    const numFmt = rawRow.styleId ? ctx.styles.numFmtOf(rawRow.styleId) : undefined;
    const row: Row = { numFmt, cells: [] };
    rows.set(rawRow.number, row);
    for (const rawCell of rawRow.cells) {
      const cell = cellOf(rawCell, ctx, formulae);
      if (!cell) continue;
      if (row.cells[rawCell.col - 1]) unsupported("two cells in one place");
      row.cells[rawCell.col - 1] = cell;
    }
  }
}

const NOTE_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/** A note on a cell with no <c> gets an empty cell without a format (../notesOnEmptyCells.ts). */
function placeNotes(raw: RawSheet, notes: string[], rows: Map<number, Row>): void {
  if (notes.length > 0 && raw.hasRlessCells) unsupported("notes with r-less cells");
  for (const ref of new Set(notes.filter(Boolean))) {
    const m = NOTE_REF.exec(ref);
    if (!m || raw.addresses.has(ref)) continue;
    const number = Number(m[2]);
    let row = rows.get(number);
    if (!row) rows.set(number, (row = { numFmt: undefined, cells: [] }));
    const col = columnNumber(m[1]);
    if (row.cells[col - 1]) unsupported("note cell");
    row.cells[col - 1] = {
      type: T.Null,
      raw: null,
      formula: undefined,
      shared: undefined,
      address: ref,
      numFmt: undefined,
    };
  }
}

const MERGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/;

/** exceljs's getCell: the cell, created with the row's (else the column's) format when missing. */
function cellAt(rows: Map<number, Row>, colFmts: (string | undefined)[], r: number, c: number): Cell {
  let row = rows.get(r);
  if (!row) rows.set(r, (row = { numFmt: undefined, cells: [] }));
  let cell = row.cells[c - 1];
  if (!cell) {
    const numFmt = row.numFmt || colFmts[c - 1] || undefined;
    cell = { type: T.Null, raw: null, formula: undefined, shared: undefined, address: "", numFmt };
    row.cells[c - 1] = cell;
  }
  return cell;
}

function applyMerges(refs: string[], rows: Map<number, Row>, colFmts: (string | undefined)[]): CellRange[] {
  const merges: CellRange[] = [];
  let covered = 0;
  for (const ref of refs) {
    const m = MERGE_REF.exec(ref);
    const range = m && parseRangeA1(ref);
    if (!m || !range || range.r1 !== Number(m[2]) - 1 || range.c1 !== columnNumber(m[1]) - 1) unsupported("merge ref");
    if (range.r2 > 1048575 || range.c2 > 16383) unsupported("merge size");
    covered += (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1);
    if (covered > MAX_MERGED_CELLS) unsupported("merge budget");
    for (let r = range.r1 + 1; r <= range.r2 + 1; r++) {
      for (let c = range.c1 + 1; c <= range.c2 + 1; c++) {
        const cell = rows.get(r)?.cells[c - 1];
        if (cell && (cell.master || cell.type === T.Merge)) unsupported("overlapping merges");
      }
    }
    cellAt(rows, colFmts, range.r1 + 1, range.c1 + 1).master = true;
    for (let r = range.r1 + 1; r <= range.r2 + 1; r++) {
      for (let c = range.c1 + 1; c <= range.c2 + 1; c++) {
        if (r === range.r1 + 1 && c === range.c1 + 1) continue;
        const slave = cellAt(rows, colFmts, r, c);
        slave.type = T.Merge;
        slave.raw = null;
      }
    }
    merges.push(range);
  }
  return merges;
}

export function layOut(raw: RawSheet, ctx: Context, notes: string[]): LaidOutSheet {
  const rows = new Map<number, Row>();
  const colFmts = columnFormats(raw, ctx);
  placeCells(raw, ctx, rows);
  placeNotes(raw, notes, rows);
  const merges = applyMerges(raw.merges, rows, colFmts);
  const order = [...rows.keys()].sort((a, b) => a - b);
  return { rows, order, colFmts, merges };
}
