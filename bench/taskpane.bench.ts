/**
 * Round trips of the task pane's 校验 and 计算 on a generated 5,000-row form: the operations
 * run over the Office adapter on the strict Excel fake (which counts every context.sync, with
 * Excel on the web's 5 MB payload limits on). Goal from the issue: at most 3 each.
 */
import { getRuleSet } from "../src/engine";
import { createOfficePort } from "../src/host/office";
import { calculateSheet, checkSheet } from "../src/ops";
import { installFakeOffice } from "../test/fakes/excel";
import { emptyScores, FORM_SHEET, loadGeneratedForm } from "../test/host-office/loadForm";
import type { BenchRun } from "./types";

const ROWS = 5000;

async function countSyncs(work: () => Promise<unknown>, wb: { syncCount: number }): Promise<number> {
  const before = wb.syncCount;
  await work();
  return wb.syncCount - before;
}

export const run: BenchRun = async () => {
  const checkFake = installFakeOffice(globalThis, loadGeneratedForm(ROWS));
  const validate = await countSyncs(() => checkSheet(createOfficePort(), FORM_SHEET, getRuleSet()), checkFake.workbook);
  checkFake.uninstall();

  const calcFake = installFakeOffice(globalThis, loadGeneratedForm(ROWS));
  emptyScores(calcFake.workbook);
  const calculate = await countSyncs(
    () => calculateSheet(createOfficePort(), FORM_SHEET, getRuleSet()),
    calcFake.workbook,
  );
  calcFake.uninstall();

  return [
    { name: "taskpane.syncs.validate_5000", value: validate, unit: "syncs", goal: "<= 3" },
    { name: "taskpane.syncs.calculate_5000", value: calculate, unit: "syncs", goal: "<= 3" },
  ];
};
