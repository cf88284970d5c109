/**
 * The round-trip budget: validate and calculate on forms of 50 and 5,000 indicator rows
 * each take at most 3 syncs through the Office adapter (counted by the strict fake, with Excel
 * on the web's 5 MB payload limits switched on).
 */
import { getRuleSet } from "../../src/engine";
import { createOfficePort } from "../../src/host/office";
import { calculateSheet, checkSheet } from "../../src/ops";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";
import { generateProjectSheet } from "../fixtures/generate";

const WEB_LIMIT = 5 * 1024 * 1024;
let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function loadForm(rows: number): FakeWorkbook {
  const wb = new FakeWorkbook({ sheets: { Sheet1: [] } });
  wb.limits = { requestPayloadBytes: WEB_LIMIT, responsePayloadBytes: WEB_LIMIT };
  const snap = generateProjectSheet(rows);
  wb.putSnapshot(snap, "自评表");
  fake = installFakeOffice(globalThis, wb);
  return wb;
}

describe.each([50, 5000])("%i indicator rows", (rows) => {
  test("校验 (checkSheet) takes at most 3 syncs and finds the form", async () => {
    const wb = loadForm(rows);
    const before = wb.syncCount;
    const check = await checkSheet(createOfficePort(), "自评表", getRuleSet());
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(check.forms.length).toBeGreaterThan(0);
  });

  test("计算 (calculateSheet) takes at most 3 syncs and writes into the sheet", async () => {
    const wb = loadForm(rows);
    // Empty every stated 得分 so calculate has something to fill: the column under "得分".
    const sheet = wb.mustSheet("自评表");
    const header = [...sheet.cells.entries()].find(([, c]) => c.value === "得分")!;
    const scoreCol = header[0] % 16384;
    const headerRow = Math.floor(header[0] / 16384);
    let emptied = 0;
    for (const [k, c] of sheet.cells) {
      const r = Math.floor(k / 16384);
      if (k % 16384 === scoreCol && r > headerRow + 1 && typeof c.value === "number") {
        c.value = null;
        emptied++;
      }
    }
    expect(emptied).toBeGreaterThan(rows / 2);
    const before = wb.syncCount;
    const result = await calculateSheet(createOfficePort(), "自评表", getRuleSet());
    expect(wb.syncCount - before).toBeLessThanOrEqual(3);
    expect(result.written).toBeGreaterThan(rows / 2);
    const refilled = [...sheet.cells.entries()].filter(
      ([k, c]) => k % 16384 === scoreCol && Math.floor(k / 16384) > headerRow + 1 && typeof c.value === "number",
    ).length;
    expect(refilled).toBeGreaterThanOrEqual(emptied);
  });
});
