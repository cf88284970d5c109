/**
 * The workbook port over Office.js. Every `Excel.run` of the add-in lives in this folder.
 *
 * Round trips: readSheet is one `context.sync` (the active sheet too, resolved in it); apply is
 * one per batch — one batch unless the data exceeds Office's request limit — plus one read first
 * when the plan clears marks. A sheet with more than 512 merged areas costs one more read the first
 * time (Excel refuses the one-call read); the port remembers it, and reads it in one sync after.
 */
import type { CellRange, SheetSnapshot } from "../../engine/sheet/snapshot";
import type { ReadOptions, WorkbookPort, WriteOp, WritePlan } from "../port";
import { type ApplyEnv, queueOp } from "./apply";
import { MAX_CELLS_PER_READ, planReadBands, planWriteBatches, REQUEST_BUDGET_BYTES } from "./batching";
import { assertExcelHost, describeOfficeError, errorCode, isPayloadLimit, OfficeHostError } from "./errors";
import { isOurMarkFormat } from "./marks";
import { NO_NOTES, notedCells, queueNoteRead, type NoteState } from "./markNotes";
import { planIssues, sheetNameIssue } from "./planCheck";
import { notesAvailable, sheetCopyAvailable } from "./requirements";
import { type OfficeRangeData, joinBandMerges, joinBands, parseAreas, toSnapshot } from "./snapshot";

export interface OfficePortOptions {
  /** Bytes one write batch may carry (default: under Excel on the web's 5 MB). */
  requestBudgetBytes?: number;
  /** Cells a read band may cover when a read has to be split. */
  cellsPerReadBand?: number;
}

/** Load only what the snapshot needs (literal names, so the office-addins lint can check them). */
function loadRange(range: Excel.Range, options: ReadOptions | undefined): void {
  range.load("rowIndex,columnIndex,rowCount,columnCount,values,valueTypes");
  if (options?.formulas !== false) range.load("formulas");
  if (options?.numberFormats !== false) range.load("numberFormat");
}

function rangeData(range: Excel.Range, options: ReadOptions | undefined): OfficeRangeData {
  return {
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    values: range.values,
    valueTypes: range.valueTypes as string[][],
    formulas: options?.formulas !== false ? range.formulas : undefined,
    numberFormat: options?.numberFormats !== false ? range.numberFormat : undefined,
  };
}

/** The named sheet, or the active one (its name loaded in the same sync). */
function sheetFor(context: Excel.RequestContext, name: string | null): Excel.Worksheet {
  if (name !== null) return context.workbook.worksheets.getItem(name);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  return sheet;
}

/** One round trip: the used range (values only) with what the engine needs, and the merged areas. */
async function readWhole(name: string | null, options: ReadOptions | undefined): Promise<SheetSnapshot> {
  return Excel.run(async (context) => {
    const sheet = sheetFor(context, name);
    const used = sheet.getUsedRangeOrNullObject(true);
    loadRange(used, options);
    const merged = sheet.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    await context.sync();
    const merges = merged.isNullObject ? [] : parseAreas(merged.address);
    return toSnapshot(name ?? sheet.name, used.isNullObject ? null : rangeData(used, options), merges);
  });
}

/** Rows per merged-areas call when a sheet has more than Excel's 512 per call. */
const MERGE_BAND_ROWS = 100;
/** Rows whose merged areas are read, band by band, in the same sync as the used range. */
const MERGE_BAND_GUESS_ROWS = 10_000;

/** Queue the merged-area reads of rows [first, end), 100 rows a call. */
function queueMergeBands(sheet: Excel.Worksheet, first: number, end: number): Excel.RangeAreas[] {
  const bands: Excel.RangeAreas[] = [];
  for (let row = first; row < end; row += MERGE_BAND_ROWS) {
    const rows = Math.min(MERGE_BAND_ROWS, end - row);
    const areas = sheet.getRangeByIndexes(row, 0, rows, 1).getEntireRow().getMergedAreasOrNullObject();
    areas.load("address");
    bands.push(areas);
  }
  return bands;
}

function bandMerges(bands: Excel.RangeAreas[]): CellRange[][] {
  return bands.map((areas) => (areas.isNullObject ? [] : parseAreas(areas.address)));
}

