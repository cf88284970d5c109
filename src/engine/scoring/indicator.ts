/**
 * One indicator row → its score by the rule set (domain.md, "Scoring rules"). Never throws:
 * what cannot be scored is an error outcome whose code is listed in ./codes.ts.
 *
 * The operator comes from the 指标性质 column, else from inside the target (`≥95%`), else from the
 * 指标方向 column (one rule for scorer and validator: ../value/operator.ts); a 成本 indicator with
 * none stated is less-is-better, anything else more-is-better.
 */
import type { RuleSet } from "../rules/schema";
import { compactText, isEmptyMark } from "../value/normalize";
import { parseNature, parseValue } from "../value/parse";
import { isPercentUnit, unitsCompatible } from "../value/units";
import { opSense, statedOperator } from "../value/operator";
import type { NumberValue, Op, ParsedNature, ParsedValue, QualLevel } from "../value/types";
import { bandFor, scoreLevel } from "./bands";
import { UNSCORABLE_REASONS, type UnscorableReason } from "./codes";
import { judgeDeadline } from "./deadline-score";
import { readWeight } from "./amounts";
import { applyAdjustments, satisfactionInput } from "./adjust";
import { quote } from "./format";
import { fail, okSteps, type Outcome, type ScoringFailure } from "./outcome";
import {
  equalTo,
  inRange,
  lessIsBetter,
  moreIsBetter,
  satisfactionBands,
  type Calc,
  type QuantCtx,
} from "./quantitative";
import { NO_STEPS, step, type Step, type StepDataMap } from "./steps";
import { rulesOf } from "../rules/resolve";
import { isCost } from "../rules/level1";

export interface IndicatorInput {
  /** 指标性质 cell (≥ 正向 定量 定性 …), may be empty when the operator sits in the target. */
  nature?: unknown;
  /** 指标方向 cell, when the form has one beside 指标性质. */
  direction?: unknown;
  /** 指标值 (A). */
  target: unknown;
  /** 实际完成值 (B). */
  actual: unknown;
  /** 分值 (w). */
  weight: unknown;
  /** 度量单位. */
  unit?: unknown;
  /**
   * Number formats of the target/actual cells (an Excel 0.95 shown as 95% is a percent). Null is
   * "General"; undefined (both) means the formats are not known, as in a custom function, which
   * Excel hands values only.
   */
  targetFormat?: string | null;
  actualFormat?: string | null;
  /** 一级 / 二级 names: a 成本 indicator defaults to "less is better". */
  level1?: string;
  level2?: string;
  /** The score the user stated, for qualitative rows: it is kept when inside the stated band. */
  statedScore?: unknown;
  /** 三级指标 name: a satisfaction indicator is scored by the rule set's satisfaction bands. */
  level3?: string;
  /** A deduction the evaluator entered (the MoF platform's deduct_score), where the rule set allows one. */
  deduction?: unknown;
  /**
   * The cells above as the caller already read them (parseValue / parseNature, with these formats):
   * a check reads each row once, and scoring it need not read it again. Each is used only while
   * its `raw` is still the field's value, so a copy with a field changed is read afresh.
   */
  read?: {
    target: ParsedValue;
    targetFormat?: string | null;
    actual: ParsedValue;
    actualFormat?: string | null;
    nature?: ParsedNature;
    direction?: ParsedNature;
  };
}

export type ScoreMethod = "more" | "less" | "equal" | "range" | "deadline" | "qualitative";

export interface IndicatorScore {
  /** Raised by the rule set's adjustments: flagged for a manual score, or a reason is required. */
  flags?: ("over-target" | "reason-required")[];
  /** Points the adjustments took off (fixed over-target deduction, the evaluator's deduction). */
  deducted?: number;
  /** Excel-rounded to 2 decimals, 0 ≤ score ≤ weight. */
  score: number;
  weight: number;
  method: ScoreMethod;
  /** B/A where it means something (for the over-achievement warning). */
  ratio?: number;
  /** Qualitative: the level read from the actual and the band of scores it allows [low, high]. */
  level?: QualLevel;
  band?: { low: number; high: number };
  /** The operator the row was scored with (quantitative rows). */
  op?: Op;
}

