/**
 * The words of calculate's conflict list, per row and for the list: a value the clerk typed is a
 * 填写值, a value a formula shows is a 公式结果 (the finding's `fromFormula`, set by the engine).
 * Pure: the component only renders these strings.
 */
import { formatFinding, type Finding, type Locale } from "../../engine";
import type { Strings } from "../strings";
import { statedAndComputed } from "./cellText";

export type StatedAs = "typed" | "formula";

/** Whether the value the finding quotes is a formula's result rather than something typed. */
export function statedAs(f: Finding): StatedAs {
  return (f.data as { fromFormula?: unknown }).fromFormula === true ? "formula" : "typed";
}

/** The list's heading: only typed values, only formulas' results, or both (then each row says which). */
export function conflictsHeading(s: Strings, conflicts: readonly Finding[]): string {
  const formulas = conflicts.filter((f) => statedAs(f) === "formula").length;
  if (formulas === 0) return s.conflictsTitle.typed;
  return formulas === conflicts.length ? s.conflictsTitle.formula : s.conflictsTitle.mixed;
}

/** One row: 填写值 / 公式结果 X → 计算值 Y and why; a finding with no such pair as the engine says it. */
export function conflictText(s: Strings, f: Finding, locale: Locale): string {
  const { stated, computed, explanation } = statedAndComputed(f, locale);
  if (stated === undefined || computed === undefined) return formatFinding(f, locale);
  return s.conflictLine(s.statedAs[statedAs(f)], stated, computed, explanation ?? formatFinding(f, locale));
}

/** One line of the replace confirmation; a formula's says the formula itself is replaced. */
export function replaceText(s: Strings, f: Finding & { cell: string }, locale: Locale): string {
  const { stated, computed } = statedAndComputed(f, locale);
  const as = statedAs(f);
  const line = s.replaceLine(f.cell, s.statedAs[as], stated ?? "", computed ?? "");
  return as === "formula" ? `${line}${s.formulaGoes}` : line;
}
