/**
 * Issue 8 §4: a number too large to be a date, in a date-formatted cell, stays that number — read
 * (not NaN, not "NaN年NaN月NaN日") and written back (not "NaN") — while real dates still read as dates.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { listRuleSets, parseValue, validateSheet } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { workbook } from "../hostile/hostileFiles";

const DATE_STYLE = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

test("a huge number in a date-formatted cell reads and writes back as that number", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-date-"));
  try {
    const input = path.join(dir, "in.xlsx");
    const cells = `<row r="1"><c r="A1" s="1"><v>1E+20</v></c><c r="B1" s="1"><v>45657</v></c></row>`;
    fs.writeFileSync(input, workbook(cells, "", DATE_STYLE));
    const port = await ExcelJsPort.fromFile(input);
    const snap = await port.readSheet("Sheet1");
    expect(snap.values[0]).toEqual([1e20, 45657]);
    expect(parseValue(1e20, snap.numberFormats?.[0][0])).toMatchObject({ kind: "number", value: 1e20 });
    expect(parseValue(45657, snap.numberFormats?.[0][1])).toMatchObject({ kind: "deadline", year: 2024, month: 12 });
    expect(JSON.stringify(validateSheet(snap, listRuleSets()[0]))).not.toMatch(/NaN/);
    const output = path.join(dir, "out.xlsx");
    await port.saveAs(output);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(output);
    expect(back.worksheets[0].getCell("A1").value).toBe(1e20);
    expect(back.worksheets[0].getCell("B1").value).toEqual(new Date(Date.UTC(2024, 11, 31)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
