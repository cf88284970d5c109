/**
 * exceljs decides whether a number cell is a date with `utils.isDateFmt`, whose regex
 * `/\[[^\]]*]/g` rescans the rest of the format at every unclosed `[`: one 11 KB `[[[…` format
 * took two minutes to load, a 300k-character one never finished. The replacement answers the
 * same for every format, in linear time, and remembers recent answers (it runs once per cell).
 */
import { removeDelimited } from "../../engine/value/numfmt";

const utils = require("exceljs/lib/utils/utils") as { isDateFmt: (fmt: string | undefined) => boolean };

const DATE_CHARS = /[ymdhMsb]/;
const cache = new Map<string, boolean>();
const CACHE_MAX = 256;

export function isDateFmtLinear(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const hit = cache.get(fmt);
  if (hit !== undefined) return hit;
  const bare = removeDelimited(removeDelimited(fmt, "[", "]"), '"', '"');
  const result = DATE_CHARS.test(bare);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(fmt, result);
  return result;
}

/** Swap exceljs's date-format check for the linear one; idempotent. */
export function installLinearDateFormatCheck(): void {
  utils.isDateFmt = isDateFmtLinear;
}
