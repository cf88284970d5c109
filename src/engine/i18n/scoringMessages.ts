/**
 * A scoring error as a custom function says it (=JX.SCORE(…) → #VALUE! with this text): it quotes
 * the arguments, where a finding (./zh-CN.ts, ./en.ts) names the row's indicator. Typed over every
 * scoring error code, so a new code without its wording in either language does not compile.
 */
import type { ScoringErrorCode } from "../scoring/codes";
import type { FindingData } from "../validate/finding";
import { showFor, type Locale } from "./show";
import { EN_WORDS, ZH_WORDS } from "./words";

type ScoringMessages = { readonly [C in ScoringErrorCode]: (data: FindingData[C]) => string };

function zhMessages(): ScoringMessages {
  const { v, pct, reason } = showFor("zh-CN", ZH_WORDS);
  return {
    "budget-missing": (d) => `全年预算数为空或不是数字（${v(d.budget)}），无法计算执行率`,
    "budget-not-positive": (d) => `全年预算数须大于 0（当前为 ${v(d.budget)}）`,
    "spent-missing": (d) => `全年执行数为空或不是数字（${v(d.spent)}），无法计算执行率`,
    "spent-negative": (d) => `全年执行数不能为负数（当前为 ${v(d.spent)}）`,
    "rate-overflow": (d) => `全年执行数 ${v(d.spent)} 与全年预算数 ${v(d.budget)} 相差过大，无法计算执行率`,
    "weight-missing": () => "分值为空，无法计分",
    "weight-invalid": (d) => `分值须为大于 0 的数字（当前为 ${v(d.weight)}）`,
    "target-missing": () => "指标值为空，无法计分",
    "actual-missing": () => "实际完成值为空，无法计分",
    "unit-mismatch": (d) => `指标值“${v(d.target)}”的单位“${v(d.valueUnit)}”与度量单位“${v(d.unit)}”不一致`,
    "nature-unreadable": (d) => `指标性质“${v(d.nature)}”无法识别（可填 ≥ ≤ = 正向 反向 定量 定性 等）`,
    "nature-conflict": (d) =>
      `指标性质“${v(d.nature)}”与指标值“${v(d.target)}”中的运算符方向相反，无法确定按正向还是反向计分`,
    "rate-in-no-band": (d) => `执行率 ${pct(d.rate)} 不在评分规则“${v(d.ruleSet)}”的任何执行率分段内，无法计分`,
    unscorable: (d) => `无法计分：${reason(d.reason)}（指标值 ${v(d.target)}，实际完成值 ${v(d.actual)}）`,
    "rate-over-100": (d) => `「${v(d.label)}」是比率，${pct(d.stated)} 超过了 100%，请核实，无法计分`,
  };
}

function enMessages(): ScoringMessages {
  const { v, pct, reason } = showFor("en", EN_WORDS);
  return {
    "budget-missing": (d) =>
      `The full-year budget is empty or not a number (“${v(d.budget)}”); the execution rate cannot be computed`,
    "budget-not-positive": (d) => `The full-year budget must be greater than 0 (it is ${v(d.budget)})`,
    "spent-missing": (d) =>
      `The full-year spending is empty or not a number (“${v(d.spent)}”); the execution rate cannot be computed`,
    "spent-negative": (d) => `The full-year spending cannot be negative (it is ${v(d.spent)})`,
    "rate-overflow": (d) =>
      `The spending ${v(d.spent)} and the budget ${v(d.budget)} differ too much for an execution rate`,
    "weight-missing": () => "The weight is empty; the row cannot be scored",
    "weight-invalid": (d) => `The weight must be a number greater than 0 (it is “${v(d.weight)}”)`,
    "target-missing": () => "The target is empty; the row cannot be scored",
    "actual-missing": () => "The actual value is empty; the row cannot be scored",
    "unit-mismatch": (d) =>
      `The target “${v(d.target)}” is in “${v(d.valueUnit)}” but the unit column says “${v(d.unit)}”`,
    "nature-unreadable": (d) =>
      `The nature “${v(d.nature)}” cannot be read (use ≥, ≤, =, “正向”, “反向”, “定量” or “定性”)`,
    "nature-conflict": (d) =>
      `The nature “${v(d.nature)}” contradicts the operator inside the target “${v(d.target)}”; more-is-better or less-is-better is unclear`,
    "rate-in-no-band": (d) =>
      `The execution rate ${pct(d.rate)} falls in none of the execution bands of “${v(d.ruleSet)}”; it cannot be scored`,
    unscorable: (d) => `Cannot score: ${reason(d.reason)} (target “${v(d.target)}”, actual “${v(d.actual)}”)`,
    "rate-over-100": (d) =>
      `“${v(d.label)}” is a rate; ${pct(d.stated)} is above 100%: please check it; it cannot be scored`,
  };
}

export const SCORING_MESSAGES: Record<Locale, ScoringMessages> = { "zh-CN": zhMessages(), en: enMessages() };

export const SCORING_CODES = Object.keys(SCORING_MESSAGES["zh-CN"]) as ScoringErrorCode[];

/**
 * Render a scoring error outcome where there is no form around it (a custom function): its
 * wording quotes the arguments. Every scoring error code has its line in both languages, so this
 * needs no finding catalogue (functions.js ships without them).
 */
export function formatScoringError<C extends ScoringErrorCode>(
  code: C,
  data: FindingData[C],
  locale: Locale = "zh-CN",
): string {
  const en = locale === "en";
  const table = SCORING_MESSAGES[en ? "en" : "zh-CN"] as Record<string, (d: object) => string>;
  // A code from another version (JSON) is named rather than thrown on.
  if (!Object.prototype.hasOwnProperty.call(table, code))
    return en ? `Cannot score (${code}).` : `无法计分（${code}）。`;
  return table[code](data ?? {});
}