function columnUnit(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const u = compactText(raw);
  return isEmptyMark(u) ? "" : u;
}

function unscorable(reason: UnscorableReason, input: IndicatorInput): ScoringFailure {
  return fail("unscorable", {
    reason,
    reasonText: UNSCORABLE_REASONS[reason].zh,
    reasonTextEn: UNSCORABLE_REASONS[reason].en,
    target: quote(input.target),
    actual: quote(input.actual),
  });
}

function isCostRow(input: IndicatorInput, ruleSet: RuleSet): boolean {
  return isCost(input.level1 ?? "", input.level2 ?? "", ruleSet);
}

/**
 * Bring target and actual to one scale. A 度量单位 of % means plain numbers are percentage points
 * (`100` → 100%); without it, a plain actual beside a percent target is read as points when it is
 * above 1.5 (98 → 98%) and as a fraction otherwise (1 → 100%).
 * When the number formats are unknown (a custom function: a 95% cell arrives as 0.95), a plain
 * number up to 1.5 beside a % unit is that fraction, and a larger one is points (95 → 95%).
 */
function toPercentScale(
  v: number,
  isPercent: boolean,
  colPercent: boolean,
  otherPercent: boolean,
  formatsUnknown: boolean,
): number {
  if (isPercent) return v;
  if (colPercent && formatsUnknown && Math.abs(v) <= 1.5) return v;
  if (colPercent) return Number((v / 100).toPrecision(15));
  if (otherPercent && Math.abs(v) > 1.5) return Number((v / 100).toPrecision(15));
  return v;
}

interface Scaled {
  A: number;
  B: number;
  percent: boolean;
}

function scale(
  target: { value: number; percent: boolean },
  actual: NumberValue,
  colPercent: boolean,
  formatsUnknown: boolean,
): Scaled {
  const percent = target.percent || actual.percent || colPercent;
  if (!percent) return { A: target.value, B: actual.value, percent };
  return {
    A: toPercentScale(target.value, target.percent, colPercent, actual.percent, formatsUnknown),
    B: toPercentScale(actual.value, actual.percent, colPercent, target.percent, formatsUnknown),
    percent,
  };
}

function unitMismatch(target: ParsedValue, unit: string, input: IndicatorInput): Outcome<never> | undefined {
  if (!unit || (target.kind !== "number" && target.kind !== "range")) return undefined;
  const textPercent = target.percent && typeof input.target === "string";
  const valueUnit = target.unit ?? (textPercent ? "%" : undefined);
  if (!valueUnit || unitsCompatible(valueUnit, unit)) return undefined;
  return fail("unit-mismatch", { target: quote(input.target), valueUnit, unit });
}

const GRADE_RANK = { 优: 3, 良: 2, 中: 1, 差: 0 } as const;
const LEVEL_RANK: Record<QualLevel, number> = { met: 2, partial: 1, unmet: 0 };

/**
 * A grade against a graded target (target 优, actual 良): at or above the target is met, below it
 * is partly met — and never better than the actual's own words (差 is not met whatever the target).
 */
function gradedLevel(target: ParsedValue, actual: ParsedValue): QualLevel | undefined {
  if (target.kind !== "qualitative" || actual.kind !== "qualitative" || !target.grade || !actual.grade)
    return undefined;
  const gap = GRADE_RANK[target.grade] - GRADE_RANK[actual.grade];
  const byGap: QualLevel = gap <= 0 ? "met" : "partial";
  const own = actual.level ?? "met";
  return LEVEL_RANK[own] < LEVEL_RANK[byGap] ? own : byGap;
}

