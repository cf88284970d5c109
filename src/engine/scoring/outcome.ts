/**
 * Errors as values (as HyperFormula does): a scoring function returns either a value with its
 * one-line zh-CN explanation, or an error code with the data its message quotes. Messages are
 * rendered in ../i18n/messages.ts; the custom functions turn an error into #VALUE! with that text.
 */
import type { FindingData } from "../validate/finding";

export type Outcome<T> = { ok: true; value: T; explanation: string } | { ok: false; code: string; data: FindingData };

export function ok<T>(value: T, explanation: string): Outcome<T> {
  return { ok: true, value, explanation };
}

export function fail<T = never>(code: string, data: FindingData = {}): Outcome<T> {
  return { ok: false, code, data };
}
