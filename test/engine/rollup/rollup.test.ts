/**
 * 汇总 on seed 001: its 部门整体 form repeats its three project forms in 重点工作任务, so a table
 * emptied of its numbers is refilled with exactly the published numbers, and a table emptied
 * entirely gets the three projects back, one per row.
 */
import { detectForms } from "../../../src/engine/detect/detect";
import { formatFinding } from "../../../src/engine/i18n/messages";
import {
  crossCheckSheets,
  matchTasks,
  normaliseName,
  planRollup,
  projectFactsOfSheet,
  type ProjectFacts,
  type RollupPlan,
} from "../../../src/engine/rollup";
import { SheetView, a1 } from "../../../src/engine/sheet/snapshot";
import { getRuleSet } from "../../../src/engine/rules";
import { validateSheet } from "../../../src/engine/validate/validate";
import { SEED001_DEPARTMENT, seedAllOnOneSheet, seedProjectForms } from "../../fixtures/seed001";
import { departmentSeed } from "../validate/tamper";

const facts = (): ProjectFacts[] =>
  seedProjectForms().flatMap((s) => projectFactsOfSheet(new SheetView(s), detectForms(s), s.name));
const AMOUNTS = ["approvedTotal", "approvedFiscal", "approvedOther", "spent", "rate"] as const;

function valueAt(plan: RollupPlan, row: number, col: number) {
  return plan.writes.find((w) => w.row === row && w.col === col)?.value;
}

describe("project facts", () => {
  it("read each seed project's name, budget split and execution", () => {
    expect(facts()).toEqual([
      expect.objectContaining({
        name: "2023年曲靖市人大代表履职能力提升专项资金",
        budget: 10.56,
        fiscal: 10.56,
        spent: 10.56,
        rate: 1,
      }),
      expect.objectContaining({ name: "专项工作经费", budget: 29.77, fiscal: 29.77, spent: 29.77, rate: 1 }),
      expect.objectContaining({ name: "三届三次人代会工作费", budget: 41.61, fiscal: 41.61, spent: 41.61, rate: 1 }),
    ]);
    // 其他资金 printed "—" is no number: nothing to repeat.
    expect(facts().every((p) => p.other === undefined)).toBe(true);
  });
});

describe("rollup into seed 001's own 部门整体 form", () => {
  it("refills the amounts of named task rows with the published numbers", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    for (const r of rows) for (const k of AMOUNTS) t.set(r, columns[k], null);
    const plan = planRollup(t.sheet, facts())!;
    // The third task is named differently from its project ("曲靖市沾益区人代会会议经费" for
    // "三届三次人代会工作费"): with its amounts gone nothing ties them, so it is not guessed.
    rows.slice(0, 2).forEach((r, i) => {
      const task = SEED001_DEPARTMENT.tasks[i];
      expect(valueAt(plan, r, columns.approvedTotal)).toBe(task.approvedTotal);
      expect(valueAt(plan, r, columns.approvedFiscal)).toBe(task.approvedFiscal);
      expect(valueAt(plan, r, columns.spent)).toBe(task.spent);
      expect(valueAt(plan, r, columns.rate)).toBeCloseTo(task.rate, 10);
      // 其他资金: the project form prints "—", so the cell stays blank, as published.
      expect(valueAt(plan, r, columns.approvedOther)).toBeUndefined();
    });
    expect(plan.writes.filter((w) => w.row === rows[2])).toEqual([]);
    expect(plan.placements.map((p) => [p.project, p.how])).toEqual([
      ["2023年曲靖市人大代表履职能力提升专项资金", "exact"],
      ["专项工作经费", "contains"],
    ]);
    const left = plan.findings.filter((f) => f.severity !== "info");
    expect(left.map((f) => [f.code, (f.data as { project?: string }).project])).toEqual([
      ["rollup-no-room", "三届三次人代会工作费"],
    ]);
  });

  it("writes nothing over the published table, and finds nothing wrong with it", () => {
    const plan = planRollup(departmentSeed().sheet, facts())!;
    expect(plan.writes).toEqual([]);
    expect(plan.findings.map((f) => f.code)).toEqual(["rollup-matched", "rollup-matched", "rollup-matched"]);
  });

  it("puts projects into blank rows between tasks, names included, and says where", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    // Keep the last task as typed; clear the two above it.
    for (const r of rows.slice(0, 2)) for (const c of Object.values(columns)) t.set(r, c, null);
    const plan = planRollup(t.sheet, facts())!;
    const placed = plan.placements.map((p) => [p.project, p.row, p.how]);
    expect(placed).toEqual([
      ["三届三次人代会工作费", rows[2] + 1, "amounts"],
      ["2023年曲靖市人大代表履职能力提升专项资金", rows[0] + 1, "new"],
      ["专项工作经费", rows[1] + 1, "new"],
    ]);
    expect(valueAt(plan, rows[1], columns.name)).toBe("专项工作经费");
    expect(valueAt(plan, rows[1], columns.approvedTotal)).toBe(29.77);
    const messages = plan.findings.filter((f) => f.code === "rollup-filled").map((f) => formatFinding(f));
    expect(messages[0]).toContain("2023年曲靖市人大代表履职能力提升专项资金");
    expect(plan.findings.find((f) => f.code === "rollup-filled")!.cell).toBe(a1(rows[0], columns.name));
  });

  it("leaves a row that contradicts its project alone, and reports it", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    t.set(rows[1], columns.spent, 20);
    t.set(rows[1], columns.rate, null);
    const plan = planRollup(t.sheet, facts())!;
    expect(plan.writes.filter((w) => w.row === rows[1])).toEqual([]);
    const hit = plan.findings.filter((f) => f.code === "task-project-mismatch");
    expect(hit.map((f) => [f.cell, f.data.stated, f.data.expected])).toEqual([[a1(rows[1], columns.spent), 20, 29.77]]);
    expect(plan.placements.find((p) => p.row === rows[1] + 1)!.conflict).toBe(true);
  });

  it("a contradicting cell that holds a formula is reported as the formula's result, a typed one as typed", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    t.set(rows[1], columns.spent, 20, undefined, "=10+10");
    t.set(rows[1], columns.rate, null);
    const [hit] = planRollup(t.sheet, facts())!.findings.filter((f) => f.code === "task-project-mismatch");
    expect(hit.data.fromFormula).toBe(true);
    expect(formatFinding(hit)).toMatch(/^（公式结果）任务/);
    expect(formatFinding(hit, "en")).toContain("(a formula's result) is 20");
    const typed = departmentSeed();
    typed.set(rows[1], columns.spent, 20);
    typed.set(rows[1], columns.rate, null);
    const [plain] = planRollup(typed.sheet, facts())!.findings.filter((f) => f.code === "task-project-mismatch");
    expect(plain.data.fromFormula).toBeUndefined();
    expect(formatFinding(plain)).not.toContain("公式");
  });

  it("accepts a 批复金额 that repeats the 年初预算数", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    t.set(rows[0], columns.approvedTotal, 8);
    t.set(rows[0], columns.approvedFiscal, 8);
    const projects = facts();
    projects[0] = { ...projects[0], initial: 8 };
    const plan = planRollup(t.sheet, projects)!;
    expect(plan.findings.filter((f) => f.code.startsWith("task-project"))).toEqual([]);
  });

  it("returns null on a sheet without a 部门整体 form", () => {
    expect(planRollup(seedProjectForms()[0], facts())).toBeNull();
  });
});

