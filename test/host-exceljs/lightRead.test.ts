/**
 * The light read-only reader (src/host/exceljs/light) reads exactly what the exceljs adapter reads,
 * for every real workbook in the repository (published forms from Excel, WPS and platforms), the
 * data-safety corpus, generated forms, and hand-made parts exceljs never writes (inline and rich
 * strings, shared formulas, escaped formats, 1904 dates, r-less cells, notes on empty cells …).
 * A file it does not understand goes to exceljs: then there is nothing to compare, and the last
 * test fails on any file handed over that was not meant to be, so a regression in coverage shows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildFile, corpusSpecs } from "../data-safety/corpus";
import { generateProjectSheet } from "../fixtures/generate";
import { seedDepartmentForm, seedProjectForms } from "../fixtures/seed001";
import { addSnapshotSheet } from "../ops/xlsx";
import JSZip from "jszip";
import { cli } from "../cli/helpers";
import { bothWays, handMade, written } from "./lightRead.helpers";

const root = path.resolve(__dirname, "../..");

function xlsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : xlsxFiles(full);
    return /\.xlsx$/i.test(d.name) ? [full] : [];
  });
}

const files = xlsxFiles(path.join(root, "test"));
const fallbacks: string[] = [];

async function expectSame(label: string, data: Buffer): Promise<boolean> {
  const r = await bothWays(data);
  if (!r.light) {
    fallbacks.push(label);
    // Refused before parsing (empty, encrypted, not a zip …): the same error as exceljs's path.
    if (r.lightError !== undefined) expect(r.lightError).toBe((r.exceljs as { error?: string }).error);
    return false;
  }
  expect(r.lightReads).toEqual(r.exceljs);
  return true;
}

test("the repository has real workbooks to compare", () => {
  expect(files.length).toBeGreaterThan(20);
});

test.each(files.map((f) => [path.relative(root, f)]))("%s reads the same light as through exceljs", async (rel) => {
  await expectSame(rel, fs.readFileSync(path.join(root, rel)));
});

test("the published corpus is read light, not handed to exceljs", () => {
  // Run after the comparisons above (jest runs tests in order within a file).
  expect(fallbacks.filter((f) => f.startsWith("test/published"))).toEqual([]);
});

test("every data-safety workbook reads the same, light", async () => {
  for (const spec of corpusSpecs()) {
    const file = await buildFile(spec);
    expect(await expectSame(`corpus ${spec.name}`, file.buffer)).toBe(true);
  }
});

test("generated forms and seed 001's forms read the same, light", async () => {
  const sizes = [3, 20, 57, 200];
  for (const rows of sizes) {
    const data = await written((wb) => addSnapshotSheet(wb, { ...generateProjectSheet(rows), name: "自评表" }));
    expect(await expectSame(`generated ${rows}`, data)).toBe(true);
  }
  const seeds = await written((wb) => {
    seedProjectForms().forEach((s, i) => addSnapshotSheet(wb, s, `项目 ${i + 1}`));
    addSnapshotSheet(wb, seedDepartmentForm(), "部门整体");
  });
  expect(await expectSame("seed 001", seeds)).toBe(true);
});

const ROW = (r: number, cells: string, attrs = "") => `<row r="${r}"${attrs}>${cells}</row>`;

/** Parts exceljs never writes, each read both ways. */
const HAND_MADE: { name: string; build: () => Promise<Buffer>; light: boolean }[] = [
  {
    name: "inline, rich and shared strings, _x000D_ escapes, booleans, errors, str results",
    light: true,
    build: () =>
      handMade({
        sheets: [
          {
            name: "Sheet 1",
            xml:
              "<sheetData>" +
              ROW(
                1,
                '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> 项目 &amp; 名称 </t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>',
              ) +
              ROW(
                2,
                '<c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t>_x000D_细</t></r></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>',
              ) +
              ROW(
                3,
                '<c r="A3" t="str"><f>A1&amp;""</f><v>a&amp;amp;b</v></c><c r="B3" t="b"><f>TRUE()</f><v>0</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3"><v>1e999</v></c>',
              ) +
              "</sheetData>",
          },
        ],
        sharedStringsXml:
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲_x000A_乙</t><rPh sb="0" eb="1"><t>ジャ</t></rPh><phoneticPr fontId="1"/></si>' +
          "<si><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></si></sst>",
      }),
  },
  {
    name: "shared formulas, array formulas, our custom functions, a follower without a master",
    light: true,
    build: () =>
      handMade({
        sheets: [
          {
            name: "公式",
            xml:
              "<sheetData>" +
              ROW(
                1,
                '<c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c><c r="C1"><f>_xldudf_JX_GRADE(A1)</f><v>0</v></c>',
              ) +
              ROW(
                2,
                '<c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c><c r="C2"><f t="shared" si="7"/><v>9</v></c>',
              ) +
              ROW(
                3,
                '<c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f t="array" ref="C3">SUM(A1:A3*2)</f><v>12</v></c>',
              ) +
              "</sheetData>",
          },
        ],
      }),
  },
  {
    name: "number formats: escaped, custom, built-in dates, a percent, date results, 1904 dates, huge dates",
    light: true,
    build: () =>
      handMade({
        date1904: true,
        styles: {
          numFmts: [
            [164, "0.0\\%"],
            [165, 'yyyy"年"m"月"d"日"'],
            [166, "[>=100]0;[Red]-0"],
            [167, "0.00_ ;[Red]\\-0.00\\ "],
          ],
          xfs: [0, 164, 165, 14, 10, 166, 167, 22],
        },
        sheets: [
          {
            name: "格式",
            xml:
              "<sheetData>" +
              ROW(
                1,
                '<c r="A1" s="1"><v>95</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="3"><v>45000.5</v></c><c r="D1" s="4"><v>0.95</v></c>',
              ) +
              ROW(
                2,
                '<c r="A2" s="5"><v>120</v></c><c r="B2" s="6"><v>-3.5</v></c><c r="C2" s="7"><f>B1+1</f><v>45001</v></c><c r="D2" s="3"><v>99999999</v></c>',
              ) +
              ROW(3, '<c r="A3" s="3" t="str"><f>"x"</f><v>123</v></c><c r="B3" s="2"/><c r="C3" s="9"><v>1</v></c>') +
              "</sheetData>",
          },
        ],
      }),
  },
  {
    name: "empty cells with styles, row and column formats, merges creating cells, r-less cells",
    light: true,
    build: () =>
      handMade({
        styles: { xfs: [0, 10, 4, 2] },
        sheets: [
          {
            name: "布局",
            xml:
              '<cols><col min="1" max="2" width="9" style="2"/><col min="5" max="5" style="3"/></cols><sheetData>' +
              ROW(1, '<c r="A1"><v>1</v></c><c><v>2</v></c><c s="1"/><c><v>4</v></c>') +
              ROW(3, '<c r="B3" s="1"/><c r="D3"><v>5</v></c>', ' s="3" customFormat="1"') +
              ROW(5, '<c r="A5" s="0"/><c r="F5"><v>6</v></c>') +
              '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:E6"/></mergeCells>',
          },
        ],
      }),
  },
  {
    name: "notes on empty cells and on cells with values",
    light: true,
    build: () =>
      handMade({
        styles: { xfs: [0, 10] },
        comments: { sheet: 0, refs: ["A1", "C4", "B2"] },
        sheets: [
          {
            name: "批注",
            xml:
              "<sheetData>" +
              ROW(1, '<c r="A1"><v>1</v></c><c r="D1"><v>2</v></c>') +
              ROW(2, '<c r="D2"><v>3</v></c>', ' s="1"') +
              "</sheetData>",
          },
        ],
      }),
  },
  {
    name: "a prefixed (namespaced) sheet goes to exceljs",
    light: false,
    build: async () => {
      const data = await handMade({ sheets: [{ name: "x", xml: "<sheetData/>" }] });
      const zip = await JSZip.loadAsync(data);
      zip.file(
        "xl/worksheets/sheet1.xml",
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      );
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
  },
  {
    name: "CDATA and a carriage return go to exceljs",
    light: false,
    build: () =>
      handMade({
        sheets: [
          {
            name: "x",
            xml:
              "<sheetData>" +
              ROW(1, '<c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]>\r\n</t></is></c>') +
              "</sheetData>",
          },
        ],
      }),
  },
];

test.each(HAND_MADE.map((c) => [c.name, c] as const))("hand-made parts: %s", async (_name, c) => {
  const data = await c.build();
  expect(await expectSame(`hand-made ${c.name}`, data)).toBe(c.light);
});

test("the hand-made reads hold what the parts say (the comparison is not of two empty reads)", async () => {
  const formulas = await bothWays(await HAND_MADE[1].build());
  const formats = await bothWays(await HAND_MADE[2].build());
  const strings = await bothWays(await HAND_MADE[0].build());
  type Reads = { snapshots: { values: unknown[][]; formulas: unknown[][]; numberFormats: unknown[][] }[] };
  const f = (formulas as { lightReads: Reads }).lightReads.snapshots[0];
  expect(f.formulas[1][1]).toBe("=A2*2+$A$1");
  expect(f.formulas[0][2]).toBe("=JX.GRADE(A1)");
  expect(f.formulas[1][2]).toBeNull();
  const n = (formats as { lightReads: Reads }).lightReads.snapshots[0];
  expect(n.numberFormats[0][0]).toBe("0.0\\%");
  expect(n.values[0][1]).toBe(45000 + 1462);
  const s = (strings as { lightReads: Reads }).lightReads.snapshots[0];
  expect(s.values[0].slice(0, 3)).toEqual([" 项目 & 名称 ", "甲\n乙", "富文本"]);
  expect(s.values[1].slice(0, 3)).toEqual(["粗\r细", true, { error: "#DIV/0!" }]);
});

/** `ziping check --format json` over a folder, with the reader chosen by ZIPING_READER. */
async function checkJson(dir: string, reader: "light" | "exceljs"): Promise<{ code: number; stdout: string }> {
  const before = process.env.ZIPING_READER;
  process.env.ZIPING_READER = reader;
  try {
    const r = await cli(["check", dir, "--format", "json"], dir);
    return { code: r.code, stdout: r.stdout };
  } finally {
    if (before === undefined) delete process.env.ZIPING_READER;
    else process.env.ZIPING_READER = before;
  }
}

test("check --format json is the same with either reader, over every workbook above", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-light-check-"));
  try {
    for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    for (const spec of corpusSpecs())
      fs.writeFileSync(path.join(dir, `corpus-${spec.name}.xlsx`), (await buildFile(spec)).buffer);
    for (const [i, c] of HAND_MADE.entries()) fs.writeFileSync(path.join(dir, `hand-${i}.xlsx`), await c.build());
    const data = await written((wb) => addSnapshotSheet(wb, { ...generateProjectSheet(30), name: "自评表" }));
    fs.writeFileSync(path.join(dir, "生成 表.xlsx"), data);
    const light = await checkJson(dir, "light");
    const exceljs = await checkJson(dir, "exceljs");
    expect(JSON.parse(light.stdout).length).toBeGreaterThan(50);
    expect(light).toEqual(exceljs);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test("nothing was handed to exceljs but the hand-made parts meant for it", () => {
  // Last in the file: jest runs a file's tests in order, so every comparison above has run.
  const meant = HAND_MADE.filter((c) => !c.light).map((c) => `hand-made ${c.name}`);
  expect(meant.length).toBeGreaterThan(0);
  expect(fallbacks.filter((f) => !meant.includes(f))).toEqual([]);
});
