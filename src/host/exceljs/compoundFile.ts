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
