/**
 * A 总分 stated in the header lines above the form (湖北 `自评总分: 95`, 重庆 `自评总分(分) | 97.6`,
 * 宁夏 `自评得分 | 98`): read as the form's stated total and checked — against the 总分 row when the
 * form has one (the two must agree), else against the scores' sum where the table is the whole form.
 */
import { detectForms } from "../../../src/engine/detect/detect";
import { draftReports } from "../../../src/engine/draft/draft";
import { checkReport, subjectsOfSheet } from "../../../src/engine";
import { getRuleSet } from "../../../src/engine/rules";
import type { CellValue } from "../../../src/engine/sheet/snapshot";
import type { Finding } from "../../../src/engine/validate/finding";
import { validateSheet } from "../../../src/engine/validate/validate";
import { buildSheet } from "../../fixtures/sheetBuilder";

type Row = CellValue[];
const RULES = getRuleSet("mof-2020");

const sheetOf = (rows: Row[]) => buildSheet({ rows, merges: [], formats: { E5: "0.00%" } });

function check(rows: Row[]) {
  const sheet = sheetOf(rows);
  return { forms: detectForms(sheet), findings: validateSheet(sheet, RULES).findings };
}

const headerFindings = (fs: Finding[]) =>
  fs.filter((f) => f.code.startsWith("header-total")).map((f) => `${f.severity} ${f.code} ${f.cell}`);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.cell}`);

interface Opts {
  header?: Row;
  /** 得分 of the three indicators (weights 50 / 30 / 10); execution 10 of 10. */
  scores?: [number, number, number];
  /** The 总分 row's 得分 (null: no 总分 row at all). */
  total?: number | null;
  /** Weights of the three indicators. */
  weights?: [number, number, number];
}

/** A project form: title, a header line, funds (10 of 10), three indicators, perhaps a 总分 row. */
function form(o: Opts = {}): Row[] {
  const [s1, s2, s3] = o.scores ?? [48, 30, 10];
  const [w1, w2, w3] = o.weights ?? [50, 30, 10];
  const rows: Row[] = [
    ["2023年度项目支出绩效自评表"],
    o.header ?? ["填报日期：2024年3月1日", null, null, null, null, "自评总分: 98"],
    ["项目名称", "某项目"],
    [null, "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["年度资金总额", 100, 100, 100, 1, 10, 10],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "质量指标", "验收合格率", "≥100%", "96%", w1, s1, "个别验收延后"],
    ["效益指标", "社会效益指标", "群众受益", "显著", "显著", w2, s2],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", w3, s3],
  ];
  if (o.total !== null) rows.push(["总分", null, null, null, null, 100, o.total ?? 98, "优"]);
  return rows;
}

describe("a total stated in the header lines", () => {
  test("is read with its cell: inline `自评总分: 98`, or a number beside 自评得分 / 自评总分(分)", () => {
    expect(check(form()).forms[0].headerTotal).toEqual({ row: 1, col: 5, value: 98 });
    const beside = check(form({ header: [null, null, null, null, "自评得分", 98] })).forms[0];
    expect(beside.headerTotal).toEqual({ row: 1, col: 5, value: 98 });
    const bracketed = check(form({ header: ["主管部门", null, "自评总分(分)", "98分"] })).forms[0];
    expect(bracketed.headerTotal).toEqual({ row: 1, col: 3, value: 98 });
    // 四川 安居: the label ends its line and the number stands under it.
    const rows = form();
    rows.splice(
      1,
      1,
      ["中央主管部门", "市场监管总局", null, null, null, "自评得分"],
      [null, null, null, null, null, 98],
    );
    expect(check(rows).forms[0].headerTotal).toEqual({ row: 2, col: 5, value: 98 });
  });

  test("a 得分 column header, a bare 得分 or 总分 label (full marks?) is never a header total", () => {
    expect(check(form({ header: ["得分", 98] })).forms[0].headerTotal).toBeUndefined();
    expect(check(form({ header: ["总分", 100, "自评得分", 98] })).forms[0].headerTotal?.value).toBe(98);
    // The funds header's 得分 (and its 10 below) lies in the block, not in the header lines.
    expect(check(form({ header: [null] })).forms[0].headerTotal).toBeUndefined();
  });

  test("agreeing with the 总分 row: nothing to say", () => {
    const { findings } = check(form());
    expect(headerFindings(findings)).toEqual([]);
    expect(errors(findings)).toEqual([]);
  });

  test("differing from the 总分 row is a slip of the form, on the header cell", () => {
    const { findings } = check(form({ header: [null, null, null, null, null, "自评总分：95分"] }));
    expect(headerFindings(findings)).toEqual(["error header-total-mismatch F2"]);
    expect(findings.find((f) => f.code === "header-total-mismatch")?.data).toMatchObject({
      stated: 95,
      expected: 98,
      what: "total",
    });
  });

  test("without a 总分 row it is the total: checked against execution + indicator scores", () => {
    expect(headerFindings(check(form({ total: null })).findings)).toEqual([]);
    const wrong = check(form({ total: null, scores: [47, 30, 10] })).findings;
    expect(headerFindings(wrong)).toEqual(["error header-total-mismatch F2"]);
    expect(wrong.find((f) => f.code === "header-total-mismatch")?.data).toMatchObject({ expected: 97, what: "sum" });
  });

  test("a header that rounds the table's total (98 for 97.6) is a warning, not an error", () => {
    const { findings } = check(form({ total: null, scores: [47.6, 30, 10] }));
    expect(headerFindings(findings)).toEqual(["warning header-total-rounded F2"]);
  });

  test("a table that is not the whole form (weights short of 100) is not judged: an info says so", () => {
    const { findings } = check(form({ total: null, weights: [30, 30, 10], scores: [28, 30, 10] }));
    expect(headerFindings(findings)).toEqual(["info header-total-unchecked F2"]);
    expect(errors(findings).filter((e) => e.startsWith("header"))).toEqual([]);
  });

  test("is the form's total for 文表一致 and the report draft when there is no 总分 row", () => {
    const sheet = sheetOf(form({ total: null }));
    const subjects = subjectsOfSheet(sheet, RULES);
    expect(subjects[0].facts.find((f) => f.metric === "totalScore")).toMatchObject({
      value: 98,
      cell: expect.stringMatching(/!F2$/),
    });
    const said = checkReport("项目自评得分95分。", subjects, RULES).findings.map((f) => f.code);
    expect(said).toContain("report-score-mismatch");
    const draft = JSON.stringify(draftReports(sheet, RULES)[0].blocks);
    expect(draft).toContain("总分 98 分");
  });
});
