/**
 * The few SpreadsheetML parts the review workbook needs, written as text directly: sheets of
 * plain values (shared strings and numbers) in a fixed set of styles, column widths, row
 * heights, a frozen header row with filters, A4 landscape printing with the header repeated,
 * and links to cells of another sheet. exceljs built its whole object model of the summary and
 * rendered it through its XML stream: for 1,000 forms that was most of `ziping review`'s time
 * after the workers were done, on one core while the other idled. The parts written here are
 * those exceljs wrote for the same workbook (same styles, same link form), minus its theme.
 */

import { columnLetters } from "../../engine/sheet/snapshot";

/** The looks a review cell can have; each is one entry of cellXfs (see STYLES). */
export type CellStyle = "header" | "body" | "amount" | "percent" | "score" | "red" | "yellow" | "link";

export interface SheetCell {
  value: string | number | null;
  style: CellStyle;
}

export interface SheetRow {
  cells: SheetCell[];
  /** Height in points. */
  height: number;
}

export interface SheetSpec {
  name: string;
  widths: number[];
  /** Row 1 is the header: frozen, filtered, repeated on every printed page. */
  rows: SheetRow[];
  /** Cells (1-based) linking to a place in the workbook, e.g. #'问题明细'!A2. */
  links: { row: number; col: number; target: string }[];
}

/** cellXfs in order; a row's own style (s) is ROW_STYLE of its first cell's kind. */
const STYLES: Record<CellStyle, number> = {
  header: 2,
  body: 3,
  amount: 4,
  percent: 5,
  score: 6,
  red: 7,
  yellow: 8,
  link: 9,
};
const HEADER_ROW_STYLE = 1;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const BODY_ROW_STYLE = 3;

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const TOP = '<alignment vertical="top" wrapText="1"/>';
const solid = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`;
const xf = (numFmt: number, font: number, fill: number, alignment: string) =>
  `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
  `${numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}` +
  ` applyAlignment="1">${alignment}</xf>`;

/** Built-in number formats: 4 = #,##0.00, 10 = 0.00%, 2 = 0.00. */
const STYLES_XML =
  XML_HEAD +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<fonts count="3"><font>${FONT}</font><font><b/>${FONT}</font>` +
  `<font><u/>${FONT}<color rgb="FF0563C1"/></font></fonts>` +
  '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  `${solid("FFDDEBF7")}${solid("FFFF9999")}${solid("FFFFE699")}</fills>` +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  xf(0, 1, 0, '<alignment horizontal="center" vertical="center" wrapText="1"/>') +
  xf(0, 1, 2, '<alignment horizontal="center" vertical="center" wrapText="1"/>') +
  xf(0, 0, 0, TOP) +
  xf(4, 0, 0, TOP) +
  xf(10, 0, 0, TOP) +
  xf(2, 0, 0, TOP) +
  xf(0, 0, 3, TOP) +
  xf(0, 0, 4, TOP) +
  xf(0, 2, 0, TOP) +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/></styleSheet>';

/** The characters XML 1.0 cannot hold (control characters, non-characters, lone surrogates), to drop. */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are what the pattern is for
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text as XML character data: characters XML cannot hold are dropped (as exceljs drops them); a
 * carriage return and a literal _xHHHH_ are written as Excel escapes them, so they read back as typed.
 */
export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/\r/g, "_x000D_")
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A1-style column letters of a 1-based column (the engine's columnLetters counts from 0). */
const letters = (col: number): string => columnLetters(col - 1);

/** The shared-string table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.texts.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join("");
    return (
      XML_HEAD +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
      ` count="${this.count}" uniqueCount="${this.texts.length}">${items}</sst>`
    );
  }
}

function cellXml(ref: string, cell: SheetCell, strings: SharedStrings): string {
  const s = STYLES[cell.style];
  const v = cell.value;
  if (v === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
  return `<c r="${ref}" s="${s}" t="s"><v>${strings.of(String(v))}</v></c>`;
}

function rowXml(row: SheetRow, r: number, strings: SharedStrings): string {
  const s = r === 1 ? HEADER_ROW_STYLE : BODY_ROW_STYLE;
  const cells = row.cells.map((c, i) => cellXml(`${letters(i + 1)}${r}`, c, strings)).join("");
  return `<row r="${r}" spans="1:${row.cells.length}" ht="${row.height}" customHeight="1" s="${s}" customFormat="1">${cells}</row>`;
}

function colsXml(widths: number[]): string {
  return `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
}

