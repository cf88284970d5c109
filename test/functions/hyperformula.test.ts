/**
 * The JX functions as formulas in a real spreadsheet engine (HyperFormula, test-only, GPL licence
 * key), on sheets laid out like seeds/001's 项目支出绩效自评表: the published 执行率, 得分, 总分 and
 * 等级 come out of `=JX.EXECRATE/EXECSCORE/INDICATORSCORE/GRADE`, a SUM for 总分, the spilled
 * column form agrees, and editing an input recomputes everything that depends on it.
 * See hfJx.ts for how the functions are registered (same names as in Excel, dots included).
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { buildJxWorkbook } from "./hfJx";

interface SeedProject {
  name: string;
  funds: [number, number, number, number]; // 年初预算数, 全年预算数, 全年执行数, 分值
  indicators: [string, string, string, string, unknown, string, unknown, number][]; // 一级 … 实际完成值, 分值
}

// seeds/001: the three project forms as published (percent cells are the numbers Excel stores).
const PROJECTS: SeedProject[] = [
  {
    name: "2023年曲靖市人大代表履职能力提升专项资金",
    funds: [10.56, 10.56, 10.56, 10],
    indicators: [
      ["产出指标", "数量指标", "组织代表开展视察2次", "≥", 2, "次", 2, 40],
      ["产出指标", "质量指标", "完成会议各项议程", "≥", 0.95, "%", 1, 20],
      ["效益指标", "社会效益指标", "充分发挥人大代表监督协助作用", "≥", 0.9, "%", 1, 20],
      ["满意度指标", "服务对象满意度指标等", "服务对象满意度指标", "≥", 0.95, "%", 1, 10],
    ],
  },
  {
    name: "专项工作经费",
    funds: [29.77, 29.77, 29.77, 10],
    indicators: [
      ["产出指标", "数量指标", "筹办各类会议活动次数", "≥", 20, "次", 20, 40],
      ["产出指标", "质量指标", "机关高效有序运转", "≥", 0.95, "%", 1, 20],
      ["效益指标", "社会效益指标", "充分发挥各级代表监督协助作用", "≥", 0.9, "%", 1, 20],
      ["满意度指标", "服务对象满意度指标等", "服务对象满意度指标", "≥", 0.95, "%", 1, 10],
    ],
  },
  {
    name: "三届三次人代会工作费",
    funds: [41.61, 41.61, 41.61, 10],
    indicators: [
      ["产出指标", "数量指标", "召开人代会，补选代表", "≥", "1-2次", "次", 2, 40],
      ["产出指标", "质量指标", "补选代表", "≥", 1, "%", 1, 20],
      ["效益指标", "社会效益指标", "完成会议各项议程", "≥", 1, "%", 1, 20],
      ["满意度指标", "服务对象满意度指标等", "服务对象满意度指标", "≥", 0.95, "%", 1, 10],
    ],
  },
];

const PUBLISHED_SCORES = [[40], [20], [20], [10]];

/**
 * Row 1 header; row 2 年度资金总额 (B..G: 年初预算数 全年预算数 全年执行数 分值 执行率 得分);
 * rows 4–7 indicators (A..I: 一级 二级 三级 指标性质 指标值 度量单位 实际完成值 分值 得分) with the
 * spilled column form in K4; row 8 总分 (H 分值, I 得分, J 等级).
 */
function projectSheet(p: SeedProject): unknown[][] {
  const [initial, budget, spent, weight] = p.funds;
  const rows: unknown[][] = [
    ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", initial, budget, spent, weight, "=JX.EXECRATE(C2,D2)", "=JX.EXECSCORE(C2,D2,E2)"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
  ];
  p.indicators.forEach((ind, i) => {
    const r = 4 + i;
    const row: unknown[] = [...ind.slice(0, 7), ind[7], `=JX.INDICATORSCORE(D${r},E${r},G${r},H${r},F${r})`];
    if (i === 0) row.push(null, "=JX.INDICATORSCORE(D4:D7,E4:E7,G4:G7,H4:H7,F4:F7)");
    rows.push(row);
  });
  rows.push(["总分", null, null, null, null, null, null, "=E2+SUM(H4:H7)", "=G2+SUM(I4:I7)", "=JX.GRADE(I8)"]);
  return rows;
}

