/**
 * 先复制工作表: before 替换 or 固化 the clerk may keep a copy of each sheet exactly as it is, next
 * to it. The copy is a new sheet, so 撤销上一次操作 (which restores the changed cells of the
 * original) stays exact and leaves the copy alone.
 */
import type { WorkbookPort } from "../host/port";
import { OperationError } from "./errors";
import { freeSheetName } from "./names";

const MAX = 31;

/** "表1 副本", shortened to Excel's 31 characters with the suffix kept; a taken name gets (2), (3)… */
export function copyName(existing: string[], sheet: string, suffix: string): string {
  const tail = ` ${suffix}`;
  return freeSheetName(existing, sheet.slice(0, MAX - tail.length - 4) + tail);
}

/** Copy each sheet; returns the copies' names in the same order. Throws OperationError where the host cannot copy. */
export async function copySheetsImpl(port: WorkbookPort, sheets: string[], suffix: string): Promise<string[]> {
  const copySheet = port.copySheet?.bind(port);
  if (!copySheet || port.canCopySheet?.() === false) throw new OperationError("copy-unsupported", {});
  const names: string[] = [];
  for (const sheet of sheets) {
    const name = copyName(await port.listSheets(), sheet, suffix);
    await copySheet(sheet, name);
    names.push(name);
  }
  return names;
}
