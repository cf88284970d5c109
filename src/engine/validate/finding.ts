/**
 * A finding is data: a stable code, a severity, the cell it is about and the numbers
 * behind it. Messages are rendered from code + data in one place (`../i18n/messages.ts`),
 * in zh-CN and English, the way zod renders issue codes per locale.
 * A finding never changes what the user stated.
 */

export type Severity = "error" | "warning" | "info";

/** Values a message may quote. */
export type FindingData = Record<string, string | number | boolean | null>;

export interface Finding {
  /** Stable code, e.g. "score-mismatch". The full list is `FINDING_CODES` in ../i18n/messages.ts. */
  code: string;
  severity: Severity;
  /** Sheet name, when known. */
  sheet?: string;
  /** A1 address of the cell the finding is about; null for a sheet- or form-level finding. */
  cell: string | null;
  /** 1-based Excel row of that cell; null when `cell` is null. */
  row: number | null;
  /** Stated vs expected values and whatever else the message quotes. */
  data: FindingData;
}
