/**
 * Files genuinely saved by LibreOffice (soffice --convert-to xlsx of corpus files, one soffice
 * run, test/libreoffice/soffice.ts): calc keeps every cell outside its plan, every setting and every
 * part (LibreOffice writes docProps/custom.xml too), and marks made by us survive LibreOffice's
 * save and are still cleared exactly — a user's own rule with our tag stays.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsPort, countMarks } from "../../src/host/exceljs";
import { convertAll, sofficeAvailable } from "../libreoffice/soffice";
import { unintendedDifferences } from "./compare";
import { buildFile, corpusSpecs } from "./corpus";
import { calcRecorded } from "./roundtrip";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-ds-lo-"));
const outDir = path.join(dir, "lo");
const PICK = ["f0-one-style", "f1-fonts", "f2-user-formats", "fdept-bordered", "x2-", "x5-", "x6-", "x12-"];
const specs = corpusSpecs().filter((s) => PICK.some((p) => s.name.startsWith(p)));
const available = sofficeAvailable();
const USER_FORMULA = 'AND(B1>0,ISTEXT("绩效自评助手"))';

/** A sheet with two of our marks and a user's rule that mentions our tag. */
async function markedFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (let r = 1; r <= 3; r++) ws.getRow(r).values = [r, r * 2];
  ws.addConditionalFormatting({
    ref: "B1:B3",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [USER_FORMULA],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  } as never);
  const port = await ExcelJsPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  await port.apply({
    sheet: "S",
    ops: [
      {
        kind: "addMarks",
        marks: [
          { cell: "A1", severity: "error" },
          { cell: "A3", severity: "info" },
        ],
      },
    ],
  });
  return port.toBuffer();
}

const saved = (name: string) => path.join(outDir, `${name}.xlsx`);

beforeAll(async () => {
  if (!available) return;
  const inputs: string[] = [];
  for (const spec of specs) {
    const file = path.join(dir, `${spec.name}.xlsx`);
    fs.writeFileSync(file, (await buildFile(spec)).buffer);
    inputs.push(file);
  }
  fs.writeFileSync(path.join(dir, "marked.xlsx"), await markedFile());
  await convertAll([...inputs, path.join(dir, "marked.xlsx")], "xlsx:Calc MS Excel 2007 XML", outDir, 180_000);
}, 200_000);

const maybe = available ? test : test.skip;

maybe.each(specs.map((s) => [s.name]))(
  "saved by LibreOffice: %s — calc keeps every value, formula, style, setting and part outside its plan",
  async (name) => {
    const input = fs.readFileSync(saved(name));
    const result = await calcRecorded(input);
    expect(result.written.size).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    // Everything, as for the other writers: LibreOffice's spelled-out defaults are normalised in
    // xlsxModel.ts/compare.ts, and what exceljs resets (default font, auto row heights, view
    // settings, escaped formats) is put back by the adapter (host/exceljs/keep.ts).
    const diffs = await unintendedDifferences(input, result.buffer, result.written);
    expect(diffs.length ? [`${diffs.length} differences`, ...diffs.slice(0, 8)] : []).toEqual([]);
  },
);

maybe("marks survive LibreOffice's save and are cleared exactly", async () => {
  const port = await ExcelJsPort.fromBuffer(fs.readFileSync(saved("marked")));
  expect(countMarks(port.workbook.getWorksheet("S")!)).toBe(2);
  await port.apply({ sheet: "S", ops: [{ kind: "clearMarks" }] });
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  const ws = back.workbook.getWorksheet("S")!;
  expect(countMarks(ws)).toBe(0);
  const formats = (ws as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] })
    .conditionalFormattings;
  expect(formats.map((cf) => cf.rules[0].formulae?.[0])).toEqual([USER_FORMULA]);
});