/** The level a non-deadline actual states: same words as the target, its own words, or 按时完成. */
function actualLevel(target: ParsedValue, actual: ParsedValue, sameText: boolean): QualLevel | undefined {
  if (sameText) return "met";
  const graded = gradedLevel(target, actual);
  if (graded) return graded;
  if (actual.kind === "qualitative") return actual.level;
  if (actual.kind === "deadline" && actual.onTime) return "met";
  return undefined;
}

function qualitativeOutcome(
  level: QualLevel,
  w: number,
  ruleSet: RuleSet,
  input: IndicatorInput,
  method: ScoreMethod,
  head: Step | undefined,
  explain: boolean,
): Outcome<IndicatorScore> {
  const s = scoreLevel(level, w, ruleSet, input.statedScore, explain);
  const scored: IndicatorScore = { score: s.score, weight: w, method, level, band: s.band };
  return finish(scored, explain && head ? [head, ...s.steps] : NO_STEPS, input, ruleSet, explain);
}

/** What a quantitative row adds to its score: the operator and B/A, when it has them. */
interface QuantExtra {
  op?: Op;
  ratio?: number;
}

function quantitativeOutcome(
  calc: Calc,
  w: number,
  method: ScoreMethod,
  head: Step | undefined,
  extra: QuantExtra,
  input: IndicatorInput,
  ruleSet: RuleSet,
  explain: boolean,
  actual?: number,
): Outcome<IndicatorScore> {
  // Built field by field (no spread): one object shape on every row of a check.
  const scored: IndicatorScore = { score: calc.score, weight: w, method };
  if (extra.op !== undefined) scored.op = extra.op;
  if (extra.ratio !== undefined) scored.ratio = extra.ratio;
  const steps = explain && head ? [head, ...calc.steps] : NO_STEPS;
  return finish(scored, steps, input, ruleSet, explain, actual);
}

/** Steps 3 of the evaluation order: the rule set's adjustments, then the rendering. */
function finish(
  scored: IndicatorScore,
  steps: Step[],
  input: IndicatorInput,
  ruleSet: RuleSet,
  explain: boolean,
  actual?: number,
): Outcome<IndicatorScore> {
  // Most rule sets adjust nothing: no second wrapper per row.
  if (rulesOf(ruleSet).adjustments.length === 0) return okSteps(scored, steps, explain);
  const adjusted = applyAdjustments(scored, steps, input.deduction, ruleSet, actual);
  return okSteps(adjusted.scored, adjusted.steps, explain);
}

/** B/A for the over-achievement warning; undefined when it has no finite meaning (A = 0, 1e10 ÷ 1e-300). */
function finiteRatio(B: number, A: number): number | undefined {
  const r = A !== 0 ? B / A : NaN;
  return Number.isFinite(r) ? r : undefined;
}

/** The formulas' context from the rule set: how values show, rounding, and which variants apply. */
function quantCtx(ruleSet: RuleSet, pct: boolean, explain: boolean, vunit?: "months"): QuantCtx {
  // Built once per rule set, scale and explaining: a check scores 10,000 rows with the same few.
  const key = (pct ? 1 : 0) + (explain ? 2 : 0) + (vunit ? 4 : 0);
  let byKey = QUANT_CTX.get(ruleSet);
  if (!byKey) QUANT_CTX.set(ruleSet, (byKey = new Map()));
  let c = byKey.get(key);
  if (!c) {
    const r = rulesOf(ruleSet);
    c = {
      pct,
      ...(vunit ? { vunit } : {}),
      round: r.rounding.indicator,
      reverse: ruleSet.reverseRule,
      positive: r.positive,
      equal: r.equal,
      rule: ruleSet.short ?? ruleSet.label,
      ruleEn: ruleSet.shortEn ?? ruleSet.labelEn,
      explain,
    };
    byKey.set(key, c);
  }
  return c;
}

const QUANT_CTX = new WeakMap<RuleSet, Map<number, QuantCtx>>();

