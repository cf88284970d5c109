/**
 * Merged areas read in time linear in their cells. exceljs checks each merge against every
 * earlier one while loading (100,000 merges: 5·10⁹ checks, every command hung). Loading here does
 * what exceljs does — the same merge calls in the same order, the same error on an overlap —
 * but finds an overlap by asking the cells themselves, and refuses a sheet whose merges would
 * cover more cells than the budget (exceljs builds an object for every merged cell).
 */
import { excel } from "./lib";
import { parseRangeA1 } from "../../engine/sheet/snapshot";
import { WorkbookReadError } from "./errors";

/** Cells all merged areas of one sheet may cover. */
export const MAX_MERGED_CELLS = 1_000_000;

interface MergeInternals {
  _merges: Record<string, unknown>;
  findCell(row: number, col: number): { isMerged: boolean } | undefined;
  mergeCellsWithoutStyle(range: string): void;
}

function parseMergesLinearly(this: MergeInternals, model: { mergeCells?: string[] }): void {
  let covered = 0;
  for (const ref of model.mergeCells ?? []) {
    const r = parseRangeA1(ref);
    if (!r) continue; // exceljs would throw on an unreadable ref deep inside; skipping loses nothing
    covered += (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
    if (covered > MAX_MERGED_CELLS) {
      throw new WorkbookReadError(
        "too-large",
        `合并单元格覆盖超过 ${MAX_MERGED_CELLS.toLocaleString("en-US")} 个单元格的上限`,
        `merged areas cover more than the limit of ${MAX_MERGED_CELLS.toLocaleString("en-US")} cells`,
      );
    }
    for (let row = r.r1 + 1; row <= r.r2 + 1; row++) {
      for (let col = r.c1 + 1; col <= r.c2 + 1; col++) {
        if (this.findCell(row, col)?.isMerged) throw new Error("Cannot merge already merged cells");
      }
    }
    // exceljs's own merge, with its list of earlier merges set aside so it has nothing to compare.
    const earlier = this._merges;
    this._merges = {};
    try {
      this.mergeCellsWithoutStyle(ref);
    } finally {
      this._merges = Object.assign(earlier, this._merges);
    }
  }
}

let installed = false;

/** Replace exceljs's quadratic merge loading; idempotent, done once before the first load. */
export function installLinearMergeLoading(): void {
  if (installed) return;
  const { Workbook } = excel();
  const proto = (Workbook.prototype.addWorksheet.call(new Workbook(), "x") as object).constructor.prototype as {
    _parseMergeCells?: unknown;
  };
  if (typeof proto._parseMergeCells === "function") proto._parseMergeCells = parseMergesLinearly;
  installed = true;
}
