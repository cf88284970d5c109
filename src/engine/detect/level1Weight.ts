/**
 * A column that holds each 一级's weight, beside the 一级 and merged down over its rows — 江西's
 * 部门整体 template: `分解目标 | 自评权重 | 二级指标 | 三级指标 | … | 分值 | 得分`, where 自评权重 reads
 * 30 / 25 / 35 for 管理 / 产出 / 效果 and 分值 weighs each 三级. Read by structure, not by one word:
 * a weight header standing between the 一级 and the next level column, on a table that has another
 * weight column for its indicators. A lone weight column beside the 一级 stays the table's 分值.
 */
import type { IndicatorColumn } from "./form";
import type { Grid } from "./grid";
import { indicatorColumnOf } from "./headers";

type Columns = Partial<Record<IndicatorColumn, number>>;

export interface Level1WeightSplit {
  columns: Columns;
  /** The column of the 一级 weights, when the header has one. */
  level1Weight?: number;
}

/** Weight-word header cells in [c1, c2] on the header rows, left to right. */
function weightHeaders(grid: Grid, headerRows: number[], c1: number, c2: number): number[] {
  const cols = new Set<number>();
  for (const r of headerRows) {
    for (const cell of grid.filled(r, c1, c2)) if (indicatorColumnOf(cell.key) === "weight") cols.add(cell.col);
  }
  return [...cols].sort((a, b) => a - b);
}

export function splitLevel1Weight(grid: Grid, headerRows: number[], columns: Columns): Level1WeightSplit {
  const l1 = columns.level1;
  if (l1 === undefined) return { columns };
  const after = [columns.level2, columns.level3].filter((c): c is number => c !== undefined && c > l1);
  if (after.length === 0) return { columns };
  const next = Math.min(...after);
  const beside = weightHeaders(grid, headerRows, l1 + 1, next - 1);
  if (beside.length !== 1) return { columns };
  const indicatorWeight = weightHeaders(grid, headerRows, next + 1, grid.lastCol);
  if (indicatorWeight.length === 0) return { columns };
  const weight = columns.weight === beside[0] ? indicatorWeight[0] : columns.weight;
  return { columns: { ...columns, weight }, level1Weight: beside[0] };
}

/** The weight in a 一级 weight cell (merges resolved): a number, or text "30" / "30分"; else undefined. */
export function level1WeightAt(grid: Grid, row: number, col: number): number | undefined {
  const t = grid.text(row, col).normalize("NFKC").replace(/\s+/g, "").replace(/分$/, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 && n <= 100 ? n : undefined;
}
