/**
 * What exceljs resets when it writes a workbook it read, and calc must not: the workbook's
 * default font (等线/宋体 in Chinese files), rows Excel sizes to their text, sheet-view
 * settings exceljs does not model, and backslash-escaped number formats (`0.0\%` is a literal
 * percent sign: 95 shows as "95.0%"; without the backslash it would show "9500.0%").
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsPort } from "../../src/host/exceljs";
import { unintendedDifferences } from "./compare";
import { buildFile, corpusSpecs } from "./corpus";
import { calcRecorded } from "./roundtrip";

const SONG = '<font><sz val="12"/><name val="宋体"/><charset val="134"/></font>';

/** A corpus form as a Chinese Excel might have saved it. */
async function chineseExcelLike(): Promise<Buffer> {
  const spec = corpusSpecs().find((s) => s.name.startsWith("f0-"))!;
  const zip = await JSZip.loadAsync((await buildFile(spec)).buffer);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  // The default font (font 0, used by style 0 and Normal) is 宋体 12.
  zip.file("xl/styles.xml", styles.replace(/<font>[\s\S]*?<\/font>/, SONG));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const auto = sheet
    // Rows 1–3 sized by Excel to their text; a view setting exceljs does not model.
    .replace(
      /<row r="([123])"([^>]*)>/g,
      (_m, r, rest) => `<row r="${r}" ht="30"${rest.replace(/\s(ht|customHeight)="[^"]*"/g, "")}>`,
    )
    .replace(
      /(<dimension\b[^>]*\/>)/,
      '$1<sheetViews><sheetView workbookViewId="0" zoomScalePageLayoutView="60"/></sheetViews>',
    );
  expect(auto).toContain("zoomScalePageLayoutView");
  zip.file("xl/worksheets/sheet1.xml", auto);
  return zip.generateAsync({ type: "nodebuffer" });
}

async function withEscapedFormats(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = 95;
  ws.getCell("A1").numFmt = "0.0\\%";
  ws.getCell("A2").value = 45000;
  ws.getCell("A2").numFmt = "yyyy\\年m\\月d\\日";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("calc keeps the default font, auto row heights and view settings of a Chinese Excel file", async () => {
  const input = await chineseExcelLike();
  const result = await calcRecorded(input);
  expect(result.written.size).toBeGreaterThan(0);
  expect(await unintendedDifferences(input, result.buffer, result.written)).toEqual([]);
  const out = await JSZip.loadAsync(result.buffer);
  const sheet = await out.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(sheet).toMatch(/<row r="1" ht="30"(?![^>]*customHeight)[^>]*>/);
  expect(sheet).toMatch(/<sheetView\b[^>]*zoomScalePageLayoutView="60"/);
});

test("a plain cell's font after calc is the workbook's default, not exceljs's Calibri", async () => {
  const result = await calcRecorded(await chineseExcelLike());
  const back = await ExcelJsPort.fromBuffer(result.buffer);
  // exceljs reads style 0 as "no style"; the raw part says what Excel will show.
  const styles = await (await JSZip.loadAsync(result.buffer)).file("xl/styles.xml")!.async("string");
  const xf0 = styles.match(/<cellXfs[^>]*>\s*<xf\b[^>]*>/)![0];
  const fontId = Number(xf0.match(/fontId="(\d+)"/)![1]);
  const fonts = [...styles.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)![1].matchAll(/<font>[\s\S]*?<\/font>/g)];
  expect(fonts[fontId][0]).toContain('<name val="宋体"/>');
  expect(back.workbook.worksheets.length).toBeGreaterThan(0);
});

test("escaped number formats are read and written as written", async () => {
  const input = await withEscapedFormats();
  const port = await ExcelJsPort.fromBuffer(input);
  const ws = port.workbook.getWorksheet("S")!;
  expect(ws.getCell("A1").numFmt).toBe("0.0\\%");
  const snap = await port.readSheet("S");
  // 95 with a literal "%": the number 95, not a percent (which would be 9500%).
  expect(JSON.stringify(snap)).not.toMatch(/"percent":true/);
  const written = await (await JSZip.loadAsync(await port.toBuffer())).file("xl/styles.xml")!.async("string");
  expect(written).toContain('formatCode="0.0\\%"');
  expect(written).toContain('formatCode="yyyy\\年m\\月d\\日"');
});

test("a user's note on an empty cell survives calc (exceljs dropped notes on cells with no <c>)", async () => {
  const spec = corpusSpecs().find((s) => s.name.startsWith("f0-"))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildFile(spec)).buffer as never);
  const ws = wb.worksheets[0];
  ws.getCell("L2").note = "请财务科核对";
  ws.getCell("M30").note = "审核意见：待补充";
  const input = Buffer.from(await wb.xlsx.writeBuffer());
  const result = await calcRecorded(input);
  expect(result.written.size).toBeGreaterThan(0);
  const back = await ExcelJsPort.fromBuffer(result.buffer);
  const sheet = back.workbook.worksheets[0];
  expect(sheet.getCell("L2").note).toBe("请财务科核对");
  expect(sheet.getCell("M30").note).toBe("审核意见：待补充");
});
