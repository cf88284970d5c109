/**
 * Hostile workbooks, generated at test time (never committed): a tiny zip writer over raw XML
 * parts, and a deflate trick for huge parts — one sync-flushed block of repeated text, repeated,
 * is a valid deflate stream of that text repeated, so a 1.2 GB part costs ~1 MB and no time.
 */
import * as zlib from "zlib";

interface Part {
  name: string;
  /** Deflated bytes and the sizes/CRC the directory states. */
  deflated: Buffer;
  size: number;
  crc: number;
}

function part(name: string, text: string): Part {
  const raw = Buffer.from(text, "utf8");
  return { name, deflated: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) };
}

/**
 * `head + chunk × times + tail`, deflated without ever building it. The CRC is computed only when
 * asked (a file meant to load); a bomb is refused before anything would check it.
 */
function repeatedPart(name: string, head: string, chunk: string, times: number, tail: string, withCrc = false): Part {
  const flush = (s: string) => zlib.deflateRawSync(Buffer.from(s), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const block = flush(chunk);
  const body = Buffer.concat([
    flush(head),
    ...new Array<Buffer>(times).fill(block),
    zlib.deflateRawSync(Buffer.from(tail)),
  ]);
  const size = Buffer.byteLength(head) + Buffer.byteLength(chunk) * times + Buffer.byteLength(tail);
  let crc = 0;
  if (withCrc) {
    const chunkBytes = Buffer.from(chunk);
    crc = zlib.crc32(head);
    for (let i = 0; i < times; i++) crc = zlib.crc32(chunkBytes, crc);
    crc = zlib.crc32(tail, crc);
  }
  return { name, deflated: body, size, crc };
}

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size32 = Math.min(p.size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size32, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size32, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts every workbook needs around one worksheet. */
function skeleton(
  styles = `<styleSheet ${NS}><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
): Part[] {
  return [
    part(
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook ${NS} ${REL_NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    part("xl/styles.xml", styles),
  ];
}

const sheetXml = (sheetData: string, after = "") =>
  `<?xml version="1.0"?><worksheet ${NS} ${REL_NS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** A workbook with one sheet of the given <sheetData> content (and parts after it, e.g. merges). */
export function workbook(sheetData: string, after = "", styles?: string): Buffer {
  return zip([...skeleton(styles), part("xl/worksheets/sheet1.xml", sheetXml(sheetData, after))]);
}

/** ~1 MB on disk, 1.2 GB once inflated: a worksheet padded with whitespace. */
export function zipBomb(): Buffer {
  const xml = sheetXml("").split("<sheetData>");
  const sheet = repeatedPart("xl/worksheets/sheet1.xml", `${xml[0]}<sheetData>`, " ".repeat(1 << 20), 1200, xml[1]);
  return zip([...skeleton(), sheet]);
}

/** A zip bomb whose directory lies: it states 1 KB for a part that inflates to 1.2 GB. */
export function lyingZipBomb(): Buffer {
  const bomb = zipBomb();
  const p = bomb.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
  bomb.writeUInt32LE(1024, p + 24);
  return bomb;
}

/** `cells` cells without addresses (<c><v>1</v></c>), 100 to a row: a tiny file, a huge sheet. */
export function manyCells(cells: number): Buffer {
  const row = `<row>${"<c><v>1</v></c>".repeat(100)}</row>`;
  const xml = sheetXml("").split("<sheetData>");
  const sheet = repeatedPart("xl/worksheets/sheet1.xml", `${xml[0]}<sheetData>`, row, Math.ceil(cells / 100), xml[1]);
  return zip([...skeleton(), sheet]);
}

/** A small file whose one sheet holds 600 cells of 1 MB text each: 600 MB once inflated. */
export function hugeSheet(): Buffer {
  const row = `<row><c t="inlineStr"><is><t>${"长".repeat(1 << 18)}</t></is></c></row>`;
  const xml = sheetXml("").split("<sheetData>");
  const sheet = repeatedPart("xl/worksheets/sheet1.xml", `${xml[0]}<sheetData>`, row, 800, xml[1]);
  return zip([...skeleton(), sheet]);
}

/** `cells` numbers, 100 to a numbered row: within the cell budget, a file that loads slowly. */
export function loadableCells(cells: number): Buffer {
  const letters = Array.from(
    { length: 100 },
    (_, i) => (i < 26 ? "" : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26)),
  );
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(cells / 100); r++) {
    rows.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>1</v></c>`).join("")}</row>`);
  }
  return workbook(rows.join(""));
}

/** `count` two-cell merged areas down column A. */
export function manyMerges(count: number): Buffer {
  const rows: string[] = [];
  const merges: string[] = [];
  for (let i = 0; i < count; i++) {
    // A value in every hundredth area is enough: the merges themselves are what hung exceljs.
    if (i % 100 === 0)
      rows.push(`<row r="${2 * i + 1}"><c r="A${2 * i + 1}" t="inlineStr"><is><t>项目${i}</t></is></c></row>`);
    merges.push(`<mergeCell ref="A${2 * i + 1}:A${2 * i + 2}"/>`);
  }
  return workbook(rows.join(""), `<mergeCells count="${count}">${merges.join("")}</mergeCells>`);
}

/** Number cells formatted with `format` (e.g. 300,000 × "["): the format scan must stay linear. */
export function hostileFormat(format: string, cells = 200): Buffer {
  const escaped = format.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const styles = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="${escaped}"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>指标值</t></is></c><c r="B1" t="inlineStr"><is><t>实际完成值</t></is></c><c r="C1" t="inlineStr"><is><t>分值</t></is></c><c r="D1" t="inlineStr"><is><t>得分</t></is></c></row>`;
  const rows: string[] = [header];
  for (let r = 2; r < cells / 4 + 2; r++) {
    rows.push(
      `<row r="${r}">${["A", "B", "C", "D"].map((c) => `<c r="${c}${r}" s="1"><v>${r}</v></c>`).join("")}</row>`,
    );
  }
  return workbook(rows.join(""), "", styles);
}

/** B1 = JX.GRADE(A1) with no cached value, A1 = `formula` (and `extra` rows below). */
export function freezeInput(formula: string, extraRows = ""): Buffer {
  const row1 = `<row r="1"><c r="A1"><f>${formula}</f></c><c r="B1"><f>JX.GRADE(A1)</f></c></row>`;
  return workbook(row1 + extraRows);
}

/** A1 = SUM(A2), A2 = SUM(A3) … down `depth` rows, the last a number: a chain `depth` deep. */
export function sumChain(depth: number): Buffer {
  const rows: string[] = [];
  for (let r = 2; r <= depth; r++) rows.push(`<row r="${r}"><c r="A${r}"><f>SUM(A${r + 1})</f></c></row>`);
  rows.push(`<row r="${depth + 1}"><c r="A${depth + 1}"><v>90</v></c></row>`);
  return freezeInput("SUM(A2)", rows.join(""));
}