/**
 * Excel refuses getMergedAreas on a range with more than 512 merged areas (a long form with a
 * merge on every row). Then: the used range and the merged areas of its likely rows, band by
 * band (each call has its own limit), all in one sync — `rowsGuess` rows from the top, the
 * sheet's known extent when it was read before. Rows the guess missed take one more sync.
 */
async function readWithBandedMerges(
  name: string | null,
  options: ReadOptions | undefined,
  rowsGuess: number,
): Promise<SheetSnapshot> {
  return Excel.run(async (context) => {
    const sheet = sheetFor(context, name);
    const used = sheet.getUsedRangeOrNullObject(true);
    loadRange(used, options);
    const guessed = queueMergeBands(sheet, 0, rowsGuess);
    await context.sync();
    const sheetName = name ?? sheet.name;
    if (used.isNullObject) return toSnapshot(sheetName, null, []);
    const parts = bandMerges(guessed);
    const end = used.rowIndex + used.rowCount;
    if (end > rowsGuess) {
      const rest = queueMergeBands(sheet, rowsGuess, end);
      await context.sync();
      parts.push(...bandMerges(rest));
    }
    return toSnapshot(sheetName, rangeData(used, options), joinBandMerges(parts));
  });
}

/** Merged areas of rows [first, first + count), 100 rows a call, all calls in one sync. */
async function readMergesInBands(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  first: number,
  count: number,
): Promise<CellRange[]> {
  const bands = queueMergeBands(sheet, first, first + count);
  await context.sync();
  return joinBandMerges(bandMerges(bands));
}

/**
 * The used range was too big for one answer: learn its size, then read it in row bands, one
 * sync each. Only reached past Office's limits, where more round trips are unavoidable.
 */
async function readInBands(
  wanted: string | null,
  options: ReadOptions | undefined,
  maxCells: number,
): Promise<SheetSnapshot> {
  return Excel.run(async (context) => {
    const sheet = sheetFor(context, wanted);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const name = wanted ?? sheet.name;
    if (used.isNullObject) return toSnapshot(name, null, []);
    const merges = await readMergesInBands(context, sheet, used.rowIndex, used.rowCount);
    const bands: OfficeRangeData[] = [];
    let limit = maxCells;
    const plan = planReadBands(used.rowCount, used.columnCount, limit);
    const queue = plan.map((b) => ({ row: used.rowIndex + b.row, count: b.count }));
    while (queue.length > 0) {
      const band = queue[0];
      const range = sheet.getRangeByIndexes(band.row, used.columnIndex, band.count, used.columnCount);
      loadRange(range, options);
      try {
        // Sequential on purpose: each band must fit one answer, so they cannot share a sync.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        // Still too big (long texts): halve the band and retry; a single row that fails is a real error.
        if (!isPayloadLimit(e) || band.count === 1) throw e;
        limit = Math.max(used.columnCount, Math.floor(limit / 2));
        const half = Math.ceil(band.count / 2);
        queue.splice(0, 1, { row: band.row, count: half }, { row: band.row + half, count: band.count - half });
        continue;
      }
      bands.push(rangeData(range, options));
      queue.shift();
    }
    return joinBands(name, bands, merges);
  });
}

/**
 * Our marks' conditional formats (when clearing) and the notes of the marked cells, read in one
 * sync, to be deleted or respected in the next.
 */
async function readMarkState(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  clears: boolean,
  noteCells: string[] | null,
): Promise<{ formats: Excel.ConditionalFormat[]; notes: NoteState }> {
  const formats = sheet.getRange().conditionalFormats;
  if (clears)
    formats.load("items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color");
  const notes = noteCells ? queueNoteRead(sheet, noteCells, clears) : () => NO_NOTES;
  await context.sync();
  const ours = clears
    ? formats.items.filter((cf) => {
        if (cf.type !== Excel.ConditionalFormatType.custom) return false;
        const custom = cf.customOrNullObject;
        return isOurMarkFormat(custom.rule.formula, custom.format.fill.color);
      })
    : [];
  return { formats: ours, notes: notes() };
}

function writesCells(ops: readonly WriteOp[]): boolean {
  return ops.some((op) => op.kind === "values" || op.kind === "formulas");
}

