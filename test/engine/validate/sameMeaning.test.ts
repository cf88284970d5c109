/**
 * Regressions found by the metamorphic tests over the published forms (test/published/metamorphic):
 * the same form written another way — numbers typed as text or in full width, 一级 typed on every row
 * instead of merged, a header merged down over two rows, an empty column inside a header group, a
 * 总分 row on a sheet made wider by something else — must read and check the same. (Two published
 * forms side by side, read whole as one mixed form, are covered there: metamorphic.test.ts.)
 */
import { detectForms, getRuleSet, type CellValue, type Finding } from "../../../src/engine";
import { validateSheet } from "../../../src/engine/validate/validate";
import { INDICATOR_HEADER } from "../../fixtures/indicatorHeader";
import { buildSheet } from "../../fixtures/sheetBuilder";

const RULES = getRuleSet("mof-2020");

const HEADER = [...INDICATOR_HEADER];

/** A project form: funds on rows 3–5, the indicator header on row 6, indicators from row 7, then 总分. */
function projectRows(rate: CellValue, execScore: CellValue, spent = 80, extra: CellValue[][] = []): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", "测试项目"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, spent, 10, rate, execScore],
    [null, "其中：当年财政拨款", 100, 100, spent, "—", null, "—"],
    HEADER,
    ["产出指标", "数量指标", "培训人数", "≥", 100, "人", 100, 50, 50, null],
    ...extra,
    ["效益指标", "社会效益指标", "覆盖率", "≥", "95%", null, "96%", 30, 30, null],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥", "90%", null, "95%", 10, 10, null],
    ["总分", null, null, null, null, null, null, 100, null, null],
  ];
}

const check = (rows: CellValue[][], merges: string[] = []) =>
  validateSheet(buildSheet({ rows, merges }), RULES).findings;
const codesAt = (findings: Finding[], cell: string) => findings.filter((f) => f.cell === cell).map((f) => f.code);

describe("a 执行率 typed as text keeps the precision it is typed with", () => {
  it('"100%" typed for 80 of 100 spent: the rate and the score that follows it are both wrong', () => {
    const findings = check(projectRows("100%", 10));
    expect(codesAt(findings, "G4")).toContain("rate-mismatch");
    // "100%" shows 0 decimals of percent, not 0 decimals of the fraction (where 80% would round to 100%).
    expect(codesAt(findings, "H4")).toContain("exec-score-mismatch");
  });

  it("full-width ８６．１９％ against 86.18% (上海 2022: 215457.6 of 250000): an error; ８６．１８％: none", () => {
    const rows = (rate: string) => {
      const r = projectRows(rate, 8.62);
      r[3] = [null, "年度资金总额", 250000, 250000, 215457.6, 10, rate, 8.62];
      r[4] = [null, "其中：当年财政拨款", 250000, 250000, 215457.6, "—", null, "—"];
      return r;
    };
    expect(codesAt(check(rows("８６．１９％")), "G4")).toEqual(["rate-mismatch"]);
    expect(codesAt(check(rows("８６．１８％")), "G4")).toEqual([]);
  });
});

describe("formulas saved without results, over amounts typed as text", () => {
  it('"215,457.6" ÷ "250,000" is a number to Excel, not #VALUE!: the rate is checked, no error cell', () => {
    const rows = projectRows(null, 8.62);
    rows[3] = [null, "年度资金总额", "250,000", "250,000", "215,457.6", 10, null, 8.62];
    rows[4] = [null, "其中：当年财政拨款", "250,000", "250,000", "215,457.6", "—", null, "—"];
    const sheet = buildSheet({ rows, formulas: { G4: "=ROUND(E4/D4,4)" }, formats: { G4: "0.00%" } });
    const findings = validateSheet(sheet, RULES).findings;
    expect(findings.filter((f) => f.row === 4)).toEqual([]);
  });
});

