/** What an indicator's names say about it: a rate that cannot pass 100%, a cost. */

/**
 * Rates bounded by 100%: satisfaction, pass/coverage/accuracy-type rates. Growth or completion
 * rates may legitimately pass 100%, so they are not listed.
 */
export const BOUNDED_RATE_WORDS = [
  "满意",
  "合格率",
  "达标率",
  "覆盖率",
  "知晓率",
  "正确率",
  "准确率",
  "通过率",
  "出勤率",
  "到位率",
  "普及率",
  "验收率",
  "完好率",
  "知晓度",
] as const;
/** The native templates test the same words with SEARCH (src/templates/formulas.ts). */
const BOUNDED_RATE = new RegExp(BOUNDED_RATE_WORDS.join("|"));

export function isBoundedRate(level2: string, level3: string): boolean {
  return BOUNDED_RATE.test(level3) || BOUNDED_RATE.test(level2);
}

export { isCost, findLevel1 } from "../../rules/level1";

/** A cost indicator worded as a saving (成本节约率 ≥ 0%): "more is better" is right for it. */
export function isSavingRate(level3: string): boolean {
  return /节约|节省|压减|压缩|降低|下降/.test(level3);
}
