/**
 * Notes on marks through the Office adapter: each marked cell carries a note saying why (in the
 * pane's language); 清除标记 deletes exactly our notes — never a note of the user's, which also
 * keeps its cell free of ours; Excel without the notes API (ExcelApi 1.18) still gets its marks.
 */
import { formatFinding, type Finding, type FindingCode, type FindingData } from "../../src/engine";
import { step } from "../../src/engine/scoring/steps";
import { MARK_NOTE_HEADER } from "../../src/host/markIdentity";
import { createOfficePort } from "../../src/host/office";
import { clearMarks, markFindings } from "../../src/ops";
import { FakeWorkbook, installFakeOffice, type InstalledFake } from "../fakes/excel";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

function setup(unsupported: string[] = []): FakeWorkbook {
  const wb = new FakeWorkbook({
    sheets: {
      S: [
        ["a", 1, 5],
        ["b", 2, 6],
        ["c", 3, 7],
      ],
    },
  });
  for (const set of unsupported) wb.unsupportedSets.add(set);
  // The user's own note on a cell we will mark, and one elsewhere.
  wb.mustSheet("S").notes.push({ cell: "C1", text: "财务科：待核实", kind: "note" });
  wb.mustSheet("S").notes.push({ cell: "A3", text: "备注", kind: "note" });
  fake = installFakeOffice(globalThis, wb);
  return wb;
}

const finding = <C extends FindingCode>(cell: string, code: C, severity: Finding["severity"], data: FindingData[C]) =>
  ({ code, severity, cell, row: Number(cell.slice(1)), sheet: "S", data }) as unknown as Finding;

const findings: Finding[] = [
  finding("B2", "exec-weight-differs", "warning", { stated: 8, expected: 10, ruleSet: "财政部2020" }),
  finding("B2", "score-mismatch", "error", { stated: 16, expected: 15, explanation: [step("more-met", { w: 15 })] }),
  finding("C1", "score-mismatch", "error", { stated: 3, expected: 2, explanation: [step("more-met", { w: 2 })] }),
];

const notesOf = (wb: FakeWorkbook) => Object.fromEntries(wb.mustSheet("S").notes.map((n) => [n.cell, n.text] as const));

test("each marked cell gets one note listing its findings, worst first; a user's note stays as it was", async () => {
  const wb = setup();
  const port = createOfficePort();
  expect(port.supportsNotes?.()).toBe(true);
  const result = await markFindings(port, "S", findings);
  expect(result).toEqual({ marked: 2, notes: true });
  const notes = notesOf(wb);
  // Our header, then the error before the warning, each as the engine words it.
  expect(notes.B2.split("\n")).toEqual([MARK_NOTE_HEADER, formatFinding(findings[1]), formatFinding(findings[0])]);
  expect(notes.B2).toMatch(/16[\s\S]*15[\s\S]*\n.*财政部2020/); // error first, warning second
  expect(notes.C1).toBe("财务科：待核实");
  expect(notes.A3).toBe("备注");
  expect(wb.values("S", "A1:C3")).toEqual([
    ["a", 1, 5],
    ["b", 2, 6],
    ["c", 3, 7],
  ]);
});

test("marking again replaces our notes (a fixed cell loses its note); clearing removes exactly ours", async () => {
  const wb = setup();
  const port = createOfficePort();
  await markFindings(port, "S", findings);
  await markFindings(port, "S", [
    finding("A2", "score-mismatch", "error", { stated: 1, expected: 2, explanation: [step("more-met", { w: 2 })] }),
  ]);
  let notes = notesOf(wb);
  expect(Object.keys(notes).sort()).toEqual(["A2", "A3", "C1"]);
  expect(notes.A2.startsWith(MARK_NOTE_HEADER)).toBe(true);
  await clearMarks(port, "S");
  notes = notesOf(wb);
  expect(notes).toEqual({ C1: "财务科：待核实", A3: "备注" });
  expect(wb.mustSheet("S").conditionalFormats).toEqual([]);
});

test("a user's note that only mentions our name is not ours and survives 清除标记", async () => {
  const wb = setup();
  wb.mustSheet("S").notes.push({ cell: "A1", text: `见${MARK_NOTE_HEADER}的标记`, kind: "note" });
  await clearMarks(createOfficePort(), "S");
  expect(notesOf(wb).A1).toBe(`见${MARK_NOTE_HEADER}的标记`);
});

test("English notes when the pane is in English", async () => {
  const wb = setup();
  await markFindings(createOfficePort(), "S", findings, { locale: "en" });
  expect(notesOf(wb).B2).toMatch(/^【绩效自评助手】\nScore is 16; the rules give 15/);
});

test("without ExcelApi 1.18 the marks are made without notes, and the result says so", async () => {
  const wb = setup(["ExcelApi 1.18"]);
  const port = createOfficePort();
  expect(port.supportsNotes?.()).toBe(false);
  expect(await markFindings(port, "S", findings)).toEqual({ marked: 2, notes: false });
  expect(wb.mustSheet("S").conditionalFormats).toHaveLength(2);
  expect(notesOf(wb)).toEqual({ C1: "财务科：待核实", A3: "备注" });
  await clearMarks(port, "S");
  expect(wb.mustSheet("S").conditionalFormats).toEqual([]);
});

test("marking costs one read and one write, notes included", async () => {
  const wb = setup();
  const before = wb.syncCount;
  await markFindings(createOfficePort(), "S", findings);
  expect(wb.syncCount - before).toBe(2);
});

test("the fake's notes are strict: content and items throw until loaded and synced", async () => {
  setup();
  await Excel.run(async (context) => {
    const notes = context.workbook.worksheets.getItem("S").notes;
    const one = notes.getItemOrNullObject("C1");
    expect(() => notes.items).toThrow(/not available/);
    one.load("content");
    // Reading before the sync is the mistake the fake must catch (the lint rule catches it too).
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    expect(() => one.content).toThrow(/not available/);
    await context.sync();
    expect(one.content).toBe("财务科：待核实");
    const none = notes.getItemOrNullObject("B3");
    none.load("content");
    await context.sync();
    expect(none.isNullObject).toBe(true);
  });
});
