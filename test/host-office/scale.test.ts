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

describe("as the pane calls them: the active sheet, and more than 512 merged areas", () => {
  function loadMergedForm() {
    const wb = loadGeneratedForm(5000);
    wb.activeSheetName = FORM_SHEET;
    // 2,000 merged cells to the right of the form (as a long form with merged remarks has).
    const merges = wb.mustSheet(FORM_SHEET).merges;
    for (let r = 20; r < 2020; r++) merges.push({ r1: r, c1: 14, r2: r, c2: 15 });
    return wb;
  }

  test("校验 of the active sheet takes at most 3 syncs, the first time and after", async () => {
    fake = installFakeOffice(globalThis, loadMergedForm());
    const wb = fake.workbook;
    const port = createOfficePort();
    const syncs: number[] = [];
    for (let i = 0; i < 2; i++) {
      const before = wb.syncCount;
      const check = await checkSheet(port, null, getRuleSet());
      syncs.push(wb.syncCount - before);
      expect(check.sheet).toBe(FORM_SHEET);
      expect(check.forms.length).toBeGreaterThan(0);
    }
    // First: Excel refuses the one-call read of 2,000 merged areas, then one banded read. After: one.
    expect(syncs).toEqual([2, 1]);
  });

  test("计算 of the active sheet takes at most 3 syncs and fills every emptied 得分", async () => {
    fake = installFakeOffice(globalThis, loadMergedForm());
    const wb = fake.workbook;
    const emptied = emptyScores(wb);
    const before = wb.syncCount;
    const result = await calculateSheet(createOfficePort(), null, getRuleSet());
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(result.sheet).toBe(FORM_SHEET);
    const sheet = wb.mustSheet(FORM_SHEET);
    expect(emptied.rows.filter((r) => typeof sheet.cell(r, emptied.col)?.value !== "number")).toEqual([]);
  });
});
