/** Small helpers for the exceljs adapter tests: build a workbook in memory, save, reopen. */
import ExcelJS from "exceljs";
import { ExcelJsPort } from "../../src/host/exceljs";

export async function saveAndReopen(port: ExcelJsPort): Promise<ExcelJsPort> {
  return ExcelJsPort.fromBuffer(await port.toBuffer());
}

export async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function reopenRaw(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}
