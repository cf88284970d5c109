/**
 * The value parser: any cell a person filled (number, text, Excel error, exceljs rich text…)
 * → a typed ParsedValue. It never throws; what it cannot read becomes `invalid` with a reason,
 * and every result keeps `raw` so nothing typed is lost.
 *
 * Order matters: empty marks, Excel errors, plain numbers, `≥95%`-style numbers, ranges
 * (`1-2次`, so `-5` stays a number and `-` stays empty), deadlines, then qualitative words.
 */
import { excelSerialToDeadline, isDateFormat, MAX_DATE_SERIAL, parseDeadlineText } from "./deadline";
import { compactText, isEmptyMark } from "./normalize";
import { formatSkeleton } from "./numfmt";
import { isPercentUnit } from "./units";
import { gradeWord, qualLevel } from "./qualitative";
import type { NumberValue, Op, ParsedNature, ParsedValue } from "./types";

const EXCEL_ERROR =
  /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Operators written before a number; longest spellings first so `>=` is not read as `>`. */
const OP_WORDS =
  "大于等于|小于等于|不低于|不少于|不小于|至少|达到|不高于|不超过|不大于|不多于|至多|大于|小于|高于|低于|超过|等于|≥=|≤=|>=|=>|<=|=<|==|≥|≤|>|<|=";
const NUM = "[+-]?(?:\\d+(?:,\\d{3})*(?:\\.\\d*)?|\\.\\d+)";
/** Words after a number that state an operator: `95%以上` → ≥. */
const SUFFIX = "(及以上|以上|及以下|以下|以内|之内)?";

/** `≥95%`, `=17个`, `≤760万元`, `95%以上`, `满意度≥90%` (a short label may precede an operator). */
const NUMBER_RE = new RegExp(`^(?:[^\\d<>=≥≤+\\-.]{0,12}?(${OP_WORDS}))?(${NUM})([^\\d]{0,12}?)${SUFFIX}$`);
/** `1-2次`, `1～2`, `1至2`, `1%-2%`, `≥1-2次`. */
const RANGE_RE = new RegExp(
  `^(${OP_WORDS})?(${NUM})([^\\d\\-—~至到]{0,4}?)(?:-|—|~|至|到)(${NUM})([^\\d]{0,12}?)${SUFFIX}$`,
);
const DEADLINE_HINT = /[年月时期按底末]|^\d{4}[-./]\d/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const HAS_WORD = /[\u4e00-\u9fffA-Za-z]/;

const OP_OF: Record<string, Op> = {
  大于等于: ">=",
  不低于: ">=",
  不少于: ">=",
  不小于: ">=",
  至少: ">=",
  达到: ">=",
  ">=": ">=",
  "=>": ">=",
  // "≥=" and "≤=": the sign and an extra "=" typed after it, as people do.
  "≥=": ">=",
  "≥": ">=",
  小于等于: "<=",
  不高于: "<=",
  不超过: "<=",
  不大于: "<=",
  不多于: "<=",
  至多: "<=",
  "<=": "<=",
  "=<": "<=",
  "≤=": "<=",
  "≤": "<=",
  大于: ">",
  高于: ">",
  超过: ">",
  ">": ">",
  小于: "<",
  低于: "<",
  "<": "<",
  等于: "=",
  "==": "=",
  "=": "=",
};

const SUFFIX_OP: Record<string, Op> = {
  及以上: ">=",
  以上: ">=",
  及以下: "<=",
  以下: "<=",
  以内: "<=",
  之内: "<=",
};

/** A percent unit (./units.ts, the one list), or a percent sign followed by words (`100%完成`). */
function startsPercent(unit: string): boolean {
  return unit.charCodeAt(0) === 37 /* % */ || isPercentUnit(unit);
}

/** Formats already read: a sheet repeats a few formats over thousands of cells. */
const PERCENT_FORMAT = new Map<string, boolean>();

/**
 * A number format shows a percent when it has `%` outside quoted text and escapes: Excel shows
 * 95 in `0"%"` as "95%" but the value stays 95 (points, not the fraction 0.95).
 */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  let known = PERCENT_FORMAT.get(fmt);
  if (known === undefined) {
    known = fmt.includes("%") && formatSkeleton(fmt, false).includes("%");
    if (PERCENT_FORMAT.size >= 1024) PERCENT_FORMAT.clear();
    PERCENT_FORMAT.set(fmt, known);
  }
  return known;
}

