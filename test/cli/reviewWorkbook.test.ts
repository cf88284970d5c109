/**
 * The review workbook is written part by part (src/cli/review/xlsxParts.ts), not by exceljs:
 * read back with exceljs, it holds every value typed as it was (odd characters included), the
 * number formats, colours, links, widths and heights, the frozen and filtered header and the
 * print setup the reviewer gets.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { FormReview } from "../../src/engine";
import type { DetailRow, SummaryRow } from "../../src/cli/review/model";
import { buildReviewWorkbook } from "../../src/cli/review/workbook";
import { xmlText } from "../../src/cli/review/xlsxParts";
import { columnLetters } from "../../src/engine/sheet/snapshot";

const ODD = `A&B <c> "d" 'e' _x000D_ tab\there\r\nCR 😀 \u0001gone`;

function form(over: Partial<FormReview>): FormReview {
  return {
    sheet: "自评表",
    kind: "project",
    firstRow: 1,
    lastRow: 30,
    errors: 0,
    warnings: 0,
    flag: null,
    advice: { action: "pass" },
    findings: [],
    ...over,
  } as FormReview;
}

const summary: SummaryRow[] = [
  {
    file: "甲/项目2.xlsx",
    review: form({ name: ODD, budget: 1234.5, spent: 1000, rate: 0.81, statedTotal: 94, computedTotal: 93 }),
    detailRow: 2,
  },
  { file: "甲/项目10.xlsx", review: form({ sheet: "Sheet'1", flag: "red", warnings: 1, statedGrade: "优" }) },
  { file: "乙.xlsx", review: form({ flag: "yellow", statedTotal: { error: "#REF!" } as never }) },
];
const details: DetailRow[] = [
  {
    file: "甲/项目2.xlsx",
    sheet: "自评表",
    cell: "E20",
    severity: "error",
    code: "total-mismatch",
    message: "总分不符",
  },
];

let wb: ExcelJS.Workbook;
/** A cell of 汇总 (row, column 1-based). */
const at = (r: number, c: number) => wb.getWorksheet("汇总")!.getRow(r).getCell(c);

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-review-wb-"));
  const file = path.join(dir, "汇总.xlsx");
  fs.writeFileSync(
    file,
    buildReviewWorkbook(summary, details, [{ display: "坏.xlsx", reason: "不是工作簿" }], "zh-CN"),
  );
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("three sheets, each with a frozen, filtered header printed on every A4 landscape page", () => {
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "问题明细", "未能读取"]);
  for (const ws of wb.worksheets) {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${columnLetters(ws.columnCount - 1)}1`);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "1:1" });
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
  }
});

test("values read back as written: text with XML's special characters, Excel escapes, emoji; numbers; errors as text", () => {
  // \u0001 cannot be in XML at all (dropped); a CR survives as Excel's _x000D_; a literal _x000D_ stays literal.
  expect(at(2, 5).value).toBe(ODD.replace("\u0001", ""));
  expect([2, 8, 9, 10, 11, 12].map((c) => at(2, c).value)).toEqual(["甲/项目2.xlsx", 1234.5, 1000, 0.81, 94, 93]);
  expect(at(4, 11).value).toBe("#REF!");
  expect(at(3, 3).value).toBe("Sheet'1");
  expect(at(3, 13).value).toBe("优");
  expect(at(3, 6).value).toBeNull();
});

test("amounts, rates and scores carry their number formats; flags their colours; the link its target", () => {
  expect([8, 9, 10, 11, 12].map((c) => at(2, c).numFmt)).toEqual(["#,##0.00", "#,##0.00", "0.00%", "0.00", "0.00"]);
  const fill = (r: number) => (at(r, 17).fill as ExcelJS.FillPattern).fgColor;
  expect(fill(3)).toEqual({ argb: "FFFF9999" });
  expect(fill(4)).toEqual({ argb: "FFFFE699" });
  const link = at(2, 19).value as ExcelJS.CellHyperlinkValue;
  expect(link).toMatchObject({ text: "查看", hyperlink: "#'问题明细'!A2" });
  expect(at(3, 19).value).toBeNull();
});

test("every column has its width and a row of wrapped text is as tall as its lines", () => {
  const ws = wb.getWorksheet("汇总")!;
  expect([1, 13, 14, 18].map((c) => ws.getColumn(c).width)).toEqual([6, 9, 9, 36]);
  // ODD in a 28-wide column: its longest line needs two lines of 27 characters.
  expect(ws.getRow(2).height).toBe(30);
  expect(ws.getRow(3).height).toBe(15);
  expect(wb.getWorksheet("问题明细")!.getRow(2).values).toEqual([
    undefined,
    "甲/项目2.xlsx",
    "自评表",
    "E20",
    "错误",
    "total-mismatch",
    "总分不符",
  ]);
  expect(wb.getWorksheet("未能读取")!.getRow(2).values).toEqual([undefined, "坏.xlsx", "不是工作簿"]);
});

test("xmlText escapes what XML and Excel need and drops what XML cannot hold", () => {
  expect(xmlText(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
  expect(xmlText("_x0041_")).toBe("_x005F_x0041_");
  expect(xmlText("a\rb")).toBe("a_x000D_b");
  expect(xmlText("\u0000\ud800x\udc00")).toBe("x");
  expect(xmlText("😀")).toBe("😀");
  expect(columnLetters(18)).toBe("S"); // the engine's, 0-based, which the review workbook uses
  expect(columnLetters(26)).toBe("AA");
});
