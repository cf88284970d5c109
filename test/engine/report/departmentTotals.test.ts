/**
 * 文表一致 for the 部门整体 totals: a report's 项目支出 figures against the 部门整体 form's
 * 重点工作任务 table (its rows' sum) and against the sum of the project forms checked with it;
 * the department's own 预算 / 执行数 / 执行率 against its form. Clean texts give no finding, each
 * planted contradiction exactly one; a one-project sentence ("本项目支出") is never taken for the total.
 */
import { checkReport, getRuleSet, subjectsOfSheet, type ReportFinding, type Subject } from "../../../src/engine";
import { seedDepartmentForm, seedProjectForms } from "../../fixtures/seed001";

const RULES = getRuleSet("mof-2020");
const DEPT = "曲靖市沾益区人民代表大会常务委员会";
const [P1, P2, P3] = seedProjectForms();
const subjectsOf = (...sheets: ReturnType<typeof seedDepartmentForm>[]): Subject[] =>
  sheets.flatMap((s) => subjectsOfSheet(s, RULES));
const ALL = subjectsOf(P1, P2, P3, seedDepartmentForm());
const check = (text: string, subjects = ALL) => checkReport(text, subjects, RULES).findings;
const codes = (fs: ReportFinding[]) => fs.map((f) => f.code);

/** Seed 001's own paragraph on the department's money: 项目支出 81.94 = 10.56 + 29.77 + 41.61. */
const INCOME =
  "（三）部门整体收支情况\t1、收入合计867.05万元。其中：一般公共预算财政拨款收入867.05万元，其他收入0.00万元。";
const SPENDING = (projects: string) => `2、支出合计890.73万元。其中：基本支出808.79万元；项目支出${projects}万元。`;

describe("the 部门整体 form's 项目支出 totals", () => {
  it("are the sum of its 重点工作任务 rows, naming the cells they add up", () => {
    const dept = ALL.find((s) => s.kind === "department")!;
    const totals = Object.fromEntries(dept.projects!.facts.map((f) => [f.metric, f.value]));
    expect(totals.budget).toBeCloseTo(81.94, 6);
    expect(totals.spent).toBeCloseTo(81.94, 6);
    expect(totals.rate).toBeCloseTo(1, 6);
    expect(dept.projects!.facts.find((f) => f.metric === "spent")!.cell).toMatch(
      /^部门整体!G\d+ \+ 部门整体!G\d+ \+ 部门整体!G\d+$/,
    );
  });
});

describe("clean texts: no finding", () => {
  it("seed 001's own words: 项目支出 81.94 万元", () => {
    expect(check(`${INCOME}\n${SPENDING("81.94")}`)).toEqual([]);
  });
  it("the department's 项目支出 budget, spending and rate, stated right", () => {
    const text = `二、部门整体支出情况\n本部门项目支出预算81.94万元，实际支出81.94万元，项目支出预算执行率100%。`;
    const r = checkReport(text, ALL, RULES);
    expect(r.findings).toEqual([]);
    expect(r.attributed).toBe(3);
  });
  it("one project's own spending (本项目支出) is not the department's total", () => {
    const text = "（一）三届三次人代会工作费\n本项目支出41.61万元，执行率100%。";
    expect(check(text)).toEqual([]);
  });
  it("a total that the task table lacks but the project forms give: agrees with their sum", () => {
    // The task table lists three tasks; the report counts only the two project forms checked with it.
    const two = subjectsOf(P1, P2, seedDepartmentForm());
    expect(check(`${INCOME}\n${SPENDING("40.33")}`, two)).toEqual([]);
  });
});

describe("planted contradictions", () => {
  it("项目支出 that neither the task table nor the project forms give", () => {
    const fs = check(`${INCOME}\n${SPENDING("91.94")}`);
    expect(codes(fs)).toEqual(["report-amount-mismatch"]);
    expect(fs[0].data).toMatchObject({ subject: `${DEPT}（项目支出）`, stated: "91.94万元", expected: "81.94万元" });
    expect(fs[0].sentence).toContain("项目支出91.94万元");
    expect(fs[0].cell).toMatch(/^项目\d!\w+ \+ 项目\d!\w+ \+ 项目\d!\w+$/);
  });
  it("a 项目支出 execution rate that the totals do not give", () => {
    const fs = check(`二、部门整体支出情况\n本部门项目支出预算81.94万元，实际支出81.94万元，项目支出预算执行率95%。`);
    // The sentence's own arithmetic (81.94 of 81.94 is not 95%) says so too.
    expect(codes(fs)).toEqual(["report-rate-mismatch", "report-prose-rate"]);
    expect(fs[0].data).toMatchObject({ stated: "95%", expected: "100.00%" });
  });
  it("with the task table alone, 40.33 (two projects' sum) is not its 81.94", () => {
    const fs = check(`${INCOME}\n${SPENDING("40.33")}`, subjectsOf(seedDepartmentForm()));
    expect(codes(fs)).toEqual(["report-amount-mismatch"]);
    expect(fs[0].cell).toMatch(/^部门整体!/);
  });
  it("the department's own 全年预算 / 执行数 / 执行率 against its form", () => {
    const dept: Subject = {
      name: DEPT,
      kind: "department",
      sheet: "部门整体",
      facts: [
        { metric: "budget", value: 900, cell: "部门整体!D8" },
        { metric: "spent", value: 890.73, cell: "部门整体!E8" },
        { metric: "rate", value: 890.73 / 900, cell: "部门整体!G8" },
      ],
    };
    const right = `${DEPT}全年预算数900万元，全年执行数890.73万元，预算执行率98.97%。`;
    expect(check(right, [dept])).toEqual([]);
    const wrong = `${DEPT}全年预算数900万元，全年执行数880.73万元，预算执行率98.97%。`;
    const fs = check(wrong, [dept]);
    expect(codes(fs)).toEqual(["report-amount-mismatch", "report-prose-rate"]);
    expect(fs[0]).toMatchObject({ cell: "部门整体!E8", data: { stated: "880.73万元", expected: "890.73万元" } });
  });
});
