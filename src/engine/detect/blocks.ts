/**
 * The two smaller blocks: the 项目资金 block (年初预算数 … 得分 with its 年度资金总额 / 当年财政拨款 /
 * 上年结转资金 / 其他资金 rows) and the 部门年度重点工作任务 table (two-row header with 批复金额
 * spanning 总额 / 财政拨款 / 其他资金).
 */
import type { FundsBlock, FundsColumn, FundsRow, TaskColumn, TaskTable } from "./form";
import type { Grid } from "./grid";
import {
  FUNDS_HEADERS,
  fundsRowKindOf,
  statedWeightIn,
  TASK_HEADERS,
  isNotesLabel,
  isTotalLabel,
  sumLabelKind,
  titleKind,
} from "./headers";

/** The funds header at `row` and the rows below it, or null when the row is not one. */
export function readFunds(grid: Grid, row: number): FundsBlock | null {
  const columns = fundsColumns(grid, row);
  if (!columns) return null;
  const firstValueCol = Math.min(...(Object.values(columns) as number[]));
  const rows = fundsRows(grid, row, firstValueCol, Math.max(...(Object.values(columns) as number[])));
  if (rows.length === 0) return null;
  const block: FundsBlock = { headerRow: row, columns, rows };
  const stated = statedExecWeight(grid, row, columns, firstValueCol);
  if (stated) block.statedWeight = stated;
  return block;
}

/** Blank rows a funds block may hold between its rows (a sub-row cleared, label and all). */
const MAX_BLANK_FUNDS_ROWS = 3;

/**
 * The row labels sit left of the amounts; a few rows at most, ending at the first unlabelled row.
 * A blank row between them (a sub-row cleared, label and all) does not end the block when the row
 * after it is a sub-row labelled in the same column (whatever follows a block starts with a header
 * or a label of its own: 年度总体目标, 一级指标 …).
 */
function fundsRows(grid: Grid, row: number, firstValueCol: number, lastCol: number): FundsRow[] {
  const rows: FundsRow[] = [];
  const from = labelsFrom(grid, row, firstValueCol);
  let labelCol = -1;
  let blanks = 0; // blank rows since the last funds row
  let seen = 0; // blank rows in all: the window grows by them
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 8 + seen); r++) {
    const hit = labelOf(grid, r, from, firstValueCol - 1);
    if (hit && (blanks === 0 || (hit.kind !== "total" && hit.col === labelCol))) {
      rows.push({ row: r, kind: hit.kind, label: grid.rawText(r, hit.col) });
      labelCol = hit.col;
      blanks = 0;
      continue;
    }
    if (rows.length === 0) continue;
    if (hit || grid.firstFilled(r, grid.firstCol, lastCol) || ++blanks > MAX_BLANK_FUNDS_ROWS) break;
    seen++;
  }
  return rows;
}

/**
 * The amount, rate and score columns of a funds header. Two amounts are enough when labelled rows
 * follow (内蒙古's 全年预算数(A) | 全年执行数(B)). Without a 全年预算数 column, 年初预算数 is the
 * budget the rate divides by (北京 2016: 年初预算数(A) | 全年执行数(B) | 执行率(B/A)).
 */
function fundsColumns(grid: Grid, row: number): FundsBlock["columns"] | null {
  const columns: Partial<Record<FundsColumn, number>> = {};
  let last = -1; // the last cell of the header so far
  for (const cell of grid.filled(row)) {
    const k = cell.key ? FUNDS_HEADERS.get(cell.key) : undefined;
    // The header is one run of columns: two empty columns end it (a form beside this one).
    if (last >= 0 && gapBetween(grid, row, last, cell.col)) break;
    if (k && columns[k] === undefined) columns[k] = cell.col;
    if (k || last >= 0) last = cell.col;
  }
  const amounts = ["initial", "budget", "spent"].filter((k) => columns[k as FundsColumn] !== undefined).length;
  if (amounts < 2 || columns.spent === undefined) return null;
  if (columns.budget === undefined && columns.initial !== undefined) {
    columns.budget = columns.initial;
    delete columns.initial;
  }
  return columns;
}

/** How far above and below a header the columns beside it are looked at. */
const NEAR_ROWS = 60;

