/**
 * zh-CN messages of every finding code, typed over FindingData: a code without a message here
 * does not compile. Values are shown by ./show.ts (numbers, percents, words, lists, explanations).
 */
import type { FindingMessages } from "./catalogue";
import { execLeftOut, showFor } from "./show";
import { ZH_WORDS } from "./words";

export { ZH_WORDS };

const { v, pct, word, list, cells, explain, wrote, statedValue, reason } = showFor("zh-CN", ZH_WORDS);

/** What to do when a plain score formula cannot read the row (FindingData "formula-no-result".cannot). */
const ZH_NO_RESULT_HINT = {
  qualitative: "定性指标的得分公式算不出来：请按评分规则在得分栏直接填写分数，或改用 JX 公式。",
  text: "公式读不了「≥95%」「1-2次」这类文字：请把指标值、实际完成值写成数字，或改用 JX 公式。",
  nature: "指标性质不是 ≥、≤、= 之一，公式不知道怎么算：请选择指标性质，或改用 JX 公式。",
  other: "请核对该公式，或改用 JX 公式。",
} as const;

export const ZH_MESSAGES: FindingMessages = {
  "weights-total": (d) =>
    `分值合计为 ${v(d.stated)}（预算执行率 ${v(d.execWeight)} + 绩效指标 ${v(d.indicatorWeight)}），应为 ${v(d.expected)}。`,
  "total-weight-mismatch": (d) => `总分的分值${wrote(d)} ${v(d.stated)}，但各项分值之和为 ${v(d.expected)}。`,
  "level1-weight-differs": (d) =>
    `一级指标「${v(d.level1)}」的分值合计为 ${v(d.stated)}，规则集「${v(d.ruleSet)}」原则上为 ${v(d.expected)}；如系本项目有意调整，可忽略。`,
  "level1-unknown": (d) => `一级指标「${v(d.level1)}」不在规则集「${v(d.ruleSet)}」中，其分值未与标准比对。`,
  "exec-reason-required": (d) =>
    `执行率 ${pct(d.rate)} 低于 ${pct(d.threshold)}：规则集「${v(d.ruleSet)}」要求说明原因。`,
  "exec-reason-missing": (d) =>
    `执行率 ${pct(d.rate)} 低于 ${pct(d.threshold)}，规则集「${v(d.ruleSet)}」要求说明原因，但原因栏为空。`,
  "exec-weight-differs": (d) =>
    `预算执行率的分值为 ${v(d.stated)}，规则集「${v(d.ruleSet)}」原则上为 ${v(d.expected)}。`,
  "weights-total-unfinished": (d) =>
    `分值合计为 ${v(d.stated)}（预算执行率 ${v(d.execWeight)} + 绩效指标 ${v(d.indicatorWeight)}），不是 ${v(d.expected)}；表格没有总分行，可能不完整，请核对。`,
  "exec-weight-from-form": (d) =>
    `按表中执行率权重 ${v(d.stated)} 分计算（规则集「${v(d.ruleSet)}」为 ${v(d.expected)} 分）。`,
  "level1-weight-from-form": (d) =>
    `按表中一级指标「${v(d.level1)}」的权重 ${v(d.stated)} 分核对（规则集「${v(d.ruleSet)}」为 ${v(d.expected)} 分）。`,
  "level1-label-mismatch": (d) =>
    `「${v(d.label)}」标明 ${v(d.stated)} 分，其下各指标${word(d.column)}之和为 ${v(d.expected)}。`,
  "block-score-over": (d) => `「${v(d.label)}」标明 ${v(d.weight)} 分，其下各指标得分之和 ${v(d.stated)} 超过了它。`,
  "weights-unknown": () => `表中没有分值列：各指标得分无法按评分规则逐项核对，只核对标明的分块权重、合计、总分和等级。`,
  "score-above-weight": (d) => `得分 ${v(d.stated)} 超过分值 ${v(d.weight)}。`,
  "score-mismatch": (d) =>
    `得分${wrote(d)} ${v(d.stated)}，按评分规则应为 ${v(d.expected)}（${explain(d.explanation)}）。`,
  "score-out-of-band": (d) =>
    `定性指标完成情况为「${word(d.level)}」，得分应在 ${v(d.low)} 至 ${v(d.high)} 之间，${wrote(d)} ${v(d.stated)}。`,
  "sum-mismatch": (d) => `合计（${word(d.column)}）${wrote(d)} ${v(d.stated)}，所含各行之和为 ${v(d.expected)}。`,
  "total-mismatch": (d) =>
    `总分${wrote(d)} ${v(d.stated)}，预算执行率得分与各指标得分之和为 ${v(d.expected)}。` +
    (execLeftOut(d) ? `相差 ${v(d.execScore)}，正好是预算执行率得分：总分可能漏加了预算执行率得分。` : ""),
  "grade-mismatch": (d) => `等级${wrote(d)}「${v(d.stated)}」，总分 ${v(d.total)} 对应的等级为「${v(d.expected)}」。`,
  "grade-word-ambiguous": (d) =>
    `等级${wrote(d)}「${v(d.stated)}」：按四档（优秀/良好/合格/不合格）总分 ${v(d.total)} 应为「${v(d.expected)}」；若本地按三档（优秀/合格/不合格）评定则无误，请核对。`,
  "grade-bands-from-form": (d) => `按表中写明的等级标准核对等级（${v(d.bands)}）。`,
  "score-direction-assumed": (d) =>
    `得分${wrote(d)} ${v(d.stated)}；表中未写明指标方向，按「越大越好（≥）」计算应为 ${v(d.expected)}（${explain(d.explanation)}），按「≤」或「=」计算也不相符，请核对指标方向和得分。`,
  "score-rounded": (d) =>
    `得分${wrote(d)} ${v(d.stated)}，按评分规则为 ${v(d.expected)}（${explain(d.explanation)}）；表中得分只保留 ${v(d.decimals)} 位小数，二者相差不足一个单位，按取整处理，请确认取舍方式是否符合本地口径。`,
  "rate-mismatch": (d) =>
    `执行率${wrote(d)} ${pct(d.stated)}，按 ${v(d.spent)} ÷ ${v(d.budget)} 应为 ${pct(d.expected)}。`,
  "rate-rounded": (d) =>
    `执行率${wrote(d)} ${pct(d.stated)}，按 ${v(d.spent)} ÷ ${v(d.budget)} 为 ${pct(d.expected)}；表中金额只写到所示位数，按舍入前的金额也可能得出${statedValue(d)}，请核对。`,
  "exec-score-rounded": (d) =>
    `预算执行率得分${wrote(d)} ${v(d.stated)}，按 ${v(d.spent)} ÷ ${v(d.budget)} 计算应为 ${v(d.expected)}；表中金额只写到所示位数，按舍入前的金额也可能得出${statedValue(d)}，请核对。`,
  "exec-score-mismatch": (d) =>
    `预算执行率得分${wrote(d)} ${v(d.stated)}，应为 ${v(d.expected)}（${explain(d.explanation)}）。`,
  "layout-unsure": (d) => `表头「${v(d.label)}」下的内容（${list(d.words)}）未能确定含义，这些列未作核对。`,
  "column-unlabelled": (d) => `此列没有表头，却填有数字（${list(d.values)}…），未能确定其含义，未作核对。`,
  "rate-over-100": (d) => `「${v(d.label)}」是比率，${pct(d.stated)} 超过了 100%。`,
  "exec-rate-over-100": (d) => `执行数 ${v(d.spent)} 超过预算数 ${v(d.budget)}（执行率 ${pct(d.rate)}），请核实。`,
  "funds-sum-mismatch": (d) => `年度资金总额的${word(d.column)}为 ${v(d.stated)}，其中各项之和为 ${v(d.expected)}。`,
  "task-sum-mismatch": (d) => `批复金额总额为 ${v(d.stated)}，财政拨款与其他资金之和为 ${v(d.expected)}。`,
  "budget-not-positive": (d) => `预算数为 ${v(d.budget)}，无法计算执行率（预算数必须大于 0）。`,
  "error-cell": (d) => `单元格含错误值 ${v(d.value)}，请先修正。`,
  "actual-missing": (d) => `指标「${v(d.label)}」缺少实际完成值，无法评分。`,
  "target-missing": (d) => `指标「${v(d.label)}」缺少指标值，无法评分。`,
  "weight-missing": (d) => `指标「${v(d.label)}」缺少分值。`,
  "spent-missing": () => `缺少执行数，无法计算执行率。`,
  "budget-missing": (d) => `执行数为 ${v(d.spent)}，但预算数为空，无法计算执行率。`,
  "unit-missing": (d) => `指标值 ${v(d.value)} 是数值，但没有度量单位。`,
  "unit-mismatch": (d) => `「${v(d.value)}」的单位（${v(d.valueUnit)}）与度量单位「${v(d.unit)}」不一致。`,
  "value-unreadable": (d) => `无法识别「${v(d.value)}」，请填写数值、区间或定性描述。`,
  "nature-unreadable": (d) => `无法识别指标性质「${v(d.value)}」（可填 ≥、≤、=、正向、反向、定量、定性）。`,
  "reason-missing": (d) => `得分 ${v(d.score)} 低于分值 ${v(d.weight)}，需填写偏差原因分析及改进措施。`,
  "shortfall-reason-missing": () => `实际完成值未达到指标值，需填写偏差原因分析及改进措施。`,
  "task-reason-missing": (d) => `预算执行率为 ${pct(d.rate)}，低于 100%，需填写原因及改进措施。`,
  "cost-positive": (d) => `成本指标「${v(d.label)}」标为「${v(d.nature)}」（越多越好），成本指标一般应为反向（≤）。`,
  "over-achievement": (d) => `实际完成值是指标值的 ${pct(d.ratio)}，超过 ${pct(d.limit)}，请说明超额完成的原因。`,
  "total-incomplete": (d) => `无法计算${word(d.what)}：第 ${list(d.rows)} 行缺少数值或无法评分。`,
  "header-total-mismatch": (d) =>
    d.what === "total"
      ? `表头的自评总分 ${v(d.stated)} 与总分行的得分 ${v(d.expected)} 不一致。`
      : `表头的自评总分 ${v(d.stated)}，预算执行率得分与各指标得分之和为 ${v(d.expected)}。`,
  "header-total-rounded": (d) =>
    `表头的自评总分 ${v(d.stated)}，${d.what === "total" ? "总分行的得分" : "各项得分之和"}为 ${v(d.expected)}；表头只保留 ${v(d.decimals)} 位小数，按取整处理，请确认。`,
  "header-total-unchecked": (d) =>
    `表头的自评总分 ${v(d.stated)}，表中识别到的得分之和为 ${v(d.expected)}；` +
    (d.weight === null ? "表中没有分值列" : `识别到的分值合计 ${v(d.weight)} 不是满分`) +
    `，表格可能不完整或有部分未能识别，自评总分未作核对。`,
  "spent-negative": (d) => `执行数不能为负数（当前为 ${v(d.spent)}）。`,
  "rate-overflow": (d) => `执行数 ${v(d.spent)} 与预算数 ${v(d.budget)} 相差过大，无法计算执行率。`,
  "weight-invalid": (d) => `分值须为大于 0 的数字（当前为 ${v(d.weight)}）。`,
  "nature-conflict": (d) =>
    `指标性质“${v(d.nature)}”与指标值“${v(d.target)}”中的运算符方向相反，无法确定按正向还是反向计分。`,
  "rate-in-no-band": (d) => `执行率 ${pct(d.rate)} 不在评分规则“${v(d.ruleSet)}”的任何执行率分段内，无法计分。`,
  unscorable: (d) => `无法计分：${reason(d.reason)}（指标值 ${v(d.target)}，实际完成值 ${v(d.actual)}）。`,
  "review-score-outpaces-spending": (d) =>
    `指标得分率 ${pct(d.scoreRate)} 高于预算执行率 ${pct(d.execRate)} 超过 5%（平台红色预警）：得分与资金使用不相称，请核实。`,
  "review-zero-budget": () => `预算数为 0（平台黄色预警）：请核实项目资金。`,
  "review-unspent": (d) => `预算执行率 ${pct(d.execRate)}，超过 20% 的预算未支出（平台黄色预警）。`,
  "task-project-mismatch": (d) =>
    `任务「${v(d.task)}」的${word(d.column)}为 ${v(d.stated)}，而项目支出绩效自评表「${v(d.project)}」（${v(d.source)}）为 ${v(d.expected)}。`,
  "task-project-split-mismatch": (d) =>
    `任务「${v(d.task)}」的${word(d.column)}为 ${v(d.stated)}，而项目支出绩效自评表「${v(d.project)}」（${v(d.source)}）为 ${v(d.expected)}；请核对资金来源的划分。`,
  "rollup-no-room": (d) =>
    `项目「${v(d.project)}」（${v(d.source)}）在重点工作任务表中既没有名称对应的任务行，也没有空行可填：请插入行，或把对应任务的名称改为项目名称，再汇总。`,
  "rollup-matched": (d) =>
    `任务「${v(d.task)}」对应项目支出绩效自评表「${v(d.project)}」（${v(d.source)}，${word(d.how)}）。`,
  "rollup-filled": (d) => `此行填入项目「${v(d.project)}」（${v(d.source)}）。`,
  "computed-empty": (d) => `${word(d.what)}为空，使用「计算」可填入 ${v(d.expected)}。`,
  "formula-misses": (d) =>
    `${word(d.what)}的公式 ${v(d.formula)} 没有加上 ${cells(d.cells)}，算出的${word(d.what)}会偏少。`,
  "formula-extra": (d) => `${word(d.what)}的公式 ${v(d.formula)} 多加了 ${cells(d.cells)}，这些单元格不应计入。`,
  "formula-grade-cutoffs": (d) =>
    `等级的公式 ${v(d.formula)} 与规则集「${v(d.ruleSet)}」的分档不同：总分为 ${v(d.at)} 时公式给出「${v(d.got)}」，应为「${v(d.expected)}」（优 ≥ ${v(d.excellent)}，良 ≥ ${v(d.good)}，中 ≥ ${v(d.pass)}）。`,
  "formula-no-result": (d) =>
    `${word(d.what)}的公式没有算出数值（公式结果为「${v(d.stated)}」），按评分规则应为 ${v(d.expected)}。${ZH_NO_RESULT_HINT[d.cannot ?? "other"]}`,
  "no-form": () => `此工作表上没有识别到绩效自评表。`,
  "check-failed": (d) => `检查此表时出错（${v(d.detail)}），结果可能不完整。`,
};

/** Words that `{key|word}` looks up. */