/**
 * The comparison a quantitative row states, as the first step: `≥95%，实际 90%：` (a negative
 * actual says it counts as 0). The data object is built whole, not spread: this runs on every
 * row of a 10,000-row check.
 */
function headStep(data: StepDataMap["ind-head"]): Step {
  return step(data.rawB < 0 ? "ind-head-negative" : "ind-head", data);
}

function rangeHeadStep(data: StepDataMap["range-head"]): Step {
  return step(data.rawB < 0 ? "range-head-negative" : "range-head", data);
}

export interface ScoreOptions {
  /**
   * Build the one-line explanation (default true). A check of a whole sheet passes false and asks
   * again for the few rows whose explanation a finding quotes: formatting every number of 10,000
   * rows into text nobody reads would be a fifth of the time.
   */
  explain?: boolean;
}

/** Score one indicator row by the rule set. Never throws; what cannot be scored is an error outcome. */
export function scoreIndicator(
  input: IndicatorInput,
  ruleSet: RuleSet,
  options?: ScoreOptions,
): Outcome<IndicatorScore> {
  try {
    return scoreRow(input ?? ({} as IndicatorInput), ruleSet, options?.explain !== false);
  } catch {
    // A guard for the unforeseen: the scorer's contract is "never throws".
    return unscorable("internal-error", input ?? ({} as IndicatorInput));
  }
}

/** What every step of scoring one row shares. */
interface RowCtx {
  input: IndicatorInput;
  ruleSet: RuleSet;
  explain: boolean;
  /** The weight, read. */
  w: number;
  /** 度量单位, compacted ("" when none), and whether it says the numbers are percentage points. */
  unit: string;
  colPercent: boolean;
  /** Neither cell's number format is known (a custom function): see toPercentScale. */
  formatsUnknown: boolean;
}

type NumericValue = Extract<ParsedValue, { kind: "number" | "range" }>;

/** Score a row in the evaluation order: read, check units, then by the kind of target and actual. */
function scoreRow(input: IndicatorInput, ruleSet: RuleSet, explain: boolean): Outcome<IndicatorScore> {
  const wr = readWeight(input.weight);
  if (!wr.ok) return wr.outcome;
  const target = readTarget(input);
  if (isFailure(target)) return target;
  const actual = readActual(input);
  if (isFailure(actual)) return actual;
  const unit = columnUnit(input.unit);
  const mismatch = unitMismatch(target, unit, input);
  if (mismatch) return mismatch;
  const formatsUnknown = input.targetFormat === undefined && input.actualFormat === undefined;
  const ctx: RowCtx = { input, ruleSet, explain, w: wr.weight, unit, colPercent: isPercentUnit(unit), formatsUnknown };
  if (target.kind === "deadline") return scoreDeadline(target, actual, sameText(input, actual), ctx);
  if (target.kind === "qualitative" || actual.kind === "qualitative" || actual.kind === "deadline") {
    return scoreWords(target, actual, ctx);
  }
  if (actual.kind === "range") return unscorable("actual-range", input);
  // Every kind left is a number or a range on both sides (the parser has no other kinds).
  if (actual.kind !== "number" || (target.kind !== "number" && target.kind !== "range")) {
    return unscorable("kind-mismatch", input);
  }
  const stated = statedOp(input, target);
  if (isFailure(stated)) return stated;
  // A range with no operator stated anywhere is "inside the range": no side is favoured.
  if (target.kind === "range") return scoreRange(target, actual, stated, ctx);
  return scoreNumber(target, actual, stated ?? (isCostRow(input, ruleSet) ? "<=" : ">="), ctx);
}

/** An error outcome, told apart from a value read (no wrapper object: this runs on every row). */
function isFailure<T>(x: T | ScoringFailure): x is ScoringFailure {
  return typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
}

