/**
 * An .xlsx read independently of exceljs (fast-xml-parser over the raw parts), so a comparison
 * of input and output sees what the file holds, not what exceljs chose to model: every cell's
 * value, formula and full resolved style (number format code, font, fill, border, alignment,
 * protection, quotePrefix), and each sheet's and the workbook's own settings.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

const NumFmt = require("exceljs/lib/xlsx/xform/style/numfmt-xform") as {
  getDefaultFmtCode(id: number): string | undefined;
};

type X = Record<string, unknown>;
const ARRAYS = new Set([
  "row",
  "c",
  "si",
  "r",
  "xf",
  "font",
  "fill",
  "border",
  "numFmt",
  "sheet",
  "definedName",
  "mergeCell",
  "col",
  "conditionalFormatting",
  "cfRule",
  "dataValidation",
  "Relationship",
  "hyperlink",
  "formula",
  "pane",
  "selection",
  "sheetView",
  "ext",
  "property",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

export interface CellRecord {
  value: string | null;
  formula: string | null;
  style: string;
}

export interface SheetModel {
  name: string;
  state: string;
  cells: Map<string, CellRecord>;
  /** Sheet-level settings as canonical JSON pieces, by element name. */
  features: Record<string, unknown>;
}

export interface PackageModel {
  parts: Map<string, Buffer>;
  sheets: SheetModel[];
  definedNames: unknown[];
  /** The style of a cell the sheet does not list (the workbook's first cell style). */
  defaultStyle: string;
}

const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v === undefined || v === null ? [] : [v as X]);

/** Attributes whose default is true/1: "0" there says something; everywhere else "0"/"false" is the default. */
const TRUE_DEFAULTS = new Set([
  "@showGridLines",
  "@showRowColHeaders",
  "@showZeros",
  "@showOutlineSymbols",
  "@defaultGridColor",
  "@locked",
  "@fitToHeight",
  "@fitToWidth",
  "@showRuler",
  "@showWhiteSpace",
  "@autoPageBreaks",
  "@applyStyles",
]);

/** Attribute/child objects with keys sorted, booleans normalised, default-valued attributes and empty children dropped. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const out: X = {};
    for (const k of Object.keys(v).sort()) {
      if (k.startsWith("@xmlns") || k === "@uid" || k.startsWith("@x14ac")) continue;
      const c = canonical((v as X)[k]);
      if (k.startsWith("@") && (c === "0" || c === "false") && !TRUE_DEFAULTS.has(k)) continue;
      if (c === "" && !k.startsWith("@") && EMPTY_MEANS_NONE.has(k)) continue;
      const keys = c && typeof c === "object" && !Array.isArray(c) ? Object.keys(c) : null;
      if (c === "" && !k.startsWith("@"))
        out[k] = true; // <b/> is "on"
      else if (keys?.length === 1 && keys[0] === "@val" && (c as X)["@val"] === "1")
        out[k] = true; // <b val="true"/>
      else if (keys?.length === 0)
        continue; // nothing but default attributes
      else if (c !== undefined) out[k] = c;
    }
    return out;
  }
  if (v === "true") return "1";
  if (v === "false") return "0";
  return v;
}

/** Elements that, empty, say "none": a border side, an empty header or footer, an empty pageSetUpPr. */
const EMPTY_MEANS_NONE = new Set([
  "left",
  "right",
  "top",
  "bottom",
  "diagonal",
  "start",
  "end",
  "oddHeader",
  "oddFooter",
  "evenHeader",
  "evenFooter",
  "firstHeader",
  "firstFooter",
  "pageSetUpPr",
]);

function textOf(si: X | string | undefined): string {
  if (si === undefined) return "";
  if (typeof si === "string") return si;
  if (si.t !== undefined) return typeof si.t === "object" ? String((si.t as X)["#text"] ?? "") : String(si.t);
  return arr(si.r)
    .map((r) => textOf(r))
    .join("");
}

/** OOXML's default values: written out by some writers (LibreOffice), left out by others (exceljs). */
const DEFAULTS: Record<string, Record<string, string>> = {
  alignment: {
    "@horizontal": "general",
    "@indent": "0",
    "@shrinkToFit": "0",
    "@textRotation": "0",
    "@wrapText": "0",
    "@readingOrder": "0",
    "@justifyLastLine": "0",
    "@relativeIndent": "0",
  },
  border: { "@diagonalDown": "0", "@diagonalUp": "0" },
  protection: { "@locked": "1", "@hidden": "0" },
  row: {
    "@collapsed": "0",
    "@customFormat": "0",
    "@hidden": "0",
    "@outlineLevel": "0",
    "@thickBot": "0",
    "@thickTop": "0",
    "@customHeight": "0",
  },
};

function withoutDefaults(kind: string, v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const out = { ...(v as X) };
  for (const [k, d] of Object.entries(DEFAULTS[kind]))
    if (out[k] === d || out[k] === (d === "1" ? "true" : d === "0" ? "false" : d)) delete out[k];
  return Object.keys(out).length ? out : undefined;
}

/**
 * A number format as it looks: a backslash before a character Excel shows literally anyway
 * (`yyyy\\-mm\\-dd`, as LibreOffice writes it) changes nothing on screen; exceljs writes it bare.
 */
