/**
 * What form detection finds on a sheet. Coordinates are 0-based absolute (as in the snapshot);
 * every block records where each of its columns is, so validation, calculation and marking
 * can address exact cells on whatever layout the unit used.
 */
import type { CellRange } from "../sheet/snapshot";

export type FormKind = "project" | "department";

/** Column keys of the indicator table (header synonyms resolve to these). */
export type IndicatorColumn =
  | "level1" // 一级指标
  | "level2" // 二级指标
  | "level3" // 三级指标 / 指标内容
  | "nature" // 指标性质 (定量/定性 or an operator)
  | "direction" // 指标方向 (正向/反向/≥…) when a form carries it beside 指标性质
  | "target" // 指标值 / 年度指标值 / 目标值
  | "unit" // 度量单位 / 计量单位
  | "actual" // 实际完成值 / 完成值
  | "weight" // 分值 / 权重
  | "score" // 得分
  | "reason"; // 偏差原因分析及改进措施

export interface IndicatorRow {
  /** 0-based absolute row. */
  row: number;
  /**
   * 一级 / 二级 after inheriting blanks and merges from above. The 一级 is the name without line
   * breaks or a weight ("产出指标（50分）" → 产出指标); a bare "(50分)", or a blank 一级 above a
   * 二级 of another family (效益 rows left without their label), is named from the 二级.
   */
  level1: string;
  level2: string;
  level3: string;
  /** The weight written in the 一级 label ("产出指标（50分）" → 50) or its own column (自评权重), when there is one. */
  level1Weight?: number;
  /** Index into the table's `sections`, when the table is split into labelled blocks. */
  section?: number;
}

/**
 * A labelled part of an indicator table: "绩效指标(90分)" in a column left of 一级, or a
 * "年度绩效目标（40分）" line above a repeated header. Its weight, when the label states one.
 */
export interface IndicatorSection {
  label: string;
  weight?: number;
  row: number;
  col: number;
}

/**
 * A part of the table the engine could not tell the meaning of: a merged header group whose
 * sub-columns are unknown words (`自评得分` over `单项指标得分 | 权重占比(%) | …`), or a column of
 * numbers with no header (label ""). Nothing in it is checked; the check says so.
 */
export interface UnsureColumn {
  row: number;
  col: number;
  label: string;
  /** The sub-column words, or the first numbers of an unlabelled column. */
  words: string[];
}

export interface IndicatorTable {
  /** Header rows (one or two), 0-based absolute. */
  headerRows: number[];
  /** Where each known column is (0-based absolute col). */
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: IndicatorRow[];
  /** Labelled blocks of the table (see IndicatorSection); rows name theirs by index. */
  sections?: IndicatorSection[];
  /** Header rows repeated inside the table (several blocks, each with its header): not indicators. */
  repeatedHeaders?: number[];
  /** Parts of the table whose meaning could not be told (not checked; an info says so). */
  unsure?: UnsureColumn[];
  /**
   * A column of 一级 weights beside the 一级, merged down over its rows (江西's `自评权重`), when the
   * table also weighs each indicator in 分值; its numbers are the rows' `level1Weight`.
   */
  level1WeightColumn?: number;
}

export type FundsColumn = "initial" | "budget" | "spent" | "weight" | "rate" | "score";
export type FundsRowKind = "total" | "fiscal" | "carryover" | "other";

export interface FundsRow {
  row: number;
  kind: FundsRowKind;
  label: string;
}

export interface FundsBlock {
  headerRow: number;
  columns: Partial<Record<FundsColumn, number>>;
  rows: FundsRow[];
  /**
   * The execution weight the form writes into a header or label ("得分（20分*执行率）",
   * "预算执行情况(10分)"), and the cell that says so.
   */
  statedWeight?: { value: number; row: number; col: number };
}

export type TaskColumn =
  "name" | "level" | "content" | "approvedTotal" | "approvedFiscal" | "approvedOther" | "spent" | "rate" | "reason";

export interface TaskTable {
  headerRows: number[];
  columns: Partial<Record<TaskColumn, number>>;
  rows: number[];
}

/** A 合计 / 小计 row inside or below the indicator table. */
export interface SumRow {
  row: number;
  label: string;
  /** Cells that hold the sums (weight and score columns that are filled). */
  columns: Partial<Record<"weight" | "score", number>>;
  /** The indicator rows (0-based) the sum covers. */
  covers: number[];
}

/** The 总分 row: its 分值 (100), 得分 and 等级 cells. */
export interface TotalRow {
  row: number;
  weightCol?: number;
  scoreCol?: number;
  gradeCol?: number;
}

/**
 * A 总分 stated in the header lines above the form's blocks (`自评总分: 95`, `自评得分 | 98`): the
 * cell holding it and the number read from it (the cell may hold the label too).
 */
export interface HeaderTotal {
  row: number;
  col: number;
  value: number;
}

export interface DetectedForm {
  kind: FormKind;
  /** The rectangle the form occupies. */
  range: CellRange;
  /** The title line, when one was found above the form (e.g. 2023年度项目支出绩效自评表). */
  title?: string;
  /** 项目名称 or 部门名称. */
  name?: string;
  funds?: FundsBlock;
  tasks?: TaskTable;
  indicators?: IndicatorTable;
  sums: SumRow[];
  total?: TotalRow;
  /** The 总分 stated in the header lines (湖北 `自评总分: 95`), when there is one. */
  headerTotal?: HeaderTotal;
  /** The 其他需要说明事项 row below the indicator table, when there is one. */
  notesRow?: number;
}
