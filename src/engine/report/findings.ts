/**
 * Report-check findings: code + data, like the form findings. A finding quotes the sentence it is
 * about (and the paragraph it is in); messages are rendered from the catalogue in ../i18n.
 */
import type { FindingData, Severity } from "../validate/finding";

export const REPORT_CODES = {
  "report-amount-mismatch": "error",
  "report-rate-mismatch": "error",
  "report-score-mismatch": "error",
  "report-grade-mismatch": "error",
  "report-text-inconsistent": "error",
  "report-prose-rate": "error",
  "report-prose-difference": "error",
  "report-prose-change-rate": "error",
  "report-grade-score": "error",
} as const satisfies Record<string, Severity>;

export type ReportCode = keyof typeof REPORT_CODES;

export interface ReportFinding {
  code: ReportCode;
  severity: Severity;
  /** 0-based paragraph of the sentence. */
  paragraph: number;
  /** The sentence as it reads in the report. */
  sentence: string;
  /** Form cell the sentence contradicts ("Sheet!E7"), when there is one. */
  cell: string | null;
  data: FindingData;
}

export function reportFinding(
  code: ReportCode,
  at: { paragraph: number; text: string },
  cell: string | null,
  data: FindingData,
): ReportFinding {
  return { code, severity: REPORT_CODES[code], paragraph: at.paragraph, sentence: at.text, cell, data };
}
