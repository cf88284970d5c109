/**
 * Form detection: every 绩效自评表 on a sheet, wherever it sits.
 *
 * One pass down the rows. Outside a block, each row is checked for a title line, a 项目名称 /
 * 部门名称 label, or the header of a block (重点工作任务, 项目资金, 绩效指标); a block, once found,
 * consumes its own rows and the scan resumes below it. Blocks are grouped into forms in sheet
 * order: a title starts a form, and so does a block the current form already has (two forms
 * stacked without titles). The kind comes from the title, else from the blocks and the name label.
 *
 * Detection never throws: a sheet it cannot read gives [] (the caller shows EXPECTED_HEADERS).
 */
import { SheetView, type SheetSnapshot } from "../sheet/snapshot";
import { readFunds, readTasks } from "./blocks";
import type { DetectedForm, FormKind, FundsBlock, IndicatorTable, TaskTable } from "./form";
import { Grid, type FilledCell } from "./grid";
import {
  FUNDS_HEADERS,
  NAME_LABELS,
  TASK_HEADERS,
  isKnownWord,
  indicatorColumnOf,
  isIndicatorGroupWord,
  titleKind,
} from "./headers";
import { readIndicatorBlock, readIndicatorHeader, type IndicatorBlock } from "./indicators";
import { readHeaderTotal } from "./headerTotal";

/** A form while it is being assembled. */
interface Draft {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
  title?: string;
  titleKind?: FormKind;
  name?: string;
  nameKind?: FormKind;
  funds?: FundsBlock;
  tasks?: TaskTable;
  block?: IndicatorBlock;
}

function newDraft(row: number, col: number): Draft {
  return { r1: row, r2: row, c1: col, c2: col };
}

function touch(d: Draft, row: number, ...cols: number[]): void {
  d.r2 = Math.max(d.r2, row);
  for (const c of cols) {
    d.c1 = Math.min(d.c1, c);
    d.c2 = Math.max(d.c2, c);
  }
}

function kindOf(d: Draft): FormKind {
  if (d.titleKind) return d.titleKind;
  if (d.tasks) return "department";
  if (d.nameKind) return d.nameKind;
  return "project";
}

function finish(d: Draft): DetectedForm {
  const form: DetectedForm = {
    kind: kindOf(d),
    range: { r1: d.r1, c1: d.c1, r2: d.r2, c2: d.c2 },
    sums: d.block?.sums ?? [],
  };
  if (d.title !== undefined) form.title = d.title;
  if (d.name !== undefined) form.name = d.name;
  if (d.funds) form.funds = d.funds;
  if (d.tasks) form.tasks = d.tasks;
  if (d.block) {
    form.indicators = d.block.table;
    if (d.block.total) form.total = d.block.total;
    if (d.block.notesRow !== undefined) form.notesRow = d.block.notesRow;
  }
  return form;
}

/** The scan's state: the forms closed so far and the one being assembled. */
class Scan {
  readonly forms: DetectedForm[] = [];
  cur: Draft | null = null;

  constructor(readonly grid: Grid) {}

  close(): void {
    const d = this.cur;
    if (d && (d.funds || d.tasks || d.block)) {
      const form = finish(d);
      const headerTotal = readHeaderTotal(this.grid, form);
      if (headerTotal) form.headerTotal = headerTotal;
      this.forms.push(form);
    }
    this.cur = null;
  }

  /** The current form, or a new one when it already has what is being added. */
  formFor(row: number, col: number, full: (d: Draft) => boolean): Draft {
    if (this.cur && full(this.cur)) this.close();
    if (!this.cur) this.cur = newDraft(row, col);
    return this.cur;
  }
}

function scan(grid: Grid): DetectedForm[] {
  const s = new Scan(grid);
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    // Most rows (prose, data) hold no header word: skip them without building cell lists.
    const look = grid.peek(r, isKnownWord);
    if (look.filled === 0 || (!look.known && look.filled > 3)) continue;
    const cells = grid.filled(r);
    if (cells.length <= 3 && startTitle(s, r, cells)) continue;
    if (!look.known) continue;
    if (readNameLabel(s, r, cells)) continue;
    r = readBlockAt(s, r, cells);
  }
  s.close();
  return s.forms;
}

/** A title stands alone or beside a note ("附件2", "单位：万元"): it starts a form. */
function startTitle(s: Scan, r: number, cells: FilledCell[]): boolean {
  const title = cells.find((c) => c.key && titleKind(c.key));
  if (!title) return false;
  s.close();
  const d = newDraft(r, title.col);
  d.title = s.grid.rawText(r, title.col);
  d.titleKind = titleKind(title.key) ?? undefined;
  touch(d, r, s.grid.mergeRight(r, title.col));
  s.cur = d;
  return true;
}

