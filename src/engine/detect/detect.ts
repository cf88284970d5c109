// CONTRACT STUB — owned by the form-detection helper.
import type { SheetSnapshot } from "../sheet/snapshot";
import type { DetectedForm } from "./form";

/** Every 绩效自评表 on the sheet (project or department), wherever it sits. Never throws. */
export function detectForms(snapshot: SheetSnapshot): DetectedForm[] {
  void snapshot;
  return [];
}
