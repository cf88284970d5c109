/**
 * How a message shows the values it quotes, per locale: numbers without float noise, fractions
 * as percents, word keys in words, lists joined as the language joins them, explanations from
 * their steps. Every helper takes what a finding's data may hold at run time (a missing value
 * from JSON written by another version shows "—"), so rendering never throws.
 */
import { clipText } from "../clip";
import { fmtNum, fmtPctFixed } from "../scoring/format";
import type { Step } from "../scoring/steps";
import { UNSCORABLE_REASONS } from "../scoring/codes";
import type { CellRef, Correction, Value } from "../validate/finding";
import { renderSteps } from "./explain";

export type Locale = "zh-CN" | "en";

/** A stated 总分 short by exactly its 预算执行率得分 (G23: 90 for 99): the sum left that score out. */
export function execLeftOut(d: { stated?: unknown; expected?: unknown; execScore?: number }): boolean {
  const { stated, expected, execScore } = d;
  if (typeof stated !== "number" || typeof expected !== "number" || typeof execScore !== "number") return false;
  return execScore > 0 && Math.abs(expected - stated - execScore) < 0.005;
}

/** 40 → "40", 3.75 → "3.75", 0.1 + 0.2 → "0.3": at most 4 decimals (the one rule: scoring/format.ts). */
export function formatNumber(n: number): string {
  return fmtNum(n, 4);
}

const missing = (x: unknown): x is undefined | null | "" => x === undefined || x === null || x === "";

/** One quoted value: a number without float noise, text as typed (clipped: a 19 KB cell is not a line). */
export function v(x: Value | undefined): string {
  if (missing(x)) return "—";
  if (typeof x === "number") return formatNumber(x);
  return clipText(String(x));
}

/** A fraction as a percent with 2 decimals (0.95 → 95.00%); text as typed. */
export function pct(x: Value | undefined): string {
  return typeof x === "number" ? fmtPctFixed(x) : v(x);
}

/** The words a `word` placeholder looks up: levels, columns, cell kinds, how a task was matched. */
export type Words = Record<string, string>;

export interface Show {
  v: typeof v;
  pct: typeof pct;
  /** A word key (met, budget, totalScore …) in the locale's words; an unknown key as it is. */
  word: (x: Value | undefined) => string;
  /** Cells or rows joined as the language joins a list (、 or , ). */
  list: (xs: readonly (string | number)[] | Value | undefined) => string;
  /** Cells named with what they hold: I13（预算执行率得分）、I20. */
  cells: (xs: readonly CellRef[] | undefined) => string;
  /** An explanation from its steps, in the locale; a plain line (older data) as it is. */
  explain: (steps: readonly Step[] | Value | undefined) => string;
  /** Stated scores counted at the rules' value: I13（41 → 40）. */
  corrections: (xs: readonly Correction[]) => string;
  /** "填写为" / "is", or the words for a value a formula shows (the finding's `fromFormula`). */
  wrote: (d: object) => string;
  is: (d: object) => string;
  /** The stated value named as a noun: 填写值, or 公式结果 when a formula shows it. */
  statedValue: (d: object) => string;
  /** Why a row could not be scored (an `unscorable` reason code), in words. */
  reason: (x: Value | undefined) => string;
}

/** An explanation is our own sentence (its quoted cell text already clipped): it may run longer. */
const EXPLANATION_MAX_CHARS = 400;

const fromFormula = (d: object) => (d as { fromFormula?: unknown }).fromFormula === true;

export function showFor(locale: Locale, words: Words): Show {
  const en = locale === "en";
  const sep = en ? ", " : "、";
  const word = (x: Value | undefined) => (missing(x) ? "—" : (words[String(x)] ?? String(x)));
  return {
    v,
    pct,
    word,
    list: (xs) => (Array.isArray(xs) ? (xs.length ? xs.map((x) => v(x)).join(sep) : "—") : v(xs as Value)),
    cells: (xs) =>
      Array.isArray(xs) && xs.length
        ? xs
            .map((x) =>
              x.what === undefined
                ? v(x.cell)
                : en
                  ? `${v(x.cell)} (${word(x.what)})`
                  : `${v(x.cell)}（${word(x.what)}）`,
            )
            .join(sep)
        : "—",
    explain: (steps) =>
      Array.isArray(steps)
        ? clipText(renderSteps(steps, locale), EXPLANATION_MAX_CHARS)
        : missing(steps)
          ? "—"
          : clipText(String(steps), EXPLANATION_MAX_CHARS),
    corrections: (xs) =>
      xs
        .map((c) => (en ? `${c.cell} (${v(c.from)} → ${v(c.to)})` : `${c.cell}（${v(c.from)} → ${v(c.to)}）`))
        .join(sep),
    wrote: (d) => (fromFormula(d) ? "的公式结果为" : "填写为"),
    is: (d) => (fromFormula(d) ? "(a formula's result) is" : "is"),
    statedValue: (d) =>
      fromFormula(d) ? (en ? "the formula's result" : "该公式结果") : en ? "the stated value" : "填写值",
    reason: (x) => {
      const r = UNSCORABLE_REASONS[String(x) as keyof typeof UNSCORABLE_REASONS];
      return r ? (en ? r.en : r.zh) : v(x);
    },
  };
}