describe("a funds block with a cleared sub-row", () => {
  it("a blank row between 年度资金总额 and its sub-rows does not end the block: the sub-rows still sum", () => {
    const rows = projectRows(0.8, 8);
    rows[4] = [null, "其中：当年财政拨款", 60, 60, 50, "—", null, "—"];
    const withBlank = [...rows.slice(0, 4), [], [null, "上年结转资金", 30, 30, 20, "—", null, "—"], ...rows.slice(4)];
    const findings = check(withBlank);
    // 100 ≠ 30 + 60 (budget columns), 80 ≠ 20 + 50 (spent)
    expect(findings.filter((f) => f.code === "funds-sum-mismatch").map((f) => f.cell)).toEqual(["C4", "D4", "E4"]);
  });

  it("a blank row and then a row that is no sub-row ends it", () => {
    const rows = projectRows(0.8, 8);
    const withBlank = [
      ...rows.slice(0, 5),
      [],
      ["年度总体目标", "预期目标", null, null, "实际完成情况"],
      ...rows.slice(5),
    ];
    const [form] = detectForms(buildSheet({ rows: withBlank }));
    expect(form.funds?.rows.map((r) => r.row)).toEqual([3, 4]);
  });
});

describe("template rows and headings written with full-width digits", () => {
  it('an empty "指标２：" row is a line of the template, as "指标2：" is', () => {
    const rows = projectRows({ error: "x" } as never, null);
    rows[3] = [null, "年度资金总额", 100, 100, 80, 10, 0.8, 8];
    const placeholder = [null, null, "指标２：", null, null, null, null, null, null, null];
    const findings = check([...rows.slice(0, 7), placeholder, ...rows.slice(7)]);
    expect(findings.filter((f) => f.row === 8)).toEqual([]);
    expect(findings.map((f) => f.code)).not.toContain("total-incomplete");
  });

  it('"一、" headings over "１、" items are not summed twice against the block label', () => {
    const rows: CellValue[][] = [
      ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标（50分）", "数量指标", "一、示范区建立", "≥20000亩", "20000亩", 25],
      [null, null, "１、水稻侧深施肥", "≥500亩", "500亩", 10],
      [null, null, "２、玉米种肥同播", "≥1000亩", "1000亩", 15],
      [null, null, "二、田间试验", "≥15组", "15组", 25],
      [null, null, "１、肥料利用率", "≥5组", "5组", 25],
    ];
    expect(check(rows, ["A2:A6", "B2:B6"]).map((f) => f.code)).not.toContain("block-score-over");
  });
});

describe("一级 typed on every row instead of merged", () => {
  it("a cleared row that repeats only its 一级 stays inside the table: the 总分 below is found", () => {
    const rows = projectRows(0.8, 8, 80, [["产出指标", null, null, null, null, null, null, null, null, null]]);
    const [form] = detectForms(buildSheet({ rows }));
    expect(form.total?.row).toBe(10);
    expect(form.indicators?.rows.map((r) => r.row)).toEqual([6, 8, 9]);
  });
});

describe("headers by structure", () => {
  it("an unknown header merged down over two header rows still names its column of numbers (layout-unsure)", () => {
    const rows: CellValue[][] = [
      ["绩效指标", null, null, "考值参分", "指标值", "实际完成值", "得分"],
      ["一级指标", "二级指标", "三级指标", null, null, null, null],
      ["产出指标", "数量指标", "人数", 4, "≥10人", "10人", 4],
      [null, null, "次数", 2, "≥2次", "2次", 2],
      [null, null, "天数", 2, "≥5天", "5天", 2],
    ];
    const merges = ["A1:C1", "D1:D2", "E1:E2", "F1:F2", "G1:G2"];
    expect(codesAt(check(rows, merges), "D1")).toEqual(["layout-unsure"]);
  });

  it("numbers typed as text under a header holding only a number are an unlabelled column, as numbers are", () => {
    const rows: CellValue[][] = [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "50"],
      ["产出指标", "质量指标", "培训", "已完成", "已完成", "5"],
      [null, null, "查办率", "100%", "100%", "4"],
      [null, null, "分级", "100%", "100%", "5"],
    ];
    expect(codesAt(check(rows), "F1")).toEqual(["column-unlabelled"]);
  });

  it("an empty column inside a header group (符号 | 值 | (empty) | 单位) is no part of it", () => {
    const rows: CellValue[][] = [
      ["一级指标", "二级指标", "三级指标", "预期指标值", null, null, null, "实际完成值", "得分"],
      [null, null, null, "符号", null, null, "单位", null, null],
      ["产出指标", "质量指标", "覆盖率", ">=", 98, null, "%", "100%", 10],
      [null, null, "完成率", ">=", 99, null, "%", "100%", 10],
    ];
    const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2", "I1:I2"];
    const [form] = detectForms(buildSheet({ rows, merges }));
    expect(form.indicators?.columns).toMatchObject({ nature: 3, target: 4, unit: 6, actual: 7, score: 8 });
  });
});

