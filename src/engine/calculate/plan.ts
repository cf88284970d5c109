// CONTRACT STUB — owned by the validation helper.
import type { RuleSet } from "../rules/schema";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import type { Finding } from "../validate/finding";

/** Which computed cell a write fills. */
export type CalcTarget =
  | "execRate"
  | "execScore"
  | "indicatorScore"
  | "sumWeight"
  | "sumScore"
  | "totalWeight"
  | "totalScore"
  | "grade"
  | "taskRate";

export interface CellWrite {
  /** 0-based absolute. */
  row: number;
  col: number;
  target: CalcTarget;
  /** The computed value. */
  value: CellValue;
  /** The number format the cell should show it with (0.00%, 0.00), when it has none. */
  numberFormat?: string;
  /** The engine's one-line zh-CN explanation of the value. */
  explanation: string;
}

export interface CalcPlan {
  /** Cells that are empty or hold our own formula: safe to fill. */
  writes: CellWrite[];
  /** Cells where the user typed a value that differs from the computed one (never overwritten). */
  conflicts: Finding[];
  /** Rows that could not be computed, with why (also findings). */
  problems: Finding[];
}

/** What `calculate` would write on this sheet. Never writes, never throws. */
export function planCalculation(snapshot: SheetSnapshot, ruleSet: RuleSet): CalcPlan {
  void snapshot;
  void ruleSet;
  return { writes: [], conflicts: [], problems: [] };
}