const at = (hf: HyperFormula, a1: string) => {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(address);
};
const column = (hf: HyperFormula, c: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => [at(hf, `${c}${from + i}`)]);

describe.each(PROJECTS)("seed 001 project $name in HyperFormula", (project) => {
  let hf: HyperFormula;
  beforeEach(() => {
    hf = buildJxWorkbook({ P: projectSheet(project) });
  });
  afterEach(() => hf.destroy());

  it("gives the published 执行率, 得分, 总分 and 等级", () => {
    expect(at(hf, "F2")).toBe(1);
    expect(at(hf, "G2")).toBe(10);
    expect(column(hf, "I", 4, 7)).toEqual(PUBLISHED_SCORES);
    expect(at(hf, "H8")).toBe(100);
    expect(at(hf, "I8")).toBe(100);
    expect(at(hf, "J8")).toBe("优");
  });

  it("the one-formula column form spills the same scores", () => {
    expect(hf.getCellFormula(hf.simpleCellAddressFromString("K4", 0)!)).toMatch(/^=JX\.INDICATORSCORE\(/);
    expect(column(hf, "K", 4, 7)).toEqual(PUBLISHED_SCORES);
    expect(column(hf, "K", 4, 7)).toEqual(column(hf, "I", 4, 7));
  });

  it("recomputes dependents when an input changes", () => {
    const target = project.indicators[0][4];
    // 数量指标: actual half of the target (or below the range) → half marks, everywhere it is used.
    const half = typeof target === "number" ? target / 2 : 0.5;
    hf.setCellContents(hf.simpleCellAddressFromString("G4", 0)!, half);
    expect(at(hf, "I4")).toBe(20);
    expect(at(hf, "K4")).toBe(20);
    expect(at(hf, "I8")).toBe(80);
    expect(at(hf, "J8")).toBe("良");

    // Half the budget spent: 执行率 50%, score 5, total 75 → 中.
    hf.setCellContents(hf.simpleCellAddressFromString("D2", 0)!, project.funds[1] / 2);
    expect(at(hf, "F2")).toBeCloseTo(0.5, 12);
    expect(at(hf, "G2")).toBe(5);
    expect(at(hf, "I8")).toBe(75);
    expect(at(hf, "J8")).toBe("中");
  });

  it("a zero budget shows #VALUE! with the Chinese reason, and the total reports the error", () => {
    hf.setCellContents(hf.simpleCellAddressFromString("C2", 0)!, 0);
    const rate = at(hf, "F2");
    expect(rate).toBeInstanceOf(DetailedCellError);
    expect((rate as DetailedCellError).value).toBe("#VALUE!");
    expect((rate as DetailedCellError).message).toMatch(/[\u4e00-\u9fff]/);
    expect(at(hf, "I8")).toBeInstanceOf(DetailedCellError);
    // The indicator scores do not depend on the budget and stay as they were.
    expect(column(hf, "I", 4, 7)).toEqual(PUBLISHED_SCORES);
  });
});

describe("array results in HyperFormula", () => {
  it("JX.PARSEVALUE spills one row of three cells", () => {
    const hf = buildJxWorkbook({ S: [['=JX.PARSEVALUE("≥95%")'], ['=JX.PARSEVALUE("1-2次")']] });
    expect(hf.getSheetValues(0)).toEqual([
      ["≥", 0.95, "%"],
      ["区间", "1-2", "次"],
    ]);
    hf.destroy();
  });

  it("a rule set chosen by argument changes the grade (80/70/60)", () => {
    const hf = buildJxWorkbook({ S: [[85, "=JX.GRADE(A1)", '=JX.GRADE(A1,"dept-gs")']] });
    expect(hf.getSheetValues(0)).toEqual([[85, "良", "优"]]);
    hf.destroy();
  });
});
