/**
 * Header rows the synonyms do not fully name, read by structure:
 * - a second header row under header cells merged across several columns (河北 2020:
 *   `预期指标值` over `符号 | | 单位(文字描述)`, `自评得分` over `单项指标得分 | 权重占比(%) | 单项指标折算得分`).
 *   What can be told is mapped (an operator column, the value, a unit); a group whose parts cannot
 *   be told is left unmapped and named, so the check says it is unsure instead of scoring by a guess;
 * - a column of numbers with no header at all (四川 区域绩效目标自评表's score column): named, not read.
 */
import type { IndicatorColumn, IndicatorRow, UnsureColumn } from "./form";
import type { Grid } from "./grid";
import { MAX_HEADER_LENGTH, indicatorColumnOf, isIndicatorGroupWord } from "./headers";

type Columns = Partial<Record<IndicatorColumn, number>>;

/** Words for a column holding the operator of the target. */
const OPERATOR_WORD = /^(?:符号|运算符|关系符|比较符|指标符号)$/;

interface Group {
  c1: number;
  c2: number;
}

/** Header cells on `row` merged across columns (not down into the next row). */
function mergedGroups(grid: Grid, row: number): Group[] {
  return grid.view.snapshot.merges.filter((m) => m.r1 === row && m.r2 === row && m.c2 > m.c1);
}

function columnAt(columns: Columns, col: number): IndicatorColumn | undefined {
  return (Object.keys(columns) as IndicatorColumn[]).find((k) => columns[k] === col);
}

/** A row of short header words only, with nothing under the level columns (they merge down). */
function isWordRow(grid: Grid, row: number, top: Columns): boolean {
  const cells = grid.filled(row);
  if (cells.length < 2) return false;
  for (const k of ["level1", "level3"] as const) {
    if (top[k] !== undefined && grid.isFilled(row, top[k])) return false;
  }
  return cells.every((c) => {
    const v = grid.view.raw(row, c.col);
    return typeof v === "string" && v.length <= MAX_HEADER_LENGTH && !/\d/.test(v);
  });
}

/** The parts of one merged group by their words; undefined when a part cannot be told. */
function mapGroup(grid: Grid, row: number, k: IndicatorColumn, g: Group): Columns | undefined {
  const out: Columns = {};
  const blank: number[] = [];
  for (let col = g.c1; col <= g.c2; col++) {
    const word = grid.key(row, col);
    if (!word) {
      blank.push(col);
      continue;
    }
    const known = OPERATOR_WORD.test(word) ? "nature" : indicatorColumnOf(word);
    if (!known || out[known] !== undefined) return undefined;
    out[known] = col;
  }
  // The value itself is often the one part without a word: 符号 | (值) | 单位. A column empty all
  // the way down (one inserted into the group, or left over) is no part of it.
  if (out[k] === undefined) {
    const used = blank.length > 1 ? blank.filter((col) => holdsData(grid, row + 1, col)) : blank;
    if (used.length !== 1) return undefined;
    out[k] = used[0];
  }
  return out;
}

/** How far below a header an empty-looking column is searched for data. */
const DATA_REACH = 200;

function holdsData(grid: Grid, from: number, col: number): boolean {
  const last = Math.min(grid.lastRow, from + DATA_REACH);
  for (let r = from; r <= last; r++) if (grid.isFilled(r, col)) return true;
  return false;
}

/**
 * The header at `row` read with the row below as its second row, when that row is header words
 * under merged groups; null when it is not such a row.
 */
export function readSubHeader(
  grid: Grid,
  row: number,
  top: Columns,
): { columns: Columns; unsure: UnsureColumn[] } | null {
  const below = row + 1;
  if (below > grid.lastRow || !isWordRow(grid, below, top)) return null;
  const groups = mergedGroups(grid, row).filter((g) => columnAt(top, g.c1) !== undefined);
  if (groups.length === 0) return null;
  const columns: Columns = { ...top };
  const unsure: UnsureColumn[] = [];
  for (const g of groups) {
    const k = columnAt(top, g.c1)!;
    const parts = mapGroup(grid, below, k, g);
    delete columns[k];
    if (parts) {
      for (const [pk, col] of Object.entries(parts) as [IndicatorColumn, number][]) columns[pk] ??= col;
      continue;
    }
    const words: string[] = [];
    for (let col = g.c1; col <= g.c2; col++) if (grid.rawText(below, col)) words.push(grid.rawText(below, col));
    unsure.push({ row: below, col: g.c1, label: grid.rawText(row, g.c1), words });
  }
  return { columns, unsure };
}

