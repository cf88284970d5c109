/**
 * The indicator table: its one- or two-row header, its rows (with 一级/二级 inherited from merged
 * or blank cells above), the 合计/小计 rows inside it, and the 其他需要说明事项 / 总分 rows below.
 *
 * Rows are consumed with cheap checks only (the first filled cell of the row is compared with a
 * handful of end markers), so a 10,000-row table costs one look at a dozen cells per row.
 */
import type {
  IndicatorColumn,
  IndicatorRow,
  IndicatorSection,
  IndicatorTable,
  SumRow,
  TotalRow,
  UnsureColumn,
} from "./form";
import { describedNumberColumns, readSubHeader, unlabelledNumberColumns } from "./subHeader";
import type { Grid } from "./grid";
import {
  NAME_LABELS,
  indicatorColumnOf,
  isIndicatorGroupWord,
  isNotesLabel,
  isTotalLabel,
  sumLabelKind,
  titleKind,
  FUNDS_HEADERS,
  FUNDS_ROW_LABELS,
  TASK_HEADERS,
  statedWeightIn,
} from "./headers";
import { isStandardLevel1, level1Family, level1OfLevel2, readLevel1Label, type Level1Label } from "./level1";
import { level1WeightAt, splitLevel1Weight } from "./level1Weight";

type Columns = Partial<Record<IndicatorColumn, number>>;

interface HeaderHits {
  columns: Columns;
  groups: number;
}

function hitsOf(grid: Grid, row: number): HeaderHits {
  const columns: Columns = {};
  let groups = 0;
  for (const cell of grid.filled(row)) {
    if (!cell.key) continue;
    const k = indicatorColumnOf(cell.key);
    if (k && columns[k] === undefined) columns[k] = cell.col;
    else if (!k && isIndicatorGroupWord(cell.key)) groups++;
  }
  return { columns, groups };
}

const count = (c: Columns): number => Object.keys(c).length;

/** A usable table names its indicators (a level column) and something to check (target/actual/weight/score). */
function usable(c: Columns): boolean {
  const named = c.level3 !== undefined || c.level1 !== undefined || c.level2 !== undefined;
  const checked = c.target !== undefined || c.actual !== undefined || c.weight !== undefined || c.score !== undefined;
  return named && checked && count(c) >= 3;
}

/**
 * Merge a two-row header: the lower row names the columns under a group ("绩效指标" over
 * 一级/二级/三级); the upper row supplies columns merged down through both rows (分值, 得分).
 */
function mergeHeader(upper: Columns, lower: Columns): Columns {
  const out: Columns = { ...lower };
  const used = new Set(Object.values(lower));
  for (const [k, col] of Object.entries(upper) as [IndicatorColumn, number][]) {
    if (out[k] === undefined && !used.has(col)) {
      out[k] = col;
      used.add(col);
    }
  }
  return out;
}

/** 指标方向 alone is the nature column; beside 指标性质 it is a column of its own. */
function settleDirection(c: Columns): Columns {
  if (c.direction !== undefined && c.nature === undefined) {
    const { direction, ...rest } = c;
    return { ...rest, nature: direction };
  }
  return c;
}

export interface IndicatorHeader {
  headerRows: number[];
  columns: Columns;
  unsure?: UnsureColumn[];
  /** A column of 一级 weights beside the 一级 (江西's 自评权重), apart from the indicators' 分值. */
  level1Weight?: number;
}

/** The indicator header starting at `row`, or null. */
export function readIndicatorHeader(grid: Grid, row: number): IndicatorHeader | null {
  const header = readHeaderColumns(grid, row);
  if (!header) return null;
  const split = splitLevel1Weight(grid, header.headerRows, header.columns);
  if (split.level1Weight === undefined) return header;
  return { ...header, columns: split.columns, level1Weight: split.level1Weight };
}

function readHeaderColumns(grid: Grid, row: number): IndicatorHeader | null {
  const top = hitsOf(grid, row);
  if (count(top.columns) + top.groups < 2) return null;
  if (row + 1 <= grid.lastRow) {
    const below = hitsOf(grid, row + 1);
    if (count(below.columns) >= 2) {
      const merged = settleDirection(mergeHeader(top.columns, below.columns));
      if (usable(merged)) return { headerRows: [row, row + 1], columns: merged };
    }
    // A second row of words the synonyms do not name, under merged header groups.
    const sub = readSubHeader(grid, row, top.columns);
    const columns = sub && settleDirection(sub.columns);
    if (sub && columns && usable(columns)) {
      return { headerRows: [row, row + 1], columns, ...(sub.unsure.length ? { unsure: sub.unsure } : {}) };
    }
  }
  const single = settleDirection(top.columns);
  return usable(single) ? { headerRows: [row], columns: single } : null;
}

