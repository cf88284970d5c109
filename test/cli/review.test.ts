/**
 * ziping review on a folder mixing .xlsx, .xls and .et (made by LibreOffice from the seed forms),
 * broken and encrypted files, a lock-file stub, nested folders and Chinese paths. The summary's
 * numbers equal `check --format json` on the same files; the workbook opens in LibreOffice (as a
 * PDF); the HTML renders in Chromium without a single network request.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { launchChromium } from "../fixtures/chromium";
import { convertLegacy, TempFolder } from "../../src/cli/legacy";
import { generateProjectSheet } from "../fixtures/generate";
import { seedAllOnOneSheet, seedProjectForms } from "../fixtures/seed001";
import { writeSnapshots } from "../ops/xlsx";
import { convertWithSoffice, sofficeAvailable } from "../libreoffice/soffice";
import { cli, STACK_LINE } from "./helpers";

let dir: string;
let folder: string;

beforeAll(async () => {
  if (!sofficeAvailable()) throw new Error("LibreOffice (soffice) is not installed: install libreoffice-calc-nogui");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-review-"));
  folder = path.join(dir, "各单位自评表");
  const nested = path.join(folder, "二级单位");
  fs.mkdirSync(nested, { recursive: true });
  const [a, b, c] = seedProjectForms();
  await writeSnapshots(path.join(folder, "项目10.xlsx"), [a]);
  // One workbook, five forms: the four of seed 001 stacked on one sheet, one more on a second sheet.
  await writeSnapshots(path.join(folder, "多张表.xlsx"), [
    { ...seedAllOnOneSheet(), name: "全部" },
    { ...b, name: "另一张" },
  ]);
  await writeSnapshots(path.join(folder, "项目2.xlsx"), [b]);
  // A 总分 that leaves out the execution score: the reviewer should be told to return it.
  const slipped = structuredClone(c);
  const totalRow = slipped.values.findIndex((r) => r.some((v) => v === "总分"));
  // 总分 | 分值 100 | 得分 | 等级: the score is the last number on the row.
  const scoreCol = slipped.values[totalRow].reduce<number>((last, v, j) => (typeof v === "number" ? j : last), -1);
  (slipped.values[totalRow][scoreCol] as number) -= 9;
  await writeSnapshots(path.join(nested, "项目1.xlsx"), [slipped]);
  const xls = convertWithSoffice(path.join(folder, "项目2.xlsx"), "xls", nested);
  fs.renameSync(xls, path.join(nested, "旧格式.xls"));
  fs.copyFileSync(path.join(nested, "旧格式.xls"), path.join(nested, "金山.et"));
  // Published forms (test/published): one as it is, one through LibreOffice as an .xls.
  const published = path.resolve(__dirname, "../published");
  fs.copyFileSync(path.join(published, "yunnan-2022-baoshan-weiwen.xlsx"), path.join(folder, "保山.xlsx"));
  const pubXls = convertWithSoffice(path.join(published, "shanxi-2020-jishan-jiandanglika.xlsx"), "xls", nested);
  fs.renameSync(pubXls, path.join(nested, "稷山.xls"));
  fs.writeFileSync(path.join(folder, "损坏.xlsx"), "项目名称,金额\n");
  const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  fs.writeFileSync(path.join(folder, "加密.xls"), Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le")]));
  // Garbage behind a compound-file header: LibreOffice would "convert" it into a sheet of noise.
  fs.writeFileSync(path.join(nested, "伪造.xls"), Buffer.concat([cfb.subarray(0, 8), crypto.randomBytes(6000)]));
  // A real password-protected .xls (LibreOffice, RC4): encrypted, not merely old.
  const locked = path.resolve(__dirname, "../fixtures/encrypted/baoshan-password-secret.xls");
  fs.copyFileSync(locked, path.join(nested, "有密码.xls"));
  fs.writeFileSync(path.join(folder, "~$项目2.xlsx"), "lock"); // Excel's lock file: not a workbook
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readSheet(file: string, name: string): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const rows: (string | number | null)[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push(
      values.map((v) =>
        v && typeof v === "object" && "text" in v ? String(v.text) : ((v as string | number | null) ?? null),
      ),
    );
  });
  return rows;
}

/**
 * For every .xlsx of `folder` in the summary `out`: 错误 and 警告 are check's counts, and 问题明细 lists
 * check's lines plus one `review-*` line per coloured form (预警). Returns how many forms were coloured.
 */
