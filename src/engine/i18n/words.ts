/**
 * The words messages put around values (达成预期, 全年预算数 …), in both languages. Apart from the
 * finding catalogues (./zh-CN.ts, ./en.ts) so that the custom functions' error messages
 * (./scoringMessages.ts) can use them without shipping every finding's message in functions.js
 * (bench bundle.functions.gzip_kb).
 */
import type { Words } from "./show";

export const ZH_WORDS: Words = {
  met: "达成预期",
  partial: "部分达成",
  unmet: "未达成",
  initial: "年初预算数",
  budget: "全年预算数",
  spent: "全年执行数",
  weight: "分值",
  score: "得分",
  execRate: "执行率",
  execScore: "预算执行率得分",
  execWeight: "预算执行率分值",
  indicatorScore: "得分",
  sumWeight: "合计分值",
  sumScore: "合计得分",
  totalWeight: "总分分值",
  totalScore: "总分",
  grade: "等级",
  taskRate: "预算执行率",
  taskApproved: "批复金额总额",
  taskFiscal: "批复金额中的财政拨款",
  taskOther: "批复金额中的其他资金",
  taskSpent: "实际支出金额",
  "match-exact": "名称相同",
  "match-contains": "名称相互包含",
  "match-amounts": "名称不同，批复金额与实际支出相同",
};

export const EN_WORDS: Words = {
  met: "met",
  partial: "partly met",
  unmet: "not met",
  initial: "initial budget",
  budget: "full-year budget",
  spent: "amount spent",
  weight: "weight",
  score: "score",
  execRate: "execution rate",
  execScore: "execution score",
  execWeight: "execution weight",
  indicatorScore: "score",
  sumWeight: "subtotal weight",
  sumScore: "subtotal score",
  totalWeight: "total weight",
  totalScore: "total score",
  grade: "grade",
  taskRate: "execution rate",
  taskApproved: "approved total",
  taskFiscal: "approved fiscal funds",
  taskOther: "approved other funds",
  taskSpent: "amount spent",
  "match-exact": "same name",
  "match-contains": "one name contains the other",
  "match-amounts": "different name, same approved and spent amounts",
};