describe("where the form ends", () => {
  it.each([0, 1, 2])(
    "a table with no 总分 ends where a form named in any of its cells begins (%i blank rows between)",
    (gap) => {
      const above = projectRows(0.8, 8).slice(0, -1); // a page cut before its 总分
      const below: CellValue[][] = [
        ["部门基本信息", "部门名称", "某某县人大常委会办公室", null, null, null, null],
        [null, "编制人数", 42, "实有人数", 43, "联系人", "某某"],
        ["部门整体支出年度绩效目标", null, "一级指标", "二级指标", "指标内容", "指标值", "备注"],
        [null, null, "产出指标", "数量指标", "审议议案", "≥10件", null],
      ];
      const forms = detectForms(buildSheet({ rows: [...above, ...Array<CellValue[]>(gap).fill([]), ...below] }));
      expect(forms.map((f) => [f.kind, f.indicators?.rows.map((r) => r.row)])).toEqual([
        ["project", [6, 7, 8]],
        ["department", [9 + gap + 3]],
      ]);
    },
  );

  it("one table cut by an empty column (nothing merged across it) stays one table (江西's 自评权重 left of it)", () => {
    const rows: CellValue[][] = [
      ["一级指标", "自评权重", "二级指标", null, "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", 60, "数量指标", null, "人数", "≥10人", "10人", 30, 30],
      [null, null, "质量指标", null, "合格率", "100%", "100%", 30, 30],
      ["效益指标", 40, "社会效益指标", null, "覆盖率", "≥95%", "96%", 40, 40],
    ];
    const forms = detectForms(buildSheet({ rows, merges: ["A2:A3", "B2:B3"] }));
    expect(forms).toHaveLength(1);
    expect(forms[0].indicators?.columns).toMatchObject({ level1: 0, level2: 2, level3: 4, weight: 7, score: 8 });
  });

  it("a funds header ends at the gap before the form beside it (北京 2016 beside 四川 2021's 预算数: row)", () => {
    const rows: CellValue[][] = [
      [
        "项目资金",
        null,
        "年初预算数(A)",
        "全年执行数(B)",
        "执行率",
        "得分",
        null,
        null,
        "预算执行情况",
        "预算数:",
        5,
        "执行数:",
        5,
      ],
      [null, "年度资金总额", 100, 80, 0.8, 8, null, null, null, "其中:中央补助", "5万元", "其中:中央补助", "5万元"],
      [null, "其他资金", null, null, null, null, null, null, null, "地方资金/其他", "万元", "地方资金/其他", "万元"],
    ];
    const funds = detectForms(buildSheet({ rows })).map((f) => f.funds);
    expect(funds[0]?.columns).toEqual({ budget: 2, spent: 3, rate: 4, score: 5 });
    expect(funds[0]?.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it("the 等级 of an empty 总分 row is not guessed in a column beyond the table", () => {
    const rows: CellValue[][] = [
      [null, null, null, null, null, null, null, null, null, "（上方另一张表的备注）"],
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "人数", "≥10人", "10人", 100, 100],
      ["总分", null, null, null, null, 100, 100],
    ];
    const [form] = detectForms(buildSheet({ rows }));
    expect(form.total).toMatchObject({ row: 3, scoreCol: 6 });
    expect(form.total?.gradeCol).toBeUndefined();
  });
});