async function compareWithCheck(folder: string, out: string, xlsxFiles: number): Promise<number> {
  const check = await cli(["check", folder, "--format", "json"], dir);
  type Row = { file: string; sheet: string; cell: string | null; severity: string; code: string; message: string };
  const findings = JSON.parse(check.stdout) as Row[];
  const rows = (await readSheet(out, "汇总")).slice(1);
  const details = (await readSheet(out, "问题明细")).slice(1);
  const severity: Record<string, string> = { 错误: "error", 警告: "warning", 提示: "info" };
  const key = (r: Row) => [r.file, r.sheet, r.cell ?? "", r.severity, r.code, r.message].join(" | ");
  const xlsx = [...new Set(rows.map((x) => String(x[1])))].filter((f) => f.endsWith(".xlsx"));
  expect(xlsx).toHaveLength(xlsxFiles);
  let coloured = 0;
  for (const file of xlsx) {
    const mine = findings.filter((f) => f.file === file);
    const forms = rows.filter((r) => r[1] === file);
    const sum = (col: number) => forms.reduce((n, r) => n + Number(r[col]), 0);
    expect(sum(14)).toBe(mine.filter((f) => f.severity === "error").length);
    expect(sum(15)).toBe(mine.filter((f) => f.severity === "warning").length);
    const listed: Row[] = details
      .filter((d) => d[0] === file)
      .map((d) => ({
        file,
        sheet: String(d[1]),
        cell: d[2] === null ? null : String(d[2]),
        severity: severity[String(d[3])],
        code: String(d[4]),
        message: String(d[5]),
      }));
    const colours = listed.filter((d) => d.code.startsWith("review-"));
    expect(colours).toHaveLength(forms.filter((r) => String(r[16] ?? "") !== "").length);
    expect(colours.every((d) => d.severity === "warning")).toBe(true);
    coloured += colours.length;
    expect(
      listed
        .filter((d) => !d.code.startsWith("review-"))
        .map(key)
        .sort(),
    ).toEqual(mine.map(key).sort());
  }
  return coloured;
}

