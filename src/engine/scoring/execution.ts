// CONTRACT STUB — owned by the value/scoring helper.
import { fail, type Outcome } from "./outcome";

/** 预算执行率 = 全年执行数 / 全年预算数, unrounded. A budget ≤ 0 or missing is an error. */
export function execRate(budget: unknown, spent: unknown): Outcome<number> {
  void budget;
  void spent;
  return fail("not-implemented");
}

/** 分值 × min(执行率, 1), Excel-rounded to 2 decimals. */
export function execScore(budget: unknown, spent: unknown, weight: unknown = 10): Outcome<number> {
  void budget;
  void spent;
  void weight;
  return fail("not-implemented");
}
