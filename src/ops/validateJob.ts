/**
 * A sheet's validation as plain data in, plain data out, so it can run where the caller likes:
 * in this thread (the CLI, tests, hosts without Web Workers) or in the pane's worker, which keeps
 * a long check from freezing the pane. Nothing here may hold a function or a port: the job
 * crosses a postMessage.
 */
import { validateSheet, type CheckOptions, type RuleSet, type SheetCheck, type SheetSnapshot } from "../engine";
import { jxFunctions } from "./formulaFunctions";

export interface ValidationJob {
  snapshot: SheetSnapshot;
  ruleSet: RuleSet;
  options: CheckOptions;
  /** The workbook's rule-set setting, which the JX.* functions of formulas without results need. */
  workbookRule: string | undefined;
}

/** Runs a validation job and resolves to the engine's check (it may run elsewhere). */
export type SheetValidator = (job: ValidationJob) => Promise<SheetCheck>;

export function runValidationJob(job: ValidationJob): SheetCheck {
  // Formulas saved without results (a file from exceljs or our CLI) are read as Excel would show them.
  const functions = jxFunctions(job.workbookRule);
  return validateSheet(job.snapshot, job.ruleSet, { ...job.options, functions });
}

export const validateInThread: SheetValidator = async (job) => runValidationJob(job);