export interface IndicatorBlock {
  table: IndicatorTable;
  sums: SumRow[];
  notesRow?: number;
  total?: TotalRow;
  /** Last row this block consumed (table, notes, total). */
  lastRow: number;
}

/**
 * What the first filled cell of a row says about the row: a 合计/小计 row, the end of the table
 * (notes, 总分, another form's title, name, funds or indicator header), or nothing special.
 */
function rowMarker(key: string): "total" | "subtotal" | "end" | "none" {
  if (!key) return "none";
  const sum = sumLabelKind(key);
  if (sum) return sum;
  if (isNotesLabel(key) || isTotalLabel(key) || NAME_LABELS.has(key) || titleKind(key)) return "end";
  if (key.startsWith("项目资金") || FUNDS_ROW_LABELS.has(key)) return "end";
  // Another form's funds or task header (a stacked form without title or name).
  const funds = FUNDS_HEADERS.get(key);
  if (funds === "initial" || funds === "budget" || funds === "spent" || TASK_HEADERS.get(key) === "name") return "end";
  const col = indicatorColumnOf(key);
  return col === "level1" || col === "level2" || col === "level3" || isIndicatorGroupWord(key) ? "end" : "none";
}

const LEVEL1_WORD = /指标$/;

/**
 * How far below blank rows a table may go on. People clear the rows they do not need instead of
 * deleting them (a protected template cannot lose rows), so blank rows inside a table, or
 * between it and its 总分, are common; a gap this long without one is the end of the form.
 */
const MAX_GAP = 30;

/** The first row at or after `from` (within MAX_GAP rows) with a filled cell in [c1, c2], or -1. */
function nextFilledRow(grid: Grid, from: number, c1: number, c2: number): number {
  const last = Math.min(grid.lastRow, from + MAX_GAP - 1);
  for (let r = from; r <= last; r++) if (grid.firstFilled(r, c1, c2)) return r;
  return -1;
}

/** A table being read: what each row inherits and what the block collected so far. */
class BlockReader {
  readonly rows: IndicatorRow[] = [];
  readonly sums: SumRow[] = [];
  readonly sections: IndicatorSection[] = [];
  readonly repeated: number[] = [];
  end: number;
  private sinceSubtotal: number[] = [];
  private level1Raw = "";
  private level1: Level1Label = { name: "" };
  private level2 = "";
  /** The 一级 family of `level2`, read once per distinct 二级 (rows repeat the one above). */
  private family: { of: string; name: string | undefined } = { of: "", name: undefined };
  /** Cells other than 一级 that make a row an indicator row (a lone first-column text is a note). */
  private readonly bodyCols: number[];

  constructor(
    readonly grid: Grid,
    readonly cols: Columns,
    readonly c2: number,
    first: number,
    /** The column of 一级 weights (江西's 自评权重), when the header has one. */
    readonly level1WeightCol?: number,
  ) {
    this.end = first - 1;
    this.bodyCols = (["level2", "level3", "target", "actual", "weight", "score"] as const)
      .map((k) => cols[k])
      .filter((c): c is number => c !== undefined);
  }

  level1Text(row: number): string {
    return this.cols.level1 !== undefined ? this.grid.text(row, this.cols.level1) : "";
  }

  isIndicatorRow(row: number, l1 = this.level1Text(row)): boolean {
    return this.bodyFilled(row) || (l1 !== "" && LEVEL1_WORD.test(l1));
  }

  /**
   * A cell of the row's body filled (other than `except`). A loop, not `some` with an arrow: asked
   * of every row twice, a closure per call was a megabyte of garbage on a 10,000-row table.
   */
  private bodyFilled(row: number, except?: number): boolean {
    const cols = this.bodyCols;
    for (let i = 0; i < cols.length; i++) if (cols[i] !== except && this.grid.isFilled(row, cols[i])) return true;
    return false;
  }

  /**
   * A cleared row of a table whose 一级 / 二级 are typed on every row instead of merged: nothing but
   * the 一级 / 二级 of the row above repeated. The same as a blank row under a merged 一级 cell.
   */
  onlyRepeatsLevels(row: number): boolean {
    const { grid, cols } = this;
    if (this.bodyFilled(row, cols.level2)) return false;
    const cells = grid.filled(row, grid.firstCol, this.c2);
    const repeats = (col: number) =>
      (col === cols.level1 && grid.text(row, col) === this.level1Raw) ||
      (col === cols.level2 && this.level2 !== "" && grid.text(row, col) === this.level2);
    return cells.length > 0 && cells.every((c) => repeats(c.col));
  }

