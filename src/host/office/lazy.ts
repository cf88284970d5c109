/**
 * The Office adapter as the pane's first scripts carry it: the workbook port and the pane's Office
 * calls, each loading the adapter (a chunk of its own, ~6 KB gzip) on first use. The pane paints
 * without it; its first read, right after that paint, brings it in (bench
 * bundle.taskpane.initial_gzip_kb). What the pane asks while it renders — the language, the API
 * sets, whether files can be saved — is answered here without the adapter.
 */
import type { ReadOptions, WorkbookPort, WritePlan } from "../port";
import { canSaveFiles, downloadFile } from "./files";
import { officeLocale, type PaneLocale } from "./locale";
import { notesAvailable, sheetCopyAvailable } from "./requirements";

type Adapter = typeof import("./index");

export interface LazyOfficeHost {
  port: WorkbookPort;
  selectCell(sheet: string, address: string): Promise<void>;
  recalculate(): Promise<void>;
  saveFile?(name: string, data: Blob): Promise<void>;
  locale: PaneLocale;
}

export function lazyOfficeHost(
  load: () => Promise<Adapter> = () => import(/* webpackChunkName: "office" */ "./index"),
): LazyOfficeHost {
  let adapter: Promise<Adapter> | undefined;
  const loaded = () => (adapter ??= load());
  let real: Promise<WorkbookPort> | undefined;
  const port = () => (real ??= loaded().then((a) => a.createOfficePort()));
  const workbook: WorkbookPort = {
    listSheets: () => port().then((p) => p.listSheets()),
    activeSheet: () => port().then((p) => p.activeSheet()),
    readSheet: (name: string | null, options?: ReadOptions) => port().then((p) => p.readSheet(name, options)),
    apply: (plan: WritePlan) => port().then((p) => p.apply(plan)),
    getSetting: (key: string) => port().then((p) => p.getSetting(key)),
    setSetting: (key: string, value: string) => port().then((p) => p.setSetting(key, value)),
    supportsNotes: notesAvailable,
    canCopySheet: sheetCopyAvailable,
    copySheet: (sheet: string, name: string) => port().then((p) => p.copySheet!(sheet, name)),
  };
  return {
    port: workbook,
    selectCell: (sheet, address) => loaded().then((a) => a.selectCell(sheet, address)),
    recalculate: () => loaded().then((a) => a.recalculateWorkbook()),
    ...(canSaveFiles() ? { saveFile: downloadFile } : {}),
    locale: officeLocale(),
  };
}
