/**
 * 预算执行率 and its score. Amounts may arrive as numbers, numeric text (`"10.56"`, `"１０.５６"`)
 * or a "nothing here" mark; a missing or non-positive budget is an error outcome, never a
 * division by zero.
 */
import { roundScore } from "../round";
import { parseValue } from "../value/parse";
import { fmtNum, fmtPct, fmtPctFixed, quote } from "./format";
import { fail, ok, type Outcome } from "./outcome";

/** A cell read as a plain amount: a number (percent or not, as written), or why not. */
export type Amount = { kind: "number"; value: number } | { kind: "empty" } | { kind: "invalid" };

export function readAmount(raw: unknown): Amount {
  const v = parseValue(raw);
  // "10%" typed as a budget or a weight is not an amount (a number from a % cell arrives plain).
  if (v.kind === "number" && v.percent && typeof raw === "string") return { kind: "invalid" };
  if (v.kind === "number") return { kind: "number", value: v.value };
  if (v.kind === "empty") return { kind: "empty" };
  return { kind: "invalid" };
}

/** The weight (分值) of a row: a number > 0, or the error outcome to return. */
export function readWeight(raw: unknown): { ok: true; weight: number } | { ok: false; outcome: Outcome<never> } {
  const a = readAmount(raw);
  if (a.kind === "empty") return { ok: false, outcome: fail("weight-missing", { weight: quote(raw) }) };
  if (a.kind !== "number" || !(a.value > 0))
    return { ok: false, outcome: fail("weight-invalid", { weight: quote(raw) }) };
  return { ok: true, weight: a.value };
}

/** 预算执行率 = 全年执行数 / 全年预算数, unrounded. A budget ≤ 0 or missing is an error. */
export function execRate(budget: unknown, spent: unknown): Outcome<number> {
  const b = readAmount(budget);
  if (b.kind !== "number") return fail("budget-missing", { budget: quote(budget) });
  if (!(b.value > 0)) return fail("budget-not-positive", { budget: b.value });
  const s = readAmount(spent);
  if (s.kind !== "number") return fail("spent-missing", { spent: quote(spent) });
  if (s.value < 0) return fail("spent-negative", { spent: s.value });
  const rate = s.value / b.value;
  // 1e10 ÷ 1e-300 overflows: no Infinity may reach a cell or a message.
  if (!Number.isFinite(rate)) return fail("rate-overflow", { budget: b.value, spent: s.value });
  return ok(rate, `执行率 ${fmtNum(s.value)} ÷ ${fmtNum(b.value)} = ${fmtPctFixed(rate)}`);
}

/** 分值 × min(执行率, 1), Excel-rounded to 2 decimals. */
export function execScore(budget: unknown, spent: unknown, weight: unknown = 10): Outcome<number> {
  const w = readWeight(weight);
  if (!w.ok) return w.outcome;
  const rate = execRate(budget, spent);
  if (!rate.ok) return rate;
  const capped = Math.min(rate.value, 1);
  const score = roundScore(w.weight * capped, w.weight);
  const cap = rate.value > 1 ? "（超过 100% 按 100% 计）" : "";
  return ok(score, `${rate.explanation}，得分 ${fmtNum(w.weight)} × ${fmtPct(capped)} = ${fmtNum(score)}${cap}`);
}
