/**
 * One indicator row → its score by the rule set (domain.md, "Scoring rules"). Never throws:
 * what cannot be scored is an error outcome whose code is listed in ./codes.ts.
 *
 * The operator comes from the 指标性质 column, else from inside the target (`≥95%`), else from the
 * 指标方向 column; a 成本 indicator with none stated is less-is-better, anything else more-is-better.
 */
import type { RuleSet } from "../rules/schema";
import { compactText, isEmptyMark } from "../value/normalize";
import { parseNature, parseValue } from "../value/parse";
import { isPercentUnit, unitsCompatible } from "../value/units";
import type { NumberValue, Op, ParsedValue, QualLevel } from "../value/types";
import { bandFor, scoreLevel } from "./bands";
import { UNSCORABLE_REASONS, type UnscorableReason } from "./codes";
import { judgeDeadline } from "./deadline-score";
import { readWeight } from "./amounts";
import { applyAdjustments, satisfactionInput } from "./adjust";
import { quote } from "./format";
import { fail, okSteps, type Outcome } from "./outcome";
import {
  equalTo,
  inRange,
  lessIsBetter,
  moreIsBetter,
  satisfactionBands,
  type Calc,
  type QuantCtx,
} from "./quantitative";
import { step, type Step, type StepData } from "./steps";
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

function unscorable(reason: UnscorableReason, input: IndicatorInput): Outcome<never> {
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

/** +1 for more-is-better operators, −1 for less-is-better, 0 for "=". */
function sense(op: Op): number {
  return op === ">=" || op === ">" ? 1 : op === "<=" || op === "<" ? -1 : 0;
}

/** The operator the 指标性质 / 指标方向 columns state, nature first. */
interface StatedOps {
  nature?: Op;
  direction?: Op;
}

function resolveOp(input: IndicatorInput, stated: StatedOps, target: ParsedValue, ruleSet: RuleSet): Op {
  const valueOp = target.kind === "number" || target.kind === "range" ? target.op : undefined;
  return stated.nature ?? valueOp ?? stated.direction ?? (isCostRow(input, ruleSet) ? "<=" : ">=");
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
  head: Step,
  explain: boolean,
): Outcome<IndicatorScore> {
  const s = scoreLevel(level, w, ruleSet, input.statedScore);
  const scored = { score: s.score, weight: w, method, level, band: s.band };
  return finish(scored, [head, ...s.steps], input, ruleSet, explain);
}

function quantitativeOutcome(
  calc: Calc,
  w: number,
  method: ScoreMethod,
  head: Step,
  extra: Partial<IndicatorScore>,
  input: IndicatorInput,
  ruleSet: RuleSet,
  explain: boolean,
  actual?: number,
): Outcome<IndicatorScore> {
  const scored = { score: calc.score, weight: w, method, ...extra };
  return finish(scored, [head, ...calc.steps], input, ruleSet, explain, actual);
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
  const adjusted = applyAdjustments(scored, steps, input.deduction, ruleSet, actual);
  return okSteps(adjusted.scored, adjusted.steps, explain);
}

/** B/A for the over-achievement warning; undefined when it has no finite meaning (A = 0, 1e10 ÷ 1e-300). */
function finiteRatio(B: number, A: number): number | undefined {
  const r = A !== 0 ? B / A : NaN;
  return Number.isFinite(r) ? r : undefined;
}

/** The formulas' context from the rule set: how values show, rounding, and which variants apply. */
function quantCtx(ruleSet: RuleSet, pct: boolean, vunit?: string): QuantCtx {
  // Built once per rule set and scale: a check scores 10,000 rows with the same few.
  const key = `${pct ? "%" : ""}${vunit ?? ""}`;
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
    };
    byKey.set(key, c);
  }
  return c;
}

const QUANT_CTX = new WeakMap<RuleSet, Map<string, QuantCtx>>();

const HEAD_CODES = {
  ind: ["ind-head", "ind-head-negative"],
  range: ["range-head", "range-head-negative"],
} as const;

/**
 * The comparison a quantitative row states, as the first step: `≥95%，实际 90%：`. The data object
 * is built whole, not spread: this runs on every row of a 10,000-row check.
 */
