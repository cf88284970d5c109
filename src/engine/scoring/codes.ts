/**
 * Every error code a scoring function (or a custom function) returns. Each is a finding code too (its data is typed in
 * ../validate/finding.ts); a custom function's wording of it is ../i18n/scoringMessages.ts.
 */
import type { FindingCode, UnscorableReasonCode } from "../validate/finding";

export const SCORING_ERROR_CODES = {
  "budget-missing": true,
  "budget-not-positive": true,
  "spent-missing": true,
  "spent-negative": true,
  "rate-overflow": true,
  "weight-missing": true,
  "weight-invalid": true,
  "target-missing": true,
  "actual-missing": true,
  "unit-mismatch": true,
  "nature-unreadable": true,
  "nature-conflict": true,
  "rate-in-no-band": true,
  unscorable: true,
  // Not from scoreIndicator: the check's bounded-rate rule (../validate/parts/boundedRate.ts), which
  // JX.INDICATORSCORE applies before scoring when it is given the row's names.
  "rate-over-100": true,
} as const satisfies Partial<Record<FindingCode, true>>;

export type ScoringErrorCode = keyof typeof SCORING_ERROR_CODES;

/** Why an `unscorable` outcome could not be scored: `data.reason`, with `data.reasonText(En)` filled in. */
export const UNSCORABLE_REASONS: Record<UnscorableReasonCode, { zh: string; en: string }> = {
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
};

export type UnscorableReason = UnscorableReasonCode;
