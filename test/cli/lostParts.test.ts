/**
 * exceljs cannot write charts, pivot tables … back: calc and freeze refuse to write an output
 * that would silently lack them (exit 2, nothing written), unless --force; check is unaffected.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { partsLostOnSave } from "../../src/host/exceljs";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-lost-"));

/** A small workbook with extra zip parts, as Excel writes a chart or a pivot table. */
async function withParts(name: string, parts: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表1").getCell("A1").value = "2023年度项目支出绩效自评表";
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  for (const p of parts) zip.file(p, "<x/>");
  fs.writeFileSync(path.join(dir, name), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return name;
}

test.each([
  [["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"], ["图表"]],
  [
    ["xl/pivotTables/pivotTable1.xml", "xl/vbaProject.bin"],
    ["数据透视表", "宏"],
  ],
  [["xl/media/image1.png"], []],
])("partsLostOnSave(%j) → %j", async (parts, words) => {
  const file = await withParts(`p-${words.join("") || "none"}.xlsx`, parts);
  expect(partsLostOnSave(fs.readFileSync(path.join(dir, file)))).toEqual(words);
});

test.each(["calc", "freeze"])("%s refuses to write a copy without the charts; --force writes it", async (verb) => {
  const input = await withParts(`chart-${verb}.xlsx`, ["xl/charts/chart1.xml"]);
  const refused = await cli([verb, input, "-o", `out-${verb}.xlsx`], dir);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("文件中有图表，输出文件无法保留它们，未写入任何文件");
  expect(refused.stderr).not.toMatch(STACK_LINE);
  expect(fs.existsSync(path.join(dir, `out-${verb}.xlsx`))).toBe(false);

  const forced = await cli([verb, input, "-o", `out-${verb}.xlsx`, "--force"], dir);
  expect(forced.code).toBe(0);
  expect(forced.stderr).toContain("输出文件将不含原文件中的图表");
  expect(fs.existsSync(path.join(dir, `out-${verb}.xlsx`))).toBe(true);
});

test("check reads such a file as usual (it never writes)", async () => {
  const input = await withParts("chart-check.xlsx", ["xl/charts/chart1.xml"]);
  const r = await cli(["check", input], dir);
  expect(r.code).toBe(0);
});
