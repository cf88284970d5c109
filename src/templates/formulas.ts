/**
 * Formula builders for the two formula styles. `native` uses only IF/AND/OR/NOT/ISNUMBER/MIN/
 * MAX/ROUND/SUM, which Excel, WPS and LibreOffice all calculate without the add-in; `custom`
 * calls the add-in's JX.* functions, which also read messy text values ("≥95%", "1-2次").
 * Arguments are A1 references on the same sheet.
 */
import type { RuleSet } from "../engine/rules/schema";

export interface IndicatorRefs {
  nature: string;
  target: string;
  unit: string;
  actual: string;
  weight: string;
}

export interface FormulaBuilder {
  /** Plain Excel functions, or our JX.* functions. */
  kind: "native" | "custom";
  /** 执行率 = 执行 / 预算; empty while the budget is not a positive number. */
  execRate(budget: string, spent: string): string;
  /** 分值 × min(执行率, 1), rounded to 2 decimals. */
  execScore(budget: string, spent: string, weight: string): string;
  indicatorScore(refs: IndicatorRefs): string;
  grade(total: string): string;
}

/** SUM over references (ranges or cells), the same in both styles. */
export function sumFormula(refs: string[]): string {
  return `=SUM(${refs.join(",")})`;
}

const num = (ref: string): string => `ISNUMBER(${ref})`;

/** The 指标性质 texts the native formula recognises, exactly as typed (no spaces, half-width). */
export const NATIVE_MORE = ["≥", "≧", ">", "＞", "正向", "大于等于", "大于"];
export const NATIVE_LESS = ["≤", "≦", "<", "＜", "反向", "小于等于", "小于"];
export const NATIVE_EQUAL = ["=", "＝", "﹦", "等于"];
export const NATIVE_NATURES = new Set([...NATIVE_MORE, ...NATIVE_LESS, ...NATIVE_EQUAL]);

const anyOf = (ref: string, words: string[]): string => `OR(${words.map((w) => `${ref}="${w}"`).join(",")})`;

/** The native score of a quantitative indicator, by the rule set's "less is better" variant. */
export function nativeIndicatorScore(r: IndicatorRefs, ruleSet: Pick<RuleSet, "reverseRule">): string {
  const { nature: d, target: a, actual: b, weight: w } = r;
  const bPos = `MAX(${b},0)`;
  const more = `IF(${a}>0,ROUND(${w}*MIN(${bPos}/${a},1),2),"")`;
  const zeroTarget = `IF(${bPos}<=0,${w},0)`;
  const less =
    ruleSet.reverseRule === "ratio"
      ? `IF(${bPos}<=${a},${w},ROUND(${w}*${a}/${bPos},2))`
      : `IF(${a}>0,ROUND(${w}*MAX(0,MIN(1,1-(${bPos}-${a})/${a})),2),${zeroTarget})`;
  const equal = `IF(${a}>0,ROUND(${w}*MIN(${bPos}/${a},1),2),${zeroTarget})`;
  const isMore = anyOf(d, NATIVE_MORE);
  const isLess = anyOf(d, NATIVE_LESS);
  const isEqual = anyOf(d, NATIVE_EQUAL);
  return (
    `=IF(AND(${num(a)},${num(b)},${num(w)}),` +
    `IF(${isMore},${more},IF(${isLess},${less},IF(${isEqual},${equal},""))),"")`
  );
}

export function nativeBuilder(ruleSet: RuleSet): FormulaBuilder {
  const g = ruleSet.grades;
  return {
    kind: "native",
    execRate: (budget, spent) => `=IF(AND(${num(budget)},${num(spent)}),IF(${budget}>0,${spent}/${budget},""),"")`,
    execScore: (budget, spent, weight) =>
      `=IF(AND(${num(budget)},${num(spent)},${num(weight)}),IF(${budget}>0,ROUND(${weight}*MIN(MAX(${spent},0)/${budget},1),2),""),"")`,
    indicatorScore: (refs) => nativeIndicatorScore(refs, ruleSet),
    grade: (total) =>
      `=IF(${num(total)},IF(${total}>=${g.excellent},"优",IF(${total}>=${g.good},"良",IF(${total}>=${g.pass},"中","差"))),"")`,
  };
}

/**
 * JX.* formulas. `ruleArg` is the rule-set id to pass explicitly, or undefined when the workbook's
 * own rule-set setting should apply (so changing the setting rescores the whole workbook).
 */
export function customBuilder(ruleArg?: string): FormulaBuilder {
  const rule = ruleArg ? `,"${ruleArg}"` : "";
  return {
    kind: "custom",
    execRate: (budget, spent) => `=JX.EXECRATE(${budget},${spent})`,
    execScore: (budget, spent, weight) => `=JX.EXECSCORE(${budget},${spent},${weight})`,
    indicatorScore: (r) => `=JX.INDICATORSCORE(${r.nature},${r.target},${r.actual},${r.weight},${r.unit}${rule})`,
    grade: (total) => `=JX.GRADE(${total}${rule})`,
  };
}