/** A sheet part and its relationships part (the links, as exceljs writes them). */
function sheetXml(sheet: SheetSpec, strings: SharedStrings): { xml: string; rels: string | null } {
  const last = letters(sheet.widths.length);
  const rows = sheet.rows.map((row, i) => rowXml(row, i + 1, strings)).join("");
  const links = sheet.links.map((l, i) => {
    const ref = `${letters(l.col)}${l.row}`;
    return `<hyperlink ref="${ref}" r:id="rId${i + 1}" location="${xmlText(l.target)}"/>`;
  });
  const xml =
    XML_HEAD +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${sheet.rows.length}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `${colsXml(sheet.widths)}<sheetData>${rows}</sheetData><autoFilter ref="A1:${last}1"/>` +
    (links.length > 0 ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
  return { xml, rels: sheet.links.length > 0 ? linkRels(sheet.links) : null };
}

function linkRels(links: SheetSpec["links"]): string {
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
  const items = links.map(
    (l, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${xmlText(l.target)}" TargetMode="External"/>`,
  );
  return relationships(items);
}

function relationships(items: string[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`
  );
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function workbookXml(sheets: SheetSpec[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`);
  // Print_Titles: the header row on every printed page (sheet names quoted, ' doubled).
  const titles = sheets.map(
    (s, i) =>
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`'${s.name.replace(/'/g, "''")}'!$1:$1`)}</definedName>`,
  );
  return (
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    `<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${list.join("")}</sheets>` +
    `<definedNames>${titles.join("")}</definedNames><calcPr calcId="171027"/></workbook>`
  );
}

function contentTypes(sheets: SheetSpec[]): string {
  const ct = "application/vnd.openxmlformats-officedocument";
  const sheetTypes = sheets.map(
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`,
  );
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
    sheetTypes.join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>"
  );
}

function coreXml(creator: string, now: Date): string {
  const when = `${now.toISOString().slice(0, 19)}Z`;
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** Every part of a workbook of `sheets`, as (name, text) in the order they are zipped. */
export function xlsxParts(sheets: SheetSpec[], creator: string, now = new Date()): { name: string; text: string }[] {
  const strings = new SharedStrings();
  const parts: { name: string; text: string }[] = [];
  sheets.forEach((sheet, i) => {
    const { xml, rels } = sheetXml(sheet, strings);
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, text: xml });
    if (rels) parts.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, text: rels });
  });
  const rel = (id: number, type: string, target: string) =>
    `<Relationship Id="rId${id}" Type="${NS_REL}/${type}" Target="${target}"/>`;
  const bookRels = [
    rel(1, "styles", "styles.xml"),
    rel(2, "sharedStrings", "sharedStrings.xml"),
    ...sheets.map((_, i) => rel(i + 3, "worksheet", `worksheets/sheet${i + 1}.xml`)),
  ];
  const pkgRels = [
    rel(1, "officeDocument", "xl/workbook.xml"),
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
  ];
  return [
    { name: "[Content_Types].xml", text: contentTypes(sheets) },
    { name: "_rels/.rels", text: relationships(pkgRels) },
    { name: "docProps/core.xml", text: coreXml(creator, now) },
    { name: "xl/workbook.xml", text: workbookXml(sheets) },
    { name: "xl/_rels/workbook.xml.rels", text: relationships(bookRels) },
    { name: "xl/styles.xml", text: STYLES_XML },
    ...parts,
    { name: "xl/sharedStrings.xml", text: strings.xml() },
  ];
}
