/**
 * Scoring error codes (../scoring/codes.ts) are rendered with the scoring module's own templates;
 * this adapter is the only place that knows their shape. A code both modules know (actual-missing,
 * budget-not-positive …) is rendered by the findings catalogue, which quotes the same data keys.
 */
import { SCORING_ERROR_CODES } from "../scoring/codes";
import type { Locale } from "./messages";

export function scoringTemplate(code: string, locale: Locale): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(SCORING_ERROR_CODES, code)) return undefined;
  const entry = SCORING_ERROR_CODES[code as keyof typeof SCORING_ERROR_CODES];
  return locale === "en" ? entry.en : entry.zh;
}

export const SCORING_CODES = Object.keys(SCORING_ERROR_CODES);
