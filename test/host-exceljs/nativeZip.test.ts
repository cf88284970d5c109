/**
 * exceljs fed the parts inflated by Node's zlib (src/host/exceljs/nativeZip.ts) builds the same
 * workbook as when it unpacks the zip with JSZip: every real .xlsx in the repository (published
 * forms from Excel, WPS and platforms, our fixtures and templates), and unusual zips go to JSZip.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { prepareNativeInflate } from "../../src/host/exceljs/nativeZip";

const root = path.resolve(__dirname, "../..");

function xlsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : xlsxFiles(full);
    return /\.xlsx$/i.test(d.name) ? [full] : [];
  });
}

async function model(buffer: Buffer, native: boolean): Promise<string> {
  const prepared = native && prepareNativeInflate(buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return JSON.stringify({ prepared, model: wb.model });
}

const files = xlsxFiles(path.join(root, "test"));

test("the repository has real workbooks to compare", () => {
  expect(files.length).toBeGreaterThan(20);
});

test.each(files.map((f) => [path.relative(root, f)]))(
  "%s loads the same through zlib as through JSZip",
  async (rel) => {
    const data = fs.readFileSync(path.join(root, rel));
    const viaJsZip = JSON.parse(await model(Buffer.from(data), false)) as { model: unknown };
    const viaZlib = JSON.parse(await model(Buffer.from(data), true)) as { prepared: boolean; model: unknown };
    expect(viaZlib.prepared).toBe(true);
    expect(viaZlib.model).toEqual(viaJsZip.model);
  },
);

test("a zip with an archive comment, a backslash name or a stored size that lies goes to JSZip", async () => {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "<workbook/>");
  const withComment = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", comment: "hi" });
  expect(prepareNativeInflate(withComment)).toBe(false);
  const plain = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  expect(prepareNativeInflate(Buffer.from(plain))).toBe(true);
  const lying = Buffer.from(plain);
  lying.writeUInt32LE(lying.readUInt32LE(lying.length - 22 + 16) + 24, lying.length - 22 + 16); // directory offset moved
  expect(prepareNativeInflate(lying)).toBe(false);
  const backslash = new JSZip();
  backslash.file("xl\\workbook.xml", "<workbook/>");
  expect(prepareNativeInflate(await backslash.generateAsync({ type: "nodebuffer" }))).toBe(false);
});
