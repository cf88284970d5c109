/**
 * The indicator table: its one- or two-row header, its rows (with 一级/二级 inherited from merged
 * or blank cells above), the 合计/小计 rows inside it, and the 其他需要说明事项 / 总分 rows below.
 *
 * Rows are consumed with cheap checks only (the first filled cell of the row is compared with a
 * handful of end markers), so a 10,000-row table costs one look at a dozen cells per row.
 */
import type { IndicatorColumn, IndicatorRow, IndicatorTable, SumRow, TotalRow } from "./form";
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
} from "./headers";

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

/** The indicator header starting at `row`, or null. */
export function readIndicatorHeader(grid: Grid, row: number): { headerRows: number[]; columns: Columns } | null {
  const top = hitsOf(grid, row);
  if (count(top.columns) + top.groups < 2) return null;
  if (row + 1 <= grid.lastRow) {
    const below = hitsOf(grid, row + 1);
    if (count(below.columns) >= 2) {
      const merged = settleDirection(mergeHeader(top.columns, below.columns));
      if (usable(merged)) return { headerRows: [row, row + 1], columns: merged };
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

export function readIndicatorBlock(grid: Grid, header: { headerRows: number[]; columns: Columns }): IndicatorBlock {
  const cols = header.columns;
  const colList = Object.values(cols) as number[];
  const c2 = Math.max(...colList);
  const first = header.headerRows[header.headerRows.length - 1] + 1;
  const rows: IndicatorRow[] = [];
  const sums: SumRow[] = [];
  let sinceSubtotal: number[] = [];
  let level1 = "";
  let level2 = "";
  let blanks = 0;
  let end = first - 1;
  let r = first;
  // Cells other than 一级 that make a row an indicator row (a lone first-column text is a note).
  const bodyCols = (["level2", "level3", "target", "actual", "weight", "score"] as const)
    .map((k) => cols[k])
    .filter((c): c is number => c !== undefined);
  const level1Text = (row: number): string => (cols.level1 !== undefined ? grid.text(row, cols.level1) : "");
  const isIndicatorRow = (row: number, l1 = level1Text(row)): boolean =>
    bodyCols.some((c) => grid.isFilled(row, c)) || (l1 !== "" && LEVEL1_WORD.test(l1));

  for (; r <= grid.lastRow; r++) {
    const head = grid.firstFilled(r, grid.firstCol, c2);
    if (!head) {
      // A cleared row under a merged 一级 (or 二级) cell is still inside the table.
      const spare = [cols.level1, cols.level2].some((c) => c !== undefined && grid.view.isMergedCovered(r, c));
      if (spare || ++blanks < 2) continue;
      // Blank rows: the table goes on when the next filled row is one of its rows or a 合计.
      const next = nextFilledRow(grid, r + 1, grid.firstCol, c2);
      if (next < 0) break;
      const key = grid.firstFilled(next, grid.firstCol, c2)!.key;
      const marker = grid.markerOf(key, rowMarker);
      if (marker === "end" || (marker === "none" && !isIndicatorRow(next))) break;
      r = next - 1;
      continue;
    }
    blanks = 0;
    const marker = grid.markerOf(head.key, rowMarker);
    if (marker === "end") break;
    if (marker !== "none") {
      const sumKind = marker;
      const covers = sumKind === "subtotal" ? sinceSubtotal : rows.map((x) => x.row);
      sums.push({ row: r, label: grid.rawText(r, head.col), columns: sumColumns(grid, r, cols), covers: [...covers] });
      sinceSubtotal = [];
      end = r;
      continue;
    }
    const ownL1 = level1Text(r);
    if (!isIndicatorRow(r, ownL1)) break;
    // Merged cells read as their anchor; a blank unmerged cell inherits from the row above.
    if (ownL1) {
      if (ownL1 !== level1) level2 = "";
      level1 = ownL1;
    }
    const ownL2 = cols.level2 !== undefined ? grid.text(r, cols.level2) : "";
    if (ownL2) level2 = ownL2;
    rows.push({ row: r, level1, level2, level3: cols.level3 !== undefined ? grid.rawText(r, cols.level3) : "" });
    sinceSubtotal.push(r);
    end = r;
  }

  const block: IndicatorBlock = {
    table: { headerRows: header.headerRows, columns: cols, rows },
    sums,
    lastRow: end,
  };
  readTrailer(grid, block, end + 1);
  return block;
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
      block.total = totalRow(grid, r, head.col, cols);
      block.lastRow = r;
    }
    return;
  }
}

/**
 * The 总分 row's cells: 分值 and 得分 align with the table's columns; 等级 is the first filled
 * cell after them (or the column right after 得分 while it is still empty). Without 分值/得分
 * columns, the filled cells after the label are read in order: numbers are 分值 then 得分
 * (a single number is 得分), text is 等级.
 */
function totalRow(grid: Grid, row: number, labelCol: number, cols: Columns): TotalRow {
  const t: TotalRow = { row };
  const after = grid.filled(row, labelCol + 1);
  if (cols.weight !== undefined || cols.score !== undefined) {
    t.weightCol = cols.weight;
    t.scoreCol = cols.score;
    const last = Math.max(cols.weight ?? -1, cols.score ?? -1);
    const grade = gradeCell(after.filter((c) => c.col > last));
    t.gradeCol = grade ?? (last + 1 <= grid.lastCol ? last + 1 : undefined);
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
