/**
 * A whole .xlsx read the light way: the zip inflated by Node's zlib (../nativeZip.ts), the parts
 * exceljs would read found by the same names, the sheets matched to their parts through the
 * workbook's relationships as exceljs's workbook reconcile matches them, each sheet laid out.
 * Anything exceljs would treat differently or fail on throws Unsupported.
 */
import { formulaOf, T, type Context } from "./cells";
import { layOut, type LaidOutSheet } from "./layout";
import {
  parseCommentRefs,
  parseRels,
  parseSharedStrings,
  parseStyles,
  parseWorkbook,
  type WorkbookInfo,
} from "./parts";
import { scanSheet } from "./sheet";
import { unsupported } from "./xml";

type DefinedNameXformClass = new () => {
  parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  model: { ranges: string[] };
};
const colCache = require("exceljs/lib/utils/col-cache") as { decodeEx(value: string): unknown };

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

export interface LightSheet {
  name: string;
  sheet: LaidOutSheet;
}

export interface LightWorkbook {
  sheets: LightSheet[];
  activeTab: number | undefined;
}

interface Parts {
  text(name: string): string | undefined;
  names: string[];
}

/** Part names exceljs picks by unanchored patterns: only the plain forms are ours. */
function classify(names: string[]): { sheets: Map<string, string>; comments: Set<string>; vml: Set<string> } {
  const sheets = new Map<string, string>();
  const comments = new Set<string>();
  const vml = new Set<string>();
  for (const name of names) {
    if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name) || /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.test(name)) {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
      if (m) sheets.set(name, m[1]);
      else if (!/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)) unsupported("sheet part name");
    } else if (/xl\/(comments\d+)[.]xml/.test(name)) {
      const m = /^xl\/(comments\d+)\.xml$/.exec(name);
      if (!m) unsupported("comments part name");
      comments.add(`../${m[1]}.xml`);
    } else if (/xl\/drawings\/(vmlDrawing\d+)[.]vml/.test(name)) {
      const m = /^xl\/drawings\/(vmlDrawing\d+)\.vml$/.exec(name);
      if (!m) unsupported("vml part name");
      vml.add(`../drawings/${m[1]}.vml`);
    }
  }
  return { sheets, comments, vml };
}

const BAD_NAME = /[*?:/\\[\]]|^'|'$/;

/** The workbook's sheets matched to parts (exceljs's workbook reconcile), in order. */
function matchSheets(info: WorkbookInfo, parts: Parts, sheetParts: Map<string, string>) {
  const rels = new Map<string | undefined, { Target?: string }>();
  for (const rel of parseRels(parts.text("xl/_rels/workbook.xml.rels") ?? unsupported("no workbook rels")))
    rels.set(rel.Id, rel);
  const matched: { name: string; part: string; sheetNo: string }[] = [];
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const sheet of info.sheets) {
    const rel = rels.get(sheet.rId);
    if (!rel) continue;
    if (rel.Target === undefined) unsupported("rel without target");
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const sheetNo = sheetParts.get(part);
    if (sheetNo === undefined) continue;
    const lower = sheet.name.toLowerCase();
    if (!(sheet.id >= 1) || ids.has(sheet.id) || names.has(lower) || matched.some((m) => m.part === part))
      unsupported("sheet ids or names");
    if (sheet.name === "" || sheet.name === "History" || sheet.name.length > 31 || BAD_NAME.test(sheet.name))
      unsupported("sheet name");
    ids.add(sheet.id);
    names.add(lower);
    matched.push({ name: sheet.name, part, sheetNo });
  }
  if (matched.length === 0 || matched.length !== sheetParts.size) unsupported("sheets and parts");
  return matched;
}

/** exceljs decodes the first range of each sheet's print area and fails on a bad one. */
function checkPrintAreas(info: WorkbookInfo, sheetCount: number): void {
  for (const area of info.printAreas) {
    const index = area.localSheetId === undefined ? NaN : parseInt(area.localSheetId, 10);
    if (!(index >= 0 && index < sheetCount)) continue;
    const DefinedNameXform = require("exceljs/lib/xlsx/xform/book/defined-name-xform") as DefinedNameXformClass;
    const xform = new DefinedNameXform();
    xform.parseOpen({ name: "definedName", attributes: { name: "_xlnm.Print_Area", localSheetId: area.localSheetId } });
    xform.parseText(area.text);
    xform.parseClose("definedName");
    try {
      colCache.decodeEx(xform.model.ranges[0]);
    } catch {
      unsupported("print area");
    }
  }
}

/** The cells a sheet's notes sit on (through its relationships, as exceljs attaches comments). */
function noteRefs(parts: Parts, sheetNo: string, known: { comments: Set<string>; vml: Set<string> }): string[] {
  const relsText = parts.text(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`);
  if (relsText === undefined) return [];
  let refs: string[] | undefined;
  for (const rel of parseRels(relsText)) {
    if (rel.Type === COMMENTS) {
      if (!known.comments.has(rel.Target ?? "")) unsupported("comments target");
      refs = parseCommentRefs(parts.text(`xl/${rel.Target!.slice(3)}`)!);
    } else if (rel.Type === VML && refs && refs.length > 0 && !known.vml.has(rel.Target ?? "")) {
      unsupported("vml target");
    }
  }
  return refs ?? [];
}

/** Shared-formula followers resolved now, so a read never meets a master it cannot use. */
function resolveSharedFormulas(sheet: LaidOutSheet): void {
  const find = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return sheet.rows.get(Number(m[2]))?.cells[col - 1];
  };
  for (const row of sheet.rows.values()) {
    for (const cell of row.cells) {
      if (!cell || cell.type !== T.Formula || cell.formula || !cell.shared) continue;
      const f = formulaOf(cell, find);
      cell.formula = f === null ? undefined : f.slice(1);
      cell.shared = undefined;
    }
  }
}

export function readLightWorkbook(parts: Parts): LightWorkbook {
  const known = classify(parts.names);
  const info = parseWorkbook(parts.text("xl/workbook.xml") ?? unsupported("no workbook part"));
  const matched = matchSheets(info, parts, known.sheets);
  checkPrintAreas(info, matched.length);
  const stylesText = parts.text("xl/styles.xml") ?? unsupported("no styles");
  const sst = parts.text("xl/sharedStrings.xml");
  const ctx: Context = {
    styles: parseStyles(stylesText),
    sharedStrings: sst === undefined ? undefined : parseSharedStrings(sst),
    date1904: info.date1904,
  };
  const sheets = matched.map(({ name, part, sheetNo }) => {
    const sheet = layOut(scanSheet(parts.text(part)!), ctx, noteRefs(parts, sheetNo, known));
    resolveSharedFormulas(sheet);
    return { name, sheet };
  });
  return { sheets, activeTab: info.activeTab };
}
