// CONTRACT STUB — owned by the validation helper.
import type { DetectedForm } from "../detect/form";
import type { RuleSet } from "../rules/schema";
import type { SheetSnapshot } from "../sheet/snapshot";
import type { Finding } from "./finding";

export interface SheetCheck {
  forms: DetectedForm[];
  findings: Finding[];
}

/** Detect every form on the sheet and check it. Never writes, never throws. */
export function validateSheet(snapshot: SheetSnapshot, ruleSet: RuleSet): SheetCheck {
  void snapshot;
  void ruleSet;
  return { forms: [], findings: [] };
}
