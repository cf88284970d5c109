/**
 * 校验整个工作簿 includes the cross-sheet check (ops.crossCheckWorkbook, as `ziping check`): a
 * 重点工作任务 row that disagrees with the project form it repeats is listed under the 部门整体
 * sheet, after that sheet's own findings; redoing it after a fix drops it, and never stacks.
 */
import { getRuleSet, type SheetSnapshot } from "../../src/engine";
import { checkWorkbook } from "../../src/ops";
import { withCrossFindings } from "../../src/taskpane/crossSheet";
import { departmentSeed } from "../engine/validate/tamper";
import { seedProjectForms } from "../fixtures/seed001";
import { MemoryPort } from "./memoryPort";

function grid(s: SheetSnapshot) {
  // MemoryPort's sheets start at A1: pad the snapshot out to its origin.
  const pad = (row: SheetSnapshot["values"][number]) => [...new Array(s.origin.col).fill(null), ...row];
  return [...Array.from({ length: s.origin.row }, () => []), ...s.values.map(pad)];
}

function workbook(spent: number | null): { port: MemoryPort; row: number } {
  const t = departmentSeed();
  const row = t.layout.tasks.rows[0];
  if (spent !== null) t.set(row, t.layout.tasks.columns.spent, spent);
  const sheets: Record<string, ReturnType<typeof grid>> = {};
  for (const p of seedProjectForms()) sheets[p.name] = grid(p);
  sheets["部门整体"] = grid({ ...t.sheet, name: "部门整体" });
  return { port: new MemoryPort({ sheets }), row };
}

const rules = getRuleSet("mof-2020")!;

test("a planted mismatch is listed under 部门整体, after its own findings; the project sheets get none", async () => {
  const { port, row } = workbook(9.99);
  const checked = await checkWorkbook(port, rules);
  const all = await withCrossFindings(port, checked);
  const dept = all.find((s) => s.sheet === "部门整体")!;
  const cross = dept.findings.filter((f) => f.code === "task-project-mismatch");
  expect(cross.map((f) => [f.sheet, f.row])).toEqual([["部门整体", row + 1]]);
  expect(dept.own).toEqual(checked.find((s) => s.sheet === "部门整体")!.findings);
  expect(dept.findings).toEqual([...dept.own!, ...cross]);
  for (const s of all.filter((x) => x.sheet !== "部门整体")) expect(s.findings).toEqual(s.own);
  // Redone over the same results: the cross finding is not listed twice.
  const again = await withCrossFindings(port, all);
  expect(again.find((s) => s.sheet === "部门整体")!.findings).toEqual(dept.findings);
});

test("matching numbers: nothing cross-sheet is added", async () => {
  const { port } = workbook(null);
  const checked = await checkWorkbook(port, rules);
  const all = await withCrossFindings(port, checked);
  expect(all.map((s) => s.findings)).toEqual(checked.map((s) => s.findings));
  expect(all.flatMap((s) => s.findings).some((f) => f.code.startsWith("task-"))).toBe(false);
});

test("a workbook without both kinds of form is not cross-checked (and reads nothing more)", async () => {
  const { port } = workbook(9.99);
  port.sheets.delete("部门整体");
  const checked = await checkWorkbook(port, rules);
  const read = jest.spyOn(port, "readSheet");
  const all = await withCrossFindings(port, checked);
  expect(read).not.toHaveBeenCalled();
  expect(all.map((s) => s.findings)).toEqual(checked.map((s) => s.findings));
});
