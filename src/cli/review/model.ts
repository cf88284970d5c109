/**
 * What `ziping review` collects, file by file, and the rows its outputs show. The 汇总 row is
 * one form; a file with no readable form is one line of 未能读取.
 */
import { formatFinding, type FormReview, type Locale } from "../../engine";

export interface ReviewedFile {
  /** The path as the user named it (relative to the working folder). */
  display: string;
  forms: FormReview[];
}

export interface UnreadFile {
  display: string;
  reason: string;
}

export interface DetailRow {
  file: string;
  sheet: string;
  cell: string | null;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

export interface SummaryRow {
  file: string;
  review: FormReview;
  /** 1-based row of this form's first line in 问题明细 (absent when it has none). */
  detailRow?: number;
}

const collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

/** 项目2 before 项目10: files, then sheets, in natural order; forms in sheet order. */
export function naturalOrder(a: SummaryRow, b: SummaryRow): number {
  return (
    collator.compare(a.file, b.file) ||
    collator.compare(a.review.sheet, b.review.sheet) ||
    a.review.firstRow - b.review.firstRow
  );
}

/** Rows for the summary and the details, in natural order, each summary row linked to its details. */
export function layoutReview(files: ReviewedFile[], locale: Locale): { summary: SummaryRow[]; details: DetailRow[] } {
  const summary = files
    .flatMap((f) => f.forms.map((review) => ({ file: f.display, review }) as SummaryRow))
    .sort(naturalOrder);
  const details: DetailRow[] = [];
  for (const row of summary) {
    if (row.review.findings.length > 0) row.detailRow = details.length + 2; // under the header line
    for (const f of row.review.findings) {
      details.push({
        file: row.file,
        sheet: row.review.sheet,
        cell: f.cell,
        severity: f.severity,
        code: f.code,
        message: formatFinding(f, locale),
      });
    }
  }
  return { summary, details };
}
