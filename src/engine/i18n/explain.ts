/**
 * Explanations rendered from steps (code + data), in zh-CN or English. Placeholders:
 * `{key}` a number without float noise (≤ 4 decimals) or the text; `{key|n2}` ≤ 2 decimals;
 * `{key|pct}` a fraction as a percent (0.95 → 95%); `{key|pctFixed}` with 2 fixed decimals
 * (1 → 100.00%); `{band}` the band of the step's lo/hi data; `{rule}` the rule set's short name.
 * Never throws: an unknown code renders as its name, a missing value as —.
 */
import { clipText } from "../clip";
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
  if (fmt === "op") return OP_SIGN[String(v)] ?? "";
  if (v === undefined || v === null || v === "") return "—";
  if (fmt === "grade") return locale === "en" ? (GRADE_EN[String(v)] ?? String(v)) : String(v);
  if (fmt === "lvl") return (locale === "en" ? LEVEL_EN : LEVEL_ZH)[String(v)] ?? String(v);
  // Cell text is clipped where it is rendered (a 19 KB cell must not make a 1 MB line).
  if (typeof v !== "number") return clipText(String(v));
  if (fmt === "v")
    return d.pct === true ? fmtPct(v) : `${num(v)}${typeof d.vunit === "string" ? clipText(d.vunit) : ""}`;
  if (fmt === "val")
    return d.pct === true ? fmtPct(v) : typeof d.unit === "string" ? `${num(v)} ${clipText(d.unit)}` : num(v);
  if (fmt === "pct") return fmtPct(v);
  if (fmt === "pctFixed") return fmtPctFixed(v);
  if (fmt === "n2") return num(v, 2);
  return num(v);
}

const LEVEL_ZH: Record<string, string> = { met: "达成", partial: "部分达成", unmet: "未达成" };
const LEVEL_EN: Record<string, string> = { met: "met", partial: "partly met", unmet: "not met" };
const GRADE_EN: Record<string, string> = { 优: "优 (excellent)", 良: "良 (good)", 中: "中 (pass)", 差: "差 (poor)" };
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
  const data = s.data ?? {};
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
