/**
 * The exceljs WorkbookPort: a .xlsx file held in memory. Reads are snapshots of the cells that
 * hold values; writes are applied in order and saved with `toBuffer`/`saveAs`.
 */
import type ExcelJS from "exceljs";
import * as fs from "fs/promises";
import type { SheetSnapshot } from "../../engine/sheet/snapshot";
import type { ReadOptions, WorkbookPort, WritePlan } from "../port";
import { applyOp, PlanError } from "./apply";
import { lostInPackage } from "./audit";
import { carryParts } from "./carry";
import { keepWhatExcelJsResets } from "./keep";
import { excel, jszip } from "./lib";
import { sizeToRead } from "./errors";
import { DEFAULT_LOAD_LIMITS, dropUnwritableFormats, loadWorkbook, partsLostOnSave, type LoadLimits } from "./load";
import { readSetting, SETTINGS_SHEET, writeSetting } from "./settings";
import { DEFAULT_SNAPSHOT_LIMITS, readSnapshot, type ClipNotice, type SnapshotLimits } from "./snapshot";

export interface OpenOptions {
  load?: LoadLimits;
  snapshot?: SnapshotLimits;
  /** Skip parts only writers need (validations, drawings): for read-only checks. */
  readOnly?: boolean;
}

export class ExcelJsPort implements WorkbookPort {
  readonly workbook: ExcelJS.Workbook;
  /** Sheets whose used range was larger than the limits and was read in part. */
  readonly clipped: ClipNotice[] = [];
  /** What the file holds that a saved copy would lack (图表, 数据透视表 …): see partsLostOnSave. */
  lostOnSave: string[] = [];
  private readonly snapshotLimits: SnapshotLimits;
  /** The bytes the workbook was read from: parts exceljs drops are carried over from them. */
  private source: Uint8Array | undefined;

  constructor(workbook: ExcelJS.Workbook = new (excel().Workbook)(), snapshotLimits = DEFAULT_SNAPSHOT_LIMITS) {
    this.workbook = workbook;
    this.snapshotLimits = snapshotLimits;
  }

  static async fromBuffer(data: Uint8Array, options: OpenOptions = {}): Promise<ExcelJsPort> {
    const wb = await loadWorkbook(data, { limits: options.load ?? DEFAULT_LOAD_LIMITS, readOnly: options.readOnly });
    dropUnwritableFormats(wb);
    const port = new ExcelJsPort(wb, options.snapshot);
    port.lostOnSave = partsLostOnSave(data);
    port.source = data;
    return port;
  }

  static async fromFile(path: string, options: OpenOptions = {}): Promise<ExcelJsPort> {
    const limits = options.load ?? DEFAULT_LOAD_LIMITS;
    sizeToRead(await fs.stat(path).catch(() => undefined), limits.maxBytes);
    return ExcelJsPort.fromBuffer(await fs.readFile(path), options);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws || name === SETTINGS_SHEET) throw new PlanError(`找不到工作表：${name}`);
    return ws;
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name).filter((n) => n !== SETTINGS_SHEET);
  }

  async activeSheet(): Promise<string> {
    const views = (this.workbook as unknown as { views?: { activeTab?: number }[] }).views;
    const tab = views?.[0]?.activeTab ?? 0;
    const visible = this.workbook.worksheets.filter((w) => w.name !== SETTINGS_SHEET);
    return (visible[tab] ?? visible[0])?.name ?? "";
  }

  async readSheet(wanted: string | null, options?: ReadOptions): Promise<SheetSnapshot> {
    const name = wanted ?? (await this.activeSheet());
    const { snapshot, clipped } = readSnapshot(this.sheet(name), options, this.snapshotLimits);
    if (clipped && !this.clipped.some((c) => c.sheet === name)) this.clipped.push(clipped);
    return snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    if (plan.createSheet) {
      if (this.workbook.getWorksheet(plan.sheet)) throw new PlanError(`工作表已存在：${plan.sheet}`);
      this.workbook.addWorksheet(plan.sheet);
    }
    const ws = this.sheet(plan.sheet);
    let formulas = false;
    for (const op of plan.ops) formulas = applyOp(ws, op) || formulas;
    // exceljs writes formulas without cached results; ask Excel/WPS to calculate on open.
    if (formulas) this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    if (plan.activate) {
      const idx = this.workbook.worksheets.indexOf(ws);
      (this.workbook as unknown as { views: unknown[] }).views = [{ activeTab: Math.max(0, idx) }];
    }
  }

  /** Files carry notes (comments parts) in every version. */
  supportsNotes(): boolean {
    return true;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return readSetting(this.workbook, key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    writeSetting(this.workbook, key, value);
  }

  async toBuffer(): Promise<Buffer> {
    return (await this.toPackage()).buffer;
  }

  /**
   * The workbook as written by exceljs, with the input's parts exceljs drops but can be carried
   * (custom properties, add-in settings …) put back, and what it still lacks compared with the
   * input in Chinese words (`lost`; [] when nothing), so a command can refuse to write it.
   */
  async toPackage(): Promise<{ buffer: Buffer; lost: string[]; carried: string[] }> {
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    if (!this.source) return { buffer: written, lost: [], carried: [] };
    const input = await jszip().loadAsync(this.source);
    const output = await jszip().loadAsync(written);
    const carried = await carryParts(input, output);
    const kept = await keepWhatExcelJsResets(input, output);
    const lost = await lostInPackage(input, output);
    if (carried.length === 0 && kept.length === 0) return { buffer: written, lost, carried };
    const buffer = await output.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    return { buffer, lost, carried };
  }

  async saveAs(path: string): Promise<void> {
    await fs.writeFile(path, await this.toBuffer());
  }
}
