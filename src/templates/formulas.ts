/**
 * Formula builders for the two formula styles. `native` uses only IF/AND/OR/NOT/ISNUMBER/MIN/
 * MAX/ROUND/SUM, which Excel, WPS and LibreOffice all calculate without the add-in; `custom`
 * calls the add-in's JX.* functions, which also read messy text values ("≥95%", "1-2次").
 * Arguments are A1 references on the same sheet.
 */
import type { RuleSet } from "../engine/rules/schema";
import { rulesOf } from "../engine/rules/resolve";
import { SATISFACTION_WORD } from "../engine/scoring/adjust";
import { BOUNDED_RATE_WORDS } from "../engine/validate/parts/indicatorKinds";
import { PERCENT_UNITS } from "../engine/value/units";
import {
  bandChain,
  cappedTotal,
  executionAtZeroBudget,
  executionFromRate,
  gradeOf,
  nativeGaps,
  positiveBelow,
  roundClamp,
} from "./nativeRules";

export interface IndicatorRefs {
  nature: string;
  target: string;
  unit: string;
  actual: string;
  weight: string;
  /**
   * The row's names as one text expression (a template knows them; freeze translating a JX call does
   * not): `names` = 一级&二级&三级 (a 满意度 scored by the satisfaction bands), `rateNames` = 二级&三级
   * (a rate that cannot pass 100%), as the engine reads them. Without them no names are read, as in JX.
   */
  names?: string;
  rateNames?: string;
  /** The same names one by one (a reference or a quoted text each): JX takes them as 一级/二级/三级 arguments. */
  levels?: [string, string, string];
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

/**
 * `ref` is exactly one of the words: FIND (case-sensitive, no wildcards) of |ref| in |w1|w2|…|,
 * a tenth of the length of OR(ref="w1",…) — the score formula tests each several times.
 */
const anyOf = (ref: string, words: readonly string[]): string =>
  `ISNUMBER(FIND("|"&${ref}&"|","|${words.join("|")}|"))`;

/** What a native 得分 shows when 指标值 or 实际完成值 is text it cannot read ("≥95%", "1-2次"). */
export const NATIVE_TEXT_PROMPT = "请将指标值和实际完成值填为数字";

/**
 * What a native 得分 shows on a 定性 row with both values filled: a plain formula cannot read 达成 /
 * 部分达成, and the engine keeps a score typed inside the level's band, so the person types it here.
 */
export const NATIVE_QUALITATIVE_PROMPT = "定性指标请直接填写得分";

/** What a native 得分 shows beside two numbers when 指标性质 is none of ≥ ≤ = (blank, 定量 …). */
export const NATIVE_NATURE_PROMPT = "请选择指标性质";

/** What a native 得分 shows for a 满意度 / 合格率-type rate above 100%: the engine gives it no score. */
export const NATIVE_RATE_PROMPT = "比率不能超过100%，请核实";

const searchAny = (text: string, words: readonly string[]): string =>
  `OR(${words.map((w) => `ISNUMBER(SEARCH("${w}",${text}))`).join(",")})`;

/** 度量单位 is a percent unit, as the engine's isPercentUnit reads it. */
const percentUnit = (u: string): string => anyOf(`TRIM(${u})`, [...PERCENT_UNITS]);

/** A value on the percent scale when `pct` holds (see asFraction), as one division. */
const scaled = (x: string, pct: string): string => `${x}/IF(AND(${pct},ABS(${x})>1.5),100,1)`;

/**
 * A value as a fraction under a percent 度量单位: 95 is 95% (0.95), 0.98 is 98% (a cell typed 98%).
 * A formula cannot see number formats, so a plain number up to 1.5 is read as a fraction, as the
 * JX functions read it; the engine, which sees formats, agrees for every value typed that way.
 */
const asFraction = (x: string): string => `IF(ABS(${x})>1.5,${x}/100,${x})`;

/** A 得分 the rule set's adjustments change (over target: −points, never below 0), as applyAdjustments. */
function adjusted(
  score: string,
  a: string,
  b: string,
  w: string,
  kind: "positive" | "equal",
  ruleSet: RuleSet,
): string {
  const rules = rulesOf(ruleSet);
  let s = score;
  for (const adj of rules.adjustments) {
    if (adj.kind !== "overTarget" || adj.action.kind !== "deduct" || !adj.appliesTo.includes(kind)) continue;
    const over = `${b}/${a}${adj.incl ? ">=" : ">"}${adj.threshold}`;
    const zero = adj.zeroTargetAbsolute === undefined ? "1=0" : `${b}>=${adj.zeroTargetAbsolute}`;
    const hit = `IF(${a}<>0,${over},${zero})`;
    s = `IF(${hit},${roundClamp(`${s}-${adj.action.points}`, rules.rounding.indicator, w)},${s})`;
  }
  return s;
}

/** The raw score of each kind, on scaled values a (target ≥ 0) and b (actual, negatives as 0). */
function kindScores(a: string, b: string, w: string, ruleSet: RuleSet) {
  const rules = rulesOf(ruleSet);
  const round = rules.rounding.indicator;
  const more = `IF(${b}>=${a},${w},${positiveBelow(`${b}/${a}`, w, ruleSet)})`;
  const lessOver =
    ruleSet.reverseRule === "ratio"
      ? roundClamp(`${w}*${a}/${b}`, round, w)
      : `IF(${b}>=2*${a},0,${roundClamp(`${w}*(1-(${b}-${a})/${a})`, round, w)})`;
  const less = `IF(${b}<=${a},${w},${lessOver})`;
  const equalPositive = rules.equal === "exactOrZero" ? `IF(${b}=${a},${w},0)` : more;
  const equal = `IF(${a}>0,${equalPositive},IF(${b}<=0,${w},0))`;
  return {
    more: adjusted(more, a, b, w, "positive", ruleSet),
    less,
    equal: adjusted(equal, a, b, w, "equal", ruleSet),
    // A satisfaction row is scored as "more" whatever its ≥ or =, so its adjustments are the positive ones.
    satisfaction: ruleSet.satisfaction ? adjusted(satisfaction(a, b, w, ruleSet), a, b, w, "positive", ruleSet) : "",
  };
}

/** 101号 satisfaction bands on the rate itself (or B/A), as satisfactionBands. */
function satisfaction(a: string, b: string, w: string, ruleSet: RuleSet): string {
  const rule = ruleSet.satisfaction!;
  const round = rulesOf(ruleSet).rounding.indicator;
  const x = rule.input === "value" ? b : `${b}/${a}`;
  return bandChain(x, rule.bands, (band) => roundClamp(`${band.out}*${w}`, round, w), "0");
}

/** When the satisfaction rule scores the row: a 满意 name, a percent (or B/A with A ≠ 0). */
function satisfactionApplies(r: IndicatorRefs, a: string, pct: string, ruleSet: RuleSet): string | undefined {
  if (!ruleSet.satisfaction || !r.names) return undefined;
  const named = `ISNUMBER(SEARCH("${SATISFACTION_WORD}",${r.names}))`;
  return ruleSet.satisfaction.input === "value" ? `AND(${named},${pct})` : `AND(${named},${a}<>0)`;
}

/** The native score of a quantitative indicator by the rule set, as scoreIndicator with numbers typed. */
export function nativeIndicatorScore(r: IndicatorRefs, ruleSet: RuleSet): string {
  const { nature: d, target: rawA, actual: rawB, weight: w, unit: u } = r;
  // Constants are spelled 1=0 / left out: not every calculator reads a bare FALSE.
  const pct = u === '""' ? "1=0" : percentUnit(u);
  const a = u === '""' ? rawA : `(${scaled(rawA, pct)})`;
  const b = `MAX(${u === '""' ? rawB : scaled(rawB, pct)},0)`;
  const isMore = anyOf(d, NATIVE_MORE);
  const isLess = anyOf(d, NATIVE_LESS);
  const isEqual = anyOf(d, NATIVE_EQUAL);
  const k = kindScores(a, b, w, ruleSet);
  const sat = satisfactionApplies(r, a, pct, ruleSet);
  const isQualitative = `ISNUMBER(SEARCH("定性",${d}))`;
  // Two numbers and no operator the formula knows: say which input is missing instead of a blank.
  const noKind = `IF(${isQualitative},"${NATIVE_QUALITATIVE_PROMPT}","${NATIVE_NATURE_PROMPT}")`;
  const byKind = `IF(${isMore},${k.more},IF(${isLess},${k.less},IF(${isEqual},${k.equal},${noKind})))`;
  const scored = `IF(${a}<0,"",${sat ? `IF(AND(${sat},OR(${isMore},${isEqual})),${k.satisfaction},${byKind})` : byKind})`;
  // A 满意度 / 合格率 above 100% gets no score from the engine: the form says why instead of a number.
  const over = (x: string) => `IF(${num(x)},${asFraction(x)}>1.000000000001,1=0)`;
  const bounded =
    r.rateNames && u !== '""'
      ? `AND(${searchAny(r.rateNames, BOUNDED_RATE_WORDS)},${pct},OR(${over(rawA)},${over(rawB)}))`
      : undefined;
  // Text where a number belongs, or a 定性 row, is said on the form, not shown as a blank that lowers
  // the 总分 (a row with a value missing stays blank: the check names what is missing).
  const filled = `AND(LEN(TRIM(${rawA}&""))>0,LEN(TRIM(${rawB}&""))>0)`;
  const text = `OR(ISTEXT(${rawA}),ISTEXT(${rawB}))`;
  const unscored = `IF(${filled},IF(${isQualitative},"${NATIVE_QUALITATIVE_PROMPT}",IF(${text},"${NATIVE_TEXT_PROMPT}","")),"")`;
  return (
    // A 分值 of 0 or less scores nothing, as in the engine (weight-invalid): blank, not 0.
    `=${bounded ? `IF(${bounded},"${NATIVE_RATE_PROMPT}",` : ""}IF(AND(${num(rawA)},${num(rawB)},${num(w)}),IF(${w}>0,${scored},""),` +
    `${unscored})${bounded ? ")" : ""}`
  );
}

/**
 * The native 总分: blank until every row that has a 分值 has a 得分 (and the execution score is
 * there), so a blank or half-filled form never prints a total — nor, through it, a grade. The sum
 * is rounded as the engine's, and capped by the execution rate where the rule set caps it.
 */
export function nativeTotal(
  scoreRefs: string[],
  weightRange: string,
  scoreRange: string,
  execScore?: string,
  caps?: { rate: string; ruleSet: RuleSet },
): string {
  const complete = [`COUNT(${weightRange})>0`, `COUNT(${scoreRange})=COUNT(${weightRange})`];
  if (execScore) complete.unshift(num(execScore));
  const sum = `ROUND(SUM(${scoreRefs.join(",")}),2)`;
  const total = caps ? cappedTotal(sum, caps.rate, caps.ruleSet) : sum;
  return `=IF(AND(${complete.join(",")}),${total},"")`;
}

export function nativeBuilder(ruleSet: RuleSet): FormulaBuilder {
  return {
    kind: "native",
    execRate: (budget, spent) =>
      `=IF(AND(${num(budget)},${num(spent)}),IF(AND(${budget}>0,${spent}>=0),${spent}/${budget},""),"")`,
    execScore: (budget, spent, weight) =>
      `=IF(AND(${num(budget)},${num(spent)},${num(weight)}),IF(OR(${budget}<0,${spent}<0),"",` +
      `IF(${budget}=0,${executionAtZeroBudget(spent, weight, ruleSet)},` +
      `${executionFromRate(`${spent}/${budget}`, weight, ruleSet)})),"")`,
    indicatorScore: (refs) => nativeIndicatorScore(refs, ruleSet),
    grade: (total) => `=IF(${num(total)},${gradeOf(total, ruleSet)},"")`,
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
    // The execution rule is the rule set's too (101号 bands, the platform's uncapped score): pass it as the others do.
    execScore: (budget, spent, weight) => `=JX.EXECSCORE(${budget},${spent},${weight}${rule})`,
    // The row's names after the rule set (omitted or not): the satisfaction bands and the 100% bound need them.
    indicatorScore: (r) =>
      `=JX.INDICATORSCORE(${r.nature},${r.target},${r.actual},${r.weight},${r.unit}` +
      (r.levels ? `,${ruleArg ? `"${ruleArg}"` : ""},${r.levels.join(",")})` : `${rule})`),
    grade: (total) => `=JX.GRADE(${total}${rule})`,
  };
}

/** Excel's longest formula is 8,192 characters; a template's references are at most this long. */
const EXCEL_FORMULA_MAX = 8192;
const LONGEST_REFS: IndicatorRefs = {
  nature: "D9999",
  target: "E9999",
  unit: "F9999",
  actual: "G9999",
  weight: "H9999",
  names: "A9999&B9999&C9999",
  rateNames: "B9999&C9999",
};

/** What keeps the native style from being exact under these rules, including a formula too long for Excel. */
export function nativeFormulaGaps(ruleSet: RuleSet): string[] {
  const gaps = nativeGaps(ruleSet);
  if (nativeIndicatorScore(LONGEST_REFS, ruleSet).length > EXCEL_FORMULA_MAX)
    gaps.push("得分公式超过 Excel 的长度上限");
  return gaps;
}

/** Data validation (each under Excel's 255 characters): what a cell refuses because it cannot be. */
export const REFUSE = {
  negativeAmount: "金额不能为负数",
  negativeRate: "执行率不能为负数",
  impossibleRate: "满意度不能为负数，也不能超过100%",
  /** An amount or a rate: any number at least 0 (text is left to the check, which names it). */
  notNegative: (cell: string) => `=OR(NOT(ISNUMBER(${cell})),${cell}>=0)`,
  /**
   * A 满意度 (二级/三级 name with 满意) is at least 0 and, with a percent 度量单位, at most 100 points:
   * 120 with % is 120%, which no satisfaction can be (the score formula prompts for 1.2 typed as 120%).
   */
  satisfaction: (cell: string, names: string, unit: string) =>
    `=OR(NOT(ISNUMBER(${cell})),NOT(ISNUMBER(SEARCH("${SATISFACTION_WORD}",${names}))),AND(${cell}>=0,OR(${cell}<=100,NOT(${percentUnit(unit)}))))`,
};
