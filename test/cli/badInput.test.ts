/**
 * Bad input through `ziping check`: each case ends with a clear zh-CN message (exit 2) or with
 * findings — never a stack trace, never a hang (each case has a time budget far under the
 * test timeout).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, STACK_LINE } from "./helpers";
import { soundXls } from "../fixtures/soundXls";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bad-"));

async function xlsx(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(path.join(dir, name));
  return name;
}

function raw(name: string, data: Buffer | string): string {
  fs.writeFileSync(path.join(dir, name), data);
  return name;
}

/** A project form fragment, so the sheet is recognised and its cells are checked. */
function projectForm(ws: ExcelJS.Worksheet, score: ExcelJS.CellValue, actual: ExcelJS.CellValue = 20): void {
  const rows: ExcelJS.CellValue[][] = [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", null, "测试项目"],
    ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, null, "年度资金总额", 10, 10, 10, 10, 1, 10],
    ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "培训次数", "≥", 20, "次", actual, 90, score, "无"],
    ["总分", null, null, null, null, null, null, 100, 100, "优"],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
}

type Case = [label: string, make: () => Promise<string> | string, expectCode: number, expectText: RegExp];

const CASES: Case[] = [
  ["plain text named .xlsx", () => raw("text.xlsx", "项目名称,金额\n"), 2, /不是 \.xlsx 工作簿文件/],
  [
    "an encrypted workbook (OLE compound file with EncryptionInfo)",
    () =>
      raw(
        "encrypted.xlsx",
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1000).fill(0)]),
          Buffer.from("EncryptionInfo", "utf16le"),
        ]),
      ),
    2,
    /已加密/,
  ],
  [
    "an old .xls saved under an .xlsx name (a real compound file, not encrypted)",
    () => raw("old.xlsx", soundXls()),
    2,
    /旧版 \.xls/,
  ],
  [
    "a compound-file header with zeros behind it (no directory: damaged, not an old .xls)",
    () => raw("fake.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1000).fill(0)])),
    2,
    /已损坏/,
  ],
  [
    "a zip that is not a workbook",
    () => raw("zip.xlsx", Buffer.from("504b0506000000000000000000000000000000000000", "hex")),
    2,
    /工作簿|xlsx/,
  ],
  ["an empty file", () => raw("empty.xlsx", ""), 2, /文件是空的/],
  [
    "an empty workbook (one empty sheet)",
    () => xlsx("emptybook.xlsx", (wb) => wb.addWorksheet("Sheet1")),
    0,
    /共 1 个文件/,
  ],
  [
    "a used range of a million rows",
    () =>
      xlsx("million.xlsx", (wb) => {
        const ws = wb.addWorksheet("表");
        projectForm(ws, 90);
        ws.getCell("A1048576").value = "x";
      }),
    0,
    /第 1048576 行/,
  ],
  [
    "merged chaos (a 200-row column merge, a merge hiding an indicator's 三级, merges outside the form)",
    () =>
      xlsx("merged.xlsx", (wb) => {
        const ws = wb.addWorksheet("表");
        projectForm(ws, 90);
        ws.mergeCells("A10:J10");
        ws.mergeCells("K1:K200");
        ws.mergeCells("L3:M4");
        ws.mergeCells("B7:C7");
      }),
    0,
    /共 1 个文件/,
  ],
  [
    "error cells #DIV/0! and #NAME?",
    () =>
      xlsx("errors.xlsx", (wb) => {
        const ws = wb.addWorksheet("表");
        projectForm(ws, { error: "#NAME?" } as ExcelJS.CellErrorValue, { error: "#DIV/0!" } as ExcelJS.CellErrorValue);
      }),
    -1,
    /表!/,
  ],
  [
    "text where numbers belong",
    () =>
      xlsx("text-numbers.xlsx", (wb) => {
        const ws = wb.addWorksheet("表");
        projectForm(ws, "九十", "很多");
      }),
    -1,
    /表!/,
  ],
  [
    "a folder without workbooks",
    () => (fs.mkdirSync(path.join(dir, "nothing"), { recursive: true }), "nothing"),
    2,
    /没有 \.xlsx 文件/,
  ],
  ["a path that does not exist", () => "no-such-file.xlsx", 2, /找不到文件/],
];

test.each(CASES)("%s", async (_label, make, expectCode, expectText) => {
  const input = await make();
  const started = Date.now();
  const r = await cli(["check", input], dir);
  expect(Date.now() - started).toBeLessThan(30_000);
  const out = r.stdout + r.stderr;
  expect(out).not.toMatch(STACK_LINE);
  expect(out).toMatch(expectText);
  // -1: the file was read and its problems are findings (exit 0 or 1, never 2).
  if (expectCode === -1) expect([0, 1]).toContain(r.code);
  else expect(r.code).toBe(expectCode);
});

test("bad usage is exit 2 with a zh-CN message and a pointer to --help", async () => {
  const cases: string[][] = [
    ["frob"],
    ["check"],
    ["check", "a.xlsx", "--format", "xml"],
    ["check", "a.xlsx", "--bogus"],
    ["check", "a.xlsx", "--rules", "no-such-rules"],
    ["template", "budget", "-o", "x.xlsx"],
    ["template", "project"],
    ["template", "project", "-o", "x.xlsx", "--formulas", "vba"],
    ["calc", "a.xlsx"],
    ["freeze", "a.xlsx", "b.xlsx", "-o", "c.xlsx"],
    ["check", "a.xlsx", "--jobs", "0"],
    ["check", "a.xlsx", "--replace", "A1"], // an option of another command
    ["template", "project", "--native", "-o", "x.xlsx"],
    ["template", "project", "-o", "x.xlsx", "-o", "y.xlsx"], // two outputs
  ];
  for (const argv of cases) {
    const r = await cli(argv, dir);
    expect([argv.join(" "), r.code]).toEqual([argv.join(" "), 2]);
    expect(r.stderr).toMatch(/用法错误：.+\n运行 ziping --help 查看用法/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  }
});

test("--lang en speaks English for files it cannot read, and --help --lang en prints English only", async () => {
  const empty = raw("empty-en.xlsx", "");
  const r = await cli(["check", empty, "missing-en.xlsx", "--lang", "en"], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain("file is empty (0 bytes)");
  expect(r.stdout).toContain("no such file or folder");
  expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]{4}/);
  const h = await cli(["--help", "--lang", "en"], dir);
  expect(h.stdout).toContain("ziping — command line for");
  expect(h.stdout).not.toContain("用法");
});

test("calc and freeze never overwrite an existing output; a --replace cell with no conflict is named", async () => {
  const input = await xlsx("form-replace.xlsx", (wb) => projectForm(wb.addWorksheet("表1"), 95));
  const taken = raw("taken.xlsx", "precious");
  for (const verb of ["calc", "freeze"]) {
    const r = await cli([verb, input, "-o", taken], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("输出文件已存在");
    expect(fs.readFileSync(path.join(dir, taken), "utf8")).toBe("precious");
  }
  const r = await cli(["calc", input, "-o", "replaced.xlsx", "--replace", "表1!Z99"], dir);
  expect(r.stderr).toContain("--replace 表1!Z99：该单元格没有与计算值不同的填写值或公式结果，未作改动。");
});
