/**
 * Qualitative bands: 达成 [metFloor·w, w], 部分达成 [partialFloor·w, metFloor·w), 未达成 [0, partialFloor·w).
 * A score the user stated inside the band of the level is kept (the rules let the evaluator
 * choose within the band); otherwise the level's default applies.
 */
import type { RuleSet } from "../rules/schema";
import { excelRound, roundScore } from "../round";
import type { QualLevel } from "../value/types";
import { readAmount } from "./amounts";
import { rulesOf } from "../rules/resolve";
import { NO_STEPS, step, type Step } from "./steps";

export const LEVEL_ZH: Record<QualLevel, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };

export interface Band {
  low: number;
  high: number;
}

/** The band of scores a level allows, in score points, rounded to 2 decimals. */
export function bandFor(level: QualLevel, w: number, ruleSet: RuleSet): Band {
  const b = ruleSet.qualitativeBands;
  if (level === "met") return { low: excelRound(w * b.metFloor, 2), high: w };
  if (level === "partial") return { low: excelRound(w * b.partialFloor, 2), high: excelRound(w * b.metFloor, 2) };
  return { low: 0, high: excelRound(w * b.partialFloor, 2) };
}

/** True when `s` lies in the band: the top is included only for 达成 (the other bands are half-open). */
export function inBand(s: number, level: QualLevel, band: Band): boolean {
  return s >= band.low && (level === "met" ? s <= band.high : s < band.high);
}

export interface BandScore {
  score: number;
  band: Band;
  steps: Step[];
}

/**
 * Score a level: the stated score when it lies in the band, else w / w·partialDefault / w·unmetDefault
 * (or 0 for a stated score outside the band, where the rule set says so: the MoF platform resets it).
 */
export function scoreLevel(
  level: QualLevel,
  w: number,
  ruleSet: RuleSet,
  statedScore: unknown,
  explain = true,
): BandScore {
  const band = bandFor(level, w, ruleSet);
  const stated = readAmount(statedScore);
  const { low, high } = band;
  // Step data written out whole (no spreads): this runs on every qualitative row of a check.
  if (stated.kind === "number" && inBand(stated.value, level, band)) {
    const kept = roundScore(stated.value, w);
    return { score: kept, band, steps: explain ? [step("qual-kept", { level, low, high, w, score: kept })] : NO_STEPS };
  }
  if (stated.kind === "number" && rulesOf(ruleSet).outOfBand === "zero") {
    const rule = ruleSet.short ?? ruleSet.label;
    const ruleEn = ruleSet.shortEn ?? ruleSet.labelEn;
    const data = { level, low, high, w, rule, ruleEn, stated: stated.value };
    return { score: 0, band, steps: explain ? [step("qual-out-of-band-zero", data)] : NO_STEPS };
  }
  const b = ruleSet.qualitativeBands;
  const fraction = level === "met" ? 1 : level === "partial" ? b.partialDefault : b.unmetDefault;
  const score = roundScore(w * fraction, w);
  if (!explain) return { score, band, steps: NO_STEPS };
  if (level === "met") return { score, band, steps: [step("qual-met", { level, low, high, w, score })] };
  const share = excelRound(fraction * 100, 2);
  return { score, band, steps: [step("qual-default", { level, low, high, w, score, share })] };
}
