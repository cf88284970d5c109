/**
 * Explanations rendered from steps (code + data), in zh-CN or English. Placeholders:
 * `{key}` a number without float noise (≤ 4 decimals) or the text; `{key|n2}` ≤ 2 decimals;
 * `{key|pct}` a fraction as a percent (0.95 → 95%); `{key|pctFixed}` with 2 fixed decimals
 * (1 → 100.00%); `{band}` the band of the step's lo/hi data; `{rule}` the rule set's short name.
 * Never throws: an unknown code renders as its name, a missing value as —.
 */
import { fmtNum, fmtPct, fmtPctFixed } from "../scoring/format";
import type { Step, StepData } from "../scoring/steps";
import { EXPLAIN_CATALOGUE } from "./explainCatalogue";

type Locale = "zh-CN" | "en";

const num = (x: number, digits = 4) => fmtNum(x, digits);

function edge(v: number, unit: unknown): string {
  return unit === "pct" ? fmtPct(v) : num(v);
}

/** 80%–100%, ≥ 90%, < 60%, >90–100 (incl.): the edges as the band states them. */
export function renderBand(d: StepData, locale: Locale): string {
  const lo = typeof d.lo === "number" ? d.lo : undefined;
  const hi = typeof d.hi === "number" ? d.hi : undefined;
  if (lo !== undefined && hi !== undefined) {
    const left = d.loIncl === false ? ">" : "";
    const right = d.hiIncl === true ? (locale === "en" ? " (incl.)" : "（含）") : "";
    return `${left}${edge(lo, d.bandUnit)}–${edge(hi, d.bandUnit)}${right}`;
  }
  if (lo !== undefined) return `${d.loIncl === false ? ">" : "≥"} ${edge(lo, d.bandUnit)}`;
  if (hi !== undefined) return `${d.hiIncl === true ? "≤" : "<"} ${edge(hi, d.bandUnit)}`;
  return "—";
}

function value(d: StepData, key: string, fmt: string | undefined, locale: Locale): string {
  if (key === "band") return renderBand(d, locale);
  if (key === "rule") return String((locale === "en" ? (d.ruleEn ?? d.rule) : d.rule) ?? "");
  const v = d[key];
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v !== "number") return String(v);
  if (fmt === "pct") return fmtPct(v);
  if (fmt === "pctFixed") return fmtPctFixed(v);
  if (fmt === "n2") return num(v, 2);
  return num(v);
}

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

export function renderStep(s: Step, locale: Locale = "zh-CN"): string {
  const entry = EXPLAIN_CATALOGUE[s.code as keyof typeof EXPLAIN_CATALOGUE];
  if (!entry) return s.code;
  const template = locale === "en" ? entry.en : entry.zh;
  return template.replace(PLACEHOLDER, (_m, key: string, fmt?: string) => value(s.data ?? {}, key, fmt, locale));
}

/**
 * Steps joined into one line. A template starting with "（" or "(" continues the step before it
 * (a remark such as "（超过 100% 按 100% 计）"); the others are separated by "，" / ", ".
 */
export function renderSteps(steps: readonly Step[], locale: Locale = "zh-CN"): string {
  let out = "";
  for (const s of steps) {
    const text = renderStep(s, locale);
    if (text === "") continue;
    const glued = out === "" || /^(?:[（(:：]| \()/.test(text);
    out += glued ? text : (locale === "en" ? ", " : "，") + text;
  }
  return out;
}

export const EXPLANATION_CODES = Object.keys(EXPLAIN_CATALOGUE);
