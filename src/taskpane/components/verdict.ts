/** The one-line verdict of a checked sheet (presentation only: the engine computed the numbers). */
import type { Finding, FormVerdict } from "../../engine";
import type { CheckedSheet } from "../checks";
import type { Strings } from "../strings";

/** Findings the pane lists: the sheet-level "no form" finding is said by the no-form message instead. */
export function listedFindings(c: CheckedSheet): Finding[] {
  return c.findings.filter((f) => f.code !== "no-form");
}

export function countBy(findings: Finding[], severity: Finding["severity"]): number {
  return findings.reduce((n, f) => n + (f.severity === severity ? 1 : 0), 0);
}

/** `应得总分 99.00，等级 优；错误 4 个，警告 2 个` — one per form on the sheet, or the no-form words. */
export function verdictLines(c: CheckedSheet, s: Strings): string[] {
  if (c.forms.length === 0) return [s.verdictNoForm];
  const findings = listedFindings(c);
  const errors = countBy(findings, "error");
  const warnings = countBy(findings, "warning");
  const verdicts: FormVerdict[] = c.verdicts ?? c.forms.map((f) => ({ kind: f.kind }));
  return verdicts.map((v) =>
    v.totalScore !== undefined && v.grade
      ? s.verdict(v.totalScore.toFixed(2), s.gradeName[v.grade] ?? v.grade, errors, warnings)
      : s.verdictNoTotal(errors, warnings),
  );
}

/** A form with nothing to score yet (a blank template): no findings and no total. */
export function isBlank(c: CheckedSheet): boolean {
  return (
    c.forms.length > 0 && listedFindings(c).length === 0 && (c.verdicts ?? []).every((v) => v.totalScore === undefined)
  );
}