  /**
   * A row that opens another form: a 部门名称 / 项目名称 label in any of its cells (`部门基本信息 |
   * 部门名称 | …` right below a form whose table has no end of its own). Not a title: an indicator
   * may well be named "按时报送绩效自评表"; a label alone in its cell is no indicator's name.
   */
  opensForm(row: number): boolean {
    const { grid } = this;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.view.raw(row, c);
      // Every name label says 名称: other text is passed over without keying it.
      if (typeof v === "string" && v.includes("名称") && NAME_LABELS.has(grid.key(row, c))) return true;
    }
    return false;
  }

  addSum(row: number, kind: "total" | "subtotal", labelCol: number): void {
    const covers = kind === "subtotal" ? this.sinceSubtotal : this.rows.map((x) => x.row);
    const columns = sumColumns(this.grid, row, this.cols);
    this.sums.push({ row, label: this.grid.rawText(row, labelCol), columns, covers: [...covers] });
    this.sinceSubtotal = [];
    this.end = row;
  }

  /** Merged cells read as their anchor; a blank unmerged cell inherits from the row above. */
  addIndicator(row: number, ownL1: string): void {
    const { grid, cols } = this;
    if (ownL1 && ownL1 !== this.level1Raw) {
      this.level1Raw = ownL1;
      this.level1 = this.readLevel1(row, ownL1);
      this.level2 = "";
    }
    const ownL2 = cols.level2 !== undefined ? grid.text(row, cols.level2) : "";
    if (ownL2) this.level2 = ownL2;
    const level3 = cols.level3 !== undefined ? grid.rawText(row, cols.level3) : "";
    const ir: IndicatorRow = new DetectedRow(row, this.level1Name(ownL1 !== ""), this.level2, level3);
    if (this.level1.weight !== undefined) ir.level1Weight = this.level1.weight;
    if (this.sections.length > 0) ir.section = this.sections.length - 1;
    this.rows.push(ir);
    this.sinceSubtotal.push(row);
    this.end = row;
  }

  /** The 一级 label, with the weight its own column states when the label states none. */
  private readLevel1(row: number, text: string): Level1Label {
    const label = readLevel1Label(text);
    if (label.weight !== undefined || this.level1WeightCol === undefined) return label;
    const weight = level1WeightAt(this.grid, row, this.level1WeightCol);
    return weight === undefined ? label : { ...label, weight };
  }

  /**
   * The 一级 name: the label's own, or — for a bare "(50分)", or a 二级 of another family under a
   * 一级 inherited from above (效益 rows left without a label) — the 一级 the 二级 belongs to.
   */
  private level1Name(ownLabel: boolean): string {
    const name = this.level1.name;
    if (this.family.of !== this.level2) this.family = { of: this.level2, name: level1OfLevel2(this.level2) };
    const family = this.family.name;
    if (name === "") return family ?? "";
    // Only among the standard families: a department's 履职效果 may hold 社会效益 rows of its own.
    if (!ownLabel && family !== undefined && isStandardLevel1(name) && level1Family(family) !== level1Family(name)) {
      return family;
    }
    return name;
  }

  /** A section label: the cell left of 一级 on the header row, or a line above a repeated header. */
  addSection(label: string, row: number, col: number): void {
    const weight = statedWeightIn(label);
    this.sections.push(weight === undefined ? { label, row, col } : { label, weight, row, col });
  }
}

export function readIndicatorBlock(grid: Grid, header: IndicatorHeader): IndicatorBlock {
  const cols = header.columns;
  const c2 = Math.max(...(Object.values(cols) as number[]));
  const first = header.headerRows[header.headerRows.length - 1] + 1;
  const b = new BlockReader(grid, cols, c2, first, header.level1Weight);
  addLeadingSection(b, header.headerRows[0]);
  let blanks = 0;
  for (let r = first; r <= grid.lastRow; r++) {
    const head = grid.firstFilled(r, grid.firstCol, c2);
    if (!head) {
      // A cleared row under a merged 一级 (or 二级) cell is still inside the table.
      const spare = [cols.level1, cols.level2].some((c) => c !== undefined && grid.view.isMergedCovered(r, c));
      if (spare || ++blanks < 2) continue;
      // Blank rows: the table goes on when the next filled row is one of its rows or a 合计.
      const next = nextFilledRow(grid, r + 1, grid.firstCol, c2);
      if (next < 0 || !continuesAt(b, next)) break;
      r = next - 1;
      continue;
    }
    blanks = 0;
    const marker = grid.markerOf(head.key, rowMarker);
    if (marker === "total" || marker === "subtotal") {
      b.addSum(r, marker, head.col);
      continue;
    }
    if (marker === "none" && b.onlyRepeatsLevels(r)) {
      b.end = r; // its 总分 or notes come after it, as after a merged 一级's last row
      continue;
    }
    const ownL1 = b.level1Text(r);
    if (marker === "end" || !b.isIndicatorRow(r, ownL1) || b.opensForm(r)) {
      const skip = repeatedHeaderAhead(b, r);
      if (skip < 0) break;
      r = skip;
      continue;
    }
    b.addIndicator(r, ownL1);
  }
  return finishBlock(grid, header, b);
}