/** A column with nothing in it (no value, no merge) on the rows near `row`. */
function emptyColumnNear(grid: Grid, row: number, col: number): boolean {
  const last = Math.min(grid.lastRow, row + NEAR_ROWS);
  for (let r = Math.max(grid.firstRow, row - NEAR_ROWS); r <= last; r++)
    if (grid.isFilled(r, col) || grid.view.isMergedCovered(r, col)) return false;
  return true;
}

/** Two empty columns side by side strictly between c1 and c2: the gap between two forms. */
function gapBetween(grid: Grid, row: number, c1: number, c2: number): boolean {
  for (let c = c1 + 1; c + 1 < c2; c++)
    if (emptyColumnNear(grid, row, c) && emptyColumnNear(grid, row, c + 1)) return true;
  return false;
}

/** The first column funds row labels may sit in: right of a gap between forms, if one is left of the amounts. */
function labelsFrom(grid: Grid, row: number, firstValueCol: number): number {
  for (let c = firstValueCol - 1; c - 1 >= grid.firstCol; c--)
    if (emptyColumnNear(grid, row, c) && emptyColumnNear(grid, row, c - 1)) return c + 1;
  return grid.firstCol;
}

/**
 * The execution weight the form states itself: in the 得分 or 分值 header ("得分（20分*执行率）",
 * "分值(10分)") or in the block's label left of the amounts ("预算执行情况(10分)").
 */
function statedExecWeight(
  grid: Grid,
  row: number,
  columns: FundsBlock["columns"],
  firstValueCol: number,
): FundsBlock["statedWeight"] {
  const places = [columns.score, columns.weight].filter((c): c is number => c !== undefined);
  for (let c = grid.firstCol; c < firstValueCol; c++) if (grid.isFilled(row, c)) places.push(c);
  for (const col of places) {
    const value = statedWeightIn(grid.rawText(row, col));
    if (value !== undefined) return { value, row, col };
  }
  return undefined;
}

function labelOf(
  grid: Grid,
  row: number,
  firstCol: number,
  lastCol: number,
): { kind: FundsRow["kind"]; col: number } | null {
  for (let c = firstCol; c <= lastCol; c++) {
    const key = grid.key(row, c);
    const kind = key ? fundsRowKindOf(key) : undefined;
    if (kind) return { kind, col: c };
  }
  return null;
}

/** The 重点工作任务 table whose header starts at `row`, or null. */
export function readTasks(grid: Grid, row: number): TaskTable | null {
  const top = taskHits(grid, row);
  if (top.name === undefined || Object.keys(top).length < 3) return null;
  const below = row + 1 <= grid.lastRow ? taskHits(grid, row + 1) : {};
  const twoRows =
    below.approvedTotal !== undefined || below.approvedFiscal !== undefined || below.approvedOther !== undefined;
  const columns: Partial<Record<TaskColumn, number>> = { ...top };
  if (twoRows) {
    // The upper 批复金额 cell spans the three amounts; the lower row says which is which.
    delete columns.approvedTotal;
    for (const [k, c] of Object.entries(below) as [TaskColumn, number][]) if (columns[k] === undefined) columns[k] = c;
  }
  const headerRows = twoRows ? [row, row + 1] : [row];
  const c1 = Math.min(...(Object.values(columns) as number[]));
  const c2 = Math.max(...(Object.values(columns) as number[]));
  const rows: number[] = [];
  for (let r = headerRows[headerRows.length - 1] + 1; r <= grid.lastRow; r++) {
    const cells = grid.filled(r, c1, c2);
    // A banner ("三、部门整体支出绩效指标") fills one merged cell; a task fills several.
    if (cells.length < 2) break;
    const key = cells[0].key;
    if (key && (isNotesLabel(key) || isTotalLabel(key) || titleKind(key) || TASK_HEADERS.get(key) === "name")) break;
    // A 合计 row sums the tasks; it is not a task of its own.
    if (key && sumLabelKind(key)) continue;
    rows.push(r);
  }
  return { headerRows, columns, rows };
}

function taskHits(grid: Grid, row: number): Partial<Record<TaskColumn, number>> {
  const out: Partial<Record<TaskColumn, number>> = {};
  for (const cell of grid.filled(row)) {
    if (!cell.key) continue;
    const k = TASK_HEADERS.get(cell.key) ?? (cell.key.length <= 20 && cell.key.includes("原因") ? "reason" : undefined);
    if (k && out[k] === undefined) out[k] = cell.col;
  }
  return out;
}
