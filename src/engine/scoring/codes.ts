/**
 * Every error code a scoring function returns, with the zh-CN and English message templates
 * (`{key}` is replaced by the outcome's data). The messages module imports this object, so a new
 * code is added here once and rendered everywhere.
 */
export const SCORING_ERROR_CODES = {
  "budget-missing": {
    zh: "全年预算数为空或不是数字（{budget}），无法计算执行率",
    en: "The full-year budget is empty or not a number ({budget}); the execution rate cannot be computed",
  },
  "budget-not-positive": {
    zh: "全年预算数须大于 0（当前为 {budget}）",
    en: "The full-year budget must be greater than 0 (it is {budget})",
  },
  "spent-missing": {
    zh: "全年执行数为空或不是数字（{spent}），无法计算执行率",
    en: "The full-year spending is empty or not a number ({spent}); the execution rate cannot be computed",
  },
  "spent-negative": {
    zh: "全年执行数不能为负数（当前为 {spent}）",
    en: "The full-year spending cannot be negative (it is {spent})",
  },
  "rate-overflow": {
    zh: "全年执行数 {spent} 与全年预算数 {budget} 相差过大，无法计算执行率",
    en: "The spending {spent} and the budget {budget} differ too much for an execution rate",
  },
  "weight-missing": {
    zh: "分值为空，无法计分",
    en: "The weight (分值) is empty; the row cannot be scored",
  },
  "weight-invalid": {
    zh: "分值须为大于 0 的数字（当前为 {weight}）",
    en: "The weight (分值) must be a number greater than 0 (it is {weight})",
  },
  "target-missing": {
    zh: "指标值为空，无法计分",
    en: "The target (指标值) is empty; the row cannot be scored",
  },
  "actual-missing": {
    zh: "实际完成值为空，无法计分",
    en: "The actual value (实际完成值) is empty; the row cannot be scored",
  },
  "unit-mismatch": {
    zh: "指标值“{target}”的单位“{valueUnit}”与度量单位“{unit}”不一致",
    en: "The target “{target}” is in “{valueUnit}” but the unit column says “{unit}”",
  },
  "nature-unreadable": {
    zh: "指标性质“{nature}”无法识别（可填 ≥ ≤ = 正向 反向 定量 定性 等）",
    en: "The nature “{nature}” cannot be read (use ≥ ≤ = 正向 反向 定量 定性 …)",
  },
  "nature-conflict": {
    zh: "指标性质“{nature}”与指标值“{target}”中的运算符方向相反，无法确定按正向还是反向计分",
    en: "The nature “{nature}” contradicts the operator inside the target “{target}”; more-is-better or less-is-better is unclear",
  },
  "rate-in-no-band": {
    zh: "执行率 {rate|pct} 不在评分规则“{ruleSet}”的任何执行率分段内，无法计分",
    en: "The execution rate {rate|pct} falls in none of the execution bands of “{ruleSet}”; it cannot be scored",
  },
  unscorable: {
    zh: "无法计分：{reasonText}（指标值 {target}，实际完成值 {actual}）",
    en: "Cannot score: {reasonTextEn} (target {target}, actual {actual})",
  },
} as const;

export type ScoringErrorCode = keyof typeof SCORING_ERROR_CODES;

/** Why an `unscorable` outcome could not be scored: `data.reason`, with `data.reasonText(En)` filled in. */
export const UNSCORABLE_REASONS = {
  "target-unreadable": { zh: "指标值无法识别", en: "the target cannot be read" },
  "actual-unreadable": { zh: "实际完成值无法识别", en: "the actual value cannot be read" },
  "target-negative": {
    zh: "指标值为负数，不能按比例计分",
    en: "the target is negative and cannot be scored as a ratio",
  },
  "actual-range": {
    zh: "实际完成值是一个区间，应填写一个数",
    en: "the actual value is a range; one number is expected",
  },
  "kind-mismatch": {
    zh: "指标值与实际完成值类型不同（如定量目标配文字结果）",
    en: "the target and the actual value are of different kinds (e.g. a number against words)",
  },
  "level-unknown": {
    zh: "实际完成情况的文字看不出达成程度（达成/部分达成/未达成）",
    en: "the actual text states no level (met / partly met / not met)",
  },
  "internal-error": {
    zh: "计分时遇到意外情况，请检查本行数据",
    en: "an unexpected case came up while scoring; please check this row",
  },
  "deadline-not-comparable": {
    zh: "时限目标与实际完成时间无法比较",
    en: "the deadline and the completion date cannot be compared",
  },
} as const;

export type UnscorableReason = keyof typeof UNSCORABLE_REASONS;