describe("the cross-sheet check", () => {
  it("finds nothing on seed 001, whether the forms share a sheet or not", () => {
    const separate = [...seedProjectForms(), departmentSeed().sheet].map((snapshot) => ({ snapshot }));
    expect(crossCheckSheets(separate)).toEqual([]);
    expect(crossCheckSheets([{ snapshot: seedAllOnOneSheet() }])).toEqual([]);
  });

  it("reports exactly the planted mismatch", () => {
    const t = departmentSeed();
    const { rows, columns } = t.layout.tasks;
    t.set(rows[1], columns.approvedTotal, 40);
    const found = crossCheckSheets([...seedProjectForms(), t.sheet].map((snapshot) => ({ snapshot })));
    expect(found.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["task-project-mismatch", a1(rows[1], columns.approvedTotal), "error"],
    ]);
    expect(formatFinding(found[0])).toContain("专项工作经费");
    expect(formatFinding(found[0], "en")).toContain("approved total is 40");
  });

  it("uses the forms validateSheet already found", () => {
    const ruleSet = getRuleSet("mof-2020");
    const sheets = [...seedProjectForms(), departmentSeed().sheet].map((snapshot) => ({
      snapshot,
      forms: validateSheet(snapshot, ruleSet).forms,
    }));
    expect(crossCheckSheets(sheets)).toEqual([]);
  });
});

describe("matching by name", () => {
  const p = (name: string, budget?: number, spent?: number): ProjectFacts => ({ name, source: "s", budget, spent });
  it("normalises spaces, punctuation, full width and a leading year", () => {
    expect(normaliseName("2023年度 专项（工作）经费")).toBe(normaliseName("专项工作经费"));
  });
  it("pairs a contained name only when it is the one candidate on both sides", () => {
    const tasks = [
      { row: 1, name: "干部培训经费" },
      { row: 2, name: "教师培训经费" },
    ];
    expect(matchTasks(tasks, [p("培训经费")]).pairs).toEqual([]);
    expect(matchTasks(tasks, [p("干部培训")]).pairs.map((x) => x.task.row)).toEqual([1]);
  });
  it("pairs by amounts only when both amounts agree with one project alone", () => {
    const tasks = [{ row: 1, name: "甲", approved: 10, spent: 9 }];
    expect(matchTasks(tasks, [p("乙", 10, 9)]).pairs.map((x) => x.how)).toEqual(["amounts"]);
    expect(matchTasks(tasks, [p("乙", 10, 9), p("丙", 10, 9)]).pairs).toEqual([]);
    expect(matchTasks(tasks, [p("乙", 10, 8)]).pairs).toEqual([]);
  });
});
