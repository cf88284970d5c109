/**
 * draftReport on its own: the 部门整体 forms (seed 001's with 重点工作任务, seed 002's with
 * targets only and no scores), hostile cell values, and the numbers of the prose and the table
 * agreeing with each other.
 */
import { draftReports, getRuleSet, placeholderText, type Block, type ReportDraft } from "../../../src/engine";
import { seedDepartmentForm, seedProjectForms } from "../../fixtures/seed001";
import { seedDepartment002 } from "../../fixtures/seed002";

const RULES = getRuleSet("mof-2020");

function textOf(d: ReportDraft): string {
  const line = (b: Block): string => {
    if (b.kind === "paragraph")
      return b.runs.map((r) => ("text" in r ? r.text : placeholderText(r.placeholder))).join("");
    if (b.kind === "table") return b.rows.map((r) => r.map((c) => c?.text ?? "").join("|")).join("\n");
    return b.text;
  };
  return d.blocks.map(line).join("\n");
}

describe("draftReports", () => {
  it("seed 001's 部门整体 form: each 重点工作任务 with its amounts and rate; placeholders for the facts it lacks", () => {
    const [d] = draftReports(seedDepartmentForm(), RULES);
    expect(d.kind).toBe("department");
    expect(d.title).toBe("2023年度曲靖市沾益区人民代表大会常务委员会部门整体支出绩效自评报告");
    const t = textOf(d);
    expect(t).toContain(
      "2023年曲靖市人大代表履职能力提升专项资金：批复金额 10.56 万元，实际支出 10.56 万元，预算执行率 100.00%",
    );
    expect(t).toContain(placeholderText("部门职责、机构设置和人员情况"));
    expect(t).toContain("召开沾益区人民代表大会常委会：指标值 ≥6次，实际完成值 7次");
    expect(d.placeholders).toBeGreaterThanOrEqual(3);
  });
  it("seed 002's form (targets only, no 分值/得分): a draft without invented scores", () => {
    const drafts = draftReports(seedDepartment002(), RULES);
    expect(drafts).toHaveLength(1);
    const t = textOf(drafts[0]);
    expect(t).toContain("工资福利支出：指标值 ≤760万元");
    expect(t).not.toMatch(/得分 \d/);
    expect(t).toContain(placeholderText("自评得分和等级"));
  });
  it("every project form: no undefined, NaN or stray braces anywhere; prose rate equals the table's", () => {
    for (const s of seedProjectForms()) {
      const [d] = draftReports(s, RULES);
      const t = textOf(d);
      expect(t).not.toMatch(/undefined|NaN|\{|\}/);
      const rate = /预算执行率 ([\d.]+%)/.exec(t)![1];
      expect(t).toContain(`|${rate}|`);
    }
  });
  it("hostile values in every cell of a form never throw and never leak into numbers as NaN", () => {
    const odd = ["#DIV/0!", "—", "≥≥", "１２３％", "", " ", "1e308", "-5", "abc", "100%%"];
    const s = seedProjectForms()[1];
    s.values = s.values.map((row, i) => row.map((v, j) => (typeof v === "number" ? odd[(i + j) % odd.length] : v)));
    const drafts = draftReports(s, RULES);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(textOf(d)).not.toMatch(/NaN|undefined/);
  });
});
