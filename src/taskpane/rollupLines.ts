/**
 * What a rollup preview says, line by line, in the pane's language: where each project goes
 * (a row that names it, or a blank row it fills), the rows left alone because they disagree,
 * and the findings worth a look (no room, mismatches). Pure: the component only renders these.
 */
import { formatFinding, type Finding, type Locale } from "../engine";
import type { RollupPreview } from "../ops";
import type { ReportStrings } from "./reportStrings";

export function placementLines(s: ReportStrings, preview: RollupPreview): string[] {
  return preview.plan.placements.map((p) =>
    p.conflict
      ? s.rollupConflict(p.project, p.row)
      : p.how === "new"
        ? s.rollupPlacedNew(p.project, p.source, p.row)
        : s.rollupPlaced(p.project, p.source, p.row),
  );
}

/** Findings other than the informational "placed here" ones, with their cell. */
export function findingLines(findings: Finding[], locale: Locale): string[] {
  return findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.cell ? `${f.cell} ` : ""}${formatFinding(f, locale)}`);
}

/** Two previews plan the same writes (the sheet did not change in between). */
export function samePlan(a: RollupPreview, b: RollupPreview): boolean {
  const key = (p: RollupPreview) =>
    JSON.stringify([p.sheet, p.createSheet, p.plan.writes.map((w) => [w.cell, w.value])]);
  return key(a) === key(b);
}
