/**
 * The budget a workbook must fit BEFORE exceljs loads it. exceljs inflates every part into
 * strings and builds an object per cell: a 1 MB zip bomb took 1.2 GB, a 25 MB file of 6 M cells
 * 3.3 GB. The zip's central directory states each part's size; each XML part is then inflated
 * here with zlib, capped at its stated size (a part that lies about its size is refused), and the
 * cells of each worksheet are counted — all without keeping more than one part in memory.
 */
import * as zlib from "zlib";
import { WorkbookReadError } from "./errors";

export interface ZipBudget {
  /** Total uncompressed bytes of the XML parts (media excluded: exceljs keeps them as bytes). */
  maxXmlBytes: number;
  /** Cells (`<c` elements) over all worksheets. */
  maxCells: number;
}

export const DEFAULT_ZIP_BUDGET: ZipBudget = { maxXmlBytes: 128 * 1024 * 1024, maxCells: 1_000_000 };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

/** Throw unless the workbook's parts fit the budget; a zip we cannot read is left to exceljs. */
export function checkZipBudget(data: Uint8Array, budget: ZipBudget = DEFAULT_ZIP_BUDGET): void {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  const entries = readCentralDirectory(buf);
  if (!entries) return;
  checkParts(entries, (e) => inflateEntry(buf, e), budget);
}

/**
 * The same budget over parts already inflated to exactly their stated sizes (a plain zip read by
 * nativeZip.ts's readPlainZip, for the light reader): the same refusals, nothing inflated twice.
 */
export function checkInflatedParts(
  parts: { name: string; data: Buffer }[],
  budget: ZipBudget = DEFAULT_ZIP_BUDGET,
): void {
  const entries = parts.map((p) => ({ name: p.name, size: p.data.length, data: p.data }));
  checkParts(entries, (e) => e.data, budget);
}

function checkParts<E extends { name: string; size: number }>(
  entries: E[],
  body: (e: E) => Buffer | null,
  budget: ZipBudget,
): void {
  const xml = entries.filter((e) => !/^\/?xl\/media\//.test(e.name) && !/\.(bin|png|jpe?g|gif|emf|wmf)$/i.test(e.name));
  const stated = xml.reduce((s, e) => s + e.size, 0);
  if (stated > budget.maxXmlBytes)
    throw tooLarge(
      `解压后约 ${mb(stated)}，超过上限 ${mb(budget.maxXmlBytes)}`,
      `about ${mb(stated)} once inflated, past the limit of ${mb(budget.maxXmlBytes)}`,
    );
  let cells = 0;
  for (const e of xml) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      body(e); // inflated all the same: a part past its stated size is refused
      continue;
    }
    const data = body(e);
    if (!data) continue;
    cells += countCells(data);
    if (cells > budget.maxCells) {
      throw tooLarge(
        `单元格超过 ${budget.maxCells.toLocaleString("en-US")} 个的上限`,
        `more than the limit of ${budget.maxCells.toLocaleString("en-US")} cells`,
      );
    }
  }
}

const mb = (bytes: number) =>
  bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(0)} MB`;
const tooLarge = (detail: string, detailEn: string) => new WorkbookReadError("too-large", detail, detailEn);

/** The central directory's entries, or null when the file has none we can read. */
function readCentralDirectory(buf: Buffer): ZipEntry[] | null {
  const end = findEocd(buf);
  if (end < 0) return null;
  let count = buf.readUInt16LE(end + 10);
  let offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const z = zip64Directory(buf, end);
    if (!z) return null;
    ({ count, offset } = z);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0, p = offset; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    applyZip64Extra(buf, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let p = buf.length - 22; p >= stop; p--) if (buf.readUInt32LE(p) === EOCD) return p;
  return -1;
}

function zip64Directory(buf: Buffer, end: number): { count: number; offset: number } | null {
  const loc = end - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) return null;
  const rec = Number(buf.readBigUInt64LE(loc + 8));
  if (rec + 56 > buf.length) return null;
  return { count: Number(buf.readBigUInt64LE(rec + 32)), offset: Number(buf.readBigUInt64LE(rec + 48)) };
}

/** Sizes of 0xFFFFFFFF live in the zip64 extra field (id 1), in this order. */
function applyZip64Extra(buf: Buffer, start: number, len: number, e: ZipEntry): void {
  for (let p = start; p + 4 <= start + len;) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => (q + 8 <= p + 4 + size ? Number(buf.readBigUInt64LE((q += 8) - 8)) : undefined);
      if (e.size === 0xffffffff) e.size = next() ?? e.size;
      if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
      if (e.localOffset === 0xffffffff) e.localOffset = next() ?? e.localOffset;
    }
    p += 4 + size;
  }
}

/**
 * The part's bytes, inflated with zlib but never past its stated size: a part that would grow
 * beyond it is a zip bomb lying in its directory. Null when the data is not where stated (exceljs
 * then reports the file as damaged).
 */
function inflateEntry(buf: Buffer, e: ZipEntry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) return null;
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if (err instanceof RangeError || /maxOutputLength|buffer/i.test(String(err))) {
      throw tooLarge(
        `“${e.name}”解压后超过其声明的大小 ${mb(e.size)}`,
        `“${e.name}” inflates past its stated size of ${mb(e.size)}`,
      );
    }
    return null;
  }
}

/**
 * `<c ` and `<c>` openings: each is one cell exceljs would build an object for. A plain loop over
 * the bytes: Buffer.indexOf("<c") costs a call through Node's argument checks per match, and a
 * sheet has a match per cell (about three times the loop's time on a small form).
 */
function countCells(xml: Buffer): number {
  let n = 0;
  for (let p = 0, end = xml.length - 2; p < end; p++) {
    if (xml[p] !== 0x3c || xml[p + 1] !== 0x63) continue; // "<c"
    const next = xml[p + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}
