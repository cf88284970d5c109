/**
 * The cross-sheet part of 校验整个工作簿 (ops.crossCheckWorkbook, as `ziping check` runs it): the
 * 部门整体 form's 重点工作任务 rows must repeat the project forms' numbers. Its findings are listed
 * under the sheet they are about, after that sheet's own; a re-check of one sheet runs it again
 * over the snapshots already read, so no other sheet is read twice.
 */
import type { Finding, SheetCheck, SheetSnapshot } from "../engine";
import type { WorkbookPort } from "../host/port";
import { loadOps } from "./loadOps";

export interface SheetWithOwn extends SheetCheck {
  sheet: string;
  snapshot?: SheetSnapshot;
  /** The sheet's own findings, without the cross-sheet ones (kept so a re-check can redo those). */
  own?: Finding[];
}

/** Only a workbook holding a project form and a department form has anything to compare. */
function hasBothKinds(sheets: SheetWithOwn[]): boolean {
  const kinds = sheets.flatMap((s) => s.forms.map((f) => f.kind));
  return kinds.includes("project") && kinds.some((k) => k !== "project");
}

export async function withCrossFindings<T extends SheetWithOwn>(
  port: WorkbookPort,
  sheets: T[],
): Promise<(T & { own: Finding[] })[]> {
  const own = sheets.map((s) => ({ ...s, own: s.own ?? s.findings, findings: s.own ?? s.findings }));
  if (!hasBothKinds(own)) return own;
  const read = own.flatMap((s) => (s.forms.length > 0 && s.snapshot ? [{ snapshot: s.snapshot, forms: s.forms }] : []));
  const cross = await (await loadOps()).crossCheckWorkbook(port, { sheets: read });
  return own.map((s) => ({ ...s, findings: [...s.own, ...cross.filter((f) => f.sheet === s.sheet)] }));
}