function sameLooking(code: string): string {
  return code.replace(/\\([-+/():!^&'~{}<>= $])/g, "$1");
}

function styleTable(styles: X): string[] {
  const ss = (styles.styleSheet ?? {}) as X;
  const fmts = new Map<string, string>();
  for (const f of arr((ss.numFmts as X)?.numFmt)) fmts.set(String(f["@numFmtId"]), String(f["@formatCode"]));
  const fonts = arr((ss.fonts as X)?.font);
  const fills = arr((ss.fills as X)?.fill);
  const borders = arr((ss.borders as X)?.border);
  return arr((ss.cellXfs as X)?.xf).map((xf) => {
    const id = Number(xf["@numFmtId"] ?? 0);
    const numFmt = fmts.get(String(id)) ?? NumFmt.getDefaultFmtCode(id) ?? `#${id}`;
    return JSON.stringify(
      canonical({
        numFmt: numFmt === "General" ? undefined : sameLooking(numFmt),
        font: fonts[Number(xf["@fontId"] ?? 0)],
        fill: fills[Number(xf["@fillId"] ?? 0)],
        border: withoutDefaults("border", borders[Number(xf["@borderId"] ?? 0)]),
        alignment: withoutDefaults("alignment", xf.alignment),
        protection: withoutDefaults("protection", xf.protection),
        quotePrefix: xf["@quotePrefix"] === "1" || xf["@quotePrefix"] === "true" ? "1" : undefined,
      }),
    );
  });
}

function cellValue(c: X, strings: string[]): string | null {
  const v = c.v === undefined ? undefined : typeof c.v === "object" ? String((c.v as X)["#text"] ?? "") : String(c.v);
  const t = c["@t"] ?? "n";
  if (t === "inlineStr") return `s:${textOf(c.is as X)}`;
  if (v === undefined || v === "") return null;
  if (t === "s") return `s:${strings[Number(v)]}`;
  if (t === "str") return `s:${v}`;
  if (t === "b") return `b:${v === "1" || v === "true" ? 1 : 0}`;
  if (t === "e") return `e:${v}`;
  return `n:${Number(v)}`;
}

/** The formula text, a shared formula's follower named by its master's address. */
function cellFormula(c: X, masters: Map<string, string>): string | null {
  const f = arr(c.f)[0] as X | string | undefined;
  if (f === undefined) return null;
  if (typeof f === "string") return f;
  const text = f["#text"] !== undefined ? String(f["#text"]) : "";
  if (f["@t"] === "shared") {
    const si = String(f["@si"]);
    if (text) masters.set(si, String(c["@r"]));
    return text ? text : `shared(${masters.get(si)})`;
  }
  return text;
}

const FEATURES = [
  "cols",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "sheetViews",
  "hyperlinks",
  "pageSetup",
  "printOptions",
  "sheetProtection",
  "sheetPr",
  "autoFilter",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
];

function readSheet(
  xml: string,
  strings: string[],
  styles: string[],
): { cells: Map<string, CellRecord>; features: Record<string, unknown> } {
  const ws = (parser.parse(xml).worksheet ?? {}) as X;
  const cells = new Map<string, CellRecord>();
  const masters = new Map<string, string>();
  const rows: X[] = [];
  for (const row of arr((ws.sheetData as X)?.row)) {
    for (const c of arr(row.c)) {
      const style = styles[Number(c["@s"] ?? 0)] ?? "?";
      cells.set(String(c["@r"]), { value: cellValue(c, strings), formula: cellFormula(c, masters), style });
    }
    const attrs = { ...row };
    delete attrs.c;
    delete attrs["@spans"];
    rows.push(canonical(withoutDefaults("row", attrs) ?? {}) as X);
  }
  const features: Record<string, unknown> = { rows };
  for (const k of FEATURES) if (ws[k] !== undefined) features[k] = canonical(ws[k]);
  return { cells, features };
}

async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  return f ? f.async("string") : "";
}

function target(rels: X, id: string): string {
  const rel = arr((rels.Relationships as X)?.Relationship).find((r) => r["@Id"] === id);
  const t = String(rel?.["@Target"] ?? "");
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

export async function readPackage(data: Uint8Array): Promise<PackageModel> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) parts.set(name, await f.async("nodebuffer"));
  const wb = (parser.parse(await text(zip, "xl/workbook.xml")).workbook ?? {}) as X;
  const rels = parser.parse(await text(zip, "xl/_rels/workbook.xml.rels")) as X;
  const sst = parser.parse(await text(zip, "xl/sharedStrings.xml")) as X;
  const strings = arr((sst.sst as X)?.si).map((si) => textOf(si));
  const styles = styleTable(parser.parse(await text(zip, "xl/styles.xml")) as X);
  const sheets: SheetModel[] = [];
  for (const s of arr((wb.sheets as X)?.sheet)) {
    const { cells, features } = readSheet(await text(zip, target(rels, String(s["@id"]))), strings, styles);
    sheets.push({ name: String(s["@name"]), state: String(s["@state"] ?? "visible"), cells, features });
  }
  const definedNames = arr((wb.definedNames as X)?.definedName).map((d) => canonical(d));
  return { parts, sheets, definedNames, defaultStyle: styles[0] ?? "" };
}
