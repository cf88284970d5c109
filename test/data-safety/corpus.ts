/**
 * Workbooks as Excel, WPS and LibreOffice-like writers save them, built at test time: the seed
 * forms with some computed cells empty, in several style layouts (one shared bordered style for
 * every cell, typed formats shared by many cells, fonts and fills, a user's own formats on the
 * empty cells), and the things real files carry besides (custom properties, defined names, notes,
 * hidden and very hidden sheets, other sheets with every kind of value, conditional formats,
 * validations, frozen panes, hyperlinks, x14 extensions, calcChain, printer settings).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSnapshot } from "../../src/engine";
import { seedDepartmentFormWithLayout, seedProjectFormsWithLayout, type FormLayout } from "../fixtures/seed001";
import { addSnapshotSheet } from "../ops/xlsx";
import { CUSTOM_PART, withParts, type ExtraPart } from "./zip";

export type StyleMode = "typed" | "one-style" | "bordered" | "fonts" | "user-formats";
export type Extra =
  | "custom"
  | "names"
  | "notes"
  | "hidden"
  | "data-sheet"
  | "cf"
  | "validation"
  | "view"
  | "hyperlink"
  | "x14"
  | "excel-parts"
  | "two-forms";

export interface CorpusSpec {
  name: string;
  form: 0 | 1 | 2 | "dept";
  style: StyleMode;
  blanks: "rate" | "scores" | "all";
  extras: Extra[];
}

export interface CorpusFile {
  spec: CorpusSpec;
  buffer: Buffer;
  /** What the command must refuse to lose (then it writes nothing). */
  expectLost: string[];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function formOf(form: CorpusSpec["form"]): { sheet: SheetSnapshot; layout: FormLayout } {
  return form === "dept" ? seedDepartmentFormWithLayout() : seedProjectFormsWithLayout()[form];
}

/** The computed cells to empty, so calc has something to fill. */
function blankCells(layout: FormLayout, blanks: CorpusSpec["blanks"]): [number, number][] {
  if (layout.kind === "department") {
    // A department form's computed cells are its tasks' 执行率.
    const rates = layout.tasks.rows.map((r): [number, number] => [r, layout.tasks.columns.rate]);
    return blanks === "rate" ? rates.slice(0, 1) : rates;
  }
  const scores = layout.indicators.rows.map((r): [number, number] => [r, layout.indicators.columns.score!]);
  const rate: [number, number] = [layout.funds.rows.total, layout.funds.columns.rate];
  const total: [number, number] = [layout.total.row, layout.total.scoreCol];
  if (blanks === "rate") return [rate];
  if (blanks === "scores") return scores;
  return [rate, [layout.funds.rows.total, layout.funds.columns.score], ...scores, total];
}

function styleForm(ws: ExcelJS.Worksheet, layout: FormLayout, mode: StyleMode, blanks: [number, number][]): void {
  const { r1, c1, r2, c2 } = layout.range;
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      if (mode === "one-style") cell.style = {};
      if (mode !== "typed" && mode !== "user-formats") cell.border = THIN;
      if (mode === "fonts") {
        cell.font = { name: "宋体", size: r === r1 ? 16 : 11, bold: r === r1, color: { theme: 1 } };
        cell.alignment = { vertical: "middle", horizontal: r === r1 ? "center" : undefined, wrapText: true };
        if (r === r1 + 2) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      }
    }
  }
  if (mode === "user-formats")
    blanks.forEach(([r, c], i) => (ws.getCell(r + 1, c + 1).numFmt = i % 2 ? "0%" : "0.000"));
}

function addDataSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("数据");
  ws.getRow(1).values = ["项目", "金额", "日期", "完成", "备注"];
  ws.getRow(2).values = [
    "甲",
    390,
    new Date(Date.UTC(2023, 11, 31)),
    true,
    { richText: [{ text: "重要", font: { bold: true } }, { text: "说明" }] },
  ];
  ws.getRow(3).values = [
    "乙",
    85.13,
    new Date(Date.UTC(2024, 0, 15)),
    false,
    { error: "#N/A" } as ExcelJS.CellErrorValue,
  ];
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 475.13 };
  ws.getCell("B2").numFmt = "#,##0.00";
  ws.getCell("C2").numFmt = "yyyy年m月d日";
  ws.getCell("C3").numFmt = "yyyy-mm-dd";
  ws.getCell("A5").value = "0012";
  ws.getColumn(1).width = 18;
}

