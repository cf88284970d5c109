/**
 * A small, strict XML scanner for the read-only reader (./index.ts). It walks a part's text once
 * and hands elements and text to a handler, with entities decoded as exceljs's parser (saxes)
 * decodes them. Whatever it is not sure saxes would read the same way — CDATA, a DOCTYPE, a
 * carriage return, a character XML forbids, an unknown entity, a tag it cannot parse, mismatched
 * nesting — throws Unsupported, and the file is read by exceljs instead, so the two never differ.
 */

/** The light reader cannot vouch for this file: exceljs reads it instead. */
export class Unsupported extends Error {}

export function unsupported(why: string): never {
  throw new Unsupported(why);
}

export interface XmlHandler {
  /** `attrs` is the raw attribute text: decode it with attributesOf when needed. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text (entities not decoded): decodeText when needed. Only inside the root element. */
  text(raw: string): void;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
// Characters XML forbids (saxes reports them) and carriage returns (saxes rewrites line ends).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_TEXT = /[\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|]]>/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  if (cp < 0x20) return cp === 0x9 || cp === 0xa || cp === 0xd;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp !== 0xfffe && cp !== 0xffff && cp <= 0x10ffff;
}

function decodeEntities(raw: string): string {
  return raw.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    if (dec === undefined && hex === undefined) unsupported("unknown entity");
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!isXmlChar(cp) || cp === 0xd) unsupported("character reference");
    return String.fromCodePoint(cp);
  });
}

/** Element text as saxes gives it. */
export function decodeText(raw: string): string {
  if (FORBIDDEN_TEXT.test(raw)) unsupported("text");
  if (!raw.includes("&")) return raw;
  return decodeEntities(raw);
}

const ATTR = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/** The attributes of a tag, decoded (a value with a raw tab or line break is left to saxes). */
export function attributesOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === "") return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    const value = m[2] ?? m[3];
    if (Object.prototype.hasOwnProperty.call(out, m[1])) unsupported("duplicate attribute");
    if (/[\t\n\r]/.test(value)) unsupported("attribute whitespace");
    out[m[1]] = decodeText(value);
  }
  return out;
}

/** What may stand outside the root: the XML declaration, comments, white space. */
function skipMarkup(xml: string, i: number): number {
  if (xml.startsWith("<!--", i)) {
    const end = xml.indexOf("-->", i + 4);
    if (end < 0 || xml.slice(i + 4, end).includes("--")) unsupported("comment");
    return end + 3;
  }
  if (xml.startsWith("<?", i)) {
    // Only the declaration, first thing in the part.
    if (i !== 0 || !xml.startsWith("<?xml ", i)) unsupported("processing instruction");
    const end = xml.indexOf("?>", i);
    if (end < 0) unsupported("declaration");
    return end + 2;
  }
  return unsupported("markup");
}

/** Walk `xml`; `rootName` must be the root element. */
export function scanXml(source: string, rootName: string, handler: XmlHandler): void {
  const xml = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: string[] = [];
  let rootDone = false;
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text !== "") {
      if (stack.length > 0) handler.text(text);
      else if (!/^[ \t\n]*$/.test(text)) unsupported("text outside the root");
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      pos = skipMarkup(xml, lt);
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) unsupported("tag");
    pos = TAG.lastIndex;
    const name = m[2];
    if (m[1]) {
      if (m[3] || m[4] || stack.pop() !== name) unsupported("close tag");
      handler.close(name);
      if (stack.length === 0) rootDone = true;
      continue;
    }
    if (stack.length === 0 && (rootDone || name !== rootName)) unsupported("root");
    handler.open(name, m[3], m[4] === "/");
    if (m[4]) {
      handler.close(name);
      if (stack.length === 0) rootDone = true;
    } else stack.push(name);
  }
  if (!rootDone || stack.length > 0) unsupported("unclosed");
}
