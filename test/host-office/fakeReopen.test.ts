/**
 * The fake carried across a pane reload (test/fakes/excel/persist.ts, used by the Chromium E2E):
 * what the workbook holds comes back exactly — cells, marks, notes, sizes, selection — and the
 * document settings come back as last saved, so a setting the pane set but never saved is gone,
 * as in Office.
 */
import { createOfficePort } from "../../src/host/office";
import { markFindings } from "../../src/ops";
import type { Finding } from "../../src/engine";
import { step } from "../../src/engine/scoring/steps";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";
import { dumpWorkbook, reopenWorkbook } from "../fakes/excel/persist";

let fake: InstalledFake | undefined;
afterEach(() => fake?.uninstall());

const finding = {
  code: "score-mismatch",
  severity: "error",
  cell: "B2",
  row: 2,
  sheet: "S",
  data: { stated: 16, expected: 15, explanation: [step("more-met", { w: 15 })] },
} as unknown as Finding;

test("reopened after a reload: every cell, mark and note as it was; settings as saved, unsaved ones lost", async () => {
  const wb = new FakeWorkbook({
    sheets: {
      S: [
        ["a", 1],
        ["b", "=A1"],
      ],
      T: [[3]],
    },
    settings: { kept: "1" },
  });
  fake = installFakeOffice(globalThis, wb);
  const port = createOfficePort();
  await port.apply({ sheet: "S", ops: [{ kind: "numberFormat", range: "B1", format: "0.00" }] });
  await markFindings(port, "S", [finding]);
  await port.setSetting("jx.undo", '{"action":"calculate"}');
  Office.context.document.settings.set("unsaved", "x"); // set() without saveAsync
  wb.mustSheet("T").columnWidths.set(0, 88);
  wb.mustSheet("S").selection = "B2";
  wb.activeSheetName = "T";
  fake.uninstall();

  const again = reopenWorkbook(dumpWorkbook(wb), { displayLanguage: "en-US" });
  fake = installFakeOffice(globalThis, again);
  expect(again.sheets.map((s) => [s.name, s.id])).toEqual(wb.sheets.map((s) => [s.name, s.id]));
  for (const name of ["S", "T"]) {
    const [before, after] = [wb.mustSheet(name), again.mustSheet(name)];
    expect([...after.cells]).toEqual([...before.cells]);
    expect(after.conditionalFormats).toEqual(before.conditionalFormats);
    expect(after.notes).toEqual(before.notes);
    expect([...after.columnWidths]).toEqual([...before.columnWidths]);
  }
  expect(again.mustSheet("S").notes).toHaveLength(1);
  expect(again.mustSheet("S").selection).toBe("B2");
  expect(again.activeSheetName).toBe("T");
  expect(again.displayLanguage).toBe("en-US");
  const reopened = createOfficePort();
  expect(await reopened.getSetting("jx.undo")).toBe('{"action":"calculate"}');
  expect(await reopened.getSetting("kept")).toBe("1");
  expect(await reopened.getSetting("unsaved")).toBeUndefined();
  // New objects never reuse an id the workbook already gave out.
  expect(again.addSheet("U").id).not.toBe(wb.sheets[wb.sheets.length - 1].id);
  expect(new Set(again.sheets.map((s) => s.id)).size).toBe(3);
});
