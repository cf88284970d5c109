/**
 * Which part holds which worksheet, by sheet name: exceljs renames worksheet parts
 * (sheet1.xml, sheet2.xml … in tab order) when it writes, so an input sheet and its written
 * copy are matched through workbook.xml and its relationships, never by part name.
 */
import type JSZip from "jszip";
import { attributesOf, parseRelationships, partText, relsPartOf, resolveTarget } from "./opc";

const WORKBOOK = "xl/workbook.xml";

/** The main workbook part: the officeDocument relationship of the package, else xl/workbook.xml. */
async function workbookPart(zip: JSZip): Promise<string> {
  const root = parseRelationships(await partText(zip, "_rels/.rels"));
  const doc = root.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  return doc ? resolveTarget("", doc.target) : WORKBOOK;
}

/** Sheet name (as written, still XML-escaped) → worksheet part name. */
export async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const book = await workbookPart(zip);
  const rels = new Map(
    parseRelationships(await partText(zip, relsPartOf(book))).map((r) => [r.id, resolveTarget(book, r.target)]),
  );
  const out = new Map<string, string>();
  for (const m of (await partText(zip, book)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const id = Object.entries(a).find(([k]) => /:id$/.test(k))?.[1] ?? "";
    const part = rels.get(id);
    if (a.name !== undefined && part && zip.file(part)) out.set(a.name, part);
  }
  return out;
}
