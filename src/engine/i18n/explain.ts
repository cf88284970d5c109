/**
 * Explanations rendered from steps (code + data), in zh-CN or English. Placeholders:
 * `{key}` a number without float noise (≤ 4 decimals) or the text; `{key|n2}` ≤ 2 decimals;
 * `{key|pct}` a fraction as a percent (0.95 → 95%); `{key|pctFixed}` with 2 fixed decimals
 * (1 → 100.00%); `{key|date}` a date or period (2024年12月 / December 2024); `{key|grade}` a grade
 * word as the cell holds it, glossed in English; `{band}` the band of the step's lo/hi data;
 * `{rule}` the rule set's short name. The catalogue is checked against each code's data at
 * compile time (./explainCatalogue.ts); rendering still never throws: an unknown code renders as
 * its name, a missing value as —.
 */
import { clipText } from "../clip";
import { fmtNum, fmtPct, fmtPctFixed } from "../scoring/format";
import type { DateLabel, Step } from "../scoring/steps";
import { EXPLAIN_CATALOGUE } from "./explainCatalogue";

type Locale = "zh-CN" | "en";

/** Step data read by a template's keys (checked against StepDataMap when the catalogue compiles). */
type Data = Readonly<Record<string, unknown>>;

const num = (x: number, digits = 4) => fmtNum(x, digits);

function edge(v: number, unit: unknown): string {
  return unit === "pct" ? fmtPct(v) : num(v);
}

/** 80%–100%, ≥ 90%, < 60%, >90–100 (incl.): the edges as the band states them. */
export function renderBand(d: Data, locale: Locale): string {
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

function value(d: Data, key: string, fmt: string | undefined, locale: Locale): string {
  if (key === "band") return renderBand(d, locale);
  if (key === "rule") return String((locale === "en" ? (d.ruleEn ?? d.rule) : d.rule) ?? "");
  const v = d[key];
  if (fmt === "op") return OP_SIGN[String(v)] ?? "";
  if (v === undefined || v === null || v === "") return "—";
  if (fmt === "date") return typeof v === "object" ? renderDate(v as DateLabel, locale) : "—";
  if (fmt === "grade") return locale === "en" ? gradeEn(String(v)) : String(v);
  if (fmt === "lvl") return (locale === "en" ? LEVEL_EN : LEVEL_ZH)[String(v)] ?? String(v);
  // Cell text is clipped where it is rendered (a 19 KB cell must not make a 1 MB line).
  if (typeof v !== "number") return clipText(String(v));
  if (fmt === "v") return d.pct === true ? fmtPct(v) : `${num(v)}${d.vunit === "months" ? MONTHS[locale] : ""}`;
  if (fmt === "val")
    return d.pct === true ? fmtPct(v) : typeof d.unit === "string" ? `${num(v)} ${clipText(d.unit)}` : num(v);
  if (fmt === "pct") return fmtPct(v);
  if (fmt === "pctFixed") return fmtPctFixed(v);
  if (fmt === "n2") return num(v, 2);
  return num(v);
}

const LEVEL_ZH: Record<string, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };
const LEVEL_EN: Record<string, string> = { met: "met", partial: "partly met", unmet: "not met" };
const GRADE_EN: Record<string, string> = { 优: "excellent", 良: "good", 中: "pass", 差: "poor", 未定级: "ungraded" };
const MONTHS: Record<Locale, string> = { "zh-CN": "个月", en: " months" };
const MONTH_NAMES_EN = "January February March April May June July August September October November December".split(
  " ",
);

/** The grade word as the cell holds it (quoted: it is the sheet's word), with its English meaning. */
function gradeEn(word: string): string {
  const meaning = GRADE_EN[word];
  return meaning ? `“${word}” (${meaning})` : `“${clipText(word)}”`;
}

/** 按时 / 12个月 / 2024年12月31日 in zh-CN; on time / 12 months / 31 December 2024 in English. */
export function renderDate(d: DateLabel, locale: Locale): string {
  if (d.onTime) return locale === "en" ? "on time" : "按时";
  if (d.months !== undefined) return `${num(d.months)}${MONTHS[locale]}`;
  if (locale !== "en") {
    return `${d.year !== undefined ? `${d.year}年` : ""}${d.month !== undefined ? `${d.month}月` : ""}${d.day !== undefined ? `${d.day}日` : ""}`;
  }
  const month = d.month !== undefined ? (MONTH_NAMES_EN[d.month - 1] ?? `month ${d.month}`) : undefined;
  const day = d.day !== undefined ? (month ? `${d.day} ${month}` : `day ${d.day}`) : month;
  return [day, d.year].filter((x) => x !== undefined).join(" ");
}
const OP_SIGN: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

/** A template cut at its placeholders once: literal text, then `{key|fmt}` slots, alternating. */
interface Compiled {
  literals: string[];
  keys: string[];
  fmts: (string | undefined)[];
}

/** Templates compiled once per locale and code: a 10,000-row plan renders the same few thousands of times. */
const COMPILED: Record<Locale, Map<string, Compiled>> = { "zh-CN": new Map(), en: new Map() };

function compile(template: string): Compiled {
  const out: Compiled = { literals: [], keys: [], fmts: [] };
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.literals.push(template.slice(last, m.index));
    out.keys.push(m[1]);
    out.fmts.push(m[2]);
    last = m.index + m[0].length;
  }
  out.literals.push(template.slice(last));
  return out;
}

function compiledFor(code: string, locale: Locale): Compiled | undefined {
  const byCode = COMPILED[locale] ?? COMPILED["zh-CN"];
  let c = byCode.get(code);
  if (!c) {
    // Own codes only: a step code such as "toString" is unknown, not Object.prototype's.
    if (!Object.prototype.hasOwnProperty.call(EXPLAIN_CATALOGUE, code)) return undefined;
    const entry = EXPLAIN_CATALOGUE[code as keyof typeof EXPLAIN_CATALOGUE];
    c = compile(locale === "en" ? entry.en : entry.zh);
    byCode.set(code, c);
  }
  return c;
}

export function renderStep(s: Step, locale: Locale = "zh-CN"): string {
  const c = compiledFor(s.code, locale);
  if (!c) return s.code;
  const data = (s.data ?? {}) as Data;
  let out = c.literals[0];
  for (let i = 0; i < c.keys.length; i++) out += value(data, c.keys[i], c.fmts[i], locale) + c.literals[i + 1];
  return out;
}

/** A step ending in "：" / "，" / ": " / ", " is a prefix ("定性：", "时效：按时完成，"). */
function endsAsPrefix(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 0xff1a /* ： */ || last === 0xff0c /* ， */) return true;
  const before = text.charCodeAt(text.length - 2);
  return last === 32 && (before === 58 /* : */ || before === 44); /* , */
}

/** A step starting with "（", "(" or " (" is a remark on the step before it. */
function startsAsRemark(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 0xff08 /* （ */ || first === 40 /* ( */ || (first === 32 && text.charCodeAt(1) === 40);
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
    const glued = out === "" || endsAsPrefix(out) || startsAsRemark(text);
    out += glued ? text : (locale === "en" ? ", " : "，") + text;
  }
  return out;
}

export const EXPLANATION_CODES = Object.keys(EXPLAIN_CATALOGUE);

/** A computed value's explanation in a locale: its steps rendered, else the zh-CN line it carries. */
export function explainWrite(w: { steps?: readonly Step[]; explanation: string }, locale: Locale = "zh-CN"): string {
  return w.steps && w.steps.length ? renderSteps(w.steps, locale) : w.explanation;
}