describe("ziping review of a mixed folder", () => {
  let out: string;
  let html: string;
  let result: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    out = path.join(dir, "审核汇总.xlsx");
    html = path.join(dir, "审核报告.html");
    result = await cli(["review", "各单位自评表", "-o", "审核汇总.xlsx", "--html", "审核报告.html"], dir);
  }, 300_000);

  test("every input is reviewed or listed as unreadable; exit 2 because some could not be read", () => {
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/共 12 个文件、12 张自评表/);
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
  });

  test("汇总: one row per form in natural order, with a suggestion and its main reason", async () => {
    const rows = await readSheet(out, "汇总");
    const files = rows.slice(1).map((r) => r[1]);
    expect(files.filter((f) => f !== "各单位自评表/多张表.xlsx")).toEqual(
      [
        "各单位自评表/二级单位/稷山.xls",
        "各单位自评表/保山.xlsx",
        "各单位自评表/二级单位/金山.et",
        "各单位自评表/二级单位/旧格式.xls",
        "各单位自评表/二级单位/项目1.xlsx",
        "各单位自评表/项目2.xlsx",
        "各单位自评表/项目10.xlsx",
      ].sort(new Intl.Collator("zh-CN", { numeric: true }).compare),
    );
    // Several forms of one workbook: a row each, sheets in natural order, forms in sheet order.
    const several = rows.filter((r) => r[1] === "各单位自评表/多张表.xlsx");
    expect(several.map((r) => [r[2], r[3]])).toEqual([
      ["另一张", "项目支出"],
      ["全部", "部门整体"],
      ["全部", "项目支出"],
      ["全部", "项目支出"],
      ["全部", "项目支出"],
    ]);
    expect(new Set(several.slice(1).map((r) => r[4])).size).toBe(4); // four different names
    const slipped = rows.find((r) => r[1] === "各单位自评表/二级单位/项目1.xlsx")!;
    expect(slipped[17]).toBe("建议退回：总分与各项得分之和不符");
    // A published form with a slip (总分 94 where its scores add to 93), read from an .xls.
    const jishan = rows.find((r) => r[1] === "各单位自评表/二级单位/稷山.xls")!;
    expect(jishan[17]).toBe("建议退回：总分与各项得分之和不符");
    const legacy = rows.find((r) => r[1] === "各单位自评表/二级单位/旧格式.xls")!;
    const same = rows.find((r) => r[1] === "各单位自评表/项目2.xlsx")!;
    // The .xls made from 项目2.xlsx reads the same numbers (budget … computed total).
    expect(legacy.slice(7, 14)).toEqual(same.slice(7, 14));
  });

  test("the summary's counts and 问题明细's rows equal check --format json on the same .xlsx files", async () => {
    expect(await compareWithCheck("各单位自评表", out, 5)).toBeGreaterThanOrEqual(0);
  });

  test("问题明细 and 未能读取 say what and why, in Chinese", async () => {
    const details = await readSheet(out, "问题明细");
    expect(details.some((d) => d[4] === "total-mismatch" && String(d[5]).includes("总分"))).toBe(true);
    const unread = await readSheet(out, "未能读取");
    const reason = (name: string) => String(unread.find((u) => String(u[0]).endsWith(name))?.[1]);
    expect(reason("损坏.xlsx")).toContain("不是 .xlsx 工作簿文件");
    expect(reason("加密.xls")).toContain("已加密");
    expect(reason("有密码.xls")).toContain("已加密");
    expect(reason("伪造.xls")).toContain("已损坏"); // not "no form found"
    expect(unread.some((u) => String(u[0]).includes("~$"))).toBe(false);
  });

  test("the workbook has a frozen header, filters, A4 landscape with repeated header rows, and links", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "1:1" });
    const link = ws.getRow(2).getCell(19).value as ExcelJS.CellHyperlinkValue | null;
    const withLink = ws.getColumn(19).values.find((v) => v && typeof v === "object" && "hyperlink" in v) as
      ExcelJS.CellHyperlinkValue | undefined;
    expect((link ?? withLink)?.hyperlink).toMatch(/^#'问题明细'!A\d+$/);
  });

  test("the workbook opens in LibreOffice (converted to PDF)", () => {
    const pdf = convertWithSoffice(out, "pdf", fs.mkdtempSync(path.join(os.tmpdir(), "jx-review-pdf-")));
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }, 240_000);

  test("the HTML is self-contained and renders in Chromium without any network request", async () => {
    const text = fs.readFileSync(html, "utf8");
    expect(text).not.toMatch(/\b(src|href)=["']?https?:/i);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${html}`);
      expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
      expect(await page.locator("tbody tr").count()).toBe(12);
      expect(await page.locator("svg rect").count()).toBe(5);
      // Sorting by a column of amounts orders the rows by number (1,234.00 after 99.00), then reverses.
      const column = (i: number) => page.locator(`tbody tr td:nth-child(${i + 1})`).allTextContents();
      const amounts = (texts: string[]) => texts.filter((t) => t !== "").map((t) => Number(t.replace(/,/g, "")));
      await page.locator("th").nth(7).click();
      const up = amounts(await column(7));
      expect(up).toEqual([...up].sort((x, y) => x - y));
      await page.locator("th").nth(7).click();
      const down = amounts(await column(7));
      expect(down).toEqual([...up].reverse());
      // Text columns sort in natural order: 项目2 before 项目10.
      await page.locator("th").nth(1).click();
      const files = await column(1);
      expect(files.indexOf("各单位自评表/项目2.xlsx")).toBeLessThan(files.indexOf("各单位自评表/项目10.xlsx"));
    } finally {
      await browser.close();
    }
  }, 120_000);

  test("outputs never overwrite an existing file", async () => {
    const again = await cli(["review", "各单位自评表", "-o", "审核汇总.xlsx"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("输出文件已存在");
  });
});

test("without LibreOffice, .xls and .et files are listed with the command that installs it", async () => {
  const temp = await TempFolder.create();
  const xls = path.join(dir, "各单位自评表", "二级单位", "旧格式.xls");
  const results = await convertLegacy([xls], temp, null);
  await temp.remove();
  const r = results.get(xls)!;
  expect(r.ok).toBe(false);
  expect(!r.ok && r.message).toContain("apt-get install libreoffice-calc-nogui");
});

test("without LibreOffice on PATH, the .xlsx files are still reviewed and each .xls / .et is listed with the install command", async () => {
  const saved = { PATH: process.env.PATH, SOFFICE: process.env.SOFFICE };
  process.env.PATH = path.join(dir, "no-such-bin");
  delete process.env.SOFFICE;
  let r: Awaited<ReturnType<typeof cli>>;
  try {
    r = await cli(["review", "各单位自评表", "-o", "无LibreOffice.xlsx"], dir);
  } finally {
    process.env.PATH = saved.PATH;
    if (saved.SOFFICE !== undefined) process.env.SOFFICE = saved.SOFFICE;
  }
  expect(r.code).toBe(2);
  const out = path.join(dir, "无LibreOffice.xlsx");
  const files = (await readSheet(out, "汇总")).slice(1).map((row) => String(row[1]));
  expect(files.every((f) => f.endsWith(".xlsx"))).toBe(true);
  expect(new Set(files).size).toBe(5); // every .xlsx with a form: 保山, 多张表, 项目1, 项目2, 项目10
  const unread = await readSheet(out, "未能读取");
  const reason = (name: string) => String(unread.find((u) => String(u[0]).endsWith(name))?.[1]);
  for (const name of ["旧格式.xls", "金山.et", "稷山.xls"]) {
    expect(reason(name)).toContain("需要 LibreOffice");
    expect(reason(name)).toContain("apt-get install libreoffice-calc-nogui");
  }
  expect(reason("加密.xls")).toContain("已加密"); // told apart without LibreOffice
  expect(reason("有密码.xls")).toContain("已加密");
});

test("check tells an encrypted .xls from an old one: remove the password vs. use review or save as .xlsx", async () => {
  const r = await cli(["check", "各单位自评表/二级单位/有密码.xls", "各单位自评表/二级单位/旧格式.xls"], dir);
  expect(r.code).toBe(2);
  const line = (name: string) => r.stdout.split("\n").find((l) => l.includes(name)) ?? "";
  expect(line("有密码.xls")).toContain("文件已加密（设置了打开密码）");
  expect(line("旧格式.xls")).toContain("旧版 .xls 格式");
  expect(line("旧格式.xls")).not.toContain("加密");
});

test("coloured forms: 警告 is check's count, the colour is 预警 and one review-* line in 问题明细", async () => {
  const folder = path.join(dir, "着色");
  fs.mkdirSync(folder);
  for (let i = 0; i < 3; i++) await writeSnapshots(path.join(folder, `单位${i}.xlsx`), [generateProjectSheet(20 + i)]);
  const r = await cli(["review", "着色", "-o", "着色.xlsx"], dir);
  expect(r.stdout).toContain("共 3 个文件、3 张自评表");
  expect(await compareWithCheck("着色", path.join(dir, "着色.xlsx"), 3)).toBe(3);
}, 120_000);
