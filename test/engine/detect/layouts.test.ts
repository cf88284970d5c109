/**
 * Layouts other than the seed's: header anywhere, one-row headers, synonyms, spaces and
 * full-width brackets in headers, 指标方向 beside 指标性质, 合计/小计 rows, stacked forms without
 * titles, blank (unmerged) 一级 cells, and where a table ends.
 */
import { a1, type CellValue } from "../../../src/engine/sheet/snapshot";
import { detectForms } from "../../../src/engine/detect/detect";
import type { DetectedForm } from "../../../src/engine/detect/form";
import { SheetBuilder, buildSheet } from "../../fixtures/sheetBuilder";
import { getRuleSet } from "../../../src/engine/rules";
import { validateSheet } from "../../../src/engine/validate/validate";
import { INDICATOR_HEADER } from "../../fixtures/indicatorHeader";

type Row = CellValue[];
const HEADER: Row = [...INDICATOR_HEADER];
const IND = (l1: string | null, l2: string | null, l3: string, w = 10, s = 10): Row => [
  l1,
  l2,
  l3,
  "≥",
  5,
  "次",
  5,
  w,
  s,
  "无",
];

function only(rows: Row[], origin = "A1", merges: string[] = []): DetectedForm {
  const forms = detectForms(buildSheet({ rows, origin, merges }));
  expect(forms).toHaveLength(1);
  return forms[0];
}

/** Column → letter, to compare a detected column map with a readable expectation. */
function letters(cols: Partial<Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(cols)) if (c !== undefined) out[k] = a1(0, c).replace(/\d+$/, "");
  return out;
}

describe("header synonyms (one-row header at D20)", () => {
  const cases: [string, string[], Record<string, string>][] = [
    [
      "计量单位, 年度目标值, 完成值, 权重",
      [
        "一级指标",
        "二级指标",
        "指标名称",
        "指标值类型",
        "年度目标值",
        "计量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
      ],
      {
        level1: "D",
        level2: "E",
        level3: "F",
        nature: "G",
        target: "H",
        unit: "I",
        actual: "J",
        weight: "K",
        score: "L",
        reason: "M",
      },
    ],
    [
      "spaces, newlines, full-width brackets",
      [
        "一级 指标",
        "二级\n指标",
        "三级指标",
        "指标性质",
        "目标值（A）",
        "度量单位",
        "全年实际值 (B)",
        "分　值",
        "得分",
        "原因",
      ],
      {
        level1: "D",
        level2: "E",
        level3: "F",
        nature: "G",
        target: "H",
        unit: "I",
        actual: "J",
        weight: "K",
        score: "L",
        reason: "M",
      },
    ],
    [
      "指标方向 beside 指标性质",
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标方向",
        "年初目标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
      ],
      {
        level1: "D",
        level2: "E",
        level3: "F",
        nature: "G",
        direction: "H",
        target: "I",
        unit: "J",
        actual: "K",
        weight: "L",
        score: "M",
      },
    ],
    [
      "指标方向 alone is the nature column",
      ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因"],
      {
        level1: "D",
        level2: "E",
        level3: "F",
        nature: "G",
        target: "H",
        unit: "I",
        actual: "J",
        weight: "K",
        score: "L",
        reason: "M",
      },
    ],
    [
      "权重(%) and 偏差原因及整改措施",
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "单位",
        "实际完成值",
        "权重(%)",
        "自评得分",
        "偏差原因及整改措施",
      ],
      {
        level1: "D",
        level2: "E",
        level3: "F",
        nature: "G",
        target: "H",
        unit: "I",
        actual: "J",
        weight: "K",
        score: "L",
        reason: "M",
      },
    ],
  ];
  test.each(cases)("%s", (_name, header, expected) => {
    const f = only([header, IND("产出指标", "数量指标", "培训次数")], "D20");
    expect(letters(f.indicators!.columns)).toEqual(expected);
    expect(f.indicators!.headerRows).toEqual([19]);
    expect(f.indicators!.rows.map((r) => r.row)).toEqual([20]);
  });
});

