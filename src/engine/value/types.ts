/**
 * What the value parser makes of a cell a person typed.
 *
 * Every variant keeps `raw` (what was in the cell) so a finding can quote it back
 * and nothing the user typed is lost.
 */

/** A comparison operator, normalised from ≥ ≧ >= 大于等于 正向 … */
export type Op = ">=" | ">" | "<=" | "<" | "=";

/** Why a value could not be read. Stable codes; messages live in i18n. */
export type InvalidReason =
  | "unreadable" // no number, range, deadline or qualitative word found
  | "error-value" // an Excel error such as #DIV/0!
  | "not-finite" // NaN / Infinity
  | "boolean"; // TRUE/FALSE where a value belongs

interface Base {
  /** What the cell held, as given to the parser. */
  raw: unknown;
}

export interface EmptyValue extends Base {
  kind: "empty";
}

export interface NumberValue extends Base {
  kind: "number";
  /** The number as a fraction when `percent` (95% → 0.95), else as written. */
  value: number;
  /** The operator written inside the value (`≥95%` → ">="); undefined when none. */
  op?: Op;
  /** The unit written inside the value (`17个` → "个"); "%" is reported as `percent`, not here. */
  unit?: string;
  /** True for `95%`, `≥100百分比`, or an Excel number with a percent format. */
  percent: boolean;
}

export interface RangeValue extends Base {
  kind: "range";
  /** Lower and upper bound (fractions when percent), low ≤ high. */
  low: number;
  high: number;
  /** The operator written before the range (`≥1-2次` → ">="); undefined when none. */
  op?: Op;
  unit?: string;
  percent: boolean;
}

export interface DeadlineValue extends Base {
  kind: "deadline";
  /** `2024年12月底之前完成` → year 2024, month 12. */
  year?: number;
  month?: number;
  day?: number;
  /** `12个月` → months 12. */
  months?: number;
  /** True for an on-time word without a date (`按时完成`, `及时`). */
  onTime?: boolean;
}

/** How far a qualitative result says the target was met. */
export type QualLevel = "met" | "partial" | "unmet";

export interface QualitativeValue extends Base {
  kind: "qualitative";
  /** The normalised text. */
  text: string;
  /** The level the words state, when they state one (`达成预期指标` → met; `部分达成` → partial). */
  level?: QualLevel;
  /** A grade word, when the text is one (`优/良/中/差`). */
  grade?: "优" | "良" | "中" | "差";
}

export interface InvalidValue extends Base {
  kind: "invalid";
  reason: InvalidReason;
}

export type ParsedValue = EmptyValue | NumberValue | RangeValue | DeadlineValue | QualitativeValue | InvalidValue;

/** The 指标性质 / 指标方向 column, read. */
export interface ParsedNature {
  raw: unknown;
  /** The operator the column states (≥, 正向 → ">="; ≤, 反向 → "<="; 等于 → "="). */
  op?: Op;
  /** 定量 / 定性 when the column says so. */
  nature?: "quantitative" | "qualitative";
  /** True when the cell was empty or a "nothing here" mark. */
  empty: boolean;
  /** True when the cell held text we could not read as an operator or nature. */
  unreadable: boolean;
}