function addExtras(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, extras: Extra[]): void {
  if (extras.includes("names")) {
    wb.definedNames.add(`'${ws.name}'!$A$1:$C$3`, "标题区");
    ws.pageSetup.printArea = "A1:J30";
  }
  if (extras.includes("notes")) ws.getCell("A1").note = "请按财政部门要求填写";
  if (extras.includes("cf")) {
    ws.addConditionalFormatting({
      ref: "D5:F12",
      rules: [
        {
          type: "cellIs",
          operator: "greaterThan",
          priority: 1,
          formulae: ["100"],
          style: { font: { color: { argb: "FFFF0000" } } },
        },
      ],
    } as never);
  }
  if (extras.includes("validation")) {
    ws.getCell("B30").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  }
  if (extras.includes("view")) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: 3 }];
    ws.getColumn(3).width = 30;
    ws.getRow(1).height = 28;
  }
  if (extras.includes("hyperlink")) ws.getCell("L1").value = { text: "填报说明", hyperlink: "https://www.mof.gov.cn/" };
  if (extras.includes("hidden")) {
    const h = wb.addWorksheet("隐藏");
    h.state = "hidden";
    h.getCell("A1").value = "下拉选项";
    const v = wb.addWorksheet("内部");
    v.state = "veryHidden";
    v.getCell("A1").value = 1;
  }
  if (extras.includes("data-sheet")) addDataSheet(wb);
}

const X14_EXT =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="2" id="{00000000-0001-0002-0003-000000000001}"><xm:f>隐藏!$A$1="下拉选项"</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFFF00"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';

/** What Excel writes besides the workbook: a calculation chain and printer settings. */
const EXCEL_PARTS: ExtraPart[] = [
  {
    name: "xl/calcChain.xml",
    content:
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    rel: {
      from: "xl/workbook.xml",
      type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
      target: "calcChain.xml",
    },
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
  },
  {
    name: "xl/printerSettings/printerSettings1.bin",
    content: "DEVMODE",
    rel: {
      from: "xl/worksheets/sheet1.xml",
      type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings",
      target: "../printerSettings/printerSettings1.bin",
    },
  },
];

async function postProcess(buffer: Buffer, extras: Extra[]): Promise<Buffer> {
  let out = buffer;
  if (extras.includes("x14")) {
    const zip = await JSZip.loadAsync(out);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace("</worksheet>", `${X14_EXT}</worksheet>`));
    out = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
  const parts = [
    ...(extras.includes("custom") ? [CUSTOM_PART] : []),
    ...(extras.includes("excel-parts") ? EXCEL_PARTS : []),
  ];
  return parts.length ? withParts(out, parts) : out;
}

export async function buildFile(spec: CorpusSpec): Promise<CorpusFile> {
  const wb = new ExcelJS.Workbook();
  const forms = spec.extras.includes("two-forms") ? [spec.form, spec.form === 0 ? 1 : 0] : [spec.form];
  let first: ExcelJS.Worksheet | undefined;
  forms.forEach((form, i) => {
    const { sheet, layout } = formOf(form as CorpusSpec["form"]);
    const blanks = blankCells(layout, spec.blanks);
    for (const [r, c] of blanks) sheet.values[r - sheet.origin.row][c - sheet.origin.col] = null;
    if (spec.style === "one-style") sheet.numberFormats = undefined;
    const ws = addSnapshotSheet(wb, sheet, `表${i + 1}`);
    styleForm(ws, layout, spec.style, blanks);
    first ??= ws;
  });
  addExtras(wb, first!, spec.extras);
  const buffer = await postProcess(Buffer.from(await wb.xlsx.writeBuffer()), spec.extras);
  return { spec, buffer, expectLost: spec.extras.includes("x14") ? ["条件格式（新版）"] : [] };
}

/** 36 files: every form × style, then the extras on top. */
export function corpusSpecs(): CorpusSpec[] {
  const specs: CorpusSpec[] = [];
  const forms: CorpusSpec["form"][] = [0, 1, 2, "dept"];
  const styles: StyleMode[] = ["typed", "one-style", "bordered", "fonts", "user-formats"];
  const blanks: CorpusSpec["blanks"][] = ["rate", "scores", "all"];
  forms.forEach((form, i) =>
    styles.forEach((style, j) =>
      specs.push({ name: `f${form}-${style}`, form, style, blanks: blanks[(i + j) % 3], extras: [] }),
    ),
  );
  const extraSets: Extra[][] = [
    ["custom"],
    ["custom", "names", "notes"],
    ["hidden", "data-sheet"],
    ["cf", "validation", "view"],
    ["hyperlink", "names", "excel-parts"],
    ["two-forms", "custom", "data-sheet"],
    ["notes", "cf", "hidden", "view", "custom"],
    ["excel-parts", "validation", "two-forms"],
    ["x14"],
    ["x14", "custom", "hidden"],
    ["custom", "names", "notes", "hidden", "data-sheet", "cf", "validation", "view", "hyperlink", "excel-parts"],
    ["two-forms", "names"],
    ["data-sheet", "notes"],
    ["custom", "view", "hyperlink"],
    ["hidden", "excel-parts", "cf"],
    ["custom", "two-forms", "validation", "notes"],
  ];
  extraSets.forEach((extras, k) => {
    const style = styles[k % styles.length];
    const form = forms[k % forms.length];
    specs.push({ name: `x${k}-${extras.join("+")}-${style}`, form, style, blanks: blanks[k % 3], extras });
  });
  return specs;
}