describe("rows", () => {
  test("blank unmerged 一级/二级 cells inherit from above; a new 一级 clears 二级", () => {
    const f = only([
      HEADER,
      IND("产出指标", "数量指标", "a"),
      IND(null, null, "b"),
      IND(null, "质量指标", "c"),
      IND("效益指标", null, "d"),
    ]);
    expect(f.indicators!.rows.map((r) => [r.level1, r.level2, r.level3])).toEqual([
      ["产出指标", "数量指标", "a"],
      ["产出指标", "数量指标", "b"],
      ["产出指标", "质量指标", "c"],
      ["效益指标", "", "d"],
    ]);
  });

  test("a 一级 cell merged across 二级 gives both levels", () => {
    const f = only([HEADER, IND("产出指标", "数量指标", "a"), IND("满意度指标", null, "群众满意度")], "A1", ["A3:B3"]);
    expect(f.indicators!.rows[1]).toMatchObject({ level1: "满意度指标", level2: "满意度指标" });
  });

  test("小计 covers its group, 合计 covers every indicator", () => {
    const f = only([
      HEADER,
      IND("产出指标", "数量指标", "a", 30, 30),
      IND(null, "质量指标", "b", 20, 18),
      ["产出指标小计", null, null, null, null, null, null, 50, 48, null],
      IND("效益指标", "社会效益指标", "c", 40, 40),
      ["小计", null, null, null, null, null, null, 40, null, null],
      ["合计", null, null, null, null, null, null, 90, 88, null],
    ]);
    expect(f.indicators!.rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(f.sums).toEqual([
      { row: 3, label: "产出指标小计", columns: { weight: 7, score: 8 }, covers: [1, 2] },
      { row: 5, label: "小计", columns: { weight: 7 }, covers: [4] },
      { row: 6, label: "合计", columns: { weight: 7, score: 8 }, covers: [1, 2, 4] },
    ]);
  });

  test("an indicator that merely mentions 合计 is an indicator", () => {
    const f = only([HEADER, [null, null, "合计培训人次达到要求的比例", "≥", 1, "%", 1, 10, 10, null]]);
    expect(f.indicators!.rows).toHaveLength(1);
    expect(f.sums).toEqual([]);
  });

  test("blank rows inside the table (rows people cleared) are skipped while indicator rows follow", () => {
    const f = only([HEADER, IND("产出指标", "数量指标", "a"), [], IND(null, null, "b"), [], [], IND(null, null, "c")]);
    expect(f.indicators!.rows.map((r) => r.row)).toEqual([1, 3, 6]);
  });

  test("a long gap (32 blank rows) ends the table", () => {
    const gap: Row[] = Array.from({ length: 32 }, () => []);
    const f = only([HEADER, IND("产出指标", "数量指标", "a"), ...gap, IND(null, null, "far below")]);
    expect(f.indicators!.rows.map((r) => r.row)).toEqual([1]);
  });

  test("cleared rows under a merged 一级, and blank rows before 其他需要说明事项 and 总分, keep the form whole", () => {
    const rows: Row[] = [
      HEADER,
      IND("产出指标", "数量指标", "a", 25, 25),
      IND(null, "质量指标", "b", 25, 25),
      [], // cleared, 一级 merged over it
      [],
      IND("效益指标", "社会效益指标", "c", 40, 40),
      [],
      [],
      [],
      ["其他需要说明事项"],
      ["总分", null, null, null, null, null, null, 100, 100, "优"],
    ];
    const f = only(rows, "A1", ["A2:A5"]);
    expect(f.indicators!.rows.map((r) => [r.row, r.level1])).toEqual([
      [1, "产出指标"],
      [2, "产出指标"],
      [5, "效益指标"],
    ]);
    expect(f.notesRow).toBe(9);
    expect(f.total).toMatchObject({ row: 10, weightCol: 7, scoreCol: 8, gradeCol: 9 });
  });

  test("a lone note below the table ends it", () => {
    const f = only([
      HEADER,
      IND("产出指标", "数量指标", "a"),
      ["备注：涉密部门和涉密信息按保密规定不公开。"],
      IND(null, null, "b"),
    ]);
    expect(f.indicators!.rows.map((r) => r.row)).toEqual([1]);
  });

  test("总分 directly below the table (no notes row), grade cell still empty", () => {
    const f = only([
      HEADER,
      IND("产出指标", "数量指标", "a", 90, 90),
      ["总分", null, null, null, null, null, null, 100, null, null],
    ]);
    expect(f.total).toEqual({ row: 2, weightCol: 7, scoreCol: 8, gradeCol: 9 });
    expect(f.notesRow).toBeUndefined();
  });

  test("总分 without 分值/得分 columns: numbers then grade, in order", () => {
    const header = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"];
    const f = only([
      header,
      ["产出指标", "数量指标", "a", 5, 5],
      ["其他需要说明事项", "无"],
      ["总分", null, 100, 95, "优"],
    ]);
    expect(f.notesRow).toBe(2);
    expect(f.total).toEqual({ row: 3, weightCol: 2, scoreCol: 3, gradeCol: 4 });
  });
});

describe("more real layouts", () => {
  test("a 序号 column on the left and 分值/得分 under a 自评 group", () => {
    const f = only(
      [
        ["序号", "绩效指标", null, null, "年度指标值", "实际完成值", "自评", null, "偏差原因分析及改进措施"],
        [null, "一级指标", "二级指标", "三级指标", "指标值", null, "分值", "得分", null],
        [1, "产出指标", "数量指标", "a", 5, 5, 50, 50, null],
        [2, null, "质量指标", "b", 1, 1, 40, 40, null],
        ["合计", null, null, null, null, null, 90, 90, null],
      ],
      "A1",
      ["A1:A2", "B1:D1", "F1:F2", "G1:H1", "I1:I2"],
    );
    expect(f.indicators!.headerRows).toEqual([0, 1]);
    expect(letters(f.indicators!.columns)).toEqual({
      level1: "B",
      level2: "C",
      level3: "D",
      target: "E",
      actual: "F",
      weight: "G",
      score: "H",
      reason: "I",
    });
    expect(f.indicators!.rows.map((r) => [r.row, r.level1])).toEqual([
      [2, "产出指标"],
      [3, "产出指标"],
    ]);
    expect(f.sums.map((x) => [x.row, x.covers])).toEqual([[4, [2, 3]]]);
  });

  test("a funds header with a (A)/(B) sub-row before the labelled rows", () => {
    const forms = detectForms(
      buildSheet({
        rows: [
          ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          [null, null, "（A）", "（B）", null, "（B/A）", null],
          ["年度资金总额", 1, 2, 2, 10, 1, 10],
          ["其中：财政拨款", 1, 2, 2, "/", 1, "/"],
          [],
          HEADER,
          IND("产出指标", "数量指标", "a"),
        ],
      }),
    );
    expect(forms[0].funds!.rows.map((r) => [r.kind, r.row])).toEqual([
      ["total", 2],
      ["fiscal", 3],
    ]);
  });
});

describe("总分 row with an 等级 label", () => {
  test("the grade is the cell after the label", () => {
    const f = only([
      HEADER,
      IND("产出指标", "数量指标", "a", 90, 90),
      ["总分", null, null, null, null, null, null, 100, 100, "等级", "优"],
    ]);
    expect(f.total).toEqual({ row: 2, weightCol: 7, scoreCol: 8, gradeCol: 10 });
  });
});

describe("重点工作任务 table", () => {
  test("one-row header with 批复金额, a 合计 row skipped, banner ends it", () => {
    const forms = detectForms(
      buildSheet({
        rows: [
          ["部门名称", "某局"],
          ["任务名称", "主要内容", "批复金额（万元）", "实际支出金额（万元）", "预算执行率", "未完成原因"],
          ["任务一", "内容", 10, 9, 0.9, "无"],
          ["任务二", "内容", 20, 20, 1, null],
          ["合计", null, 30, 29, 0.9667, null],
          ["三、部门整体支出绩效指标"],
          HEADER,
          IND("产出指标", "数量指标", "a"),
        ],
      }),
    );
    expect(forms).toHaveLength(1);
    const t = forms[0].tasks!;
    expect(forms[0].kind).toBe("department");
    expect(t.headerRows).toEqual([1]);
    expect(letters(t.columns)).toEqual({
      name: "A",
      content: "B",
      approvedTotal: "C",
      spent: "D",
      rate: "E",
      reason: "F",
    });
    expect(t.rows).toEqual([2, 3]);
    expect(forms[0].indicators!.rows.map((r) => r.row)).toEqual([7]);
  });
});

describe("funds block", () => {
  test("synonyms 调整后预算数 / 预算执行数, 本年财政拨款, header not at the top", () => {
    const b = new SheetBuilder();
    b.block("C7", [
      ["项目名称", "测试项目"],
      ["项目资金（万元）", null, "年初预算数", "调整后预算数（A）", "预算执行数（B）", "分值", "执行率（B/A）", "得分"],
      [null, "年度资金总额：", 10, 12, 11, 10, 0.9167, 9.17],
      [null, "其中：本年财政拨款", 10, 12, 11, "—", null, "—"],
      [null, "上年结转资金", null, null, null, "-", null, "/"],
      [null, "其他资金", null, null, null, "-", null, "/"],
      [],
      HEADER,
      IND("产出指标", "数量指标", "a", 90, 90),
    ]);
    const forms = detectForms(b.build());
    expect(forms).toHaveLength(1);
    const f = forms[0].funds!;
    expect(letters(f.columns)).toEqual({ initial: "E", budget: "F", spent: "G", weight: "H", rate: "I", score: "J" });
    expect(f.headerRow).toBe(7);
    expect(f.rows.map((r) => `${r.kind}@${a1(r.row, 3)}`)).toEqual([
      "total@D9",
      "fiscal@D10",
      "carryover@D11",
      "other@D12",
    ]);
    expect(forms[0].name).toBe("测试项目");
    expect(forms[0].indicators!.rows.map((r) => r.row)).toEqual([14]);
  });

  test("a header with too few funds words is not a funds block", () => {
    const forms = detectForms(
      buildSheet({
        rows: [
          ["分值", "得分", "执行率"],
          ["年度资金总额", 1, 2],
        ],
      }),
    );
    expect(forms).toEqual([]);
  });
});

describe("several forms on one sheet", () => {
  test("two project forms side by side, an empty column between them, are two forms", () => {
    const form = (name: string, score: number): Row[] => [
      ["项目名称", name],
      HEADER,
      IND("产出指标", "数量指标", "a", 90, score),
      ["总分", null, null, null, null, null, null, 100, 100, "优"],
    ];
    const b = new SheetBuilder("并排");
    b.block({ row: 0, col: 0 }, form("甲", 90));
    b.block({ row: 0, col: 11 }, form("乙", 80), { merges: ["A3:A3"] });
    const forms = detectForms(b.build());
    expect(forms.map((f) => [f.range.c1, f.indicators?.columns.score])).toEqual([
      [0, 8],
      [11, 19],
    ]);
    // The right-hand form is checked too: its 得分 80 is not what ≥5 with 5 achieved gives.
    const mismatches = validateSheet(b.build(), getRuleSet()).findings.filter((f) => f.code === "score-mismatch");
    expect(mismatches.map((f) => f.cell)).toEqual(["T3"]);
  });

  test("one form with an empty column inside stays one form", () => {
    const rows: Row[] = [HEADER, IND("产出指标", "数量指标", "a", 90, 90)].map((r) => [
      ...r.slice(0, 3),
      null,
      ...r.slice(3),
    ]);
    expect(detectForms(buildSheet({ rows }))).toHaveLength(1);
  });

  test("two project forms without titles, split at the second 项目名称", () => {
    const form = (name: string): Row[] => [
      ["项目名称", name],
      HEADER,
      IND("产出指标", "数量指标", "a", 90, 90),
      ["总分", null, null, null, null, null, null, 100, 100, "优"],
    ];
    const forms = detectForms(buildSheet({ rows: [...form("甲"), ...form("乙")] }));
    expect(forms.map((f) => [f.name, f.range.r1, f.range.r2, f.total?.row])).toEqual([
      ["甲", 0, 3, 3],
      ["乙", 4, 7, 7],
    ]);
  });

  test("a header repeated right below a table is one table in blocks (issue 9), not a second form", () => {
    const forms = detectForms(
      buildSheet({ rows: [HEADER, IND("产出指标", "数量指标", "a"), HEADER, IND("效益指标", "社会效益指标", "b")] }),
    );
    expect(forms.map((f) => f.indicators!.rows.map((r) => r.row))).toEqual([[1, 3]]);
    expect(forms[0].indicators!.repeatedHeaders).toEqual([2]);
  });

  test("two tables back to back, the first ended by its 总分, are two forms", () => {
    const total: Row = ["总分", null, null, null, null, null, null, 100, 100, "优"];
    const forms = detectForms(
      buildSheet({
        rows: [HEADER, IND("产出指标", "数量指标", "a", 90, 90), total, HEADER, IND("效益指标", "社会效益指标", "b")],
      }),
    );
    expect(forms.map((f) => f.indicators!.rows.map((r) => r.row))).toEqual([[1], [4]]);
  });

  test("a second form that starts with its funds header (no title, no name) ends the first table", () => {
    const funds: Row[] = [
      ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 10, 10, 10, 1, 10],
    ];
    const rows: Row[] = [
      [null, null, null, ...funds[0]],
      [null, null, ...funds[1]],
      HEADER,
      IND("产出指标", "数量指标", "a"),
      [null, null, null, ...funds[0]],
      [null, null, ...funds[1]],
      HEADER,
      IND("产出指标", "数量指标", "b"),
    ];
    const forms = detectForms(buildSheet({ rows }));
    expect(forms.map((f) => [f.funds?.headerRow, f.indicators?.rows.map((r) => r.row)])).toEqual([
      [0, [3]],
      [4, [7]],
    ]);
  });

  test("a title beside notes (附件2, 单位：万元) still starts a form", () => {
    const forms = detectForms(
      buildSheet({
        rows: [["附件2", "2023年度项目支出绩效自评表", "单位：万元"], HEADER, IND("产出指标", "数量指标", "a")],
      }),
    );
    expect(forms[0]).toMatchObject({ title: "2023年度项目支出绩效自评表", kind: "project" });
  });

  test("kind from the title, else from the blocks", () => {
    const dept = detectForms(
      buildSheet({ rows: [["2024年度部门整体支出绩效自评表"], HEADER, IND("产出指标", "数量指标", "a")] }),
    );
    const proj = detectForms(buildSheet({ rows: [HEADER, IND("产出指标", "数量指标", "a")] }));
    expect(dept[0]).toMatchObject({ kind: "department", title: "2024年度部门整体支出绩效自评表" });
    expect(proj[0].kind).toBe("project");
  });

  test.each([
    ["部门预算项目支出绩效自评表（2023年度）", "project"],
    ["银川市本级部门项目支出绩效自评表(2021年)", "project"],
    ["区级部门预算项目支出绩效自评表", "project"],
    ["蚕茶卫生院整体支出绩效自评表(2021年度)", "department"],
    ["部门（单位）整体支出绩效自评表", "department"],
    ["2023年度部门绩效自评表", "department"],
  ])("a title naming a department's project is a project form: %s → %s", (title, kind) => {
    const forms = detectForms(buildSheet({ rows: [[title], HEADER, IND("产出指标", "数量指标", "a")] }));
    expect(forms[0].kind).toBe(kind);
  });
});