/** Below this, a batch Office still refuses for its size is a real error, not something to split. */
const MIN_BUDGET_BYTES = 16_000;

interface BatchHooks {
  /** Commands that must ride in the first successful sync (create or find the sheet, delete old marks). */
  before?: () => void;
  /** Commands for the last sync (activate the sheet). */
  after?: () => void;
}

/**
 * Queue one batch and send it in one sync. Office refuses an oversized request before running
 * any of it, so when our size estimate was too low the same operations are re-planned at half
 * the budget and sent again — nothing is applied twice.
 */
async function sendBatch(
  context: Excel.RequestContext,
  env: () => ApplyEnv,
  ops: WriteOp[],
  budget: number,
  hooks: BatchHooks,
): Promise<void> {
  hooks.before?.();
  // Recalculating after every cell of a large write is what makes Excel slow.
  if (writesCells(ops)) context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const op of ops) queueOp(env(), op);
  hooks.after?.();
  try {
    await context.sync();
  } catch (e) {
    const half = Math.floor(budget / 2);
    if (!isPayloadLimit(e) || half < MIN_BUDGET_BYTES) throw e;
    const parts = planWriteBatches(ops, half);
    for (let i = 0; i < parts.length; i++) {
      const partHooks = {
        before: i === 0 ? hooks.before : undefined,
        after: i === parts.length - 1 ? hooks.after : undefined,
      };
      await sendBatch(context, env, parts[i], half, partHooks);
    }
  }
}

