/**
 * The cross-sheet check: in a workbook that holds both kinds, every 重点工作任务 row that repeats
 * a project form (matched as the rollup matches) must repeat its numbers. Only disagreements are
 * findings: a project the table does not list is normal (the table lists the key tasks).
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm } from "../detect/form";
import { SheetView, type SheetSnapshot } from "../sheet/snapshot";
import type { Finding } from "../validate/finding";
import { FindingSink } from "../validate/sink";
import { compareTaskRow } from "./compare";
import { projectFactsOfSheet, type ProjectFacts } from "./facts";
import { matchTasks } from "./match";
import { departmentFormsOf, taskKeys } from "./plan";
import { scanTaskRows } from "./taskRows";

export interface SheetForms {
  snapshot: SheetSnapshot;
  /** The forms already detected on it (validateSheet returns them); detected here otherwise. */
  forms?: DetectedForm[];
}

export function crossCheckSheets(sheets: SheetForms[]): Finding[] {
  const read = sheets.map((s) => ({
    snapshot: s.snapshot,
    view: new SheetView(s.snapshot),
    forms: s.forms ?? detectForms(s.snapshot),
  }));
  const projects = read.flatMap((s) => projectFactsOfSheet(s.view, s.forms, s.snapshot.name));
  if (projects.length === 0) return [];
  const findings: Finding[] = [];
  for (const s of read) {
    for (const form of departmentFormsOf(s.forms)) findings.push(...checkForm(s.view, form, projects));
  }
  return findings;
}

function checkForm(view: SheetView, form: DetectedForm, projects: ProjectFacts[]): Finding[] {
  const sink = new FindingSink(view.snapshot.name);
  try {
    const rows = scanTaskRows(view, form);
    if (!rows) return [];
    for (const pair of matchTasks(taskKeys(view, rows), projects).pairs) compareTaskRow(view, rows.columns, pair, sink);
  } catch (e) {
    // An engine bug on one form is reported, never thrown at the user.
    sink.add("check-failed", null, null, { detail: e instanceof Error ? e.message : String(e) });
  }
  return sink.findings;
}