/** Fewer numbers than this in a column say nothing. */
const MIN_NUMBERS = 3;

/**
 * Columns of the table's width holding numbers in at least three indicator rows that no header word
 * names: no header at all (四川 区域绩效目标自评表's score column), or a header word that is none of
 * the table's words (宁夏 银川's `考值参分`, its 分值 printed on two lines and read out of order).
 * Something is scored there and nobody said what: named (label "" when unheaded), never read.
 */
export function unlabelledNumberColumns(
  grid: Grid,
  headerRows: number[],
  columns: Columns,
  rows: IndicatorRow[],
): UnsureColumn[] {
  const mapped = new Set(Object.values(columns));
  const out: UnsureColumn[] = [];
  const last = Math.min(grid.lastCol, Math.max(...mapped) + 2);
  for (let col = Math.min(...mapped) + 1; col <= last; col++) {
    if (mapped.has(col)) continue;
    const label = unknownHeaderOver(grid, headerRows, col);
    if (label === undefined) continue;
    const numbers: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const v = grid.view.raw(rows[i].row, col);
      if (looksNumeric(v)) numbers.push(String(v).trim());
    }
    if (numbers.length >= MIN_NUMBERS) {
      out.push({ row: headerRows[0], col, label, words: numbers.slice(0, 5) });
    }
  }
  return out;
}

/**
 * The header over a column no synonym maps: "" when nothing is written there, the word when it is
 * no word of the indicator table; undefined when a merge covers it (a group read elsewhere) or the
 * word is one the table knows (a column deliberately left unread, e.g. a second 指标值).
 */
function unknownHeaderOver(grid: Grid, headerRows: number[], col: number): string | undefined {
  let label = "";
  for (const r of headerRows) {
    if (grid.view.isMergedCovered(r, col)) {
      // A header merged down from the row above in its own column was read there; a group is not.
      if (mergedDownFromAbove(grid, r, col)) continue;
      return undefined;
    }
    const raw = grid.view.raw(r, col);
    if (looksNumeric(raw)) continue;
    const key = grid.key(r, col);
    if (key === "" && grid.rawText(r, col) === "") continue;
    if (indicatorColumnOf(key) !== undefined || isIndicatorGroupWord(key)) return undefined;
    if (label === "") label = grid.rawText(r, col);
  }
  return label;
}

/** The cell is covered by a merge of its own column only, starting above it (a tall header cell). */
function mergedDownFromAbove(grid: Grid, row: number, col: number): boolean {
  return grid.view.snapshot.merges.some((m) => m.c1 === col && m.c2 === col && m.r1 < row && row <= m.r2);
}

/** A number, or a number typed as text ("4", "92%", "９５"): what a reader takes for one. */
function looksNumeric(v: unknown): boolean {
  if (typeof v === "number") return true;
  return typeof v === "string" && v.length <= 24 && NUMERIC_TEXT.test(v);
}

const NUMERIC_TEXT = /^\s*[-+]?[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]?\s*$/;

/** Text this long in a 分值 / 得分 column is a description, not a number someone mistyped. */
const DESCRIPTION_LENGTH = 6;

/**
 * A 分值 or 得分 column that holds descriptions on every row and no number (河北 2020: the
 * 指标分值 column carries each indicator's explanation): not a weight column after all. Returned
 * as unsure parts; the caller drops the column instead of reading text as weights.
 */
export function describedNumberColumns(
  grid: Grid,
  headerRow: number,
  columns: Columns,
  rows: IndicatorRow[],
): { column: IndicatorColumn; unsure: UnsureColumn }[] {
  const out: { column: IndicatorColumn; unsure: UnsureColumn }[] = [];
  for (const k of ["weight", "score"] as const) {
    const col = columns[k];
    if (col === undefined) continue;
    const texts: string[] = [];
    let numbers = 0;
    for (let i = 0; i < rows.length; i++) {
      const v = grid.view.raw(rows[i].row, col);
      if (typeof v === "number") numbers++;
      else if (typeof v === "string" && v.trim().length > DESCRIPTION_LENGTH && !/\d/.test(v)) texts.push(v.trim());
    }
    if (numbers > 0 || texts.length < 2) continue;
    const shown = texts[0].length > 20 ? `${texts[0].slice(0, 20)}…` : texts[0];
    out.push({ column: k, unsure: { row: headerRow, col, label: grid.rawText(headerRow, col), words: [shown] } });
  }
  return out;
}
