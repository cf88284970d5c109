/**
 * The small parts of a workbook as exceljs reads them: relationships, the workbook's sheet list,
 * the number format of every cell style, shared strings and where notes sit. Anything exceljs
 * would read in a way this code does not reproduce throws Unsupported (./xml.ts).
 */
import { attributesOf, decodeText, scanXml, unsupported } from "./xml";

const utils = require("exceljs/lib/utils/utils") as { xmlDecode(text: string): string };
/** exceljs's built-in number formats by id (what NumFmtXform.getDefaultFmtCode looks up). */
const DEFAULT_FORMATS = require("exceljs/lib/xlsx/defaultnumformats") as Record<number, { f?: string } | undefined>;

export interface Relationship {
  Id?: string;
  Type?: string;
  Target?: string;
}

export function parseRels(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  scanXml(xml, "Relationships", {
    open(name, attrs) {
      if (name === "Relationship") rels.push(attributesOf(attrs));
      else if (name !== "Relationships") unsupported("relationships child");
    },
    close() {},
    text() {},
  });
  return rels;
}

export interface SheetEntry {
  name: string;
  id: number;
  rId: string | undefined;
  state: string | undefined;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  activeTab: number | undefined;
  /** _xlnm.Print_Area names: exceljs decodes their first range and fails on a bad one. */
  printAreas: { localSheetId: string | undefined; text: string }[];
}

/** xl/workbook.xml: the sheet list, the 1904 date system, the active tab, print areas. */
export function parseWorkbook(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false, activeTab: undefined, printAreas: [] };
  const path: string[] = [];
  let printArea: { localSheetId: string | undefined; text: string } | undefined;
  let viewSeen = false;
  scanXml(xml, "workbook", {
    open(name, raw) {
      path.push(name);
      const parent = path[path.length - 2];
      if (name === "sheet" && parent === "sheets") {
        const a = attributesOf(raw);
        if (a.name === undefined) unsupported("sheet without name");
        const name = utils.xmlDecode(a.name);
        info.sheets.push({ name, id: parseInt(a.sheetId ?? "", 10), rId: a["r:id"], state: a.state });
      } else if (name === "workbookPr") info.date1904 = attributesOf(raw).date1904 === "1";
      else if (name === "workbookView" && parent === "bookViews" && !viewSeen) {
        viewSeen = true; // exceljs reads the first view's
        const tab = attributesOf(raw).activeTab;
        if (tab !== undefined) info.activeTab = parseInt(tab, 10);
      } else if (name === "definedName") {
        const a = attributesOf(raw);
        printArea = a.name === "_xlnm.Print_Area" ? { localSheetId: a.localSheetId, text: "" } : undefined;
        if (printArea) info.printAreas.push(printArea);
      } else if (name === "conformance" || /purl\.oclc\.org/.test(raw)) unsupported("strict OOXML");
    },
    close() {
      path.pop();
    },
    text(raw) {
      if (printArea && path[path.length - 1] === "definedName") printArea.text += decodeText(raw);
    },
  });
  return info;
}

export interface Styles {
  /** Number format of each cellXfs entry (undefined: none); undefined entry: no such style. */
  numFmtOf(styleId: number): string | undefined;
  has(styleId: number): boolean;
}

/** xl/styles.xml: the number format of every cell style (cellXfs), as exceljs's getStyleModel gives it. */
export function parseStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  const path: string[] = [];
  scanXml(xml, "styleSheet", {
    open(name, raw) {
      path.push(name);
      const parent = path[path.length - 2];
      if (parent === "numFmts" && path.length === 3) {
        if (name !== "numFmt") unsupported("numFmts child");
        const a = attributesOf(raw);
        // Verbatim, backslashes kept (numFmtVerbatim.ts).
        custom.set(parseInt(a.numFmtId ?? "", 10), a.formatCode ?? "");
      } else if (parent === "cellXfs" && path.length === 3) {
        if (name !== "xf") unsupported("cellXfs child");
        xfs.push(parseInt(attributesOf(raw).numFmtId ?? "", 10));
      }
    },
    close() {
      path.pop();
    },
    text() {},
  });
  if (xfs.length === 0) unsupported("no cellXfs");
  const formats = xfs.map((id) => (id ? custom.get(id) || DEFAULT_FORMATS[id]?.f || undefined : undefined));
  return {
    numFmtOf: (styleId) => formats[styleId],
    has: (styleId) => styleId >= 0 && styleId < xfs.length,
  };
}

/** A shared string: text, or rich-text runs (a run without <t> has no text). */
export type SharedString = string | { richText: { text?: string }[] };

/** `_x000D_` escapes, as exceljs's TextXform decodes them (upper-case hex only). */
export function decodeEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** xl/sharedStrings.xml. */
export function parseSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  const path: string[] = [];
  let text: string | undefined;
  let runs: { text?: string }[] | undefined;
  let run: { text?: string } | undefined;
  let buffer: string[] | undefined;
  scanXml(xml, "sst", {
    open(name) {
      path.push(name);
      const depth = path.length;
      if (depth === 2) {
        if (name !== "si") unsupported("sst child");
        text = undefined;
        runs = undefined;
      } else if (depth === 3) {
        if (name === "t") {
          if (text !== undefined || runs) unsupported("si shape");
          buffer = [];
        } else if (name === "r") {
          if (text !== undefined) unsupported("si shape");
          runs ??= [];
          run = {};
          runs.push(run);
        } else if (name !== "rPh" && name !== "phoneticPr") unsupported("si child");
      } else if (depth === 4 && path[2] === "r" && name === "t") {
        if (run!.text !== undefined) unsupported("run shape");
        buffer = [];
      }
    },
    close(name) {
      const depth = path.length;
      path.pop();
      if (depth === 2) {
        if (text === undefined && !runs) unsupported("empty si");
        out.push(runs ? { richText: runs } : text!);
      } else if (name === "t" && buffer && (depth === 3 || (depth === 4 && path[2] === "r"))) {
        const value = decodeEscapes(buffer.join(""));
        if (depth === 3) text = value;
        else run!.text = value;
        buffer = undefined;
      }
    },
    text(raw) {
      if (buffer && path[path.length - 1] === "t" && (path.length === 3 || path[2] === "r"))
        buffer.push(decodeText(raw));
    },
  });
  return out;
}

/** The cells a comments part puts notes on (its <comment ref>), in order. */
export function parseCommentRefs(xml: string): string[] {
  const refs: string[] = [];
  scanXml(xml, "comments", {
    open(name, raw) {
      if (name === "comment") refs.push(attributesOf(raw).ref ?? "");
    },
    close() {},
    text() {},
  });
  return refs;
}
