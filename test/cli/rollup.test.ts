/**
 * ziping rollup on real files: project forms from a folder into our 部门整体 template, or into a
 * copy of the user's own 部门整体 sheet; inputs stay byte-identical, outputs are never
 * overwritten; and check reports a task row that disagrees with its project form.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ReportRow } from "../../src/cli/report";
import { detectForms, departmentFormsOf, scanTaskRows, SheetView, type SheetSnapshot } from "../../src/engine";
import { ExcelJsPort } from "../../src/host/exceljs";
import { departmentSeed } from "../engine/validate/tamper";
import { seedProjectForms, SEED001_DEPARTMENT } from "../fixtures/seed001";
import { sha256, writeSnapshots } from "../ops/xlsx";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-rollup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const projectsDir = path.join(dir, "projects");

beforeAll(async () => {
  fs.mkdirSync(projectsDir);
  const forms = seedProjectForms();
  for (let i = 0; i < forms.length; i++) await writeSnapshots(path.join(projectsDir, `项目${i + 1}.xlsx`), [forms[i]]);
});

/** The first department form's task rows: [name, 总额, 财政拨款, 实际支出]. */
function tasksOf(s: SheetSnapshot): (string | number | null)[][] {
  const view = new SheetView(s);
  const rows = scanTaskRows(view, departmentFormsOf(detectForms(s))[0])!;
  const c = rows.columns;
  return rows.tasks.map((t) => [
    t.name,
    ...[c.approvedTotal, c.approvedFiscal, c.spent].map((k) => view.value(t.row, k!) as number),
  ]);
}

const hashes = () => fs.readdirSync(projectsDir).map((f) => sha256(path.join(projectsDir, f)));

test("a folder of project forms becomes our 部门整体 template, one task row per project", async () => {
  const before = hashes();
  const r = await cli(["rollup", "projects", "-o", "部门整体.xlsx"], dir);
  expect(r.stderr).toContain("已汇总 3 张项目支出绩效自评表");
  expect(r.code).toBe(0);
  expect(hashes()).toEqual(before);
  const port = await ExcelJsPort.fromFile(path.join(dir, "部门整体.xlsx"));
  const [sheet] = await port.listSheets();
  expect(tasksOf(await port.readSheet(sheet))).toEqual([
    ["2023年曲靖市人大代表履职能力提升专项资金", 10.56, 10.56, 10.56],
    ["专项工作经费", 29.77, 29.77, 29.77],
    ["三届三次人代会工作费", 41.61, 41.61, 41.61],
  ]);
  expect(r.stdout).toContain("此行填入项目「专项工作经费」");
  // Never over an existing file.
  const again = await cli(["rollup", "projects", "-o", "部门整体.xlsx"], dir);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("不会覆盖");
});

test("--into fills the blank cells of the user's own 部门整体 sheet in a copy", async () => {
  const t = departmentSeed();
  const { rows, columns } = t.layout.tasks;
  for (const r of rows.slice(0, 2))
    for (const k of ["approvedTotal", "approvedFiscal", "spent", "rate"] as const) t.set(r, columns[k], null);
  await writeSnapshots(path.join(dir, "单位.xlsx"), [{ ...t.sheet, name: "部门整体" }]);
  const before = sha256(path.join(dir, "单位.xlsx"));
  const r = await cli(
    ["rollup", "projects", "--into", "单位.xlsx", "--sheet", "部门整体", "-o", "单位-汇总.xlsx", "--format", "json"],
    dir,
  );
  expect(r.code).toBe(0);
  expect(sha256(path.join(dir, "单位.xlsx"))).toBe(before);
  const out = await (await ExcelJsPort.fromFile(path.join(dir, "单位-汇总.xlsx"))).readSheet("部门整体");
  expect(tasksOf(out)).toEqual(
    SEED001_DEPARTMENT.tasks.map((p) => [p.name, p.approvedTotal, p.approvedFiscal, p.spent]),
  );
  const report = JSON.parse(r.stdout) as ReportRow[];
  expect(report.filter((x) => x.code === "rollup-matched").map((x) => x.cell)).toEqual(rows.map((x) => `A${x + 1}`));
});

test("an unreadable input stops the command before anything is written", async () => {
  fs.writeFileSync(path.join(dir, "坏.xlsx"), "not a workbook");
  const r = await cli(["rollup", "projects", "坏.xlsx", "-o", "不应存在.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("未写入任何文件");
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(fs.existsSync(path.join(dir, "不应存在.xlsx"))).toBe(false);
});

test("usage: --sheet without --into, no inputs, no department sheet", async () => {
  expect((await cli(["rollup", "projects", "--sheet", "x", "-o", "a.xlsx"], dir)).code).toBe(2);
  expect((await cli(["rollup", "-o", "a.xlsx"], dir)).code).toBe(2);
  const r = await cli(["rollup", "projects", "--into", "projects/项目1.xlsx", "--sheet", "项目1", "-o", "b.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("部门整体自评表");
  expect(fs.existsSync(path.join(dir, "b.xlsx"))).toBe(false);
  // A --sheet the workbook does not have: the message names the sheets it does have.
  const wrong = await cli(
    ["rollup", "projects", "--into", "projects/项目1.xlsx", "--sheet", "部门", "-o", "c.xlsx"],
    dir,
  );
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/找不到工作表“部门”（工作簿中有：项目1）/);
});

test("check compares a workbook's 重点工作任务 rows with its project forms", async () => {
  const t = departmentSeed();
  await writeSnapshots(path.join(dir, "两类-对.xlsx"), [...seedProjectForms(), { ...t.sheet, name: "部门整体" }]);
  const clean = await cli(["check", "两类-对.xlsx", "--format", "json"], dir);
  expect((JSON.parse(clean.stdout) as ReportRow[]).filter((x) => x.code.startsWith("task-project"))).toEqual([]);
  const r0 = t.layout.tasks.rows[1];
  t.set(r0, t.layout.tasks.columns.spent, 25);
  t.set(r0, t.layout.tasks.columns.rate, 25 / 29.77, "0.00%");
  await writeSnapshots(path.join(dir, "两类-错.xlsx"), [...seedProjectForms(), { ...t.sheet, name: "部门整体" }]);
  const dirty = await cli(["check", "两类-错.xlsx", "--format", "json"], dir);
  expect(dirty.code).toBe(1);
  const hits = (JSON.parse(dirty.stdout) as ReportRow[]).filter((x) => x.code.startsWith("task-project"));
  expect(hits.map((x) => [x.sheet, x.row, x.code])).toEqual([["部门整体", r0 + 1, "task-project-mismatch"]]);
  expect(hits[0].message).toContain("专项工作经费");
});
