/**
 * A 自评报告 draft (engine model) → a Word document with the `docx` package: A4 portrait, body in
 * 仿宋 三号, title 宋体 二号, headings 黑体 / 楷体, the form as a table in 宋体 五号, placeholders
 * highlighted yellow, cells the engine computed shaded. Works in Node (CLI) and in the browser
 * (task pane): it builds a Document; the caller packs it (toBuffer / toBlob).
 */
import {
  AlignmentType,
  Document,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from "docx";
import { placeholderText, type Block, type ReportDraft, type Run, type TableCellModel } from "../engine";

const font = (eastAsia: string): IFontAttributesProperties => ({
  ascii: "Times New Roman",
  hAnsi: "Times New Roman",
  eastAsia,
});
const BODY = font("仿宋");
const SIZE = { title: 44, heading: 32, body: 32, table: 21 } as const; // half-points: 二号 22pt, 三号 16pt, 五号 10.5pt
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 }; // 公文 margins (37/35/28/26 mm)
export const COMPUTED_FILL = "FFF2CC";

export function draftDocument(drafts: ReportDraft[]): Document {
  return new Document({
    creator: "绩效自评助手",
    title: drafts[0]?.title ?? "绩效自评报告",
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: drafts.map((d) => ({
      properties: { page: { size: A4, margin: MARGIN } },
      children: d.blocks.flatMap(renderBlock),
    })),
  });
}

function renderBlock(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: b.text, font: font("宋体"), size: SIZE.title, bold: true })],
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          spacing: { before: 120, after: 60 },
          indent: { firstLine: 640 },
          children: [new TextRun({ text: b.text, font: font(b.level === 1 ? "黑体" : "楷体"), size: SIZE.heading })],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: b.runs.map(renderRun) })];
    case "table": {
      // The form's own title row already names it: no second caption above the table.
      const titled = b.rows[0]?.some((c) => c?.text === b.caption);
      const caption = new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: b.caption, font: font("宋体"), size: 28, bold: true })],
      });
      return titled ? [renderTable(b.rows)] : [caption, renderTable(b.rows)];
    }
  }
}

function renderRun(r: Run): TextRun {
  if ("placeholder" in r) return new TextRun({ text: placeholderText(r.placeholder), highlight: "yellow", bold: true });
  return new TextRun({ text: r.text });
}

function renderTable(rows: (TableCellModel | null)[][]): Table {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows
      .filter((r) => r.some((c) => c !== null))
      .map(
        (r) =>
          new TableRow({ children: r.filter((c): c is TableCellModel => c !== null).map((c) => renderCell(c, width)) }),
      ),
  });
}

function renderCell(c: TableCellModel, width: number): TableCell {
  return new TableCell({
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: Number(((100 * c.colSpan) / width).toFixed(2)), type: WidthType.PERCENTAGE },
    shading: c.computed ? { fill: COMPUTED_FILL, type: "clear", color: "auto" } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text: c.text, font: font("宋体"), size: SIZE.table })] })],
  });
}
