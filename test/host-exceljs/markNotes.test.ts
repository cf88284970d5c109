/**
 * Notes on marks through the exceljs adapter (the CLI's files), as in the pane: one note per
 * marked cell with its findings, kept through save and reopen, and 清除标记 removing exactly
 * ours — in a later session too — while a user's note stays, and keeps its cell free of ours.
 */
import ExcelJS from "exceljs";
import { formatFinding, type Finding } from "../../src/engine";
import { step } from "../../src/engine/scoring/steps";
import { ExcelJsPort } from "../../src/host/exceljs";
import { noteText } from "../../src/host/exceljs/marks";
import { MARK_NOTE_HEADER } from "../../src/host/markIdentity";
import { clearMarks, markFindings } from "../../src/ops";
import { bufferOf, reopenRaw, saveAndReopen } from "./helpers";

async function setup(): Promise<ExcelJsPort> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addRows([
    ["a", 1, 5],
    ["b", 2, 6],
  ]);
  ws.getCell("C1").note = "财务科：待核实";
  return ExcelJsPort.fromBuffer(await bufferOf(wb));
}

const finding = (cell: string, severity: Finding["severity"], stated: number): Finding => ({
  code: "score-mismatch",
  severity,
  cell,
  row: Number(cell.slice(1)),
  sheet: "S",
  data: { stated, expected: 2, explanation: [step("more-met", { w: 2 })] },
});

async function notesOf(port: ExcelJsPort): Promise<Record<string, string>> {
  const ws = (await reopenRaw(await port.toBuffer())).getWorksheet("S")!;
  const out: Record<string, string> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const text = noteText(cell.note);
      if (text !== undefined) out[cell.address] = text;
    }),
  );
  return out;
}

test("marked cells carry our note in the file; a user's note is never replaced", async () => {
  const port = await setup();
  expect(port.supportsNotes()).toBe(true);
  const findings = [finding("B2", "error", 16), finding("C1", "warning", 3)];
  expect(await markFindings(port, "S", findings)).toEqual({ marked: 2, notes: true });
  expect(await notesOf(port)).toEqual({
    B2: `${MARK_NOTE_HEADER}\n${formatFinding(findings[0])}`,
    C1: "财务科：待核实",
  });
});

test("清除标记 in a later session removes exactly our notes and marks", async () => {
  const port = await setup();
  await markFindings(port, "S", [finding("B2", "error", 16), finding("A1", "info", 1)]);
  const later = await saveAndReopen(port);
  await clearMarks(later, "S");
  expect(await notesOf(later)).toEqual({ C1: "财务科：待核实" });
  const ws = (await reopenRaw(await later.toBuffer())).getWorksheet("S")!;
  expect(ws.getCell("B2").value).toBe(2);
});

test("marking again after a fix drops the fixed cell's note", async () => {
  const port = await setup();
  await markFindings(port, "S", [finding("B2", "error", 16), finding("A2", "error", 1)]);
  // B2 was fixed: the next check finds only A2, in a later session.
  const again = await saveAndReopen(port);
  await markFindings(again, "S", [finding("A2", "error", 1)]);
  expect(Object.keys(await notesOf(again)).sort()).toEqual(["A2", "C1"]);
});
