import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsPort, WorkbookReadError } from "../../src/host/exceljs";
import { soundXls } from "../fixtures/soundXls";

/** A zip file with one stored entry and no workbook part, built by hand (no zip library needed). */
function zipWithout(): Buffer {
  const name = Buffer.from("hello.txt");
  const data = Buffer.from("not a workbook");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(0, 14); // crc (unchecked by most readers for stored entries)
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localLen = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localLen, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
/** A compound file with an "EncryptionInfo" stream name, as an encrypted .xlsx has. */
const ENCRYPTED = Buffer.concat([CFB, Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64)]);

const cases: [string, Buffer, string][] = [
  ["plain text", Buffer.from("项目名称,金额\n"), "不是 .xlsx 工作簿文件"],
  ["an encrypted workbook (OLE compound file with EncryptionInfo)", ENCRYPTED, "文件已加密"],
  ["an old .xls (a real compound file, no encryption)", soundXls(), "旧版 .xls"],
  ["a compound-file header with nothing behind it (damaged or fake)", CFB, "已损坏"],
  ["an empty file", Buffer.alloc(0), "文件是空的"],
  ["a zip without a workbook part", zipWithout(), "工作簿"],
  ["a truncated zip", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "工作簿"],
];

test.each(cases)("%s → a WorkbookReadError with a zh-CN message", async (_label, data, message) => {
  const err = await ExcelJsPort.fromBuffer(data).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as Error).message).toContain(message);
});

test("a file above the size limit is refused before it is read", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-load-"));
  const file = path.join(dir, "big.xlsx");
  fs.writeFileSync(file, Buffer.alloc(2048, 1));
  const err = await ExcelJsPort.fromFile(file, { load: { maxBytes: 1024 } }).catch((e: unknown) => e);
  expect((err as WorkbookReadError).reason).toBe("too-large");
});

test("a missing file is 'not-found'", async () => {
  const err = await ExcelJsPort.fromFile("/nonexistent/表.xlsx").catch((e: unknown) => e);
  expect((err as WorkbookReadError).reason).toBe("not-found");
});

test("a workbook with an empty sheet opens and reads as empty", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  const port = await ExcelJsPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  expect((await port.readSheet("Sheet1")).values).toEqual([]);
});
