/** Cells read as plain amounts (budgets, spending, weights, stated scores). */
import { parseValue } from "../value/parse";
import { quote } from "./format";
import { fail, type Outcome } from "./outcome";

/** A cell read as a plain amount: a number (percent or not, as written), or why not. */
export type Amount = { kind: "number"; value: number } | { kind: "empty" } | { kind: "invalid" };

export function readAmount(raw: unknown): Amount {
  // A plain finite number (most weights and scores) is itself: no parsing.
  if (typeof raw === "number" && Number.isFinite(raw)) return { kind: "number", value: raw };
  const v = parseValue(raw);
  // "10%" typed as a budget or a weight is not an amount (a number from a % cell arrives plain).
  if (v.kind === "number" && v.percent && typeof raw === "string") return { kind: "invalid" };
  if (v.kind === "number") return { kind: "number", value: v.value };
  if (v.kind === "empty") return { kind: "empty" };
  return { kind: "invalid" };
}

/** The weight (分值) of a row: a number > 0, or the error outcome to return. */
export function readWeight(raw: unknown): { ok: true; weight: number } | { ok: false; outcome: Outcome<never> } {
  if (typeof raw === "number" && raw > 0 && Number.isFinite(raw)) return { ok: true, weight: raw };
  const a = readAmount(raw);
  if (a.kind === "empty") return { ok: false, outcome: fail("weight-missing", { weight: quote(raw) }) };
  if (a.kind !== "number" || !(a.value > 0) || !Number.isFinite(a.value))
    return { ok: false, outcome: fail("weight-invalid", { weight: quote(raw) }) };
  return { ok: true, weight: a.value };
}