/** "95" with percent → 0.95, decimal-safe (95/100 in binary can drift; `95e-2` does not). */
function toNumber(text: string, percent: boolean): number {
  const clean = text.indexOf(",") >= 0 ? text.replace(/,/g, "") : text;
  return percent ? Number(`${clean}e-2`) : Number(clean);
}

function numberFromMatch(
  raw: unknown,
  opWord: string | undefined,
  num: string,
  unitText: string,
  suffix: string | undefined,
): NumberValue {
  const percent = !!unitText && startsPercent(unitText);
  const value = toNumber(num, percent);
  const op = opWord ? OP_OF[opWord] : suffix ? SUFFIX_OP[suffix] : undefined;
  const out: NumberValue = { kind: "number", raw, value, percent };
  if (op) out.op = op;
  if (unitText && !percent) out.unit = unitText;
  return out;
}

function parseNumberValue(raw: number, numberFormat?: string | null): ParsedValue {
  if (!Number.isFinite(raw)) return { kind: "invalid", reason: "not-finite", raw };
  if (numberFormat && isPercentFormat(numberFormat)) return { kind: "number", raw, value: raw, percent: true };
  // Past 9999-12-31 Excel shows ##### rather than a date: such a number stays a number.
  if (numberFormat && raw > 0 && raw <= MAX_DATE_SERIAL && isDateFormat(numberFormat)) {
    return excelSerialToDeadline(raw, raw);
  }
  return { kind: "number", raw, value: raw, percent: false };
}

function parseText(raw: unknown, text: string): ParsedValue {
  const s = compactText(text);
  if (isEmptyMark(s)) return { kind: "empty", raw };
  if (s.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(s)) return { kind: "invalid", reason: "error-value", raw };
  if (PLAIN_NUMBER.test(s)) {
    const n = Number(s);
    return Number.isFinite(n)
      ? { kind: "number", raw, value: n, percent: false }
      : { kind: "invalid", reason: "not-finite", raw };
  }
  // Most cells name no date: skip the deadline regexes unless a date word or `2024-…` is present.
  const deadline = DEADLINE_HINT.test(s) ? parseDeadlineText(s, raw) : undefined;
  if (deadline && deadline.onTime !== true) return deadline;

  let m = NUMBER_RE.exec(s);
  if (m) {
    const v = numberFromMatch(raw, m[1], m[2], m[3], m[4]);
    if (Number.isFinite(v.value)) return v;
  }
  m = RANGE_RE.exec(s);
  if (m) {
    const unit1 = m[3];
    const unit2 = m[5];
    const percent = (!!unit2 && isPercentUnit(unit2)) || (!!unit1 && isPercentUnit(unit1));
    if (!unit1 || unit1 === unit2 || isPercentUnit(unit1)) {
      let low = toNumber(m[2], percent);
      let high = toNumber(m[4], percent);
      if (Number.isFinite(low) && Number.isFinite(high)) {
        if (low > high) [low, high] = [high, low];
        const op = m[1] ? OP_OF[m[1]] : m[6] ? SUFFIX_OP[m[6]] : undefined;
        const unit = unit2 || unit1;
        return {
          kind: "range",
          raw,
          low,
          high,
          percent,
          ...(op ? { op } : {}),
          ...(unit && !percent ? { unit } : {}),
        };
      }
    }
  }
  const level = qualLevel(s);
  // `按时完成` is a deadline met; `未按时完成` was caught by the unmet words above.
  if (deadline && level !== "unmet" && level !== "partial") return deadline;
  if (!HAS_WORD.test(s)) return { kind: "invalid", reason: "unreadable", raw };
  const display = text.trim().replace(/\s+/g, " ");
  const grade = gradeWord(s);
  return {
    kind: "qualitative",
    raw,
    text: display,
    ...(level ? { level } : {}),
    ...(grade ? { grade } : {}),
  };
}

/**
 * Forms repeat the same few texts (`≥`, `100%`, `达成`…) thousands of times; reading each distinct
 * text once keeps 10,000 rows fast. Cached results are frozen and shared: a caller cannot alter
 * the cache, and 10,000 rows do not copy 20,000 objects.
 */
const TEXT_CACHE = new Map<string, ParsedValue>();
const TEXT_CACHE_MAX = 4096;
const CACHEABLE_LENGTH = 64;

