/**
 * What a compound file (the OLE2 container: old .xls, WPS .et, and every password-protected
 * Office file) holds, told from its bytes without a parser: an encrypted workbook must get
 * "remove the password", an old-format one "convert it" — two different remedies.
 *
 * - An encrypted .xlsx is a compound file with an "EncryptionInfo" stream (MS-OFFCRYPTO).
 * - An encrypted .xls (BIFF8, RC4 or XOR) keeps its records readable: the workbook's first BOF
 *   record (0x0809, substream type 0x0005 = workbook globals) is followed by FILEPASS (0x002F).
 */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const BOF = 0x0809;
const FILEPASS = 0x002f;
const GLOBALS = 0x0005;

export function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= CFB_MAGIC.length && CFB_MAGIC.every((b, i) => data[i] === b);
}

function u16(data: Buffer, at: number): number {
  return at + 1 < data.length ? data.readUInt16LE(at) : -1;
}

/** A BIFF workbook-globals BOF record followed directly by FILEPASS, anywhere in the file. */
function hasFilePass(data: Buffer): boolean {
  const bof = Buffer.from([BOF & 0xff, BOF >> 8]);
  for (let at = data.indexOf(bof); at >= 0; at = data.indexOf(bof, at + 1)) {
    const length = u16(data, at + 2);
    if (length < 8 || length > 20 || u16(data, at + 6) !== GLOBALS) continue;
    if (u16(data, at + 4 + length) === FILEPASS) return true;
  }
  return false;
}

/** A password-protected workbook in a compound file: an encrypted .xlsx or an encrypted .xls. */
export function isEncryptedCompoundFile(data: Uint8Array): boolean {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  return buf.includes(ENCRYPTION_INFO) || hasFilePass(buf);
}

const FREE_OR_END = 0xfffffffa; // sector numbers from here up mark free, end of chain, FAT or DIFAT
const HEADER_FAT_ENTRIES = 109;

/** The compound file's sector size and the sectors of its allocation table, or null when the header is not sound. */
function compoundHeader(buf: Buffer): { size: number; fat: number[]; directory: number } | null {
  if (buf.length < 512 || !isCompoundFile(buf) || buf.readUInt16LE(0x1c) !== 0xfffe) return null;
  const shift = buf.readUInt16LE(0x1e);
  const major = buf.readUInt16LE(0x1a);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return null;
  const size = 1 << shift;
  const fat: number[] = [];
  const push = (s: number) => s < FREE_OR_END && fat.push(s);
  for (let i = 0; i < HEADER_FAT_ENTRIES; i++) push(buf.readUInt32LE(0x4c + i * 4));
  // More allocation-table sectors are listed in a chain of DIFAT sectors (files past ~7 MB).
  const seen = new Set<number>();
  for (
    let s = buf.readUInt32LE(0x44);
    s < FREE_OR_END && !seen.has(s);
    s = buf.readUInt32LE((s + 1) * size + size - 4)
  ) {
    seen.add(s);
    if ((s + 2) * size > buf.length) return null;
    for (let i = 0; i < size / 4 - 1; i++) push(buf.readUInt32LE((s + 1) * size + i * 4));
  }
  if (fat.length !== buf.readUInt32LE(0x2c)) return null;
  return { size, fat, directory: buf.readUInt32LE(0x30) };
}

/** Sector `s`'s successor in the allocation table, or -1 when the table does not hold it. */
function nextSector(buf: Buffer, size: number, fat: number[], s: number): number {
  const per = size / 4;
  const sector = fat[Math.floor(s / per)];
  const at = (sector + 1) * size + (s % per) * 4;
  return sector === undefined || at + 4 > buf.length ? -1 : buf.readUInt32LE(at);
}

/**
 * The names of the streams and storages in a compound file's directory, or null when its header,
 * allocation table or directory chain does not hold together (a damaged or fake file).
 */
export function compoundEntryNames(data: Uint8Array): string[] | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  const header = compoundHeader(buf);
  if (!header) return null;
  const { size, fat } = header;
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = header.directory; s !== 0xfffffffe; s = nextSector(buf, size, fat, s)) {
    if (s < 0 || s >= FREE_OR_END || seen.has(s) || (s + 2) * size > buf.length) return null;
    seen.add(s);
    for (let at = (s + 1) * size; at < (s + 2) * size; at += 128) {
      const length = buf.readUInt16LE(at + 0x40);
      const type = buf[at + 0x42];
      if (type === 0 || length < 2 || length > 64) continue; // an unused entry
      names.push(buf.toString("utf16le", at, at + length - 2));
    }
  }
  return names;
}

/**
 * What a compound file (OLE2) holds, told from its bytes: a password-protected workbook, an old
 * workbook (a BIFF "Workbook"/"Book" stream — or, with `anyStream`, any sound directory, as a WPS
 * .et may name its streams its own way), or something damaged or fake whose directory does not
 * hold together. LibreOffice "converts" the last kind through its text import into a sheet of noise.
 */
export function compoundFileKind(data: Uint8Array, anyStream = false): "encrypted" | "legacy" | "damaged" {
  if (isEncryptedCompoundFile(data)) return "encrypted";
  const names = compoundEntryNames(data);
  if (!names) return "damaged";
  return anyStream || names.some((n) => /^(workbook|book)$/i.test(n)) ? "legacy" : "damaged";
}
