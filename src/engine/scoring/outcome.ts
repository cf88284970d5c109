/**
 * Errors as values (as HyperFormula does): a scoring function returns either a value with its
 * explanation, or an error code with the data its message quotes. Explanations are steps (code +
 * data, ./steps.ts) where the scorer has them; `explanation` is their zh-CN rendering. Messages are
 * rendered in ../i18n; the custom functions turn an error into #VALUE! with that text.
 */
import { renderSteps } from "../i18n/explain";
import type { FindingData } from "../validate/finding";
import type { ScoringErrorCode } from "./codes";
import type { Step } from "./steps";

/** A scoring error: its code narrows its data (../validate/finding.ts). */
export type ScoringFailure = {
  [C in ScoringErrorCode]: { ok: false; code: C; data: FindingData[C] };
}[ScoringErrorCode];

export type Outcome<T> = { ok: true; value: T; explanation: string; steps?: Step[] } | ScoringFailure;

export function ok<T>(value: T, explanation: string): Outcome<T> {
  return { ok: true, value, explanation };
}

/** A value explained by steps; `explain: false` skips rendering the zh-CN line (a 10,000-row check). */
export function okSteps<T>(value: T, steps: Step[], explain = true): Outcome<T> {
  return { ok: true, value, explanation: explain ? renderSteps(steps, "zh-CN") : "", steps };
}

export function fail<C extends ScoringErrorCode>(code: C, data: FindingData[C]): ScoringFailure {
  // One member of the union; TypeScript cannot see that for a generic C.
  return { ok: false, code, data } as unknown as ScoringFailure;
}

/** A successful outcome's explanation in a locale: its steps rendered, else the zh-CN line it carries. */
export function explainOutcome(outcome: Outcome<unknown>, locale: "zh-CN" | "en" = "zh-CN"): string {
  if (!outcome.ok) return "";
  if (outcome.steps && outcome.steps.length) return renderSteps(outcome.steps, locale);
  return outcome.explanation;
}