function finishBlock(grid: Grid, header: IndicatorHeader, b: BlockReader): IndicatorBlock {
  const columns = { ...header.columns };
  const described = describedNumberColumns(grid, header.headerRows[0], columns, b.rows);
  for (const d of described) delete columns[d.column];
  const table: IndicatorTable = { headerRows: header.headerRows, columns, rows: b.rows };
  if (header.level1Weight !== undefined) table.level1WeightColumn = header.level1Weight;
  const unsure = [
    ...(header.unsure ?? []),
    ...described.map((d) => d.unsure),
    ...unlabelledNumberColumns(grid, header.headerRows, header.columns, b.rows),
  ];
  if (unsure.length > 0) table.unsure = unsure;
  if (b.sections.length > 0) table.sections = b.sections;
  if (b.repeated.length > 0) table.repeatedHeaders = b.repeated;
  const block: IndicatorBlock = { table, sums: b.sums, lastRow: b.end };
  readTrailer(grid, block, b.end + 1);
  return block;
}

/** After blank rows: the table goes on at `next` when it is one of its rows, a 合计 or a repeated header. */
function continuesAt(b: BlockReader, next: number): boolean {
  const key = b.grid.firstFilled(next, b.grid.firstCol, b.c2)!.key;
  const marker = b.grid.markerOf(key, rowMarker);
  if (marker === "total" || marker === "subtotal") return true;
  if (marker === "none" && b.isIndicatorRow(next) && !b.opensForm(next)) return true;
  return sameHeader(b, next) > 0;
}

/**
 * Several indicator blocks in one table, each repeating the header, perhaps under a line of its
 * own ("年度绩效目标（40分）"): the header is skipped (never an indicator), the line becomes a
 * section. Returns the last row skipped, or -1 when `row` really ends the table.
 */
function repeatedHeaderAhead(b: BlockReader, row: number): number {
  const here = sameHeader(b, row);
  if (here > 0) {
    b.repeated.push(row);
    const label = sectionLabel(b.grid, row, b.cols);
    if (label !== undefined) b.addSection(b.grid.rawText(row, label), row, label);
    return row + here - 1;
  }
  // A one-cell line (a banner) directly above a repeated header.
  const cells = b.grid.filled(row, b.grid.firstCol, b.c2);
  const below = row + 1 <= b.grid.lastRow ? sameHeader(b, row + 1) : 0;
  if (cells.length !== 1 || below === 0) return -1;
  b.addSection(b.grid.rawText(row, cells[0].col), row, cells[0].col);
  b.repeated.push(row + 1);
  return row + below;
}

/** The number of header rows (1 or 2) when `row` repeats this table's header, else 0. */
function sameHeader(b: BlockReader, row: number): number {
  const again = readIndicatorHeader(b.grid, row);
  if (!again) return 0;
  const same = (Object.keys(b.cols) as IndicatorColumn[]).filter((k) => again.columns[k] === b.cols[k]).length;
  return same >= 2 ? again.headerRows.length : 0;
}

/**
 * The first block's label: a cell left of the level columns on the header row ("绩效指标(90分)"),
 * or a one-cell line with a weight just above the header ("年度绩效目标（40分）").
 */
function addLeadingSection(b: BlockReader, headerRow: number): void {
  const { grid } = b;
  const col = sectionLabel(grid, headerRow, b.cols);
  if (col !== undefined) return b.addSection(grid.rawText(headerRow, col), headerRow, col);
  if (headerRow - 1 < grid.firstRow) return;
  const above = grid.filled(headerRow - 1, grid.firstCol, b.c2);
  if (above.length !== 1) return;
  const text = grid.rawText(headerRow - 1, above[0].col);
  if (statedWeightIn(text) !== undefined) b.addSection(text, headerRow - 1, above[0].col);
}