function parseTextCached(raw: string): ParsedValue {
  if (raw.length > CACHEABLE_LENGTH) return parseText(raw, raw);
  const hit = TEXT_CACHE.get(raw);
  if (hit) return hit;
  const v = Object.freeze(parseText(raw, raw));
  if (TEXT_CACHE.size >= TEXT_CACHE_MAX) TEXT_CACHE.clear();
  TEXT_CACHE.set(raw, v);
  return v;
}

/** Read any cell value (number, text, Excel error…) into a typed value. Never throws. */
export function parseValue(raw: unknown, numberFormat?: string | null): ParsedValue {
  try {
    if (raw === null || raw === undefined) return { kind: "empty", raw };
    if (typeof raw === "number") return parseNumberValue(raw, numberFormat);
    // A number typed as text stays as written even in a percent-formatted cell: Excel shows it as text.
    if (typeof raw === "string") return parseTextCached(raw);
    if (typeof raw === "boolean") return { kind: "invalid", reason: "boolean", raw };
    if (raw instanceof Date) {
      if (Number.isNaN(raw.getTime())) return { kind: "invalid", reason: "unreadable", raw };
      return { kind: "deadline", raw, year: raw.getFullYear(), month: raw.getMonth() + 1, day: raw.getDate() };
    }
    if (typeof raw === "object") return parseObject(raw as Record<string, unknown>, numberFormat);
    return { kind: "invalid", reason: "unreadable", raw };
  } catch {
    return { kind: "invalid", reason: "unreadable", raw };
  }
}

/** Excel errors (`{error}`), exceljs rich text (`{richText}`) and formula cells (`{formula, result}`). */
function parseObject(obj: Record<string, unknown>, numberFormat?: string | null): ParsedValue {
  if (typeof obj.error === "string") return { kind: "invalid", reason: "error-value", raw: obj };
  if (Array.isArray(obj.richText)) {
    const text = obj.richText
      .map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : ""))
      .join("");
    return parseText(obj, text);
  }
  if ("result" in obj) {
    const inner = parseValue(obj.result, numberFormat);
    return { ...inner, raw: obj } as ParsedValue;
  }
  if (typeof obj.text === "string") return parseText(obj, obj.text);
  return { kind: "invalid", reason: "unreadable", raw: obj };
}

const NATURE_GE = /大于等于|>=|=>|≥|不低于|不少于|不小于|正向|越大越好|越高越好/;
const NATURE_LE = /小于等于|<=|=<|≤|不高于|不超过|不大于|不多于|反向|逆向|负向|越小越好|越低越好/;
const NATURE_GT = /大于|>|高于/;
const NATURE_LT = /小于|<|低于/;
const NATURE_EQ = /等于|=|^等$/;

const NATURE_CACHE = new Map<string, ParsedNature>();
/** An empty 指标性质 (or a form without the column): one shared, frozen answer per kind of nothing. */
const NO_NATURE_NULL: ParsedNature = Object.freeze({ raw: null, empty: true, unreadable: false });
const NO_NATURE_UNDEFINED: ParsedNature = Object.freeze({ raw: undefined, empty: true, unreadable: false });

/** Read a 指标性质 / 指标方向 cell (≥ ＝ 正向 反向 定量 定性 …). Never throws. */
export function parseNature(raw: unknown): ParsedNature {
  if (raw === null) return NO_NATURE_NULL;
  if (raw === undefined) return NO_NATURE_UNDEFINED;
  if (typeof raw !== "string") return { raw, empty: false, unreadable: true };
  if (raw.length > CACHEABLE_LENGTH) return readNature(raw);
  const hit = NATURE_CACHE.get(raw);
  if (hit) return hit;
  const n = Object.freeze(readNature(raw));
  if (NATURE_CACHE.size >= TEXT_CACHE_MAX) NATURE_CACHE.clear();
  NATURE_CACHE.set(raw, n);
  return n;
}

function readNature(raw: string): ParsedNature {
  const s = compactText(raw);
  if (isEmptyMark(s)) return { raw, empty: true, unreadable: false };
  const out: ParsedNature = { raw, empty: false, unreadable: false };
  if (s.includes("定量")) out.nature = "quantitative";
  else if (s.includes("定性")) out.nature = "qualitative";
  const op = NATURE_GE.test(s)
    ? ">="
    : NATURE_LE.test(s)
      ? "<="
      : NATURE_GT.test(s)
        ? ">"
        : NATURE_LT.test(s)
          ? "<"
          : NATURE_EQ.test(s)
            ? "="
            : undefined;
  if (op) out.op = op;
  if (!op && !out.nature) out.unreadable = true;
  return out;
}
