/**
 * The read-only workbook port for checking and reviewing .xlsx files, lighter than loading the
 * whole workbook into exceljs: only the parts a check reads are parsed (./workbook.ts), by a
 * hand-written scanner. It reads exactly what ExcelJsPort reads — the same sheets, snapshots,
 * settings and clip notices (test/host-exceljs/lightRead.test.ts compares every workbook in the
 * repository both ways). A file it cannot vouch for is opened by ExcelJsPort instead (`openForReading`).
 */
import * as fs from "fs";
import type { SheetSnapshot } from "../../../engine/sheet/snapshot";
import type { ReadOptions, WorkbookPort, WritePlan } from "../../port";
import { PlanError } from "../apply";
import { installLinearDateFormatCheck } from "../dateFormats";
import { sizeToRead } from "../errors";
import { checkHeader, DEFAULT_LOAD_LIMITS, type LoadLimits } from "../load";
import { checkInflatedParts, DEFAULT_ZIP_BUDGET } from "../zipBudget";
import { readPlainZip } from "../nativeZip";
import { ExcelJsPort } from "../port";
import { SETTINGS_SHEET } from "../settings";
import { DEFAULT_SNAPSHOT_LIMITS, type ClipNotice, type SnapshotLimits } from "../snapshot";
import { T, type Cell } from "./cells";
import { lightSnapshot } from "./snapshot";
import { readLightWorkbook, type LightSheet, type LightWorkbook } from "./workbook";
import { Unsupported } from "./xml";

/** What check and review need of an opened workbook. */
export interface ReadablePort extends WorkbookPort {
  readonly clipped: ClipNotice[];
}

/** A setting's text as exceljs's readSetting makes it with String(); undefined where that is not plain. */
function textOf(cell: Cell | undefined): string | null | undefined {
  if (!cell || cell.type === T.Null) return null;
  if (cell.type === T.String || cell.type === T.Number || cell.type === T.Boolean) return String(cell.raw);
  return undefined;
}

/** The settings sheet's key → value pairs as readSetting finds them (first key wins). */
function settingsOf(sheet: LightSheet | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!sheet) return out;
  if (sheet.sheet.merges.length > 0) throw new Unsupported("merged settings");
  for (const r of sheet.sheet.order) {
    const cells = sheet.sheet.rows.get(r)!.cells;
    if (!cells.some((c) => c && c.type !== T.Null)) continue;
    const key = textOf(cells[0]);
    const value = textOf(cells[1]);
    if (key === undefined || value === undefined) throw new Unsupported("settings cell");
    if (out.get(key ?? "") === undefined) out.set(key ?? "", value ?? undefined);
  }
  return out;
}

export class LightReadPort implements ReadablePort {
  readonly clipped: ClipNotice[] = [];
  private readonly settings: Map<string, string | undefined>;

  private constructor(
    private readonly workbook: LightWorkbook,
    private readonly limits: SnapshotLimits,
  ) {
    this.settings = settingsOf(workbook.sheets.find((s) => s.name === SETTINGS_SHEET));
  }

  /** The light read, or null when the file needs exceljs (errors before parsing are thrown as exceljs's are). */
  static fromBuffer(data: Uint8Array, limits: LoadLimits = DEFAULT_LOAD_LIMITS, snapshot = DEFAULT_SNAPSHOT_LIMITS) {
    checkHeader(data, limits);
    installLinearDateFormatCheck();
    const entries = readPlainZip(Buffer.from(data.buffer, data.byteOffset, data.length));
    if (!entries) return null; // exceljs's path applies the zip budget itself
    checkInflatedParts(entries, limits.zip ?? DEFAULT_ZIP_BUDGET);
    const files = new Map(entries.filter((e) => !e.dir).map((e) => [e.name, e.data]));
    try {
      const workbook = readLightWorkbook({ names: [...files.keys()], text: (n) => files.get(n)?.toString("utf8") });
      return new LightReadPort(workbook, snapshot);
    } catch {
      // Unsupported (./xml.ts), or anything unforeseen: exceljs reads the file and reports as it always did.
      return null;
    }
  }

  private visible(): LightSheet[] {
    return this.workbook.sheets.filter((s) => s.name !== SETTINGS_SHEET);
  }

  async listSheets(): Promise<string[]> {
    return this.visible().map((s) => s.name);
  }

  async activeSheet(): Promise<string> {
    const visible = this.visible();
    return (visible[this.workbook.activeTab ?? 0] ?? visible[0])?.name ?? "";
  }

  async readSheet(wanted: string | null, options: ReadOptions = {}): Promise<SheetSnapshot> {
    const name = wanted ?? (await this.activeSheet());
    const sheet = this.workbook.sheets.find((s) => s.name === name);
    if (!sheet || name === SETTINGS_SHEET) throw new PlanError(`找不到工作表：${name}`);
    const { snapshot, clipped } = lightSnapshot(name, sheet.sheet, options, this.limits);
    if (clipped && !this.clipped.some((c) => c.sheet === name)) this.clipped.push(clipped);
    return snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    void plan;
    throw new PlanError("只读打开的工作簿不能写入");
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async setSetting(): Promise<void> {
    throw new PlanError("只读打开的工作簿不能写入");
  }

  supportsNotes(): boolean {
    return true;
  }
}

/** Which reader `openForReading` uses: ZIPING_READER=exceljs forces exceljs (for comparisons). */
export type Reader = "light" | "exceljs";

/**
 * Open a file for reading only (check, review): the light reader, else exceljs read-only. Errors
 * are exceljs's: the same WorkbookReadError for the same file.
 */
/** Any stat failure reads as "not found", as in ExcelJsPort.fromFile. */
function statOrNothing(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

export async function openForReading(path: string, reader: Reader = defaultReader()): Promise<ReadablePort> {
  if (reader === "exceljs") return ExcelJsPort.fromFile(path, { readOnly: true });
  const limits = DEFAULT_LOAD_LIMITS;
  // Synchronous, as the whole light read is: in a pool worker an asynchronous stat and read each
  // wait for a thread of libuv's pool, which on a busy machine cost more than reading the form.
  // As ExcelJsPort.fromFile: refused before reading a byte, and a read error is not "not found".
  sizeToRead(statOrNothing(path), limits.maxBytes);
  const data = fs.readFileSync(path);
  return LightReadPort.fromBuffer(data, limits) ?? ExcelJsPort.fromBuffer(data, { readOnly: true });
}

export function defaultReader(): Reader {
  return process.env.ZIPING_READER === "exceljs" ? "exceljs" : "light";
}
