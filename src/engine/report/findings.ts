/**
 * Report-check findings: code + data, like the form findings. A finding quotes the sentence it is
 * about (and the paragraph it is in); messages are rendered from the catalogue in ../i18n.
 */
import type { Severity } from "../validate/finding";

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
} as const satisfies Record<keyof ReportData, Severity>;

/** A sentence's figure against the form's (`what`: initial, budget, spent, rate, execScore, totalScore, grade). */
interface AgainstForm {
  subject: string;
  what: string;
  stated: string;
  expected: string;
  cell: string;
}

/** A figure against the sentence's own arithmetic (the texts as the report writes them). */
interface Change {
  current: string;
  prior: string;
  stated: string;
  expected: string;
}

/** The data each report code carries; the catalogue (../i18n/reportMessages.ts) is typed over it. */
export interface ReportData {
  "report-amount-mismatch": AgainstForm;
  "report-rate-mismatch": AgainstForm;
  "report-score-mismatch": AgainstForm;
  "report-grade-mismatch": AgainstForm;
  "report-text-inconsistent": {
    subject: string;
    what: string;
    stated: string;
    earlier: string;
    earlierSentence: string;
  };
  "report-prose-rate": { budget: string; spent: string; stated: string; expected: string };
  "report-prose-difference": Change;
  "report-prose-change-rate": Change;
  "report-grade-score": { total: string; stated: string; expected: string };
}

export type ReportCode = keyof ReportData;

/** The report finding of one code: `code` narrows `data`. */
export type ReportFindingOf<C extends ReportCode> = ReportFindingBase & { code: C; data: ReportData[C] };

interface ReportFindingBase {
  severity: Severity;
  /** 0-based paragraph of the sentence. */
  paragraph: number;
  /** The sentence as it reads in the report. */
  sentence: string;
  /** Form cell the sentence contradicts ("Sheet!E7"), when there is one. */
  cell: string | null;
}

export type ReportFinding = { [C in ReportCode]: ReportFindingOf<C> }[ReportCode];

export function reportFinding<C extends ReportCode>(
  code: C,
  at: { paragraph: number; text: string },
  cell: string | null,
  data: ReportData[C],
): ReportFinding {
  const f = { code, severity: REPORT_CODES[code], paragraph: at.paragraph, sentence: at.text, cell, data };
  // One member of the union; TypeScript cannot see that for a generic C.
  return f as unknown as ReportFinding;
}
