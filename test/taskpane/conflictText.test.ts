/**
 * Calculate's conflict list says what each cell holds: a typed value is a 填写值 / "Typed", a
 * formula's result a 公式结果 / "Formula result", per row, and the heading fits the list. The
 * conflicts come from the real engine (planCalculation on the seed form), so the `fromFormula`
 * the words follow is the one calculate hands the pane.
 */
import { a1, getRuleSet, planCalculation, type Finding } from "../../src/engine";
import { stringsFor } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings.en";
import { conflictsHeading, conflictText, replaceText, statedAs } from "../../src/taskpane/components/conflictText";
import { projectSeed } from "../engine/validate/tamper";

const zh = stringsFor("zh-CN");
type Conflict = Finding & { cell: string };

/** The seed form with a 得分 typed a point low, and a 总分 formula (not ours) showing 90; optionally a 得分 formula showing words. */
function conflicts(opts: { typed?: boolean; formula?: boolean; words?: boolean }): Record<string, Conflict> {
  const m = projectSeed(0);
  const ic = m.layout.indicators.columns;
  const rows = m.layout.indicators.rows;
  const score = (i: number) => a1(rows[i], ic.score!);
  if (opts.typed) m.set(rows[2], ic.score!, 19);
  const t = m.layout.total;
  if (opts.formula) m.set(t.row, t.scoreCol, 90, undefined, `=SUM(${score(0)}:${score(3)})`);
  if (opts.words)
    m.set(rows[3], ic.score!, "请填写", undefined, `=IF(ISNUMBER(${a1(rows[3], ic.target!)}),"请填写",0)`);
  const plan = planCalculation(m.sheet, getRuleSet("mof-2020"));
  return Object.fromEntries(plan.conflicts.map((f) => [f.cell!, f as Conflict]));
}

describe("each row says whether it quotes a typed value or a formula's result", () => {
  const found = conflicts({ typed: true, formula: true });
  const typed = found.I15;
  const formula = found.I18;

  test("the engine marks the formula's conflict, not the typed one", () => {
    expect(Object.keys(found).sort()).toEqual(["I15", "I18"]);
    expect([statedAs(typed), statedAs(formula)]).toEqual(["typed", "formula"]);
  });

  test("zh-CN: 填写值 for the typed 得分, 公式结果 for the 总分 formula, never 填写 for it", () => {
    expect(conflictText(zh, typed, "zh-CN")).toMatch(/^填写值 19 → 计算值 20：/);
    const f = conflictText(zh, formula, "zh-CN");
    expect(f).toMatch(/^公式结果 90 → 计算值 99：/);
    expect(f).not.toContain("填写");
    expect(replaceText(zh, typed, "zh-CN")).toBe("I15：填写值 19 → 20");
    expect(replaceText(zh, formula, "zh-CN")).toBe("I18：公式结果 90 → 99（公式将换成数值）");
  });

  test("English: Typed for the typed 得分, Formula result for the formula", () => {
    expect(conflictText(en, typed, "en")).toMatch(/^Typed 19 → computed 20: /);
    const f = conflictText(en, formula, "en");
    expect(f).toMatch(/^Formula result 90 → computed 99: /);
    expect(f).not.toMatch(/typed/i);
    expect(replaceText(en, typed, "en")).toBe("I15: Typed 19 → 20");
    expect(replaceText(en, formula, "en")).toBe("I18: Formula result 90 → 99 (the formula is replaced by the value)");
  });

  test("the heading of a mixed list says both, and that each row says which", () => {
    expect(conflictsHeading(zh, [typed, formula])).toBe(
      "以下单元格中的填写值或公式结果（逐项注明）与计算结果不同，未作改动：",
    );
    expect(conflictsHeading(en, [formula, typed])).toMatch(/typed value or a formula's result \(each row says which\)/);
  });
});

describe("the heading fits the list", () => {
  test("only typed values: 您填写的数值 / values you typed, no word of formulas", () => {
    // The typed 得分 and the typed 总分 that no longer adds up.
    const only = Object.values(conflicts({ typed: true }));
    expect(only.map(statedAs)).toEqual(["typed", "typed"]);
    expect(conflictsHeading(zh, only)).toBe("以下单元格中您填写的数值与计算结果不同，未作改动：");
    expect(conflictsHeading(en, only)).toMatch(/^These cells hold values you typed/);
    expect(conflictsHeading(en, only)).not.toMatch(/formula/i);
  });

  test("only formulas: 公式结果 / formulas' results, never 您填写 or typed", () => {
    const only = Object.values(conflicts({ formula: true }));
    expect(only.map(statedAs)).toEqual(["formula"]);
    expect(conflictsHeading(zh, only)).toBe("以下单元格中的公式结果与计算结果不同，未作改动：");
    expect(conflictsHeading(zh, only)).not.toContain("填写");
    expect(conflictsHeading(en, only)).toMatch(/formulas whose results differ/);
    expect(conflictsHeading(en, only)).not.toMatch(/typed/i);
  });
});

test("a 得分 formula showing words (formula-no-result) is a formula's result too, in both languages", () => {
  const { I16 } = conflicts({ words: true });
  expect(I16.code).toBe("formula-no-result");
  expect(statedAs(I16)).toBe("formula");
  expect(conflictsHeading(zh, [I16])).toBe(zh.conflictsTitle.formula);
  expect(conflictText(zh, I16, "zh-CN")).toMatch(/^公式结果 请填写 → 计算值 10：/);
  expect(conflictText(en, I16, "en")).toMatch(/^Formula result 请填写 → computed 10: /);
  expect(replaceText(zh, I16, "zh-CN")).toBe("I16：公式结果 请填写 → 10（公式将换成数值）");
});
