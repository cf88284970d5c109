/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png) with nothing but Node: a rounded green
 * square with three white "form lines" and a check mark — a scored form. Shapes are sampled 4×4
 * per pixel for smooth edges. Run: `npx tsx assets/src/make-icons.ts` (the PNGs are committed).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const SIZES = [16, 32, 64, 80];
const BACKGROUND: RGB = [16, 124, 65]; // Excel's green, so the button reads as "part of Excel"
const WHITE: RGB = [255, 255, 255];
type RGB = [number, number, number];

/** All geometry in a unit square (0..1), so every size is the same drawing. */
function insideRoundedSquare(x: number, y: number): boolean {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideMark(x: number, y: number): boolean {
  const lines = [0.28, 0.45, 0.62].some((ly) => Math.abs(y - ly) <= 0.045 && x >= 0.2 && x <= 0.55);
  const check =
    distanceToSegment(x, y, 0.5, 0.62, 0.63, 0.76) <= 0.065 || distanceToSegment(x, y, 0.63, 0.76, 0.84, 0.36) <= 0.065;
  return lines || check;
}

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0 = PNG filter "none"
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideMark(x, y)) mark++;
          else bg++;
        }
      }
      const n = samples * samples;
      const alpha = (bg + mark) / n;
      const color = [0, 1, 2].map((i) => (alpha === 0 ? 0 : (BACKGROUND[i] * bg + WHITE[i] * mark) / (bg + mark)));
      row.set([...color.map(Math.round), Math.round(alpha * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "..");
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
