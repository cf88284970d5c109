/**
 * The Office adapter follows the same number-format policy as the exceljs one (the decision is
 * made once, in ops/calculate.ts, from the snapshot): a filled cell keeps the format the user
 * set on it, gets ours only when it had General, and no other cell's format changes.
 */
import { getRuleSet } from "../../src/engine";
import { createOfficePort } from "../../src/host/office";
import { calculateSheet } from "../../src/ops";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";

let fake: InstalledFake | undefined;
afterEach(() => fake?.uninstall());

test("Office: 0.000 on an empty 得分 stays, an empty General 执行率 gets 0.00%, nothing else changes", async () => {
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const at = (r: number, c: number) => [r - sheet.origin.row, c - sheet.origin.col] as const;
  const score = at(layout.indicators.rows[0], layout.indicators.columns.score!);
  const rate = at(layout.funds.rows.total, layout.funds.columns.rate);
  for (const [i, j] of [score, rate]) sheet.values[i][j] = null;
  sheet.numberFormats![score[0]][score[1]] = "0.000";
  sheet.numberFormats![rate[0]][rate[1]] = "General";
  const wb = new FakeWorkbook({ sheets: {} });
  wb.putSnapshot(sheet, "表1");
  const formats = () => new Map([...wb.mustSheet("表1").cells].map(([k, c]) => [k, c.numberFormat]));
  const before = formats();
  fake = installFakeOffice(globalThis, wb);
  const r = await calculateSheet(createOfficePort(), "表1", getRuleSet("mof-2020"));
  expect(r.written).toBe(2);
  const cell = (ij: readonly [number, number]) =>
    wb.mustSheet("表1").cell(ij[0] + sheet.origin.row, ij[1] + sheet.origin.col);
  expect(cell(score)?.numberFormat).toBe("0.000");
  expect(cell(rate)?.numberFormat).toBe("0.00%");
  const after = formats();
  const rateKey = [...wb.mustSheet("表1").cells].find(([, c]) => c === cell(rate))![0];
  const changed = [...before].filter(([k, f]) => k !== rateKey && after.get(k) !== f);
  expect(changed).toEqual([]);
});