/** 项目名称 / 部门名称 and the value beside it. */
function readNameLabel(s: Scan, r: number, cells: FilledCell[]): boolean {
  const label = cells.find((c) => NAME_LABELS.has(c.key));
  if (!label) return false;
  const d = s.formFor(r, label.col, (x) => x.name !== undefined || x.block !== undefined);
  const value = cells.find((c) => c.col > label.col);
  d.nameKind = NAME_LABELS.get(label.key);
  if (value) {
    d.name = s.grid.rawText(r, value.col);
    touch(d, r, label.col, value.col, s.grid.mergeRight(r, value.col));
  } else touch(d, r, label.col);
  return true;
}

/** A 重点工作任务, funds or indicator block starting at `r`: read it whole; the last row it consumed. */
function readBlockAt(s: Scan, r: number, cells: FilledCell[]): number {
  const { grid } = s;
  const tasks = cells.some((c) => TASK_HEADERS.get(c.key) === "name") ? readTasks(grid, r) : null;
  if (tasks) {
    const d = s.formFor(r, cells[0].col, (x) => x.tasks !== undefined || x.block !== undefined);
    d.tasks = tasks;
    const last = tasks.rows.length ? tasks.rows[tasks.rows.length - 1] : tasks.headerRows[tasks.headerRows.length - 1];
    touch(d, last, ...(Object.values(tasks.columns) as number[]));
    return last;
  }
  const funds = cells.some((c) => FUNDS_HEADERS.has(c.key)) ? readFunds(grid, r) : null;
  if (funds) {
    const d = s.formFor(r, cells[0].col, (x) => x.funds !== undefined || x.block !== undefined);
    d.funds = funds;
    const last = funds.rows[funds.rows.length - 1].row;
    touch(d, last, cells[0].col, ...(Object.values(funds.columns) as number[]));
    return last;
  }
  const header = cells.some((c) => c.key && (indicatorColumnOf(c.key) || isIndicatorGroupWord(c.key)))
    ? readIndicatorHeader(grid, r)
    : null;
  if (!header) return r;
  const d = s.formFor(r, cells[0].col, (x) => x.block !== undefined);
  const block = readIndicatorBlock(grid, header);
  d.block = block;
  const last = Math.max(block.lastRow, header.headerRows[header.headerRows.length - 1]);
  touch(d, last, ...(Object.values(header.columns) as number[]));
  if (block.total?.gradeCol !== undefined) touch(d, last, block.total.gradeCol);
  return last;
}

/** Every 绩效自评表 on the sheet (project or department), wherever it sits. Never throws. */
export function detectForms(snapshot: SheetSnapshot): DetectedForm[] {
  try {
    if (!snapshot || !Array.isArray(snapshot.values) || snapshot.values.length === 0) return [];
    const sheet = { ...snapshot, merges: Array.isArray(snapshot.merges) ? snapshot.merges : [] };
    const whole = scan(new Grid(new SheetView(sheet)));
    // Forms placed side by side share their rows: read each column band on its own, and keep
    // that reading when it is better (splitReadsBetter); a form with an empty column inside stays whole.
    // A sheet where nothing was found has no form beside another one either: skip the second look.
    if (whole.length === 0) return whole;
    const bands = columnBands(sheet);
    if (bands.length < 2) return whole;
    const split = bands.flatMap(([c1, c2]) => scan(new Grid(new SheetView(columnSlice(sheet, c1, c2)))));
    if (!splitReadsBetter(whole, split, bands, sheet.origin.col)) return whole;
    return split.sort((x, y) => x.range.r1 - y.range.r1 || x.range.c1 - y.range.c1);
  } catch {
    // A malformed snapshot is "no form found", never a crash in a custom function or the pane.
    return [];
  }
}

/**
 * The reading band by band is the better one when several bands hold forms of their own (read
 * whole, two forms side by side mix: one's cells end or label the other's table); else when it
 * finds more forms, or as many reading more rows and columns (a table beside that is no form ran
 * into this one). One table cut by an empty column is no two forms (cutTables); a form with an
 * empty column inside finds a form in one band at most, and reads less in halves than whole.
 */
