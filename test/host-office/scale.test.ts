/**
 * The round-trip budget: validate and calculate on forms of 50 and 5,000 indicator rows
 * each take at most 3 syncs through the Office adapter (counted by the strict fake, with Excel
 * on the web's 5 MB payload limits switched on).
 */
import { getRuleSet } from "../../src/engine";
import { createOfficePort } from "../../src/host/office";
import { calculateSheet, checkSheet } from "../../src/ops";
import { installFakeOffice, type InstalledFake } from "../fakes/excel";
import { emptyScores, FORM_SHEET, loadGeneratedForm } from "./loadForm";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

describe.each([50, 5000])("%i indicator rows", (rows) => {
  test("校验 (checkSheet) takes at most 3 syncs and finds the form", async () => {
    fake = installFakeOffice(globalThis, loadGeneratedForm(rows));
    const wb = fake.workbook;
    const before = wb.syncCount;
    const check = await checkSheet(createOfficePort(), FORM_SHEET, getRuleSet());
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(check.forms.length).toBeGreaterThan(0);
  });

  test("计算 (calculateSheet) takes at most 3 syncs and fills every emptied 得分", async () => {
    fake = installFakeOffice(globalThis, loadGeneratedForm(rows));
    const wb = fake.workbook;
    const emptied = emptyScores(wb);
    expect(emptied.rows.length).toBeGreaterThanOrEqual(rows);
    const before = wb.syncCount;
    const result = await calculateSheet(createOfficePort(), FORM_SHEET, getRuleSet());
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(result.written).toBeGreaterThanOrEqual(rows);
    const sheet = wb.mustSheet(FORM_SHEET);
    const unfilled = emptied.rows.filter((r) => typeof sheet.cell(r, emptied.col)?.value !== "number");
    expect(unfilled).toEqual([]);
  });
});
