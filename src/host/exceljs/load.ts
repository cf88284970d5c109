/**
 * Loading an .xlsx into exceljs defensively: sniff the bytes first (an encrypted workbook is an
 * OLE compound file, not a zip; exceljs would fail with an obscure message), cap the size, and
 * turn every exceljs failure into a WorkbookReadError with a zh-CN message.
 */
import type ExcelJS from "exceljs";
import { excel } from "./lib";
import { CFB_MAGIC, compoundFileKind } from "./compoundFile";
import { WorkbookReadError } from "./errors";
import { installLinearDateFormatCheck } from "./dateFormats";
import { installVerbatimNumberFormats } from "./numFmtVerbatim";
import { installNotesOnEmptyCells } from "./notesOnEmptyCells";
import { installLinearMergeLoading } from "./merges";
import { prepareNativeInflate } from "./nativeZip";
import { checkZipBudget, DEFAULT_ZIP_BUDGET, type ZipBudget } from "./zipBudget";

export interface LoadLimits {
  /** Bytes; larger files are refused before parsing. */
  maxBytes: number;
  /** Decompressed size and cell count, checked from the zip before exceljs sees it. */
  zip?: ZipBudget;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxBytes: 50 * 1024 * 1024, zip: DEFAULT_ZIP_BUDGET };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Parts of a worksheet the check path never looks at: skipping them makes loading cheaper. */
export const READ_ONLY_IGNORED_NODES = [
  "dataValidations",
  "hyperlinks",
  "drawing",
  "picture",
  "tableParts",
  "conditionalFormatting",
  "pageSetup",
  "printOptions",
  "pageMargins",
  "headerFooter",
  "rowBreaks",
  "sheetProtection",
  "autoFilter",
  "extLst",
];

/**
 * What is refused before any part is parsed (empty, too large, encrypted, old .xls, not a zip,
 * past the zip budget): the same checks and errors for exceljs and the light reader.
 */
export function checkBeforeLoading(data: Uint8Array, limits: LoadLimits = DEFAULT_LOAD_LIMITS): void {
  checkHeader(data, limits);
  checkZipBudget(data, limits.zip ?? DEFAULT_ZIP_BUDGET);
}

/** checkBeforeLoading without the zip budget (the light reader applies it to the parts it inflated). */
export function checkHeader(data: Uint8Array, limits: LoadLimits = DEFAULT_LOAD_LIMITS): void {
  if (data.length === 0) throw new WorkbookReadError("empty-file");
  if (data.length > limits.maxBytes) {
    throw new WorkbookReadError("too-large", `${(data.length / 1048576).toFixed(1)} MB`);
  }
  if (startsWith(data, CFB_MAGIC)) throw compoundFileError(data);
  if (!startsWith(data, ZIP_MAGIC)) throw new WorkbookReadError("not-xlsx");
}

/**
 * A compound file is an encrypted workbook (.xlsx or .xls) or else an old .xls, whatever its name —
 * unless its directory does not hold together: then it is damaged (or garbage behind the header),
 * and sending the user to `ziping review` would only get the same verdict later. Any sound
 * directory counts as old here, as a WPS .et given to check may name its streams its own way.
 */
function compoundFileError(data: Uint8Array): WorkbookReadError {
  const kind = compoundFileKind(data, true);
  if (kind === "encrypted") return new WorkbookReadError("encrypted");
  if (kind === "damaged")
    return new WorkbookReadError("corrupt", "旧版 .xls 文件结构不完整", "the old .xls structure is incomplete");
  return new WorkbookReadError("old-xls");
}

export async function loadWorkbook(
  data: Uint8Array,
  options: { limits?: LoadLimits; readOnly?: boolean } = {},
): Promise<ExcelJS.Workbook> {
  checkBeforeLoading(data, options.limits ?? DEFAULT_LOAD_LIMITS);
  const { Workbook } = excel(); // first: where exceljs is not at hand, the file goes where it is (./lib.ts)
  installLinearMergeLoading();
  installLinearDateFormatCheck();
  installVerbatimNumberFormats();
  installNotesOnEmptyCells();
  const wb = new Workbook();
  try {
    const loadOptions = options.readOnly ? { ignoreNodes: READ_ONLY_IGNORED_NODES } : undefined;
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
    prepareNativeInflate(buffer);
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(buffer as never, loadOptions as never);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e; // a budget refused during loading (merged cells)
    const text = e instanceof Error ? e.message : String(e);
    // A zip that is not an OOXML workbook (a .docx, a zip of anything) has no workbook part.
    if (/workbook|Cannot read prop|undefined|end of central directory|invalid|corrupt/i.test(text)) {
      throw new WorkbookReadError("corrupt");
    }
    throw new WorkbookReadError("corrupt", text.slice(0, 80));
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError("no-sheets");
  return wb;
}

/**
 * Parts of a workbook that exceljs reads past and does not write back: a file it saves has lost
 * them. Part names are stored uncompressed in a zip (local headers and central directory), so a
 * byte search for their folder finds them without unpacking anything.
 */
const DROPPED_PARTS: readonly [string, string][] = [
  ["xl/charts/", "图表"],
  ["xl/pivotTables/", "数据透视表"],
  ["xl/slicers/", "切片器"],
  ["xl/timelines/", "日程表"],
  ["xl/ctrlProps/", "表单控件"],
  ["xl/vbaProject.bin", "宏"],
];

/** What a copy written by exceljs would lack, in Chinese words (图表, 数据透视表 …); [] when nothing. */
export function partsLostOnSave(data: Uint8Array): string[] {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString("latin1");
  return DROPPED_PARTS.filter(([part]) => text.includes(part)).map(([, word]) => word);
}

type CfRule = { type?: string; formulae?: unknown[] };
type Cf = { rules?: CfRule[] };

/** Rule kinds exceljs renders from `formulae`; without one its writer throws. */
const FORMULA_RULES = new Set(["expression", "cellIs"]);

/**
 * exceljs reads an x14 conditional format (extLst) into a rule without its formula and then
 * fails to write the workbook at all ("Cannot read properties of undefined"). Such rules are
 * removed after loading: the write succeeds, and the package audit (audit.ts) sees the x14
 * extension gone and names it, so calc and freeze refuse instead of silently dropping it.
 */
export function dropUnwritableFormats(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const holder = ws as unknown as { conditionalFormattings?: Cf[] };
    if (!holder.conditionalFormattings) continue;
    holder.conditionalFormattings = holder.conditionalFormattings
      .map((cf) => ({
        ...cf,
        rules: (cf.rules ?? []).filter((r) => !FORMULA_RULES.has(r.type ?? "") || (r.formulae?.length ?? 0) > 0),
      }))
      .filter((cf) => cf.rules.length > 0);
  }
}