function splitReadsBetter(
  whole: DetectedForm[],
  split: DetectedForm[],
  bands: [number, number][],
  originCol: number,
): boolean {
  if (cutTables(split)) return false;
  const bandOf = (col: number) => bands.findIndex(([c1, c2]) => col - originCol >= c1 && col - originCol <= c2);
  if (new Set(split.map((f) => bandOf(f.range.c1))).size > 1) return true;
  if (split.length !== whole.length) return split.length > whole.length;
  const spans = (f: DetectedForm) => bandOf(f.range.c1) !== bandOf(f.range.c2);
  // The same blocks in the same columns, but the whole reading reached into the band beside
  // (a data table that is no form, whose rows ran into this form's table): the band's is clean.
  if (whole.some(spans) && whole.every((f) => split.some((g) => sameColumns(f, g)))) return true;
  return readingSize(split) > readingSize(whole);
}

/** Two readings of one form: the same blocks with the same columns. */
function sameColumns(a: DetectedForm, b: DetectedForm): boolean {
  const key = (cols: object | undefined) =>
    cols === undefined ? "" : JSON.stringify(Object.entries(cols).sort(([x], [y]) => (x < y ? -1 : 1)));
  return (
    key(a.indicators?.columns) === key(b.indicators?.columns) &&
    key(a.funds?.columns) === key(b.funds?.columns) &&
    key(a.tasks?.columns) === key(b.tasks?.columns)
  );
}

/**
 * One indicator table cut in two by an empty column, read as two tables on the same header row:
 * one with the 一级/二级 and no 三级, the other with the 三级 and no 一级/二级.
 */
function cutTables(split: DetectedForm[]): boolean {
  const tables = split.flatMap((f) => (f.indicators ? [f.indicators] : []));
  const names = (t: IndicatorTable) => t.columns.level1 !== undefined || t.columns.level2 !== undefined;
  return tables.some(
    (a) =>
      names(a) &&
      a.columns.level3 === undefined &&
      tables.some((b) => b.headerRows[0] === a.headerRows[0] && b.columns.level3 !== undefined && !names(b)),
  );
}

/** How much a reading of the sheet found: the rows and the columns of every block of every form. */
function readingSize(forms: DetectedForm[]): number {
  let n = 0;
  for (const f of forms) {
    if (f.indicators) n += f.indicators.rows.length + Object.keys(f.indicators.columns).length;
    if (f.funds) n += f.funds.rows.length + Object.keys(f.funds.columns).length;
    if (f.tasks) n += f.tasks.rows.length + Object.keys(f.tasks.columns).length;
  }
  return n;
}

/**
 * Runs of columns (indices into the snapshot's rows) separated by columns that are empty on every
 * row and crossed by no merged area: the gaps between forms placed side by side.
 */
function columnBands(s: SheetSnapshot): [number, number][] {
  const width = s.values.reduce((m, r) => Math.max(m, r.length), 0);
  const filled = new Array<boolean>(width).fill(false);
  for (const row of s.values) {
    for (let j = 0; j < row.length; j++) {
      if (filled[j]) continue;
      const v = row[j];
      if (v !== null && v !== undefined && v !== "") filled[j] = true;
    }
  }
  for (const m of s.merges) {
    for (let c = Math.max(m.c1, s.origin.col); c <= m.c2 && c - s.origin.col < width; c++)
      filled[c - s.origin.col] = true;
  }
  const bands: [number, number][] = [];
  let start = -1;
  for (let j = 0; j <= width; j++) {
    if (j < width && filled[j]) {
      if (start < 0) start = j;
    } else if (start >= 0) {
      bands.push([start, j - 1]);
      start = -1;
    }
  }
  return bands;
}

/** The columns [c1, c2] (indices into the rows) of a snapshot, at their absolute place. */
function columnSlice(s: SheetSnapshot, c1: number, c2: number): SheetSnapshot {
  const cut = <T>(rows: T[][] | undefined) => rows?.map((r) => r.slice(c1, c2 + 1));
  const a1 = s.origin.col + c1;
  const a2 = s.origin.col + c2;
  return {
    name: s.name,
    origin: { row: s.origin.row, col: a1 },
    values: cut(s.values)!,
    formulas: cut(s.formulas),
    numberFormats: cut(s.numberFormats),
    merges: s.merges.filter((m) => m.c1 >= a1 && m.c2 <= a2),
  };
}

/**
 * The same over a SheetView the caller already built (validation reads cells through one view;
 * building a second would repeat the merge expansion). Never throws.
 */
export function detectFormsInView(view: SheetView): DetectedForm[] {
  try {
    return view.rowCount === 0 ? [] : scan(new Grid(view));
  } catch {
    return [];
  }
}
