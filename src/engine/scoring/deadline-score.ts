/**
 * 时效 (deadline) indicators. Rules as implemented:
 * - the actual says 按时/及时/已完成 (or any "met" words) → met → full marks;
 * - dated target, dated actual: on or before the deadline → met; later → 部分达成 (逾期), scored by
 *   the qualitative bands (the partial default, or the user's score when it lies in that band);
 * - `12个月` target against a number of months → less-is-better (the rule set's reverse rule);
 * - a completion percentage (`100%`) → more-is-better against 100%;
 * - 未按时/逾期 words → 未达成.
 */
import { clipText } from "../clip";
import type { DeadlineValue, ParsedValue, QualLevel } from "../value/types";
import type { UnscorableReason } from "./codes";
import { step, type DateLabel, type Step } from "./steps";

export type DeadlineJudgement =
  | { kind: "level"; level: QualLevel; how: Step }
  | { kind: "months"; target: number; actual: number }
  | { kind: "percent"; actual: number }
  | { kind: "unscorable"; reason: UnscorableReason };

/** The date a step quotes, as data: each front renders it in its language (2024年12月 / December 2024). */
function label(d: DeadlineValue): DateLabel {
  if (d.onTime) return { onTime: true };
  if (d.months !== undefined) return { months: d.months };
  const out: DateLabel = {};
  if (d.year !== undefined) out.year = d.year;
  if (d.month !== undefined) out.month = d.month;
  if (d.day !== undefined) out.day = d.day;
  return out;
}

/** Sort key of the end of the period a date names: a month without a day means its last day. */
function dateKey(year: number, month: number | undefined, day: number | undefined): number {
  return year * 10000 + (month ?? 12) * 100 + (day ?? 31);
}

function compareDates(target: DeadlineValue, actual: DeadlineValue): DeadlineJudgement {
  // A target without a year (`12月底前`) is the actual's year; with no year on either side compare months.
  const year = target.year ?? actual.year ?? 0;
  const tKey = dateKey(year, target.month, target.day);
  const aKey = dateKey(actual.year ?? year, actual.month, actual.day);
  if (aKey <= tKey)
    return {
      kind: "level",
      level: "met",
      how: step("deadline-on-time", { actual: label(actual), target: label(target) }),
    };
  return {
    kind: "level",
    level: "partial",
    how: step("deadline-late", { actual: label(actual), target: label(target) }),
  };
}

const DONE_WORDS = /完成|办结|竣工|交付/;

export function judgeDeadline(target: DeadlineValue, actual: ParsedValue, sameText: boolean): DeadlineJudgement {
  if (sameText) return { kind: "level", level: "met", how: step("deadline-same") };
  if (actual.kind === "qualitative") {
    return actual.level
      ? { kind: "level", level: actual.level, how: step("deadline-words", { text: clipText(actual.text) }) }
      : { kind: "unscorable", reason: "level-unknown" };
  }
  if (actual.kind === "number") {
    if (actual.percent) return { kind: "percent", actual: actual.value };
    if (target.months !== undefined && (actual.unit === undefined || /月/.test(actual.unit))) {
      return { kind: "months", target: target.months, actual: actual.value };
    }
    return { kind: "unscorable", reason: "kind-mismatch" };
  }
  if (actual.kind !== "deadline") return { kind: "unscorable", reason: "kind-mismatch" };
  if (actual.onTime) return { kind: "level", level: "met", how: step("deadline-in-time") };
  if (target.months !== undefined) {
    return actual.months !== undefined
      ? { kind: "months", target: target.months, actual: actual.months }
      : { kind: "unscorable", reason: "deadline-not-comparable" };
  }
  if (target.onTime) {
    // `按时完成` against `2024年11月完成`: the date says when, the words say it was done.
    return typeof actual.raw === "string" && DONE_WORDS.test(actual.raw)
      ? { kind: "level", level: "met", how: step("deadline-done", { actual: label(actual) }) }
      : { kind: "unscorable", reason: "deadline-not-comparable" };
  }
  if (actual.year === undefined && actual.month === undefined) {
    return { kind: "unscorable", reason: "deadline-not-comparable" };
  }
  return compareDates(target, actual);
}

export { label as deadlineLabel };
