/**
 * The quantitative formulas, on plain numbers already in the same scale (percents as fractions on
 * both sides). Each returns the score and the steps that explain it (codes rendered by
 * ../i18n/explain.ts). Which formula applies is the rule set's: positive proportional / pass mark /
 * bands, reverse linear / ratio, equal as positive / exact. A negative actual has already become 0.
 */
import { findBand } from "../rules/bands";
import type { PositiveRule, Round } from "../rules/resolve";
import type { RuleSet } from "../rules/schema";
import { roundClamp } from "./rounding";
import { bandData, NO_STEPS, step, type Step, type ValueUnit } from "./steps";

export interface Calc {
  score: number;
  steps: Step[];
}

/** What every formula needs besides A, B and w: how values show, how to round, which variants. */
export interface QuantCtx {
  /** Values are percents (shown as 95%); else numbers, followed by `vunit` when set (个月). */
  pct: boolean;
  vunit?: ValueUnit;
  round: Round;
  reverse: RuleSet["reverseRule"];
  positive: PositiveRule;
  equal: "asPositive" | "exactOrZero";
  /** The rule set's short name, quoted by clauses that are not the 2020 default. */
  rule: string;
  ruleEn: string;
  /** Build the steps (false: a check that explains only the rows a finding quotes, later). */
  explain: boolean;
}

const full = (code: "more-met" | "less-met" | "equal-met" | "range-in", w: number, c: QuantCtx): Calc => ({
  score: w,
  steps: c.explain ? [step(code, { w })] : NO_STEPS,
});

/** More is better: B ≥ A → w; else by the rule set's positive rule. A = 0 is always met (B ≥ 0). */
export function moreIsBetter(A: number, B: number, w: number, c: QuantCtx): Calc {
  if (B >= A) return full("more-met", w, c);
  const r = B / A;
  const p = c.positive;
  if (p.kind === "passMark") {
    const below = p.pass.incl ? r < p.pass.v : r <= p.pass.v;
    const d = { rule: c.rule, ruleEn: c.ruleEn, r, pass: p.pass.v, w };
    if (below) return { score: 0, steps: c.explain ? [step("pass-below", d)] : NO_STEPS };
    const score = roundClamp(((r - p.pass.v) / (1 - p.pass.v)) * w, c.round, w);
    return { score, steps: c.explain ? [step("pass-scaled", { ...d, score })] : NO_STEPS };
  }
  if (p.kind === "bands") {
    const band = findBand(p.bands, r);
    const score = band ? roundClamp(band.out * w, c.round, w) : 0;
    if (!c.explain) return { score, steps: NO_STEPS };
    const d = band ? bandData(band.lo, band.hi, "pct") : { lo: null, hi: null };
    return { score, steps: [step("positive-band", { rule: c.rule, ruleEn: c.ruleEn, r, score, ...d })] };
  }
  const score = roundClamp(w * r, c.round, w);
  if (!c.explain) return { score, steps: NO_STEPS };
  return { score, steps: [step("more-ratio", { B, A, w, score, pct: c.pct, vunit: c.vunit ?? null })] };
}

/**
 * Less is better: B ≤ A → w. Otherwise `linear` (财政部 2020): w × (1 − (B−A)/A), 0 from B ≥ 2A;
 * or `ratio`: w × A/B. With A = 0 any B > 0 is at least 2A, so linear gives 0, and so does ratio.
 */
export function lessIsBetter(A: number, B: number, w: number, c: QuantCtx): Calc {
  if (B <= A) return full("less-met", w, c);
  const vunit = c.vunit ?? null;
  if (c.reverse === "ratio") {
    const score = roundClamp((w * A) / B, c.round, w);
    return { score, steps: c.explain ? [step("less-ratio", { B, A, w, pct: c.pct, vunit, score })] : NO_STEPS };
  }
  if (B >= 2 * A) return { score: 0, steps: c.explain ? [step("less-zero")] : NO_STEPS };
  const score = roundClamp(w * (1 - (B - A) / A), c.round, w);
  return { score, steps: c.explain ? [step("less-linear", { B, A, w, pct: c.pct, vunit, score })] : NO_STEPS };
}

/** Equal: A > 0 scores like more-is-better (or, exactOrZero, full only when B = A); A = 0 gives w only when B ≤ 0. */
export function equalTo(A: number, B: number, w: number, c: QuantCtx): Calc {
  if (A > 0 && c.equal === "exactOrZero") {
    return B === A
      ? full("equal-met", w, c)
      : { score: 0, steps: c.explain ? [step("equal-exact-miss", { rule: c.rule, ruleEn: c.ruleEn })] : NO_STEPS };
  }
  if (A > 0) return moreIsBetter(A, B, w, c);
  if (B <= 0) return full("equal-met", w, c);
  return { score: 0, steps: c.explain ? [step("equal-zero-miss")] : NO_STEPS };
}

/**
 * A range a–b. With no operator (or "="): inside → w; below → against a as more-is-better;
 * above → against b as less-is-better. `≥1-2次` is "at least the range": only below counts;
 * `≤1-2次` is "at most": only above counts.
 */
export function inRange(low: number, high: number, B: number, w: number, op: string | undefined, c: QuantCtx): Calc {
  const lowerOnly = op === ">=" || op === ">";
  const upperOnly = op === "<=" || op === "<";
  if (B < low && !upperOnly) return moreIsBetter(low, B, w, c);
  if (B > high && !lowerOnly) return lessIsBetter(high, B, w, c);
  return full("range-in", w, c);
}

/** Satisfaction by bands on the satisfaction itself (or B/A): 101号 ≥ 90% → the full weight. */
export function satisfactionBands(x: number, w: number, bands: RuleSet["satisfaction"], c: QuantCtx): Calc {
  const band = bands ? findBand(bands.bands, x) : undefined;
  const score = band ? roundClamp(band.out * w, c.round, w) : 0;
  if (!c.explain) return { score, steps: NO_STEPS };
  const d = band ? bandData(band.lo, band.hi, "pct") : { lo: null, hi: null };
  return { score, steps: [step("satisfaction-band", { rule: c.rule, ruleEn: c.ruleEn, x, score, ...d })] };
}