/** The target read (or taken as the caller read it); an error outcome when missing or unreadable. */
function readTarget(input: IndicatorInput): ParsedValue | ScoringFailure {
  const r = input.read;
  const target =
    readAs(r?.target, input.target, r?.targetFormat === input.targetFormat) ??
    parseValue(input.target, input.targetFormat);
  if (target.kind === "empty") return fail("target-missing", { target: quote(input.target) });
  if (target.kind === "invalid") return unscorable("target-unreadable", input);
  return target;
}

/** The actual read the same way. */
function readActual(input: IndicatorInput): ParsedValue | ScoringFailure {
  const r = input.read;
  const actual =
    readAs(r?.actual, input.actual, r?.actualFormat === input.actualFormat) ??
    parseValue(input.actual, input.actualFormat);
  if (actual.kind === "empty") return fail("actual-missing", { actual: quote(input.actual) });
  if (actual.kind === "invalid") return unscorable("actual-unreadable", input);
  return actual;
}

/**
 * What the caller read, when it was read from this very cell value (and format): a caller that
 * copies an input and changes a field (`{ ...input, nature: "≤" }`) gets that field read afresh.
 */
function readAs<T extends { raw: unknown }>(read: T | undefined, raw: unknown, sameFormat = true): T | undefined {
  return read !== undefined && sameFormat && Object.is(read.raw, raw) ? read : undefined;
}

/** Only words can be "the same text as the target"; numbers compare by value. */
function sameText(input: IndicatorInput, actual: ParsedValue): boolean {
  return (
    (actual.kind === "qualitative" || actual.kind === "deadline") &&
    typeof input.target === "string" &&
    typeof input.actual === "string" &&
    compactText(input.target) === compactText(input.actual)
  );
}

/** A qualitative target or actual: the level the actual states, scored in its band. */
function scoreWords(target: ParsedValue, actual: ParsedValue, ctx: RowCtx): Outcome<IndicatorScore> {
  const level = actualLevel(target, actual, sameText(ctx.input, actual));
  if (!level) return unscorable(actual.kind === "qualitative" ? "level-unknown" : "kind-mismatch", ctx.input);
  const head = ctx.explain ? step("qual-head") : undefined;
  return qualitativeOutcome(level, ctx.w, ctx.ruleSet, ctx.input, "qualitative", head, ctx.explain);
}

/**
 * The operator the row states (value/operator.ts: 指标性质, else the target's sign, else 指标方向);
 * undefined when none (the caller scores a 成本 row less-is-better, anything else more-is-better).
 * An unreadable 指标性质 / 指标方向, or one that contradicts the target's sign ("正向" beside "≤1%":
 * which was meant cannot be told), is an error outcome: the row is not scored.
 */
function statedOp(input: IndicatorInput, target: NumericValue): Op | undefined | ScoringFailure {
  const nature =
    input.nature === undefined ? undefined : (readAs(input.read?.nature, input.nature) ?? parseNature(input.nature));
  const direction =
    input.direction === undefined
      ? undefined
      : (readAs(input.read?.direction, input.direction) ?? parseNature(input.direction));
  // Nature first, then direction (no array built: this runs on every row of a check).
  const unreadable = nature?.unreadable ? nature : direction?.unreadable ? direction : undefined;
  if (unreadable) return fail("nature-unreadable", { nature: quote(unreadable.raw), value: quote(unreadable.raw) });
  const columnOp = nature?.op ?? direction?.op;
  if (columnOp && target.op && opSense(columnOp) * opSense(target.op) < 0) {
    const shown = nature?.op ? input.nature : input.direction;
    return fail("nature-conflict", { nature: quote(shown), target: quote(input.target) });
  }
  return statedOperator(nature?.op, target, direction?.op)?.op;
}

/** The unit a quantitative head step shows: the value's own, else the 度量单位 unless it is a percent. */
function unitLabel(target: NumericValue, ctx: RowCtx): string | null {
  return target.unit ?? (ctx.unit && !ctx.colPercent ? ctx.unit : null);
}