async function applyPlan(plan: WritePlan, budget: number): Promise<void> {
  const planned = planWriteBatches(plan.ops, budget);
  // A plan of only createSheet / activate / clearMarks still needs its one sync.
  const batches = planned.length > 0 ? planned : [[]];
  // A sheet the plan creates has no marks to clear.
  const clears = !plan.createSheet && plan.ops.some((op) => op.kind === "clearMarks");
  const notesSupported = notesAvailable();
  // Notes are read only where the host has them; a sheet the plan creates has none.
  const noteCells =
    notesSupported && !plan.createSheet && (clears || notedCells(plan).length > 0) ? notedCells(plan) : null;
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // Only an existing sheet can be looked up: getItem on the sheet a plan creates would fail.
    const existing = clears || noteCells ? sheets.getItem(plan.sheet) : null;
    // Deletions ride in the first write batch; reading the rules and notes is the one extra round trip.
    const state = existing ? await readMarkState(context, existing, clears, noteCells) : null;
    let sheet: Excel.Worksheet | null = existing;
    const before = (): void => {
      // Re-created on a retry: a refused request discarded the commands that made the proxy.
      if (plan.createSheet) sheet = sheets.add(plan.sheet);
      else if (!existing) sheet = sheets.getItem(plan.sheet);
      for (const cf of state?.formats ?? []) cf.delete();
      for (const note of state?.notes.ours ?? []) note.delete();
    };
    const env = (): ApplyEnv => {
      if (!sheet) throw new Error("sheet not resolved before the first batch");
      return { context, sheet, sheetName: plan.sheet, notesSupported, takenNoteCells: state?.notes.taken };
    };
    const after = (): void => env().sheet.activate();
    for (let i = 0; i < batches.length; i++) {
      const hooks: BatchHooks = {
        before: i === 0 ? before : undefined,
        after: plan.activate && i === batches.length - 1 ? after : undefined,
      };
      // One sync per batch: batches exist only because one request cannot carry them all.

      await sendBatch(context, env, batches[i], budget, hooks);
    }
  });
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly budget: number;
  private readonly cellsPerBand: number;

  constructor(options: OfficePortOptions = {}) {
    this.budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
    this.cellsPerBand = options.cellsPerReadBand ?? MAX_CELLS_PER_READ;
  }

  async listSheets(): Promise<string[]> {
    assertExcelHost();
    try {
      return await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
    } catch (e) {
      throw describeOfficeError(e);
    }
  }

  async activeSheet(): Promise<string> {
    assertExcelHost();
    try {
      return await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        return sheet.name;
      });
    } catch (e) {
      throw describeOfficeError(e);
    }
  }

  async readSheet(name: string | null, options?: ReadOptions): Promise<SheetSnapshot> {
    assertExcelHost();
    const snapshot = await this.read(name, options);
    if (name === null) this.lastActive = snapshot.name;
    return snapshot;
  }

  private async read(name: string | null, options?: ReadOptions): Promise<SheetSnapshot> {
    const label = name ?? undefined;
    // The active sheet's name is only known after the read: go by the sheet the last one was.
    const known = this.bandedSheets.get(name ?? this.lastActive ?? "");
    try {
      // A sheet known to hold more than 512 merged areas goes straight to the banded read.
      if (known !== undefined) return await readWithBandedMerges(name, options, known);
      return await readWhole(name, options);
    } catch (e) {
      if (errorCode(e) === "ItemNotFound") throw describeOfficeError(e, label);
      if (!isPayloadLimit(e)) {
        // Most likely more than 512 merged areas: Excel gives no specific code for that.
        try {
          const snapshot = await readWithBandedMerges(name, options, known ?? MERGE_BAND_GUESS_ROWS);
          this.rememberBanded(snapshot);
          return snapshot;
        } catch (e2) {
          if (!isPayloadLimit(e2)) throw describeOfficeError(e2, label);
        }
      }
    }
    try {
      return await readInBands(name, options, this.cellsPerBand);
    } catch (e) {
      throw describeOfficeError(e, label);
    }
  }

  /** The sheet the last read of the active sheet turned out to be. */
  private lastActive: string | undefined;

  /** Sheet name → rows to band next time (its extent, with room to grow). */
  private readonly bandedSheets = new Map<string, number>();

  private rememberBanded(snapshot: SheetSnapshot): void {
    const end = snapshot.origin.row + snapshot.values.length;
    this.bandedSheets.set(
      snapshot.name,
      Math.max(MERGE_BAND_ROWS, Math.ceil((end * 1.2 + 100) / MERGE_BAND_ROWS) * MERGE_BAND_ROWS),
    );
  }

  async apply(plan: WritePlan): Promise<void> {
    assertExcelHost();
    const issues = planIssues(plan);
    if (issues.length > 0) {
      const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : "";
      throw new OfficeHostError("InvalidPlan", `写入内容有误，工作表未做任何更改：${issues[0]}${more}`, issues[0]);
    }
    try {
      await applyPlan(plan, this.budget);
    } catch (e) {
      throw describeOfficeError(e, plan.sheet);
    }
  }

  canCopySheet(): boolean {
    return sheetCopyAvailable();
  }

  async copySheet(sheet: string, name: string): Promise<void> {
    assertExcelHost();
    if (!this.canCopySheet())
      throw new OfficeHostError(
        "ApiNotFound",
        "此版本的 Excel 不能复制工作表（需要 ExcelApi 1.7），工作簿未做任何更改。",
      );
    const issue = sheetNameIssue(name);
    if (issue) throw new OfficeHostError("InvalidPlan", `副本名称有误，工作簿未做任何更改：${issue}`);
    try {
      await Excel.run(async (context) => {
        const source = context.workbook.worksheets.getItem(sheet);
        const copy = source.copy("After", source);
        copy.name = name;
        // The copy is a keepsake: the clerk stays on the sheet being changed.
        source.activate();
        await context.sync();
      });
    } catch (e) {
      throw describeOfficeError(e, sheet);
    }
  }

  supportsNotes(): boolean {
    return notesAvailable();
  }

  async getSetting(key: string): Promise<string | undefined> {
    assertExcelHost();
    const v: unknown = Office.context.document.settings.get(key);
    if (v === null || v === undefined) return undefined;
    return typeof v === "string" ? v : JSON.stringify(v);
  }

  async setSetting(key: string, value: string): Promise<void> {
    assertExcelHost();
    const settings = Office.context.document.settings;
    settings.set(key, value);
    // Settings live in memory until saved into the document; save so they travel with the file.
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else reject(new Error(`无法把设置保存到工作簿：${result.error?.message ?? "未知错误"}`));
      });
    });
  }
}

export function createOfficePort(options?: OfficePortOptions): WorkbookPort {
  return new OfficeWorkbookPort(options);
}
