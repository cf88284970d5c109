/**
 * A laid-out sheet (./layout.ts) → SheetSnapshot, step for step as ../snapshot.ts reads an exceljs
 * worksheet: the rectangle of cells holding something, clipped to the limits, values, formulas and
 * number formats (a position without a cell shows its row's, else its column's format).
 */
import type { CellValue, SheetSnapshot } from "../../../engine/sheet/snapshot";
import type { ReadOptions } from "../../port";
import { readRectangle, type ClipNotice, type SnapshotLimits } from "../snapshot";
import { formulaOf, T, valueOf, type Cell } from "./cells";
import type { LaidOutSheet } from "./layout";

type Box = { minR: number; minC: number; lastR: number; lastC: number };

function hasContent(cell: Cell | undefined): cell is Cell {
  return cell !== undefined && cell.type !== T.Null && cell.type !== T.Merge;
}

/** 1-based bounds of the cells holding something, or null. */
function bounds(sheet: LaidOutSheet): { minR: number; maxR: number; minC: number; maxC: number } | null {
  let minR = Infinity;
  let maxR = -1;
  let minC = Infinity;
  let maxC = -1;
  for (const r of sheet.order) {
    const cells = sheet.rows.get(r)!.cells;
    for (let i = 0; i < cells.length; i++) {
      if (!hasContent(cells[i])) continue;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (i + 1 < minC) minC = i + 1;
      if (i + 1 > maxC) maxC = i + 1;
    }
  }
  return maxR < 0 ? null : { minR, maxR, minC, maxC };
}

function readFormats(sheet: LaidOutSheet, box: Box, out: (string | null)[][]): void {
  const hasColFmt = sheet.colFmts.some(Boolean);
  for (let r = box.minR; r <= box.lastR; r++) {
    const row = sheet.rows.get(r);
    const line = out[r - box.minR];
    const rowFmt = row?.numFmt || undefined;
    const cells = row ? row.cells : [];
    for (let c = box.minC; c <= box.lastC; c++) {
      const cell = cells[c - 1];
      const fmt = cell ? cell.numFmt : rowFmt || (hasColFmt ? sheet.colFmts[c - 1] : undefined);
      if (fmt) line[c - box.minC] = fmt;
    }
  }
}

function fillValues(sheet: LaidOutSheet, box: Box, values: CellValue[][], formulas: (string | null)[][] | null): void {
  const find = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return sheet.rows.get(Number(m[2]))?.cells[col - 1];
  };
  for (const r of sheet.order) {
    if (r < box.minR || r > box.lastR) continue;
    const cells = sheet.rows.get(r)!.cells;
    const last = Math.min(box.lastC, cells.length);
    for (let c = box.minC; c <= last; c++) {
      const cell = cells[c - 1];
      if (!cell || cell.type === T.Null) continue;
      values[r - box.minR][c - box.minC] = valueOf(cell);
      if (formulas) formulas[r - box.minR][c - box.minC] = formulaOf(cell, find);
    }
  }
}

export function lightSnapshot(
  name: string,
  sheet: LaidOutSheet,
  options: ReadOptions,
  limits: SnapshotLimits,
): { snapshot: SheetSnapshot; clipped?: ClipNotice } {
  const wantFormulas = options.formulas !== false;
  const wantFormats = options.numberFormats !== false;
  const merges = sheet.merges.map((m) => ({ ...m }));
  const b = bounds(sheet);
  if (!b)
    return { snapshot: { name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [], merges } };
  const { minR, minC } = b;
  const { box, clipped, values, formulas, numberFormats } = readRectangle(name, b, limits, {
    wantFormulas,
    wantFormats,
  });
  fillValues(sheet, box, values, wantFormulas ? formulas : null);
  if (wantFormats) readFormats(sheet, box, numberFormats);
  const snapshot: SheetSnapshot = { name, origin: { row: minR - 1, col: minC - 1 }, values, merges };
  if (wantFormulas) snapshot.formulas = formulas;
  if (wantFormats) snapshot.numberFormats = numberFormats;
  return { snapshot, clipped };
}
