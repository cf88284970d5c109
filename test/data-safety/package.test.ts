/**
 * Every part of the input package is in the file calc/freeze write, or the command refuses:
 * parts exceljs drops but nothing else refers to (custom properties such as WPS's
 * KSOProductBuildVer, Office add-in task panes with their settings, custom XML) are carried over
 * byte for byte; parts it cannot keep (threaded comments, notes on cells it does not list, x14
 * conditional formats) make the command refuse unless --force.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsPort } from "../../src/host/exceljs";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";
import { cli, STACK_LINE } from "../cli/helpers";
import { addSnapshotSheet } from "../ops/xlsx";
import { CUSTOM_PART, partsOf, REL, withParts, type ExtraPart } from "./zip";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-pkg-"));

/** The first seed form with its 总分 emptied, so calc has one cell to fill. */
async function form(extra: (ws: ExcelJS.Worksheet) => void = () => {}): Promise<Buffer> {
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  sheet.values[layout.total.row - sheet.origin.row][layout.total.scoreCol - sheet.origin.col] = null;
  const wb = new ExcelJS.Workbook();
  extra(addSnapshotSheet(wb, sheet, "表1"));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TASKPANES: ExtraPart[] = [
  {
    name: "xl/webextensions/taskpanes.xml",
    content:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>',
    rel: { from: "", type: REL.taskpanes, target: "xl/webextensions/taskpanes.xml" },
    contentType: "application/vnd.ms-office.webextensiontaskpanes+xml",
  },
  {
    name: "xl/webextensions/webextension1.xml",
    content:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5C2E7D9A-1111-2222-3333-444455556666}"><we:reference id="jx" version="1.0.0.0" store="developer" storeType="Registry"/><we:properties><we:property name="jx.ruleSet" value="&quot;mof-2020&quot;"/></we:properties></we:webextension>',
    rel: { from: "xl/webextensions/taskpanes.xml", type: REL.webextension, target: "webextension1.xml" },
    contentType: "application/vnd.ms-office.webextension+xml",
  },
];

const CUSTOM_XML: ExtraPart[] = [
  {
    name: "customXml/item1.xml",
    content:
      '<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>',
    rel: { from: "xl/workbook.xml", type: REL.customXml, target: "../customXml/item1.xml" },
  },
  {
    name: "customXml/itemProps1.xml",
    content:
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
    rel: { from: "customXml/item1.xml", type: REL.customXmlProps, target: "itemProps1.xml" },
    contentType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  },
];

async function run(verb: string, input: Buffer, name: string, extra: string[] = []) {
  fs.writeFileSync(path.join(dir, `${name}.xlsx`), input);
  const out = path.join(dir, `${name}-${verb}-out.xlsx`);
  const r = await cli([verb, `${name}.xlsx`, "-o", out, ...extra], dir);
  return { ...r, out };
}

test.each(["calc", "freeze"])(
  "%s keeps docProps/custom.xml, add-in task panes and custom XML byte for byte",
  async (verb) => {
    const input = await withParts(await form(), [CUSTOM_PART, ...TASKPANES, ...CUSTOM_XML]);
    const r = await run(verb, input, `carry-${verb}`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBeLessThan(2);
    const before = await partsOf(input);
    const after = await partsOf(fs.readFileSync(r.out));
    for (const p of [CUSTOM_PART, ...TASKPANES, ...CUSTOM_XML])
      expect([p.name, after.get(p.name)]).toEqual([p.name, before.get(p.name)]);
    const rels = after.get("_rels/.rels")!.toString();
    expect(rels).toContain('Target="docProps/custom.xml"');
    expect(rels).toContain('Target="xl/webextensions/taskpanes.xml"');
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).toContain('Target="../customXml/item1.xml"');
    const types = after.get("[Content_Types].xml")!.toString();
    expect(types).toContain('PartName="/docProps/custom.xml"');
    expect(types).toContain('PartName="/xl/webextensions/webextension1.xml"');
    // Still a workbook exceljs (and so Excel's own package rules) reads, with the same custom property.
    const back = await ExcelJsPort.fromFile(r.out);
    expect(await back.listSheets()).toEqual(["表1"]);
    expect((await back.toPackage()).lost).toEqual([]);
  },
);

test("a file whose only extra part is custom.xml loses nothing: toPackage reports it carried", async () => {
  const port = await ExcelJsPort.fromBuffer(await withParts(await form(), [CUSTOM_PART]));
  const pkg = await port.toPackage();
  expect(pkg.carried).toEqual(["docProps/custom.xml"]);
  expect(pkg.lost).toEqual([]);
});

test.each([
  [
    "threaded comments",
    [
      {
        name: "xl/threadedComments/threadedComment1.xml",
        content:
          '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
        rel: {
          from: "xl/worksheets/sheet1.xml",
          type: REL.threaded,
          target: "../threadedComments/threadedComment1.xml",
        },
        contentType: "application/vnd.ms-excel.threadedcomments+xml",
      },
    ],
    "新版批注（讨论）",
  ],
  ["an unknown part", [{ name: "xl/someVendorThing.xml", content: "<x/>" }], "其他内容（xl/someVendorThing.xml）"],
])("calc refuses to drop %s (exit 2, nothing written); --force writes it", async (_what, parts, word) => {
  const input = await withParts(await form(), parts as ExtraPart[]);
  const refused = await run("calc", input, `lost-${word.length}`);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`文件中有${word}，输出文件无法保留它们，未写入任何文件`);
  expect(fs.existsSync(refused.out)).toBe(false);
  const forced = await run("calc", input, `lost-${word.length}`, ["--force"]);
  expect(forced.code).toBeLessThan(2);
  expect(forced.stderr).toContain(`输出文件将不含原文件中的${word}`);
});

test("a note on a cell the file does not list (exceljs dropped it) is kept by calc", async () => {
  const input = await form((ws) => {
    ws.getCell("Z40").note = "请核对";
  });
  // exceljs writes the note's cell only because it has a note; make the file list no such cell.
  const zip = await partsOf(input);
  const sheet = zip
    .get("xl/worksheets/sheet1.xml")!
    .toString()
    .replace(/<c r="Z40"[^>]*\/>/, "");
  const z = await JSZip.loadAsync(input);
  z.file("xl/worksheets/sheet1.xml", sheet);
  const r = await run("calc", await z.generateAsync({ type: "nodebuffer" }), "note-empty");
  expect(r.code).toBeLessThan(2);
  expect(r.stderr).not.toContain("文件中有批注");
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(fs.readFileSync(r.out) as never);
  expect(back.worksheets[0].getCell("Z40").note).toBe("请核对");
});
