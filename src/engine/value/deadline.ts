/**
 * Deadlines (时效指标): `2024年12月底之前完成`, `2024-12-31`, `12月底前`, `12个月`, `按时完成`,
 * and Excel date serials shown with a date format.
 */
import { formatSkeleton } from "./numfmt";
import type { DeadlineValue } from "./types";

const YMD_CN = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?/;
const YMD_DASH = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?(?:[^\d]|$)/;
const MONTH_ONLY = /^(?:\d{4}年)?(\d{1,2})月(?:底|末|份|前|之前|以前|中旬|上旬|下旬|\d{1,2}[日号])/;
const YEAR_END = /年底|年末|年内|当年|本年度?内/;
const MONTHS = /^(?:[≥≤<>=]|不超过|不多于|小于等于)?(\d{1,3}(?:\.\d+)?)个(?:自然)?月(?:内|以内|之内)?(?:完成)?$/;
const ON_TIME =
  /^(?:已|均|全部|能够|能|均已)?(?:按时|及时|按期|如期|准时|按计划|按进度|按要求|在规定时间内|规定时间内)/;

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

function validMonth(m: number | undefined): boolean {
  return m === undefined || (m >= 1 && m <= 12);
}

/** A dated deadline without undefined keys (results are compared and serialised). */
function dated(raw: unknown, year: number, month?: number, day?: number): DeadlineValue {
  const d: DeadlineValue = { kind: "deadline", raw, year };
  if (month !== undefined) d.month = month;
  if (day !== undefined) d.day = day;
  return d;
}

/** Read a deadline from compact text, or undefined when the text names none. */
export function parseDeadlineText(text: string, raw: unknown): DeadlineValue | undefined {
  let m = YMD_CN.exec(text);
  if (m && validYear(Number(m[1]))) {
    // `2024年底前`: the 年 of the year doubles as the 年 of 年底.
    const month = m[2] ? Number(m[2]) : YEAR_END.test(text.slice(m.index + m[1].length)) ? 12 : undefined;
    if (validMonth(month)) return dated(raw, Number(m[1]), month, m[3] ? Number(m[3]) : undefined);
  }
  m = YMD_DASH.exec(text);
  if (m && validYear(Number(m[1])) && validMonth(Number(m[2]))) {
    return dated(raw, Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
  }
  m = MONTH_ONLY.exec(text);
  if (m && validMonth(Number(m[1]))) return { kind: "deadline", raw, month: Number(m[1]) };
  m = MONTHS.exec(text);
  if (m) return { kind: "deadline", raw, months: Number(m[1]) };
  if (/^(?:年底|年末|年内)/.test(text)) return { kind: "deadline", raw, month: 12 };
  if (ON_TIME.test(text)) return { kind: "deadline", raw, onTime: true };
  return undefined;
}

/** A number format that shows a date (y/m/d outside quoted text, not a percent or elapsed time). */
export function isDateFormat(fmt: string): boolean {
  let known = DATE_FORMAT.get(fmt);
  if (known === undefined) {
    known = readDateFormat(fmt);
    if (DATE_FORMAT.size >= 1024) DATE_FORMAT.clear();
    DATE_FORMAT.set(fmt, known);
  }
  return known;
}

/** Formats already read: a sheet repeats a few formats over thousands of cells. */
const DATE_FORMAT = new Map<string, boolean>();

function readDateFormat(fmt: string): boolean {
  const bare = formatSkeleton(fmt, true);
  if (/^general$/i.test(bare.trim())) return false;
  return /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/** The serial of 9999-12-31, the last date Excel shows. */
export const MAX_DATE_SERIAL = 2958465;

/** Excel serial (1900 date system) → calendar date. */
export function excelSerialToDeadline(serial: number, raw: unknown): DeadlineValue {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { kind: "deadline", raw, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
