/**
 * 撤销上一次操作: before the pane writes (计算, 替换, 固化) it reads the sheets it will touch; after,
 * it reads them again and keeps, for every cell that changed, what the cell held before (value,
 * formula, number format). The record is stored with the workbook (a document setting), so undo
 * works after the pane is closed and opened again. Undo writes exactly those cells back.
 */
import { a1, isCellError, type CellValue, type SheetSnapshot } from "../engine";
import type { WorkbookPort, WriteOp, WritePlan } from "../host/port";

export const UNDO_SETTING = "jx.undo";

export interface CellBefore {
  cell: string;
  value: CellValue;
  formula: string | null;
  format: string | null;
  /** What the write left in the cell (records from before this field restore without the check). */
  after?: { value: CellValue; formula: string | null };
}

export type UndoAction = "calculate" | "replace" | "freeze" | "rollup";

export interface UndoRecord {
  action: UndoAction;
  sheets: { sheet: string; cells: CellBefore[] }[];
}

type CellState = Omit<CellBefore, "cell">;

function cellsOf(s: SheetSnapshot): Map<string, CellState> {
  const out = new Map<string, CellState>();
  s.values.forEach((row, i) =>
    row.forEach((value, j) => {
      const formula = s.formulas?.[i]?.[j] ?? null;
      const format = s.numberFormats?.[i]?.[j] ?? null;
      if (value === null && formula === null && (format === null || format === "General")) return;
      out.set(a1(s.origin.row + i, s.origin.col + j), { value, formula, format });
    }),
  );
  return out;
}

const EMPTY: CellState = { value: null, formula: null, format: null };

const shown = (x: CellValue) => (isCellError(x) ? `#${x.error}` : x);

function sameContent(a: Pick<CellState, "value" | "formula">, b: Pick<CellState, "value" | "formula">): boolean {
  return shown(a.value) === shown(b.value) && a.formula === b.formula;
}

function same(a: CellState, b: CellState): boolean {
  const fmt = (f: string | null) => (f === null || f === "General" ? null : f);
  return sameContent(a, b) && fmt(a.format) === fmt(b.format);
}

/** The cells whose value, formula or number format differ between two reads, as they were before. */
export function changedCells(before: SheetSnapshot, after: SheetSnapshot): CellBefore[] {
  const was = cellsOf(before);
  const now = cellsOf(after);
  const out: CellBefore[] = [];
  for (const cell of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(cell) ?? EMPTY;
    const a = now.get(cell) ?? EMPTY;
    if (!same(b, a)) out.push({ cell, ...b, after: { value: a.value, formula: a.formula } });
  }
  return out;
}

/** The plan that puts the cells back: formulas as formulas, values as values, formats as they were. */
export function restorePlan(sheet: string, cells: CellBefore[]): WritePlan {
  const ops: WriteOp[] = [];
  for (const c of cells) {
    if (c.formula !== null) ops.push({ kind: "formulas", range: c.cell, formulas: [[c.formula]] });
    else ops.push({ kind: "values", range: c.cell, values: [[isCellError(c.value) ? null : c.value]] });
    ops.push({ kind: "numberFormat", range: c.cell, format: c.format ?? "General" });
  }
  return { sheet, ops };
}

export function parseUndo(text: string | undefined): UndoRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as UndoRecord;
    return r && Array.isArray(r.sheets) && r.sheets.length > 0 ? r : null;
  } catch {
    return null; // A damaged record is no record: undo is offered only for what is known exactly.
  }
}

export interface Undoable<T> {
  result: T;
  /** What the write changed, stored in the workbook; null when it changed nothing (or was not stored). */
  record: UndoRecord | null;
  /** The write changed cells but the workbook refused the record: 撤销 cannot put this change back. */
  unrecorded: boolean;
}

/** Runs `write` between two reads of `sheets` and stores what it changed. Returns the write's result. */
export async function withUndo<T>(
  port: WorkbookPort,
  action: UndoAction,
  sheets: string[],
  write: () => Promise<T>,
): Promise<Undoable<T>> {
  const before = await Promise.all(sheets.map((s) => port.readSheet(s)));
  const result = await write();
  const after = await Promise.all(sheets.map((s) => port.readSheet(s)));
  const changed = before
    .map((b, i) => ({ sheet: sheets[i], cells: changedCells(b, after[i]) }))
    .filter((s) => s.cells.length > 0);
  if (changed.length === 0) return { result, record: null, unrecorded: false };
  const record: UndoRecord = { action, sheets: changed };
  try {
    await port.setSetting(UNDO_SETTING, JSON.stringify(record));
    return { result, record, unrecorded: false };
  } catch {
    // The write happened: it must be reported as done, never as "nothing was changed". An older
    // record would now put back cells this write changed after it, so it goes (if the workbook lets it).
    await port.setSetting(UNDO_SETTING, "").catch(() => undefined);
    return { result, record: null, unrecorded: true };
  }
}

/** The cell holds what the write left; a formula's value is Excel's to recalculate, so only its text counts. */
function stillAsLeft(left: NonNullable<CellBefore["after"]>, now: CellState): boolean {
  return left.formula !== null ? now.formula === left.formula : sameContent(left, now);
}

export interface UndoResult {
  restored: number;
  /** Cells ("Sheet!B7") someone changed after the recorded write: left as they are now. */
  kept: string[];
}

/**
 * Puts back what the last recorded operation changed, then forgets the record. A cell that no longer
 * holds what the write left there was changed since (typed by the clerk, after the pane closed and
 * opened again): undo never overwrites that, it names the cell instead.
 */
export async function undoLast(port: WorkbookPort, record: UndoRecord): Promise<UndoResult> {
  const out: UndoResult = { restored: 0, kept: [] };
  for (const s of record.sheets) {
    const now = cellsOf(await port.readSheet(s.sheet));
    const untouched = s.cells.filter((c) => !c.after || stillAsLeft(c.after, now.get(c.cell) ?? EMPTY));
    for (const c of s.cells) if (!untouched.includes(c)) out.kept.push(`${s.sheet}!${c.cell}`);
    if (untouched.length > 0) await port.apply(restorePlan(s.sheet, untouched));
    out.restored += untouched.length;
  }
  await port.setSetting(UNDO_SETTING, "");
  return out;
}
