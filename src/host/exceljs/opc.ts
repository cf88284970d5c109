/**
 * The few pieces of the Open Packaging Conventions the package audit needs: relationship parts,
 * target resolution and content types, read and patched as text. Relationship and content-type
 * parts are small, machine-written XML; attribute values are kept as written (still escaped),
 * so a tag copied from one package to another needs no re-escaping.
 */
import type JSZip from "jszip";

export interface Relationship {
  id: string;
  type: string;
  /** As written in the part (relative to the source part's folder, or absolute with "/"). */
  target: string;
  external: boolean;
}

/** `name="value"` pairs of one start tag (values left escaped). */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

export function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
  });
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package itself) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name (no leading "/"), resolved against its source part. */
export function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : `${source.slice(0, source.lastIndexOf("/") + 1)}${target}`;
  const parts: string[] = [];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed %-escape: the name as written.
  }
  for (const seg of decoded.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** A part's text, or "" when the package has no such part. */
export async function partText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  return file ? file.async("string") : "";
}

/** Every part name of a package (folders left out). */
export function partNames(zip: JSZip): string[] {
  return Object.keys(zip.files).filter((n) => !zip.files[n].dir);
}

/** The content-type tag that covers a part in `types` ([Content_Types].xml): its Override, else its extension's Default. */
export function contentTypeTag(types: string, part: string): { tag: string; override: boolean } | null {
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    if (attributesOf(m[0]).PartName?.toLowerCase() === `/${part}`.toLowerCase()) return { tag: m[0], override: true };
  }
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const m of types.matchAll(/<Default\b[^>]*>/g)) {
    if (attributesOf(m[0]).Extension?.toLowerCase() === ext) return { tag: m[0], override: false };
  }
  return null;
}

/** `xml` with `tag` inserted before the closing tag of its root element `root`. */
export function insertBeforeClose(xml: string, root: string, tag: string): string {
  const close = xml.lastIndexOf(`</${root}>`);
  if (close < 0) throw new Error(`no </${root}>`);
  return `${xml.slice(0, close)}${tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>")}${xml.slice(close)}`;
}