function headStep(kind: "ind" | "range", data: StepData, B: number, rawB: number): Step {
  data.B = B;
  data.rawB = rawB;
  return step(HEAD_CODES[kind][rawB < 0 ? 1 : 0], data);
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

function scoreRow(input: IndicatorInput, ruleSet: RuleSet, explain: boolean): Outcome<IndicatorScore> {
  const wr = readWeight(input.weight);
  if (!wr.ok) return wr.outcome;
  const w = wr.weight;
  const target = parseValue(input.target, input.targetFormat);
  if (target.kind === "empty") return fail("target-missing", { target: quote(input.target) });
  if (target.kind === "invalid") return unscorable("target-unreadable", input);
  const actual = parseValue(input.actual, input.actualFormat);
  if (actual.kind === "empty") return fail("actual-missing", { actual: quote(input.actual) });
  if (actual.kind === "invalid") return unscorable("actual-unreadable", input);

  const unit = columnUnit(input.unit);
  const mismatch = unitMismatch(target, unit, input);
  if (mismatch) return mismatch;
  const colPercent = isPercentUnit(unit);
  const formatsUnknown = input.targetFormat === undefined && input.actualFormat === undefined;
  // Only words can be "the same text as the target"; numbers compare by value below.
  const sameText =
    (actual.kind === "qualitative" || actual.kind === "deadline") &&
    typeof input.target === "string" &&
    typeof input.actual === "string" &&
    compactText(input.target) === compactText(input.actual);

  if (target.kind === "deadline") return scoreDeadline(target, actual, sameText, w, ruleSet, input, explain);

  if (target.kind === "qualitative" || actual.kind === "qualitative" || actual.kind === "deadline") {
    const level = actualLevel(target, actual, sameText);
    if (!level) return unscorable(actual.kind === "qualitative" ? "level-unknown" : "kind-mismatch", input);
    return qualitativeOutcome(level, w, ruleSet, input, "qualitative", step("qual-head"), explain);
  }
  if (actual.kind === "range") return unscorable("actual-range", input);

  const natureRead = input.nature === undefined ? undefined : parseNature(input.nature);
  const directionRead = input.direction === undefined ? undefined : parseNature(input.direction);
  for (const n of [natureRead, directionRead]) {
    if (n?.unreadable) return fail("nature-unreadable", { nature: quote(n.raw), value: quote(n.raw) });
  }
  const stated: StatedOps = { nature: natureRead?.op, direction: directionRead?.op };
  // "正向" beside "≤1%": which one the person meant cannot be told, so the row is not scored.
  const statedOp = stated.nature ?? stated.direction;
  const valueOp = target.kind === "number" || target.kind === "range" ? target.op : undefined;
  if (statedOp && valueOp && sense(statedOp) * sense(valueOp) < 0) {
    const shown = stated.nature ? input.nature : input.direction;
    return fail("nature-conflict", { nature: quote(shown), target: quote(input.target) });
  }
  const op = resolveOp(input, stated, target, ruleSet);
  const unitLabel =
    (target.kind === "number" || target.kind === "range" ? target.unit : undefined) ??
    (unit && !colPercent ? unit : undefined);

  if (target.kind === "range") {
    const lo = scale({ value: target.low, percent: target.percent }, actual, colPercent, formatsUnknown);
    const hi = scale({ value: target.high, percent: target.percent }, actual, colPercent, formatsUnknown);
    const B = Math.max(0, lo.B);
    const rangeOp = target.op ?? stated.nature ?? stated.direction;
    const calc = inRange(lo.A, hi.A, B, w, rangeOp, quantCtx(ruleSet, lo.percent));
    const opShown = rangeOp && rangeOp !== "=" ? rangeOp : null;
    const head = headStep(
      "range",
      { op: opShown, lo: lo.A, hi: hi.A, pct: lo.percent, unit: unitLabel ?? null },
      B,
      lo.B,
    );
    const extra = rangeOp ? { op: rangeOp } : {};
    return quantitativeOutcome(calc, w, "range", head, extra, input, ruleSet, explain);
  }

  const sc = scale(target, actual, colPercent, formatsUnknown);
  const { A } = sc;
  const B = Math.max(0, sc.B);
  if (A < 0) return unscorable("target-negative", input);
  const c = quantCtx(ruleSet, sc.percent);
  const head = headStep("ind", { op, A, pct: sc.percent, unit: unitLabel ?? null }, B, sc.B);
  const ratio = finiteRatio(B, A);
  const extra: Partial<IndicatorScore> = { op, ...(ratio !== undefined ? { ratio } : {}) };
  const done = (calc: Calc, method: ScoreMethod) =>
    quantitativeOutcome(calc, w, method, head, extra, input, ruleSet, explain, B);
  const satisfied = satisfactionInput(input, ruleSet, op, sc.percent, B, ratio);
  if (satisfied !== undefined) return done(satisfactionBands(satisfied, w, ruleSet.satisfaction, c), "more");
  if (op === ">=" || op === ">") return done(moreIsBetter(A, B, w, c), "more");
  if (op === "<=" || op === "<") return done(lessIsBetter(A, B, w, c), "less");
  return done(equalTo(A, B, w, c), "equal");
}

function scoreDeadline(
  target: Extract<ParsedValue, { kind: "deadline" }>,
  actual: ParsedValue,
  sameText: boolean,
  w: number,
  ruleSet: RuleSet,
  input: IndicatorInput,
  explain: boolean,
): Outcome<IndicatorScore> {
  const j = judgeDeadline(target, actual, sameText);
  if (j.kind === "unscorable") return unscorable(j.reason, input);
  if (j.kind === "level") return qualitativeOutcome(j.level, w, ruleSet, input, "deadline", j.how, explain);
  if (j.kind === "percent") {
    const B = Math.max(0, j.actual);
    const calc = moreIsBetter(1, B, w, quantCtx(ruleSet, true));
    const head = step("deadline-percent-head", { B });
    return quantitativeOutcome(calc, w, "deadline", head, { ratio: B }, input, ruleSet, explain);
  }
  const B = Math.max(0, j.actual);
  const calc = lessIsBetter(j.target, B, w, quantCtx(ruleSet, false, "个月"));
  const ratio = finiteRatio(B, j.target);
  const head = step("deadline-months-head", { A: j.target, B });
  const extra = ratio !== undefined ? { ratio } : {};
  return quantitativeOutcome(calc, w, "deadline", head, extra, input, ruleSet, explain);
}

export { bandFor };
