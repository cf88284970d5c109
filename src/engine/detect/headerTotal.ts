/**
 * A 总分 stated in the header lines above a form's first block: `自评总分: 95` in one cell (湖北
 * 广水), `自评总分(分) | 97.6` (重庆), `自评得分 | 98` (宁夏 银川), `自评得分：95分`, `项目总得分 99`. The form states
 * its total there, so the 总分 check covers it (validate/parts/headerTotal.ts). Only the lines
 * between the form's start (its title) and its first block are read: a 自评得分 header of a funds
 * block or a table is never taken for it.
 */
import type { DetectedForm, HeaderTotal } from "./form";
import type { Grid } from "./grid";

/**
 * The labels a stated total goes by (whitespace removed, NFKC), a bracketed unit allowed: 自评总分,
 * 自评得分, 项目总得分 (宁夏), 综合得分. A bare 得分 or 总分 is not one: "总分 | 100" in a header line
 * may give the full marks, and 得分 is a column header.
 */
const LABEL_WORDS = "(?:项目)?自评(?:总分|总得分|得分|综合得分)|项目总得分|综合得分";
const LABEL = new RegExp(`^(?:${LABEL_WORDS})(?:\\([^)]*\\))?[:：]?`);
const LABEL_ONLY = new RegExp(`^(?:${LABEL_WORDS})(?:\\([^)]*\\))?[:：]?$`);
/** The number after the label, perhaps with 分: "95", "95分", "97.6". */
const NUMBER = /^(\d+(?:\.\d+)?)分?$/;

function compact(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** A total worth stating: 0 < n ≤ 100 (a form's total is out of 100 at most). */
function plausible(n: number): boolean {
  return Number.isFinite(n) && n > 0 && n <= 100;
}

/** `自评总分: 95` in one cell: the number, or undefined. */
function inline(text: string): number | undefined {
  const m = LABEL.exec(text);
  if (!m || m[0].length === text.length) return undefined;
  const n = NUMBER.exec(text.slice(m[0].length));
  return n && plausible(Number(n[1])) ? Number(n[1]) : undefined;
}

/** A cell's number: typed, or text "95" / "95分"; NaN otherwise. */
function numberAt(grid: Grid, row: number, col: number): number {
  const raw = grid.view.raw(row, col);
  return typeof raw === "number" ? raw : Number(NUMBER.exec(compact(grid.rawText(row, col)))?.[1] ?? NaN);
}

/**
 * The number beside a bare label (the next filled cell, within two columns) or, when the label ends
 * its row, right under it (四川 安居: `自评得分` over `100`).
 */
function besideLabel(grid: Grid, row: number, col: number, c2: number): HeaderTotal | undefined {
  const next = grid.filled(row, col + 1, Math.min(c2, col + 2))[0];
  if (next) {
    const n = numberAt(grid, row, next.col);
    return plausible(n) ? { row, col: next.col, value: n } : undefined;
  }
  if (grid.filled(row, col + 1, c2).length > 0 || row + 1 > grid.lastRow) return undefined;
  const below = numberAt(grid, row + 1, col);
  return plausible(below) ? { row: row + 1, col, value: below } : undefined;
}

/** The first row of the form's first block (funds, tasks, indicator header). */
function firstBlockRow(form: DetectedForm): number {
  const starts = [form.funds?.headerRow, form.tasks?.headerRows[0], form.indicators?.headerRows[0]];
  return Math.min(...starts.filter((r): r is number => r !== undefined));
}

/** The 总分 the form states in its header lines, and its cell; undefined when it states none. */
export function readHeaderTotal(grid: Grid, form: DetectedForm): HeaderTotal | undefined {
  const { r1, c1, c2 } = form.range;
  const end = firstBlockRow(form);
  for (let r = r1; r < end; r++) {
    for (const cell of grid.filled(r, c1, c2)) {
      const text = compact(grid.rawText(r, cell.col));
      if (text.length > 20) continue;
      const n = inline(text);
      if (n !== undefined) return { row: r, col: cell.col, value: n };
      if (LABEL_ONLY.test(text)) {
        const beside = besideLabel(grid, r, cell.col, c2);
        if (beside) return beside;
      }
    }
  }
  return undefined;
}
