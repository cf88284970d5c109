/**
 * 汇总 over real .xlsx files (exceljs adapter): seed 001's project forms into its own 部门整体
 * form, and every project form of the published corpus into our 部门整体 template. After saving
 * and reopening, each 重点工作任务 row equals its project form, the cross-sheet check is silent,
 * and a planted mismatch is the one thing it reports.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  crossCheckSheets,
  detectForms,
  getRuleSet,
  validateSheet,
  departmentFormsOf,
  scanTaskRows,
  SheetView,
  type ProjectFacts,
  type SheetSnapshot,
} from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { applyRollup, crossCheckWorkbook, previewRollup, readProjectFacts, rollupWorkbook } from "../../src/ops";
import { departmentSeed } from "../engine/validate/tamper";
import { seedProjectForms, SEED001_DEPARTMENT } from "../fixtures/seed001";
import { sha256, writeSnapshots } from "./xlsx";

const PUBLISHED = path.join(__dirname, "..", "published");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rollup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The task rows of the sheet's department form: name and numbers as they read now. */
function taskTable(s: SheetSnapshot) {
  const view = new SheetView(s);
  const form = departmentFormsOf(detectForms(s))[0];
  const rows = scanTaskRows(view, form)!;
  const num = (r: number, k: keyof typeof rows.columns) => {
    const v = view.value(r, rows.columns[k]!);
    return typeof v === "number" ? v : undefined;
  };
  return rows.tasks.map((t) => ({
    row: t.row,
    name: t.name,
    budget: num(t.row, "approvedTotal"),
    fiscal: num(t.row, "approvedFiscal"),
    other: num(t.row, "approvedOther"),
    spent: num(t.row, "spent"),
  }));
}

const expected = (p: ProjectFacts) => ({
  name: p.name,
  budget: p.budget,
  fiscal: p.fiscal,
  other: p.other,
  spent: p.spent,
});

describe("seed 001 in one workbook: three project sheets and the 部门整体 sheet", () => {
  async function seedWorkbook(clearAmounts: boolean): Promise<string> {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    if (clearAmounts)
      for (const r of rows)
        for (const k of ["approvedTotal", "approvedFiscal", "spent", "rate"] as const) t.set(r, columns[k], null);
    const file = path.join(tmp, `seed-${clearAmounts}.xlsx`);
    await writeSnapshots(file, [...seedProjectForms(), { ...t.sheet, name: "部门整体" }]);
    return file;
  }

  it("previews without writing, then fills the emptied amounts with the published numbers", async () => {
    const file = await seedWorkbook(true);
    const before = sha256(file);
    const port = await ExcelJsPort.fromFile(file);
    const preview = await previewRollup(port);
    expect(preview.sheet).toBe("部门整体");
    expect(preview.createSheet).toBe(false);
    expect(taskTable(await port.readSheet("部门整体")).every((t) => t.spent === undefined)).toBe(true);
    const { written } = await applyRollup(port, preview);
    expect(written).toBeGreaterThan(0);
    const out = path.join(tmp, "seed-out.xlsx");
    await port.saveAs(out);
    expect(sha256(file)).toBe(before);
    const again = taskTable(await (await ExcelJsPort.fromFile(out)).readSheet("部门整体"));
    // The first two tasks name their projects; the third is named differently and, with its
    // amounts gone, nothing ties it to 三届三次人代会工作费: it is reported, not guessed.
    for (const i of [0, 1]) {
      const pub = SEED001_DEPARTMENT.tasks[i];
      expect(again[i]).toMatchObject({ budget: pub.approvedTotal, fiscal: pub.approvedFiscal, spent: pub.spent });
    }
    expect(again[2].spent).toBeUndefined();
    expect(preview.plan.findings.filter((f) => f.code === "rollup-no-room").map((f) => f.data.project)).toEqual([
      "三届三次人代会工作费",
    ]);
  });

  it("the cross-sheet check is silent on the published forms and names a planted mismatch", async () => {
    const file = await seedWorkbook(false);
    const port = await ExcelJsPort.fromFile(file);
    expect(await crossCheckWorkbook(port)).toEqual([]);
    const dept = await port.readSheet("部门整体");
    const t = departmentSeed();
    const r = t.layout.tasks.rows[0];
    const c = t.layout.tasks.columns.spent;
    dept.values[r - dept.origin.row][c - dept.origin.col] = 9.99;
    const found = crossCheckSheets(
      [...(await Promise.all(["项目1", "项目2", "项目3"].map((s) => port.readSheet(s)))), dept].map((snapshot) => ({
        snapshot,
      })),
    );
    expect(found.map((f) => [f.code, f.sheet, f.row])).toEqual([["task-project-mismatch", "部门整体", r + 1]]);
  });
});