/** A range target a–b, scored by ./quantitative.ts inRange. */
function scoreRange(
  target: Extract<ParsedValue, { kind: "range" }>,
  actual: NumberValue,
  rangeOp: Op | undefined,
  ctx: RowCtx,
): Outcome<IndicatorScore> {
  const { w, ruleSet } = ctx;
  const lo = scale({ value: target.low, percent: target.percent }, actual, ctx.colPercent, ctx.formatsUnknown);
  const hi = scale({ value: target.high, percent: target.percent }, actual, ctx.colPercent, ctx.formatsUnknown);
  const B = Math.max(0, lo.B);
  const calc = inRange(lo.A, hi.A, B, w, rangeOp, quantCtx(ruleSet, lo.percent, ctx.explain));
  const opShown = rangeOp && rangeOp !== "=" ? rangeOp : null;
  const unit = unitLabel(target, ctx);
  const head = ctx.explain
    ? rangeHeadStep({ op: opShown, lo: lo.A, hi: hi.A, pct: lo.percent, unit, B, rawB: lo.B })
    : undefined;
  return quantitativeOutcome(calc, w, "range", head, { op: rangeOp }, ctx.input, ruleSet, ctx.explain);
}

/** A number target A against a number actual B, by the row's operator and the rule set. */
function scoreNumber(target: NumberValue, actual: NumberValue, op: Op, ctx: RowCtx): Outcome<IndicatorScore> {
  const { w, ruleSet, input } = ctx;
  const sc = scale(target, actual, ctx.colPercent, ctx.formatsUnknown);
  const { A } = sc;
  const B = Math.max(0, sc.B);
  if (A < 0) return unscorable("target-negative", input);
  const c = quantCtx(ruleSet, sc.percent, ctx.explain);
  const head = ctx.explain
    ? headStep({ op, A, pct: sc.percent, unit: unitLabel(target, ctx), B, rawB: sc.B })
    : undefined;
  const ratio = finiteRatio(B, A);
  const satisfied = satisfactionInput(input, ruleSet, op, sc.percent, B, ratio);
  const extra = { op, ratio };
  if (satisfied !== undefined) {
    const calc = satisfactionBands(satisfied, w, ruleSet.satisfaction, c);
    return quantitativeOutcome(calc, w, "more", head, extra, input, ruleSet, ctx.explain, B);
  }
  const method: ScoreMethod = op === ">=" || op === ">" ? "more" : op === "<=" || op === "<" ? "less" : "equal";
  const calc =
    method === "more" ? moreIsBetter(A, B, w, c) : method === "less" ? lessIsBetter(A, B, w, c) : equalTo(A, B, w, c);
  return quantitativeOutcome(calc, w, method, head, extra, input, ruleSet, ctx.explain, B);
}

function scoreDeadline(
  target: Extract<ParsedValue, { kind: "deadline" }>,
  actual: ParsedValue,
  sameText: boolean,
  ctx: RowCtx,
): Outcome<IndicatorScore> {
  const { w, ruleSet, input, explain } = ctx;
  const j = judgeDeadline(target, actual, sameText);
  if (j.kind === "unscorable") return unscorable(j.reason, input);
  if (j.kind === "level") return qualitativeOutcome(j.level, w, ruleSet, input, "deadline", j.how, explain);
  if (j.kind === "percent") {
    const B = Math.max(0, j.actual);
    const calc = moreIsBetter(1, B, w, quantCtx(ruleSet, true, explain));
    const head = explain ? step("deadline-percent-head", { B }) : undefined;
    return quantitativeOutcome(calc, w, "deadline", head, { ratio: B }, input, ruleSet, explain);
  }
  const B = Math.max(0, j.actual);
  const calc = lessIsBetter(j.target, B, w, quantCtx(ruleSet, false, explain, "months"));
  const ratio = finiteRatio(B, j.target);
  const head = explain ? step("deadline-months-head", { A: j.target, B }) : undefined;
  return quantitativeOutcome(calc, w, "deadline", head, { ratio }, input, ruleSet, explain);
}

export { bandFor };
