/**
 * An explanation as data: the steps a score went through, each a code with the numbers it quotes,
 * like a finding. `StepDataMap[C]` says which data each code carries; the explanation catalogue
 * (../i18n/explainCatalogue.ts) holds a zh-CN and an English template per code and is checked
 * against this map, so a code without both templates, or a template quoting data its step does
 * not carry, does not compile. `Outcome.explanation` is the zh-CN rendering, kept for callers
 * that want one line.
 *
 * Adding a code: add its data here and its templates in ../i18n/explainCatalogue.ts.
 */
import type { Op, QualLevel } from "../value/types";

/** The rule set a clause names: `{rule}` renders `rule` in zh-CN, `ruleEn` in English. */
export interface RuleRef {
  rule: string;
  ruleEn: string;
}

/** Band edges: a `{band}` placeholder renders them per locale (80%–100%, ≥ 90%, > 90). */
export interface BandEdges {
  lo: number | null;
  loIncl?: boolean | null;
  hi: number | null;
  hiIncl?: boolean | null;
  bandUnit?: "pct" | "num";
}

/** A date or period a 时效 row states, rendered per locale (`{x|date}`: 2024年12月 / December 2024). */
export interface DateLabel {
  onTime?: boolean;
  months?: number;
  year?: number;
  month?: number;
  day?: number;
}

/** A unit the engine itself adds after a number (`{x|v}`): months of a 时效 row. */
export type ValueUnit = "months";

/** No data: `keyof` is never, so a template of such a step quotes nothing. */
type Empty = Record<never, never>;
interface W {
  w: number;
}
/** A quantitative formula's numbers: B against A out of w; `pct` shows them as percents. */
interface Ratio extends W {
  A: number;
  B: number;
  score: number;
  pct: boolean;
  vunit: ValueUnit | null;
}
/** What a quantitative row compared: its operator, target A (with `unit`), actual B (and before 0-clamping). */
interface Head {
  op: Op | null;
  pct: boolean;
  unit: string | null;
  B: number;
  rawB: number;
}
interface IndHead extends Head {
  A: number;
}
interface RangeHead extends Head {
  lo: number;
  hi: number;
}
interface QualBand extends W {
  level: QualLevel;
  low: number;
  high: number;
}
interface Scored {
  score: number;
}
interface OverTarget extends RuleRef {
  ratio: number | null;
  threshold: number;
}
interface Graded {
  t: number;
  grade: string;
}

/** Every step code and the data it carries. */
export interface StepDataMap {
  // 预算执行率
  "exec-rate": { spent: number; budget: number; rate: number };
  "exec-proportional": { weight: number; capped: number; score: number };
  "exec-capped": { cap: number };
  "exec-uncapped": RuleRef;
  "exec-zero-budget": RuleRef & Scored;
  "exec-divide-by-one": RuleRef & Scored & { weight: number; spent: number };
  "exec-band": RuleRef & Scored & BandEdges;
  "exec-band-unknown-completion": { full: number };
  "exec-completed": RuleRef & Scored;
  "exec-reason-required": RuleRef & { threshold: number };
  // Indicators: what was compared
  "ind-head": IndHead;
  "ind-head-negative": IndHead;
  "range-head": RangeHead;
  "range-head-negative": RangeHead;
  "deadline-percent-head": { B: number };
  "deadline-months-head": { A: number; B: number };
  "qual-head": Empty;
  "deadline-on-time": { actual: DateLabel; target: DateLabel };
  "deadline-late": { actual: DateLabel; target: DateLabel };
  "deadline-same": Empty;
  "deadline-words": { text: string };
  "deadline-in-time": Empty;
  "deadline-done": { actual: DateLabel };
  // Quantitative formulas
  "more-met": W;
  "more-ratio": Ratio;
  "pass-below": RuleRef & W & { r: number; pass: number };
  "pass-scaled": RuleRef & W & Scored & { r: number; pass: number };
  "positive-band": RuleRef & Scored & BandEdges & { r: number };
  "satisfaction-band": RuleRef & Scored & BandEdges & { x: number };
  "less-met": W;
  "less-ratio": Ratio;
  "less-zero": Empty;
  "less-linear": Ratio;
  "equal-met": W;
  "equal-zero-miss": Empty;
  "equal-exact-miss": RuleRef;
  "range-in": W;
  // Qualitative tiers
  "qual-kept": QualBand & Scored;
  "qual-met": QualBand & Scored;
  "qual-default": QualBand & Scored & { share: number };
  "qual-out-of-band-zero": QualBand & RuleRef & { stated: number };
  // Adjustments
  "adj-over-flag": OverTarget;
  "adj-over-deduct": OverTarget & Scored & { points: number };
  "adj-over-reason": OverTarget;
  "adj-manual-deduction": Scored & { deduct: number };
  // Total and grade
  "total-sum": { sum: number; n: number };
  "sum-of": { terms: string; sum: number };
  "sum-many": { count: number; sum: number };
  "sum-none": Empty;
  "grade-form-bands": Graded & { bands: string };
  "grade-cutoffs": Graded & { excellent: number; good: number; pass: number };
  "total-cap": RuleRef & BandEdges & { rate: number | null; cap: number };
  "total-cap-assumed": RuleRef & BandEdges & { rate: number | null; cap: number };
  "grade-at-least": Graded & BandEdges;
  "grade-between": Graded & BandEdges;
  "grade-below": Graded & BandEdges;
  "grade-band": Graded & BandEdges;
  "grade-gap": RuleRef & { t: number };
  "grade-gap-lower": RuleRef & Graded;
}

export type StepCode = keyof StepDataMap;

/** One step: a code and exactly the data that code carries (a discriminated union, like Finding). */
export type Step = { [C in StepCode]: { code: C; data: StepDataMap[C] } }[StepCode];

type Args<C extends StepCode> = [keyof StepDataMap[C]] extends [never]
  ? [data?: StepDataMap[C]]
  : [data: StepDataMap[C]];

/** Data of a step that quotes nothing: one shared, frozen object. */
const NO_DATA = Object.freeze({});

// A plain optional parameter, typed through Args: a rest parameter would build an array per step.
function makeStep(code: StepCode, data?: object): Step {
  return { code, data: data ?? NO_DATA } as Step;
}

export const step = makeStep as <C extends StepCode>(code: C, ...data: Args<C>) => Step;

/** No steps: what a scorer returns when the caller will not explain (a check of 10,000 rows). */
export const NO_STEPS: Step[] = Object.freeze([]) as unknown as Step[];

/** Band edges as step data. */
export function bandData(
  lo: { v: number; incl: boolean } | undefined,
  hi: { v: number; incl: boolean } | undefined,
  unit: "pct" | "num",
): BandEdges {
  return {
    lo: lo?.v ?? null,
    loIncl: lo?.incl ?? null,
    hi: hi?.v ?? null,
    hiIncl: hi?.incl ?? null,
    bandUnit: unit,
  };
}
