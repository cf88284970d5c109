/**
 * Layouts real published forms use beyond the standard one (domain.md, "Layouts seen in published
 * forms"; issue 9), each as a small sheet: found by header meaning and structure, checked without
 * false errors, and their slips still caught. The real forms themselves are test/published/.
 */
import { detectForms } from "../../../src/engine/detect/detect";
import { getRuleSet } from "../../../src/engine/rules";
import type { CellValue } from "../../../src/engine/sheet/snapshot";
import type { Finding } from "../../../src/engine/validate/finding";
import { validateSheet } from "../../../src/engine/validate/validate";
import { buildSheet } from "../../fixtures/sheetBuilder";

type Row = CellValue[];
const RULES = getRuleSet("mof-2020");

function check(rows: Row[], merges: string[] = [], formats: Record<string, string> = {}, explicitRules = false) {
  const sheet = buildSheet({ rows, merges, formats });
  return { forms: detectForms(sheet), findings: validateSheet(sheet, RULES, { explicitRules }).findings };
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.cell}`);
const codesAt = (fs: Finding[], cell: string) => fs.filter((f) => f.cell === cell).map((f) => f.code);

/** 湖北 / 云南 20/80: execution weight in the 得分 header, two 年度绩效目标 blocks each with its header, no 分值. */
function twentyEighty(opts: { execScore?: number; total?: number; firstScores?: [number, number] } = {}): Row[] {
  const [s1, s2] = opts.firstScores ?? [20, 20];
  const header: Row = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"];
  return [
    ["2022年度项目支出绩效自评表"],
    ["预算执行情况(万元)\n(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"],
    ["年度财政资金总额", 50, 45, 0.9, opts.execScore ?? 18],
    ["年度绩效目标（40分）"],
    header,
    ["产出指标", "数量指标", "培训场次", "≥10次", "10次", s1],
    [null, "质量指标", "验收合格率", "100%", "100%", s2],
    ["年度绩效目标（40分）"],
    header,
    ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10],
    ["总分", null, null, null, null, opts.total ?? 98],
  ];
}

describe("20/80 forms: no 分值 column, execution weight in the header, blocks with repeated headers", () => {
  test("one form: the repeated header is skipped, both blocks are sections of 40, the execution weight is 20", () => {
    const { forms, findings } = check(twentyEighty(), [], { D3: "0.00%" });
    expect(forms).toHaveLength(1);
    const t = forms[0].indicators!;
    expect(t.rows.map((r) => r.row + 1)).toEqual([6, 7, 10, 11]);
    expect(t.repeatedHeaders).toEqual([8]);
    expect(t.sections?.map((s) => [s.row + 1, s.weight])).toEqual([
      [4, 40],
      [8, 40],
    ]);
    expect(forms[0].funds?.statedWeight?.value).toBe(20);
    expect(forms[0].total?.row).toBe(11);
    // Scores are never judged against an invented weight; the form's own 20 is said, not warned.
    expect(errors(findings)).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(["weights-unknown", "exec-weight-from-form"]));
    expect(findings.filter((f) => f.code === "score-mismatch" || f.code === "unscorable")).toEqual([]);
  });

  test("its slips are caught: execution score, a block over its weight, a wrong 总分", () => {
    expect(codesAt(check(twentyEighty({ execScore: 20, total: 100 }), [], { D3: "0.00%" }).findings, "E3")).toContain(
      "exec-score-mismatch",
    );
    const over = check(twentyEighty({ firstScores: [25, 20], total: 103 }), [], { D3: "0.00%" }).findings;
    expect(codesAt(over, "A4")).toContain("block-score-over");
    expect(errors(over)).not.toContain("total-mismatch F12");
    const wrongTotal = check(twentyEighty({ total: 80 }), [], { D3: "0.00%" }).findings;
    expect(errors(wrongTotal)).toEqual(["total-mismatch F12"]);
  });

  test("an explicitly chosen rule set makes the form's other execution weight a warning", () => {
    const { findings } = check(twentyEighty(), [], { D3: "0.00%" }, true);
    expect(findings.find((f) => f.code === "exec-weight-differs")?.severity).toBe("warning");
  });
});

describe("execution blocks in other shapes", () => {
  const funds = (rate: CellValue, budget: CellValue = 50, initial: CellValue = 50): Row[] => [
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
    [null, "总额", initial, budget, 45, rate, 10, 9],
    [null, "其中：财政资金", initial, budget, 45, rate, "/", "/"],
    [null, "财政专户管理资金", 0, 0, 0, 0, "/", "/"],
    [null, "单位资金", null, null, null, null, "/", "/"],
  ];
  const fmt = { F2: "0.00%", F3: "0.00%", F4: "0.00%", C4: "0.00", D4: "0.00", E4: "0.00" };

  test("四川 2023: 总额 / 财政资金 / 财政专户管理资金 / 单位资金 rows, sub-rows printed 0.00 / 0.00%", () => {
    const { forms, findings } = check(funds(0.9), ["A1:A5"], fmt);
    expect(forms[0].funds?.rows.map((r) => r.kind)).toEqual(["total", "fiscal", "other", "other"]);
    expect(forms[0].funds?.statedWeight?.value).toBe(10);
    expect(errors(findings)).toEqual([]);
  });

  test("年初预算 0 with 调整后预算数 > 0 is a correct form (the rate divides by the adjusted budget)", () => {
    const { findings } = check(funds(0.9, 50, 0), ["A1:A5"], fmt);
    expect(errors(findings)).toEqual([]);
  });

  test("执行率 typed as a bare number: 90 means 90%; 80 is a slip", () => {
    expect(errors(check(funds(90), ["A1:A5"]).findings)).toEqual([]);
    const slip = check(funds(80), ["A1:A5"]).findings.find((f) => f.cell === "F2");
    expect(slip?.code).toBe("rate-mismatch");
    expect(slip?.data).toMatchObject({ stated: 0.8 });
  });

  test("年初预算数(A) is the budget when there is no 全年预算数 column (北京 2016)", () => {
    const { forms, findings } = check([
      ["项目资金", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分"],
      ["年度资金总额", 200, 180, 10, 0.9, 9],
    ]);
    expect(forms[0].funds?.columns.budget).toBe(1);
    expect(errors(findings)).toEqual([]);
  });

  test("two amount columns are enough when labelled rows follow; a total that is not its sub-rows' sum is caught", () => {
    const { findings } = check([
      ["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)"],
      ["年度资金总额", 100.03, 90],
      ["其中：中央财政资金", 60, 50],
      ["自治区财政资金", 40, 40],
    ]);
    expect(codesAt(findings, "B2")).toContain("funds-sum-mismatch");
  });
});

describe("indicator tables in other shapes", () => {
  const header: Row = [
    "绩效指标(90分)",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度\n指标值",
    "实际完成值",
    "分值",
    "得分",
    "原因",
  ];
  const rows = (benefitWeight = 30, total: CellValue = 100): Row[] => [
    ["项目资金", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 100, 100, 10, 1, 10],
    header,
    [null, "产出指标（50分）", "数量指标", "公猪舍（≥**平方米）", "≥500平方米", "500平方米", 30, 30, null],
    [null, null, "时效指标", "指标2：", null, null, null, null, null],
    [null, null, "质量指标", "验收合格率", "100%", "100%", 20, 20, null],
    [null, null, null, "……", null, null, null, null, null],
    [null, "(30分)", "社会效益指标", "带动就业", "≥20人", "20人", benefitWeight, benefitWeight, null],
    [null, "满意度指标\n(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, null],
    ["总分", null, null, null, null, null, 100, total, null],
  ];

  test("section column, weights in 一级 labels, a bare (30分), a broken header, placeholder rows: read, no error", () => {
    const { forms, findings } = check(rows(), ["A3:A9", "B4:B7"]);
    const t = forms[0].indicators!;
    expect(t.columns.target).toBe(4);
    expect(t.sections?.[0].weight).toBe(90);
    expect(t.rows.map((r) => [r.row + 1, r.level1, r.level1Weight])).toEqual([
      [4, "产出指标", 50],
      [5, "产出指标", 50],
      [6, "产出指标", 50],
      [7, "产出指标", 50],
      [8, "效益指标", 30],
      [9, "满意度指标", 10],
    ]);
    expect(errors(findings)).toEqual([]);
    // The form's own 一级 weights differ from nothing here; no level1-unknown for labelled names.
    expect(findings.filter((f) => f.code === "level1-unknown" || f.code === "total-incomplete")).toEqual([]);
  });

  test("placeholder rows (指标2：, ……) do not switch the 总分 check off: a wrong 总分 is an error", () => {
    const { findings } = check(rows(30, 90), ["A3:A9", "B4:B7"]);
    expect(errors(findings)).toEqual(["total-mismatch H10"]);
  });

  test("weights that contradict the 一级 label are an error on the label", () => {
    const { findings } = check(rows(20, 90), ["A3:A9", "B4:B7"]);
    expect(codesAt(findings, "B8")).toContain("level1-label-mismatch");
  });

  test("效益 rows with no 一级 label of their own are 效益, not the 产出 above them", () => {
    const { forms } = check([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "a", "≥5次", "5次", 50, 50],
      [null, "社会效益指标", "b", "≥5次", "5次", 30, 30],
    ]);
    expect(forms[0].indicators!.rows.map((r) => r.level1)).toEqual(["产出指标", "效益指标"]);
  });
});

test("a department form whose weights add up to 110 gets an error", () => {
  const { findings } = check([
    ["2023年度部门整体支出绩效自评表"],
    ["部门名称", "某局"],
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["部门管理", "预算管理", "预算编制规范性", "规范", "规范", 20, 20],
    ["履职效果", "工作完成", "重点工作完成率", "100%", "100%", 50, 50],
    ["能力建设", "制度建设", "制度健全性", "健全", "健全", 20, 20],
    ["满意度", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10],
    ["预算执行率", "预算执行率", "预算执行率", "100%", "100%", 10, 10],
    ["总分", null, null, null, null, 110, 110],
  ]);
  expect(findings.find((f) => f.code === "weights-total")?.severity).toBe("error");
});

describe("a column of numbers under a header word the table does not know (宁夏 银川's OCR'd 分值 `考值参分`)", () => {
  const form = (header: string): Row[] => [
    ["一级指标", "二级指标", "三级指标", header, "指标值(A)", "全年实际值(B)", "得分"],
    ["项目决策(10分)", "项目目标", "完整性", 4, "目标明确", "目标明确", 4],
    [null, "项目立项", "相关性", 2, "相关", "相关", 2],
    [null, null, "可行性", 4, "可行", "可行", 4],
  ];

  test("is named as unsure (info), not read as weights nor passed over in silence", () => {
    const { forms, findings } = check(form("考值参分"));
    expect(forms[0].indicators!.columns.weight).toBeUndefined();
    const unsure = findings.filter((f) => f.code === "layout-unsure");
    expect(unsure.map((f) => [f.cell, f.severity])).toEqual([["D1", "info"]]);
    expect(unsure[0].data).toMatchObject({ label: "考值参分", words: ["4", "2", "4"] });
    expect(errors(findings)).toEqual([]);
  });

  test("a header the table knows is read, and nothing is said about it", () => {
    const { forms, findings } = check(form("分值"));
    expect(forms[0].indicators!.columns.weight).toBe(3);
    expect(findings.filter((f) => f.code === "layout-unsure" || f.code === "column-unlabelled")).toEqual([]);
  });

  test("fewer than three numbers under the unknown word say nothing", () => {
    const rows = form("备注").map((r, i) => (i === 3 ? [...r.slice(0, 3), "可", ...r.slice(4)] : r));
    const { findings } = check(rows);
    expect(findings.filter((f) => f.code === "layout-unsure")).toEqual([]);
  });
});
