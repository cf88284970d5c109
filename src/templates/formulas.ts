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

/** What a native 得分 shows when 指标值 or 实际完成值 is text it cannot read ("≥95%", "1-2次"). */
export const NATIVE_TEXT_PROMPT = "请将指标值和实际完成值填为数字";

/**
 * One side of the comparison on the other's scale: with 度量单位 "%", a number above 1.5 beside
 * one at most 1.5 is percentage points (95 beside 98% = 0.98), as the engine reads it.
 */
function onScale(x: string, other: string, unit: string): string {
  return `IF(AND(${unit}="%",ABS(${x})>1.5,ABS(${other})<=1.5),${x}/100,${x})`;
}

/** The native score of a quantitative indicator, by the rule set's "less is better" variant. */
export function nativeIndicatorScore(r: IndicatorRefs, ruleSet: Pick<RuleSet, "reverseRule">): string {
  const { nature: d, target: rawA, actual: rawB, weight: w, unit: u } = r;
  const a = u === '""' ? rawA : `(${onScale(rawA, rawB, u)})`;
  const b = u === '""' ? rawB : `(${onScale(rawB, rawA, u)})`;
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
  const known = `OR(${isMore},${isLess},${isEqual})`;
  // Text where a number belongs is said on the form, not shown as a blank that lowers the 总分.
  const text = `AND(${known},OR(ISTEXT(${rawA}),ISTEXT(${rawB})),LEN(TRIM(${rawA}&""))>0,LEN(TRIM(${rawB}&""))>0)`;
  return (
    `=IF(AND(${num(rawA)},${num(rawB)},${num(w)}),` +
    `IF(${isMore},${more},IF(${isLess},${less},IF(${isEqual},${equal},""))),IF(${text},"${NATIVE_TEXT_PROMPT}",""))`
  );
}

/**
 * The native 总分: blank until every row that has a 分值 has a 得分 (and the execution score is
 * there), so a blank or half-filled form never prints a total — nor, through it, a grade.
 */
export function nativeTotal(scoreRefs: string[], weightRange: string, scoreRange: string, execScore?: string): string {
  const complete = [`COUNT(${weightRange})>0`, `COUNT(${scoreRange})=COUNT(${weightRange})`];
  if (execScore) complete.unshift(num(execScore));
  return `=IF(AND(${complete.join(",")}),SUM(${scoreRefs.join(",")}),"")`;
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
