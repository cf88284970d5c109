/**
 * The summary workbook's parts (./xlsxParts.ts) zipped, each deflated by Node's zlib (JSZip's
 * JavaScript deflate, which exceljs used, was a third of the summary's write).
 */
import * as zlib from "zlib";

interface Entry {
  name: string;
  data: Buffer;
}

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;

let table: Uint32Array | undefined;
/** CRC-32 of zip entries, for a Node without zlib.crc32 (before 20.15). */
function crc32(data: Buffer): number {
  if (nativeCrc32) return nativeCrc32(data);
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const byte of data) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** MS-DOS date and time of `d`, as zip headers keep them. */
function dosTime(d: Date): { time: number; date: number } {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

/** A zip of `entries`, each deflated. */
function deflatedZip(entries: Entry[]): Buffer {
  const { time, date } = dosTime(new Date());
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "latin1");
    const body = zlib.deflateRawSync(e.data);
    const sum = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(sum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    local.copy(record, 8, 6, 26); // flags, method, time, date, crc, sizes: as in the local header
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(record, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** The parts as the bytes of one zip (an .xlsx), each part UTF-8 and deflated. */
export function zipParts(parts: { name: string; text: string }[]): Buffer {
  return deflatedZip(parts.map((p) => ({ name: p.name, data: Buffer.from(p.text, "utf8") })));
}
