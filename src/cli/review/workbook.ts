/**
 * The review workbook a 财政局 reviewer opens in Excel or WPS: 汇总 (one row per form, linked to
 * its lines in 问题明细), 问题明细 (every finding) and 未能读取 (every input that could not be read).
 * Frozen header, filters, number formats, A4 landscape with the header repeated on every page.
 * It is a new file of our own, written part by part (./xlsxParts.ts; no user data is in it to keep).
 */
import type { CellValue, Locale } from "../../engine";
import { isCellError } from "../../engine";
import type { DetailRow, SummaryRow, UnreadFile } from "./model";
import { adviceText, reviewWords, type ReviewWords } from "./words";
import { xlsxParts, type CellStyle, type SheetCell, type SheetRow, type SheetSpec } from "./xlsxParts";
import { zipParts } from "./zipParts";

const WIDTHS = [6, 28, 16, 10, 28, 20, 20, 12, 12, 10, 10, 10, 9, 9, 6, 6, 6, 36, 8];
/** 1-based columns of 汇总 that carry a format, a colour or a link. */
const COL = { budget: 8, spent: 9, rate: 10, stated: 11, computed: 12, flag: 17, link: 19 } as const;
const COLUMN_STYLE: Partial<Record<number, CellStyle>> = {
  [COL.budget]: "amount",
  [COL.spent]: "amount",
  [COL.rate]: "percent",
  [COL.stated]: "score",
  [COL.computed]: "score",
};

function shown(v: CellValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (isCellError(v)) return v.error;
  return typeof v === "boolean" ? String(v) : v;
}

/** Display width of text in Excel's character units: a CJK character takes two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Excel, WPS and LibreOffice do not grow a row for wrapped text on opening: set the height a
 * reader needs (15 pt a line).
 */
function fittedRow(cells: SheetCell[], widths: number[]): SheetRow {
  let lines = 1;
  cells.forEach((cell, i) => {
    if (cell.value === null) return;
    const width = Math.max(1, (widths[i] ?? 14) - 1);
    for (const part of String(cell.value).split("\n")) lines = Math.max(lines, Math.ceil(textWidth(part) / width));
  });
  return { cells, height: Math.min(409, 15 * lines) };
}

const body = (values: (string | number | null)[]): SheetCell[] => values.map((value) => ({ value, style: "body" }));

function sheet(name: string, header: string[], widths: number[], rows: SheetCell[][]): SheetSpec {
  const top = fittedRow(
    header.map((value) => ({ value, style: "header" })),
    widths,
  );
  return { name, widths, rows: [top, ...rows.map((cells) => fittedRow(cells, widths))], links: [] };
}

function summaryCells(row: SummaryRow, n: number, w: ReviewWords, locale: Locale): SheetCell[] {
  const r = row.review;
  const values = [
    n,
    row.file,
    r.sheet,
    w.kind[r.kind],
    r.name ?? null,
    r.department ?? null,
    r.unit ?? null,
    r.budget ?? null,
    r.spent ?? null,
    r.rate ?? null,
    shown(r.statedTotal),
    r.computedTotal ?? null,
    shown(r.statedGrade),
    r.computedGrade ?? null,
    r.errors,
    r.warnings,
    r.flag ? w.flag[r.flag] : null,
    adviceText(r.advice, locale),
    row.detailRow !== undefined ? w.link : null,
  ];
  return values.map((value, i): SheetCell => {
    const col = i + 1;
    if (col === COL.flag && r.flag) return { value, style: r.flag };
    if (col === COL.link && value !== null) return { value, style: "link" };
    return { value, style: COLUMN_STYLE[col] ?? "body" };
  });
}

function summarySheet(rows: SummaryRow[], w: ReviewWords, locale: Locale): SheetSpec {
  const spec = sheet(
    w.sheets.summary,
    w.summaryHeader,
    WIDTHS,
    rows.map((row, i) => summaryCells(row, i + 1, w, locale)),
  );
  rows.forEach((row, i) => {
    if (row.detailRow !== undefined)
      spec.links.push({ row: i + 2, col: COL.link, target: `#'${w.sheets.details}'!A${row.detailRow}` });
  });
  return spec;
}

/** The review workbook as .xlsx bytes. */
export function buildReviewWorkbook(
  summary: SummaryRow[],
  details: DetailRow[],
  unread: UnreadFile[],
  locale: Locale,
): Buffer {
  const w = reviewWords(locale);
  const sheets = [
    summarySheet(summary, w, locale),
    sheet(
      w.sheets.details,
      w.detailHeader,
      [28, 16, 8, 6, 26, 80],
      details.map((d) => body([d.file, d.sheet, d.cell, w.severity[d.severity], d.code, d.message])),
    ),
    sheet(
      w.sheets.unread,
      w.unreadHeader,
      [40, 90],
      unread.map((u) => body([u.display, u.reason])),
    ),
  ];
  return zipParts(xlsxParts(sheets, "绩效自评助手 ziping review"));
}
