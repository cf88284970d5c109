/**
 * A 自评报告 draft laid out on a worksheet, for hosts that cannot save a .docx (Excel on Mac):
 * the same blocks as the Word file, printable as is — A4 portrait, one page wide, a print area,
 * 宋体 title, 黑体 / 楷体 headings, 仿宋 body, the form as a bordered table in 宋体, placeholders
 * on yellow, computed cells shaded as in the .docx. Text only: nothing on the sheet is a formula.
 */
import { a1, placeholderText, type Block, type ReportDraft, type TableCellModel } from "../engine";
import type { CellStyle, WriteOp, WritePlan } from "../host/port";

/** Excel width units across the printable A4 width (≈ 180 mm at the default font). */
const PAGE_WIDTH = 96;
const MIN_COLUMNS = 8;
/** Excel refuses taller rows; a longer paragraph goes on several rows. */
const MAX_ROW_POINTS = 400;
const PLACEHOLDER_FILL = "#FFFF00";
const COMPUTED_FILL = "#FFF2CC";

const STYLE = {
  title: { fontName: "宋体", fontSize: 16, bold: true, horizontal: "center", vertical: "middle" },
  heading1: { fontName: "黑体", fontSize: 12, vertical: "middle" },
  heading2: { fontName: "楷体", fontSize: 12, vertical: "middle" },
  body: { fontName: "仿宋", fontSize: 11, wrap: true, vertical: "top" },
  caption: { fontName: "宋体", fontSize: 12, bold: true, horizontal: "center", vertical: "middle" },
  table: { fontName: "宋体", fontSize: 9, wrap: true, vertical: "middle" },
} satisfies Record<string, CellStyle>;

/** How wide a text prints, in Excel width units at 11 pt: a CJK character takes two. */
export function printWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/** Points for `text` wrapped in `width` units at `fontSize`. */
function rowHeight(text: string, width: number, fontSize: number): number {
  const lines = text
    .split("\n")
    .reduce((n, part) => n + Math.max(1, Math.ceil((printWidth(part) * fontSize) / 11 / Math.max(1, width))), 0);
  return Math.min(MAX_ROW_POINTS, Math.ceil(lines * fontSize * 1.45 + 4));
}

class SheetWriter {
  readonly ops: WriteOp[] = [];
  row = 0;

  constructor(readonly columns: number) {}

  get colWidth(): number {
    return Math.floor(PAGE_WIDTH / this.columns);
  }
  get lastCol(): string {
    return a1(0, this.columns - 1).replace(/\d+$/, "");
  }

  /** One text across the whole width. */
  line(text: string, style: CellStyle, height: number): void {
    const range = `A${this.row + 1}:${this.lastCol}${this.row + 1}`;
    this.ops.push(
      { kind: "merge", range },
      { kind: "values", range: `A${this.row + 1}`, values: [[text]] },
      { kind: "style", range, style },
      { kind: "rowHeight", row: this.row, height },
    );
    this.row++;
  }

  paragraph(text: string, highlighted: boolean): void {
    const style = highlighted ? { ...STYLE.body, fill: PLACEHOLDER_FILL } : STYLE.body;
    for (const part of chunks(text, this.colWidth * this.columns)) {
      this.line(part, style, rowHeight(part, this.colWidth * this.columns, STYLE.body.fontSize));
    }
  }

  table(rows: (TableCellModel | null)[][]): void {
    const first = this.row;
    for (const cells of rows.filter((r) => r.some((c) => c !== null))) {
      let height = 16;
      cells.forEach((c, col) => {
        if (!c) return;
        height = Math.max(height, this.cell(c, col));
      });
      this.ops.push({ kind: "rowHeight", row: this.row, height });
      this.row++;
    }
    if (this.row > first) {
      const range = `A${first + 1}:${this.lastCol}${this.row}`;
      this.ops.push({ kind: "style", range, style: { ...STYLE.table, border: "thin" } });
    }
  }

  /** One table cell with its spans; returns the height its text needs (per row it spans). */
  private cell(c: TableCellModel, col: number): number {
    const at = a1(this.row, col);
    const span = Math.min(c.colSpan, this.columns - col);
    if (span > 1 || c.rowSpan > 1)
      this.ops.push({ kind: "merge", range: `${at}:${a1(this.row + c.rowSpan - 1, col + span - 1)}` });
    this.ops.push({ kind: "values", range: at, values: [[c.text]] });
    if (c.computed) this.ops.push({ kind: "style", range: at, style: { fill: COMPUTED_FILL } });
    return rowHeight(c.text, this.colWidth * span, STYLE.table.fontSize) / Math.max(1, c.rowSpan);
  }
}

/** A long paragraph in pieces no taller than a row may be. */
function chunks(text: string, width: number): string[] {
  const perRow = Math.max(20, Math.floor((width * (MAX_ROW_POINTS - 4)) / (STYLE.body.fontSize * 1.45) / 2));
  const chars = [...text];
  if (chars.length <= perRow) return [text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perRow) out.push(chars.slice(i, i + perRow).join(""));
  return out;
}

function block(w: SheetWriter, b: Block): void {
  switch (b.kind) {
    case "title":
      return w.line(b.text, STYLE.title, 30);
    case "heading":
      return w.line(b.text, b.level === 1 ? STYLE.heading1 : STYLE.heading2, 20);
    case "paragraph": {
      const text = b.runs.map((r) => ("placeholder" in r ? placeholderText(r.placeholder) : r.text)).join("");
      return w.paragraph(
        text,
        b.runs.some((r) => "placeholder" in r),
      );
    }
    case "table":
      // The form's own title row already names it, as in the .docx.
      if (!b.rows[0]?.some((c) => c?.text === b.caption)) w.line(b.caption, STYLE.caption, 22);
      return w.table(b.rows);
  }
}

/** The plan that writes `drafts` onto the new sheet `sheet` (created and activated by the plan). */
export function reportSheetPlan(drafts: ReportDraft[], sheet: string): WritePlan {
  const widest = drafts
    .flatMap((d) => d.blocks)
    .reduce((n, b) => (b.kind === "table" ? Math.max(n, ...b.rows.map((r) => r.length)) : n), 0);
  const w = new SheetWriter(Math.max(MIN_COLUMNS, widest));
  const head: WriteOp[] = [];
  for (let col = 0; col < w.columns; col++) head.push({ kind: "columnWidth", col, width: w.colWidth });
  drafts.forEach((d, i) => {
    if (i > 0) w.row++; // One empty row between two forms' reports.
    for (const b of d.blocks) block(w, b);
  });
  const area = `A1:${w.lastCol}${Math.max(1, w.row)}`;
  return {
    sheet,
    createSheet: true,
    activate: true,
    ops: [
      ...head,
      ...w.ops,
      { kind: "print", orientation: "portrait", paper: "A4", fitToWidth: true, printArea: area },
    ],
  };
}