describe("the published corpus's project forms rolled up into our 部门整体 template", () => {
  const index: { file: string; kind: string }[] = JSON.parse(
    fs.readFileSync(path.join(PUBLISHED, "index.json"), "utf8"),
  );
  const projectFiles = index.filter((e) => e.kind === "project").map((e) => e.file);
  const departmentFiles = index.filter((e) => e.kind === "department").map((e) => e.file);

  async function corpusFacts(): Promise<ProjectFacts[]> {
    const out: ProjectFacts[] = [];
    for (const f of projectFiles) {
      const port = await ExcelJsPort.fromFile(path.join(PUBLISHED, f), { readOnly: true });
      out.push(...(await readProjectFacts(port, undefined, f.replace(/\.xlsx$/, ""))));
    }
    return out;
  }

  async function corpusProjectSheets(): Promise<{ snapshot: SheetSnapshot }[]> {
    const sheets: { snapshot: SheetSnapshot }[] = [];
    for (const f of projectFiles) {
      const p = await ExcelJsPort.fromFile(path.join(PUBLISHED, f), { readOnly: true });
      for (const s of await p.listSheets()) sheets.push({ snapshot: { ...(await p.readSheet(s)), name: `${f} ${s}` } });
    }
    return sheets;
  }

  it("every task row equals its project form, and the check finds no disagreement", async () => {
    const projects = await corpusFacts();
    expect(projects.length).toBeGreaterThanOrEqual(20);
    const port = new ExcelJsPort();
    const result = await rollupWorkbook(port, { projects });
    expect(result.createSheet).toBe(true);
    expect(result.plan.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.plan.placements.every((p) => p.how === "new")).toBe(true);
    const out = path.join(tmp, "corpus-rollup.xlsx");
    await port.saveAs(out);
    const sheet = await (await ExcelJsPort.fromFile(out)).readSheet(result.sheet);
    const tasks = taskTable(sheet);
    // What was filled contradicts nothing on its own form (a split that does not add up is left out).
    const own = validateSheet(sheet, getRuleSet("mof-2020")).findings;
    expect(own.filter((f) => f.severity === "error")).toEqual([]);
    expect(tasks.map((t) => ({ ...t, row: undefined }))).toEqual(
      projects.map((p) => ({ ...expected(p), row: undefined })),
    );
    // The filled template beside the project forms: every row agrees.
    const sheets = [{ snapshot: sheet }, ...(await corpusProjectSheets())];
    expect(crossCheckSheets(sheets)).toEqual([]);
    // A planted mismatch in one row is the one finding.
    const at = tasks[3];
    const view = new SheetView(sheet);
    const spentCol = departmentFormsOf(detectForms(sheet))[0].tasks!.columns.spent!;
    sheet.values[at.row - sheet.origin.row][spentCol - sheet.origin.col] = (at.spent ?? 0) + 1;
    expect(view.value(at.row, spentCol)).toBe((at.spent ?? 0) + 1);
    const found = crossCheckSheets(sheets);
    expect(found.map((f) => [f.code, f.row])).toEqual([["task-project-mismatch", at.row + 1]]);
  }, 60_000);

  it("published 部门整体 forms checked beside every published project form: no disagreement", async () => {
    const projectSheets = await corpusProjectSheets();
    for (const f of departmentFiles) {
      const port = await ExcelJsPort.fromFile(path.join(PUBLISHED, f), { readOnly: true });
      const sheets = [...projectSheets];
      for (const s of await port.listSheets()) sheets.push({ snapshot: await port.readSheet(s) });
      // Unrelated units: no task row may pair with a project wrongly and report a mismatch.
      expect(crossCheckSheets(sheets)).toEqual([]);
    }
  }, 60_000);
});
