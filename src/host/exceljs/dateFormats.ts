/**
 * exceljs decides whether a number cell is a date with `utils.isDateFmt`, whose regex
 * `/\[[^\]]*]/g` rescans the rest of the format at every unclosed `[`: one 11 KB `[[[…` format
 * took two minutes to load, a 300k-character one never finished. The replacement answers the
 * same for every format, in linear time, and remembers recent answers (it runs once per cell).
 * Loading also keeps a number too large to be a date as that number (see excelToDateKeepingNumbers).
 */
import { removeDelimited } from "../../engine/value/numfmt";

const utils = require("exceljs/lib/utils/utils") as {
  isDateFmt: (fmt: string | undefined) => boolean;
  excelToDate: (serial: number, date1904?: boolean) => Date | number;
  dateToExcel: (date: Date | number, date1904?: boolean) => number;
};

const DATE_CHARS = /[ymdhMsb]/;
const cache = new Map<string, boolean>();
const CACHE_MAX = 256;

export function isDateFmtLinear(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const hit = cache.get(fmt);
  if (hit !== undefined) return hit;
  // A backslash-escaped character is shown as itself (formats are read verbatim: numFmtVerbatim.ts).
  const bare = removeDelimited(removeDelimited(fmt, "[", "]"), '"', '"').replace(/\\[\s\S]/g, "");
  const result = DATE_CHARS.test(bare);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(fmt, result);
  return result;
}

const originalExcelToDate = utils.excelToDate;
const originalDateToExcel = utils.dateToExcel;

/**
 * A number past 9999-12-31 in a date-formatted cell became an invalid Date in exceljs: read as
 * NaN, written back as "NaN" — a typed value lost. Such a number now stays the number, both ways.
 */
function excelToDateKeepingNumbers(serial: number, date1904?: boolean): Date | number {
  const d = originalExcelToDate(serial, date1904);
  return d instanceof Date && Number.isNaN(d.getTime()) ? serial : d;
}

function dateToExcelKeepingNumbers(date: Date | number, date1904?: boolean): number {
  return typeof date === "number" ? date : originalDateToExcel(date, date1904);
}

/** Swap exceljs's date-format check for the linear one and keep out-of-range dates as numbers; idempotent. */
export function installLinearDateFormatCheck(): void {
  utils.isDateFmt = isDateFmtLinear;
  utils.excelToDate = excelToDateKeepingNumbers;
  utils.dateToExcel = dateToExcelKeepingNumbers;
}
