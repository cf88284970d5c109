/**
 * The review workbook a 财政局 reviewer opens in Excel or WPS: 汇总 (one row per form, linked to
 * its lines in 问题明细), 问题明细 (every finding) and 未能读取 (every input that could not be read).
 * Frozen header, filters, number formats, A4 landscape with the header repeated on every page.
 * It is a new file of our own, written with exceljs directly (no user data is in it to keep).
 */
import type ExcelJS from "exceljs";
import { excel } from "../../host/exceljs/lib";
import type { CellValue, Locale } from "../../engine";
import { isCellError } from "../../engine";
import type { DetailRow, SummaryRow, UnreadFile } from "./model";
import { adviceText, reviewWords, type ReviewWords } from "./words";

const FLAG_FILL = { red: "FFFF9999", yellow: "FFFFE699" } as const;
const HEADER_FILL = "FFDDEBF7";
const AMOUNT = "#,##0.00";
const WIDTHS = [6, 28, 16, 10, 28, 20, 20, 12, 12, 10, 10, 10, 9, 9, 6, 6, 6, 36, 8];
/** 1-based columns of 汇总 that carry a format, a colour or a link. */
const COL = { budget: 8, spent: 9, rate: 10, stated: 11, computed: 12, flag: 17, link: 19 } as const;

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
 * exceljs stores no automatic row height, and Excel, WPS and LibreOffice do not grow a row for
 * wrapped text on opening: set the height a reader needs (15 pt a line).
 */
function fitRowHeight(row: ExcelJS.Row, widths: number[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = cell.text ?? "";
    const width = Math.max(1, (widths[col - 1] ?? 14) - 1);
    for (const part of text.split("\n")) lines = Math.max(lines, Math.ceil(textWidth(part) / width));
  });
  row.height = Math.min(409, 15 * lines);
}

function sheetWithHeader(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = "1:1";
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  const top = ws.getRow(1);
  top.font = { bold: true };
  top.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  fitRowHeight(top, widths);
  top.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return ws;
}

function summaryValues(row: SummaryRow, n: number, w: ReviewWords, locale: Locale): ExcelJS.CellValue[] {
  const r = row.review;
  return [
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
    null,
  ];
}

function writeSummary(wb: ExcelJS.Workbook, rows: SummaryRow[], w: ReviewWords, locale: Locale): void {
  const ws = sheetWithHeader(wb, w.sheets.summary, w.summaryHeader, WIDTHS);
  rows.forEach((row, i) => {
    const line = ws.addRow(summaryValues(row, i + 1, w, locale));
    for (const col of [COL.budget, COL.spent]) line.getCell(col).numFmt = AMOUNT;
    line.getCell(COL.rate).numFmt = "0.00%";
    for (const col of [COL.stated, COL.computed]) line.getCell(col).numFmt = "0.00";
    if (row.review.flag) {
      line.getCell(COL.flag).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: FLAG_FILL[row.review.flag] },
      };
    }
    if (row.detailRow !== undefined) {
      const target = `#'${w.sheets.details}'!A${row.detailRow}`;
      line.getCell(COL.link).value = { text: w.link, hyperlink: target } as ExcelJS.CellHyperlinkValue;
      line.getCell(COL.link).font = { color: { argb: "FF0563C1" }, underline: true };
    }
    line.alignment = { vertical: "top", wrapText: true };
    fitRowHeight(line, WIDTHS);
  });
}

function writeDetails(wb: ExcelJS.Workbook, rows: DetailRow[], w: ReviewWords): void {
  const widths = [28, 16, 8, 6, 26, 80];
  const ws = sheetWithHeader(wb, w.sheets.details, w.detailHeader, widths);
  for (const d of rows) {
    const line = ws.addRow([d.file, d.sheet, d.cell, w.severity[d.severity], d.code, d.message]);
    line.alignment = { vertical: "top", wrapText: true };
    fitRowHeight(line, widths);
  }
}

function writeUnread(wb: ExcelJS.Workbook, rows: UnreadFile[], w: ReviewWords): void {
  const widths = [40, 90];
  const ws = sheetWithHeader(wb, w.sheets.unread, w.unreadHeader, widths);
  for (const u of rows) {
    const line = ws.addRow([u.display, u.reason]);
    line.alignment = { vertical: "top", wrapText: true };
    fitRowHeight(line, widths);
  }
}

/**
 * One style object for all cells that look alike. exceljs finds a cell's style id by rendering
 * its style to XML unless it has met that very object before; every cell holds its own copy, so
 * a summary of 1,000 forms rendered ~20,000 styles — most of the time spent writing it. Same
 * look, same ids, same file.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const seen = new Map<string, Partial<ExcelJS.Style>>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const key = JSON.stringify(cell.style);
        const shared = seen.get(key);
        if (shared) cell.style = shared;
        else seen.set(key, cell.style);
      }),
    );
  }
}

export function buildReviewWorkbook(
  summary: SummaryRow[],
  details: DetailRow[],
  unread: UnreadFile[],
  locale: Locale,
): ExcelJS.Workbook {
  const w = reviewWords(locale);
  const wb = new (excel().Workbook)();
  wb.creator = "绩效自评助手 ziping review";
  writeSummary(wb, summary, w, locale);
  writeDetails(wb, details, w);
  writeUnread(wb, unread, w);
  shareStyles(wb);
  return wb;
}
