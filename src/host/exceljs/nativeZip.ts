/**
 * exceljs unpacks a workbook with JSZip, which inflates every part in JavaScript (pako) in
 * chunks a setImmediate apart: about a sixth of a review worker's time on small forms. Node's
 * zlib does the same in C. For a plain zip — every workbook Excel, WPS, LibreOffice or exceljs
 * writes — the parts are inflated here and handed to exceljs exactly as JSZip would hand them
 * (same names, same order, same bytes and text). Anything JSZip might treat differently (zip64,
 * encryption flags, odd names, sizes that do not match, text that is not UTF-8) goes through
 * JSZip itself, unchanged, so results and error messages stay the same.
 */
import { isUtf8 } from "buffer";
import { jszip } from "./lib";
import * as zlib from "zlib";

/** Larger workbooks go through JSZip: it keeps only one part inflated at a time. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** What exceljs reads of a JSZip entry. */
interface Part {
  name: string;
  dir: boolean;
  async(type: string): Promise<Buffer | string>;
}

const prepared = new WeakMap<object, { files: Record<string, Part> }>();
let installed = false;

/** Route JSZip.loadAsync to the prepared parts of a buffer given to exceljs, once per buffer. */
function install(): void {
  if (installed) return;
  installed = true;
  const zip = jszip() as unknown as { loadAsync: (data: unknown, options?: unknown) => Promise<unknown> };
  const original = zip.loadAsync;
  zip.loadAsync = function (this: unknown, data: unknown, options?: unknown) {
    const parts = typeof data === "object" && data !== null ? prepared.get(data) : undefined;
    if (!parts) return original.call(this, data, options);
    prepared.delete(data as object);
    return Promise.resolve(parts);
  };
}

/**
 * Inflate `buffer`'s parts natively for the next exceljs load of this very Buffer object.
 * Returns false (and prepares nothing) when the zip is not plain: JSZip then reads it as before.
 */
export function prepareNativeInflate(buffer: Buffer): boolean {
  install();
  const files = plainZipParts(buffer);
  if (!files) return false;
  prepared.set(buffer, { files });
  return true;
}

export interface Entry {
  name: string;
  dir: boolean;
  data: Buffer;
}

function plainZipParts(buf: Buffer): Record<string, Part> | null {
  const entries = readPlainZip(buf);
  if (!entries) return null;
  const files: Record<string, Part> = {};
  for (const { name, dir, data } of entries) {
    files[name] = {
      name,
      dir,
      async: (type: string) => Promise.resolve(type === "string" ? data.toString("utf8") : data),
    };
  }
  return files;
}

/** Every entry inflated, in central-directory order; null when anything is out of the ordinary. */
export function readPlainZip(buf: Buffer): Entry[] | null {
  const end = buf.length - 22;
  // No archive comment, one disk, no zip64: the directory ends right where the end record starts.
  if (end < 0 || buf.readUInt32LE(end) !== EOCD) return null;
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (buf.readUInt32LE(end + 4) !== 0 || buf.readUInt16LE(end + 8) !== count || offset + size !== end) return null;
  const entries: Entry[] = [];
  const names = new Set<string>();
  let total = 0;
  for (let i = 0, p = offset; i < count; i++) {
    const e = readEntry(buf, p, MAX_INFLATED_BYTES - total);
    if (!e || names.has(e.entry.name)) return null;
    total += e.entry.data.length;
    names.add(e.entry.name);
    entries.push(e.entry);
    p = e.next;
  }
  return entries;
}

/**
 * One central-directory record and its data, or null when JSZip might read it differently or
 * when it states more than `room` bytes (nothing that large is inflated here).
 */
function readEntry(buf: Buffer, p: number, room: number): { entry: Entry; next: number } | null {
  if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
  const flags = buf.readUInt16LE(p + 8);
  const method = buf.readUInt16LE(p + 10);
  const compressed = buf.readUInt32LE(p + 20);
  const size = buf.readUInt32LE(p + 24);
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  const next = p + 46 + nameLen + extraLen + buf.readUInt16LE(p + 32);
  const local = buf.readUInt32LE(p + 42);
  if (next > buf.length || flags & 1 || (method !== 0 && method !== 8) || size > room) return null;
  if (hasUnicodePath(buf, p + 46 + nameLen, extraLen)) return null;
  const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
  // JSZip takes the name from the local header: it must be the same bytes.
  if (local + 30 + nameLen > buf.length || buf.readUInt32LE(local) !== LOCAL) return null;
  if (buf.readUInt16LE(local + 26) !== nameLen || !nameBytes.equals(buf.subarray(local + 30, local + 30 + nameLen)))
    return null;
  const name = plainName(nameBytes);
  if (name === null) return null;
  const dir = (buf.readUInt32LE(p + 38) & 0x10) !== 0 || name.endsWith("/");
  if (dir && !name.endsWith("/")) return null;
  const start = local + 30 + nameLen + buf.readUInt16LE(local + 28);
  if (start + compressed > buf.length) return null;
  const data = inflated(buf.subarray(start, start + compressed), method, size);
  // exceljs parses these as text: JSZip's decoding of broken UTF-8 may differ from Node's.
  if (!data || (/\.(xml|rels|vml)$/i.test(name) && !isUtf8(data))) return null;
  return { entry: { name, dir, data }, next };
}

/** The Info-ZIP Unicode path field (0x7075) makes JSZip use another name. */
function hasUnicodePath(buf: Buffer, start: number, len: number): boolean {
  for (let q = start; q + 4 <= start + len; q += 4 + buf.readUInt16LE(q + 2)) {
    if (buf.readUInt16LE(q) === 0x7075) return true;
  }
  return false;
}

/**
 * The name as JSZip keys it, or null when JSZip would change it (`.`/`..` segments, doubled
 * slashes, backslashes, a leading slash) or when the key would be an array index (objects list
 * those first, which would change the order exceljs sees the parts in).
 */
function plainName(bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.some((b) => b < 0x21 || b > 0x7e || b === 0x5c)) return null;
  const name = bytes.toString("latin1");
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  return /^\d+$/.test(name) ? null : name;
}

/** The part's bytes, exactly `size` of them, or null (JSZip then reports what is wrong). */
function inflated(raw: Buffer, method: number, size: number): Buffer | null {
  if (method === 0) return raw.length === size ? raw : null;
  if (size === 0) return null;
  try {
    const out = zlib.inflateRawSync(raw, { maxOutputLength: size });
    return out.length === size ? out : null;
  } catch {
    return null;
  }
}
