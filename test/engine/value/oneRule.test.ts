/**
 * One rule, one place (issue 10 item 5): predicates that used to be written twice with different
 * answers, each now one definition, pinned by a table of intended answers.
 */
import { getRuleSet, scoreIndicator, validateSheet, type SheetSnapshot } from "../../../src/engine";
import * as engine from "../../../src/engine";
import { isPercentFormat } from "../../../src/engine/value/parse";
import { isPercentFormat as cellsIsPercentFormat } from "../../../src/engine/validate/cells";
import { isPercentUnit } from "../../../src/engine/value/units";
import { statedOperator } from "../../../src/engine/value/operator";
import { parseNature, parseValue } from "../../../src/engine/value/parse";
import { fmtFixed, fmtNum, fmtPct, fmtPctFixed } from "../../../src/engine/scoring/format";
import { formatNumber } from "../../../src/engine/i18n/messages";
import { renderSteps } from "../../../src/engine/i18n/explain";
import { show } from "../../../src/engine/draft/cells";
import { formatCellValue } from "../../../src/taskpane/components/cellText";

describe("isPercentFormat: `%` outside quoted text and escapes", () => {
  test("the validator's is the parser's", () => {
    expect(cellsIsPercentFormat).toBe(isPercentFormat);
    expect(engine.isPercentFormat).toBe(isPercentFormat);
  });
  test.each<[string | null | undefined, boolean]>([
    ["0%", true],
    ["0.00%", true],
    ["[Red]0.00%", true],
    ["0.00%;[Red]-0.00%", true],
    // Excel shows 95 in 0"%" as "95%", but the value stays 95: points, not the fraction 0.95.
    ['0"%"', false],
    ['0.00"%"', false],
    ["0\\%", false],
    ['"完成率"0.00%', true],
    ["General", false],
    ["0.00", false],
    ["@", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("%j → %s", (fmt, want) => {
    expect(isPercentFormat(fmt)).toBe(want);
    // Asked twice: the answer is cached and must not change.
    expect(isPercentFormat(fmt)).toBe(want);
  });

  test('a rate cell typed 95 in a 0"%" format reads as 95% points, not as 9500%', () => {
    // 执行率 95 shown as "95%" by a quoted percent sign: the same rate as 0.95 in a 0% format.
    const snapshot = fundsSheet(95, '0"%"');
    const asPercent = fundsSheet(0.95, "0%");
    const codes = (s: SheetSnapshot) => validateSheet(s, getRuleSet()).findings.map((f) => f.code);
    expect(codes(snapshot)).not.toContain("rate-mismatch");
    expect(codes(asPercent)).not.toContain("rate-mismatch");
    // The block is read: a wrong rate in the same format is a finding.
    expect(codes(fundsSheet(50, '0"%"'))).toContain("rate-mismatch");
  });
});

describe("isPercentUnit: one list, for the parser, the scorer and the validator", () => {
  test.each<[string, boolean]>([
    ["%", true],
    ["％", true],
    ["百分比", true],
    ["百分率", true],
    ["百分点", true],
    ["比例", true],
    ["比率", true],
    ["率", true],
    [" % ", true],
    ["%(百分比)", true],
    ["次", false],
    ["万元", false],
    ["个百分点", false],
    ["", false],
  ])("isPercentUnit(%j) → %s", (u, want) => expect(isPercentUnit(u)).toBe(want));

  test.each<[string, number, boolean]>([
    // A unit written inside the value reads as the 度量单位 column reads it.
    ["95%", 0.95, true],
    ["≥95百分比", 0.95, true],
    ["≥95百分率", 0.95, true],
    ["≤2百分点", 0.02, true],
    ["95％", 0.95, true],
    ["≥20次", 20, false],
  ])("parseValue(%j) → %d, percent %s", (text, value, percent) => {
    expect(parseValue(text)).toMatchObject({ kind: "number", value, percent });
  });

  test("a range with a percent unit on either bound is a percent range", () => {
    expect(parseValue("90%-100%")).toMatchObject({ kind: "range", low: 0.9, high: 1, percent: true });
    expect(parseValue("1-2百分点")).toMatchObject({ kind: "range", low: 0.01, high: 0.02, percent: true });
  });
});

describe("operator precedence: 指标性质, then the target's own sign, then 指标方向", () => {
  const op = (nature: string | null, target: unknown, direction: string | null) =>
    statedOperator(
      nature === null ? undefined : parseNature(nature).op,
      parseValue(target),
      direction === null ? undefined : parseNature(direction).op,
    );
  test.each<[string | null, unknown, string | null, string | undefined, string | undefined]>([
    ["≥", 95, null, ">=", "nature"],
    ["定量", "≥95%", null, ">=", "target"],
    ["定量", 95, "正向", ">=", "direction"],
    ["定量", "≤5%", "反向", "<=", "target"],
    // Same sense, different strictness: the more specific statement wins in this one order.
    ["≥", ">90%", null, ">=", "nature"],
    [null, ">90%", "正向", ">", "target"],
    ["=", "≥1-2次", null, "=", "nature"],
    ["定量", 95, null, undefined, undefined],
    [null, "有效促进", null, undefined, undefined],
  ])("性质 %j, 指标值 %j, 方向 %j → %s from %s", (n, t, d, wantOp, wantFrom) => {
    const got = op(n, t, d);
    expect(got?.op).toBe(wantOp);
    expect(got?.from).toBe(wantFrom);
  });

  test("the scorer scores by it: 指标方向 正向 beside a target >90% is scored by the target's sign", () => {
    const r = scoreIndicator(
      { nature: "定量", direction: "正向", target: ">90%", actual: 0.95, weight: 10 },
      getRuleSet(),
    );
    expect(r.ok && r.value.op).toBe(">");
  });

  test("the validator flags a cost marked ≥ on the cell the scorer reads the operator from", () => {
    // 性质 定量 (no operator), target ≥760 (the operator), 方向 empty: the finding is on the target cell.
    const s = indicatorSheet({ nature: "定量", target: "≥760", direction: "" });
    const f = validateSheet(s, getRuleSet()).findings.find((x) => x.code === "cost-positive");
    expect(f?.cell).toBe("F4");
  });

  test("a conflict between 指标方向 and the target's sign is not scored, whichever order", () => {
    const r = scoreIndicator({ direction: "正向", target: "≤1%", actual: 0.5, weight: 10 }, getRuleSet());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("nature-conflict");
  });
});

describe("number display: one set of formatters, all rounding as Excel's ROUND", () => {
  test.each<[number, number, string]>([
    [3.75, 4, "3.75"],
    [10, 4, "10"],
    [0.1 + 0.2, 4, "0.3"],
    [2.675, 2, "2.68"],
    [1.005, 2, "1.01"],
    [-2.675, 2, "-2.68"],
    [1e-300, 4, "1e-300"],
    [0.00001234, 4, "0.00001234"],
    [-0, 4, "0"],
    [Infinity, 4, "Infinity"],
  ])("fmtNum(%d, %d) → %s", (x, d, want) => expect(fmtNum(x, d)).toBe(want));

  test.each<[number, number, string]>([
    [1.005, 2, "1.01"],
    [2, 2, "2.00"],
    [2.675, 2, "2.68"],
    [0.5, 0, "1"],
  ])("fmtFixed(%d, %d) → %s", (x, d, want) => expect(fmtFixed(x, d)).toBe(want));

  test.each<[number, string, string]>([
    [0.95, "95%", "95.00%"],
    [1, "100%", "100.00%"],
    [0.12345, "12.35%", "12.35%"],
    [0.0115, "1.15%", "1.15%"],
    [1.0556, "105.56%", "105.56%"],
  ])("fmtPct(%d) → %s, fmtPctFixed → %s", (x, pct, fixed) => {
    expect(fmtPct(x)).toBe(pct);
    expect(fmtPctFixed(x)).toBe(fixed);
  });

  test("messages, drafts, explanations and the pane show a number the same way", () => {
    for (const x of [2.675, 1.005, 0.1 + 0.2, 1e-300, 12.3456789]) expect(formatNumber(x)).toBe(fmtNum(x));
    expect(show(0.12345, "0.00%")).toBe(fmtPctFixed(0.12345));
    expect(show(1.005, "0.00")).toBe("1.01");
    expect(renderSteps([{ code: "exec-rate", data: { spent: 1.005, budget: 1, rate: 0.12345 } }])).toContain("12.35%");
    expect(formatCellValue(1.005)).toBe("1.01");
    expect(formatCellValue(0.12345, "0.00%")).toBe("12.35%");
    // A quoted percent sign shows the number as typed, as Excel does.
    expect(formatCellValue(95, '0"%"')).toBe("95");
  });
});

/** A one-row funds block whose 执行率 cell holds `rate` in `format` (budget 100, spent 95). */
function fundsSheet(rate: number, format: string): SheetSnapshot {
  const header = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  const row = ["年度资金总额", 100, 100, 95, 10, rate, 9.5];
  const general = header.map(() => "General");
  return {
    name: "执行率",
    origin: { row: 0, col: 0 },
    values: [header, row],
    numberFormats: [general, general.map((g, i) => (i === 5 ? format : g))],
    merges: [],
  };
}

/** A 绩效指标 table with one 成本 row; the target sits in column F (row 4). */
function indicatorSheet(o: { nature: string; target: string; direction: string }): SheetSnapshot {
  const header = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标方向",
    "指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
  ];
  return {
    name: "指标",
    origin: { row: 0, col: 0 },
    values: [
      ["项目支出绩效自评表", null, null, null, null, null, null, null, null, null],
      ["项目名称", "测试项目", null, null, null, null, null, null, null, null],
      header,
      ["产出指标", "成本指标", "人均培训成本", o.nature, o.direction, o.target, "元", 700, 10, 10],
    ],
    merges: [],
  };
}