/** A label cell left of the level columns on a header row ("绩效指标(90分)"), or undefined. */
function sectionLabel(grid: Grid, row: number, cols: Columns): number | undefined {
  const firstLevel = Math.min(...[cols.level1, cols.level2, cols.level3].filter((c): c is number => c !== undefined));
  const cell = grid.firstFilled(row, grid.firstCol, firstLevel - 1);
  return cell ? cell.col : undefined;
}

function sumColumns(grid: Grid, row: number, cols: Columns): SumRow["columns"] {
  const out: SumRow["columns"] = {};
  if (cols.weight !== undefined && grid.isFilled(row, cols.weight)) out.weight = cols.weight;
  if (cols.score !== undefined && grid.isFilled(row, cols.score)) out.score = cols.score;
  return out;
}

/** 其他需要说明事项 and 总分 just below the table (blank rows between are tolerated, up to MAX_GAP). */
function readTrailer(grid: Grid, block: IndicatorBlock, from: number): void {
  const cols = block.table.columns;
  let blanks = 0;
  for (let r = from; r <= grid.lastRow && blanks < MAX_GAP; r++) {
    const head = grid.firstFilled(r);
    if (!head) {
      blanks++;
      continue;
    }
    blanks = 0;
    if (block.notesRow === undefined && block.total === undefined && isNotesLabel(head.key)) {
      block.notesRow = r;
      block.lastRow = r;
      continue;
    }
    if (block.total === undefined && isTotalLabel(head.key)) {
      block.total = totalRow(grid, r, head.col, cols, tableRight(grid, block.table.headerRows));
      block.lastRow = r;
    }
    return;
  }
}

/**
 * The table's last column: its header rows' rightmost cell or merge. An empty cell beyond it is
 * no part of the form, however wide the sheet is (another form beside or above it).
 */
function tableRight(grid: Grid, headerRows: number[]): number {
  let right = -1;
  for (const r of headerRows) {
    for (const c of grid.filled(r)) right = Math.max(right, c.col);
    for (const m of grid.view.snapshot.merges) if (m.r1 <= r && r <= m.r2) right = Math.max(right, m.c2);
  }
  return Math.min(right, grid.lastCol);
}

/**
 * The 总分 row's cells: 分值 and 得分 align with the table's columns; 等级 is the first filled
 * cell after them (or the column right after 得分 while it is still empty, inside the table). Without 分值/得分
 * columns, the filled cells after the label are read in order: numbers are 分值 then 得分
 * (a single number is 得分), text is 等级.
 */
function totalRow(grid: Grid, row: number, labelCol: number, cols: Columns, right: number): TotalRow {
  const t: TotalRow = { row };
  const after = grid.filled(row, labelCol + 1);
  if (cols.weight !== undefined || cols.score !== undefined) {
    t.weightCol = cols.weight;
    t.scoreCol = cols.score;
    const last = Math.max(cols.weight ?? -1, cols.score ?? -1);
    const grade = gradeCell(after.filter((c) => c.col > last));
    t.gradeCol = grade ?? (last + 1 <= right ? last + 1 : undefined);
    return t;
  }
  const numbers = after.filter((c) => typeof grid.view.raw(row, c.col) === "number");
  if (numbers.length >= 2) {
    t.weightCol = numbers[0].col;
    t.scoreCol = numbers[1].col;
  } else if (numbers.length === 1) t.scoreCol = numbers[0].col;
  const grade = gradeCell(
    after.filter((c) => typeof grid.view.raw(row, c.col) === "string" && c.col > (t.scoreCol ?? -1)),
  );
  if (grade !== undefined) t.gradeCol = grade;
  return t;
}

/** The 等级 cell among the filled cells after the scores: skip a "等级" label and take what follows it. */
function gradeCell(cells: { col: number; key: string }[]): number | undefined {
  const i = cells.findIndex((c) => GRADE_LABEL.test(c.key));
  if (i < 0) return cells[0]?.col;
  return cells[i + 1]?.col ?? cells[i].col + 1;
}

const GRADE_LABEL = /^(自评)?(等级|评级|评价等级)$/;

/**
 * A class, not an object literal: V8 "pretenures" a literal whose objects outlive a scavenge, as
 * the rows of a 10,000-row table do — allocates them straight into the old generation, slowly and
 * unevenly (see `Computed` in ../validate/context.ts). Instances of a class are allocated young.
 */
class DetectedRow implements IndicatorRow {
  level1Weight?: number;
  section?: number;
  constructor(
    readonly row: number,
    readonly level1: string,
    readonly level2: string,
    readonly level3: string,
  ) {}
}
