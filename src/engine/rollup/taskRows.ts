/**
 * The 部门年度重点工作任务 table as the rollup sees it: the task rows (a row with only its name
 * typed is a task too — the user listed the task and wants the amounts), the blank rows it may
 * fill, and the 合计 row. Detection stops at the first blank row; a rollup must see past it.
 *
 * A blank row is a free slot only when the table plainly goes on below it (another task or the
 * 合计 row) or when it holds the table's own formulas (our template): blank rows after the last
 * task may be a gap before the next block, and writing there would put a task outside the table.
 */
import type { DetectedForm, TaskColumn } from "../detect/form";
import { headerKey, isKnownWord, isNotesLabel, isTotalLabel, sumLabelKind, titleKind } from "../detect/headers";
import type { SheetView } from "../sheet/snapshot";

export interface TaskRow {
  row: number;
  /** 任务名称 as typed ("" when only amounts are typed). */
  name: string;
}

export interface TaskRows {
  columns: Partial<Record<TaskColumn, number>>;
  tasks: TaskRow[];
  /** Blank rows inside the table, top to bottom. */
  free: number[];
  /** The 合计 row, when the table has one. */
  sumRow?: number;
}

/** How far below the header a task table may reach. */
const MAX_ROWS = 300;
const BANNER = /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/;

export function scanTaskRows(view: SheetView, form: DetectedForm): TaskRows | null {
  const table = form.tasks;
  const nameCol = table?.columns.name;
  if (!table || nameCol === undefined) return null;
  const columns = table.columns;
  const cols = Object.values(columns) as number[];
  const [c1, c2] = [Math.min(...cols), Math.max(...cols)];
  const out: TaskRows = { columns, tasks: [], free: [] };
  let pending: number[] = [];
  const first = table.headerRows[table.headerRows.length - 1] + 1;
  const last = Math.min(view.lastRow, form.range.r2, first + MAX_ROWS);
  for (let r = first; r <= last; r++) {
    const typed = typedCells(view, r, c1, c2);
    if (typed.length === 0) {
      pending.push(r);
      continue;
    }
    const key = headerKey(view.text(r, typed[0]));
    if (sumLabelKind(key)) {
      out.sumRow = r;
      out.free.push(...pending);
      pending = [];
      // A 合计 printed above the tasks is still the table's; one below them ends it.
      if (out.tasks.length > 0) return out;
      continue;
    }
    if (endsTable(view, r, typed, key, nameCol)) break;
    out.free.push(...pending);
    pending = [];
    out.tasks.push({ row: r, name: view.text(r, nameCol).trim() });
  }
  // Blank rows after the last task count only when they carry the table's formulas.
  out.free.push(...pending.filter((r) => hasFormula(view, r, c1, c2)));
  return out;
}

/** Columns of the row holding a value someone typed (not a formula's result). */
function typedCells(view: SheetView, row: number, c1: number, c2: number): number[] {
  const out: number[] = [];
  for (let c = c1; c <= c2; c++) {
    if (view.formula(row, c) !== null) continue;
    const v = view.raw(row, c);
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    out.push(c);
  }
  return out;
}

function hasFormula(view: SheetView, row: number, c1: number, c2: number): boolean {
  for (let c = c1; c <= c2; c++) if (view.formula(row, c) !== null) return true;
  return false;
}

/** A banner, a header, the notes or the next form: the task table is over. */
function endsTable(view: SheetView, row: number, typed: number[], key: string, nameCol: number): boolean {
  if (isNotesLabel(key) || isTotalLabel(key) || isKnownWord(key)) return true;
  if (typed.length > 1) return false;
  // A title fills one cell; a task may well be named "…绩效自评表经费" beside its amounts.
  if (titleKind(key)) return true;
  // One typed cell: a task listed by name alone, unless it reads or spreads like a banner.
  if (typed[0] !== nameCol || BANNER.test(view.text(row, nameCol).trim())) return true;
  return view.snapshot.merges.some((m) => m.r1 === row && m.c1 === nameCol && m.c2 > nameCol + 2);
}
