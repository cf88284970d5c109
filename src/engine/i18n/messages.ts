// CONTRACT STUB — owned by the validation helper.
import type { Finding, FindingData } from "../validate/finding";

export type Locale = "zh-CN" | "en";

/** Render a finding's message from its code and data. */
export function formatFinding(finding: Finding, locale: Locale = "zh-CN"): string {
  return formatMessage(finding.code, finding.data, locale);
}

/** Render any engine code (a finding code or a scoring error code) with its data. */
export function formatMessage(code: string, data: FindingData, locale: Locale = "zh-CN"): string {
  void data;
  void locale;
  return code;
}
