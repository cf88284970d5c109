/**
 * Both readers side by side: what a check reads through the port (sheets, active sheet, every
 * snapshot with and without formulas and formats, settings, clip notices), as plain data.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsPort } from "../../src/host/exceljs";
import { LightReadPort, type ReadablePort } from "../../src/host/exceljs/light/port";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../../src/host/settings";

export async function readsOf(port: ReadablePort): Promise<unknown> {
  const sheets = await port.listSheets();
  const snapshots = [];
  for (const name of sheets) {
    snapshots.push(await port.readSheet(name));
    snapshots.push(await port.readSheet(name, { formulas: false, numberFormats: false }));
  }
  const active = await port.readSheet(null, { numberFormats: false }).catch((e: Error) => e.message);
  const settings = [await port.getSetting(RULE_SET_SETTING), await port.getSetting(RULE_SET_DATA_SETTING)];
  // JSON: -0 and 0, undefined and a missing key compare as the engine sees them after a worker's clone.
  return JSON.parse(
    JSON.stringify({
      sheets,
      active: await port.activeSheet(),
      activeRead: active,
      snapshots,
      settings,
      clipped: port.clipped,
    }),
  );
}

export type Compared =
  { light: true; exceljs: unknown; lightReads: unknown } | { light: false; exceljs: unknown; lightError?: string };

/** Read `data` both ways. `light: false` when the light reader handed the file to exceljs. */
export async function bothWays(data: Buffer): Promise<Compared> {
  const exceljs = await ExcelJsPort.fromBuffer(Buffer.from(data), { readOnly: true }).then(
    (p) => readsOf(p),
    (e: Error) => ({ error: e.message }),
  );
  let light: LightReadPort | null;
  try {
    light = LightReadPort.fromBuffer(Buffer.from(data));
  } catch (e) {
    return { light: false, exceljs, lightError: (e as Error).message };
  }
  if (!light) return { light: false, exceljs };
  return { light: true, exceljs, lightReads: await readsOf(light) };
}

/** A workbook from hand-written parts (sheet XML bodies), for cases exceljs never writes. */
export async function handMade(options: {
  sheets: { name: string; xml: string }[];
  sharedStrings?: string[];
  sharedStringsXml?: string;
  styles?: { numFmts?: [number, string][]; xfs: number[] };
  date1904?: boolean;
  comments?: { sheet: number; refs: string[] };
}): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const sheetList = options.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${ns} ${rns}>` +
      `<workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetList}</sheets></workbook>`,
  );
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = options.sheets.map((_, i) => rel(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`));
  rels.push(rel("rIdS", "styles", "styles.xml"));
  if (options.sharedStrings || options.sharedStringsXml) rels.push(rel("rIdSS", "sharedStrings", "sharedStrings.xml"));
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  options.sheets.forEach((s, i) =>
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet ${ns} ${rns}>${s.xml}</worksheet>`),
  );
  const styles = options.styles ?? { xfs: [0] };
  const numFmts = (styles.numFmts ?? []).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
  zip.file(
    "xl/styles.xml",
    `<styleSheet ${ns}>${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : ""}` +
      `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${styles.xfs.length}">${styles.xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`,
  );
  if (options.sharedStringsXml) zip.file("xl/sharedStrings.xml", options.sharedStringsXml);
  else if (options.sharedStrings)
    zip.file(
      "xl/sharedStrings.xml",
      `<sst ${ns}>${options.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("")}</sst>`,
    );
  if (options.comments) {
    const n = options.comments.sheet + 1;
    zip.file(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "comments", "../comments1.xml")}</Relationships>`,
    );
    const list = options.comments.refs.map(
      (r) => `<comment ref="${r}" authorId="0"><text><t>note</t></text></comment>`,
    );
    zip.file(
      "xl/comments1.xml",
      `<comments ${ns}><authors><author>a</author></authors><commentList>${list.join("")}</commentList></comments>`,
    );
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** An exceljs-written workbook. */
export async function written(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
