/**
 * zh-CN message templates. `{key}` quotes `data.key`; `{key|pct}` shows a fraction as a percent
 * (0.95 → 95.00%); `{key|word}` looks the value up in WORDS (levels, columns, cell kinds).
 */
import type { FindingCode } from "./catalogue";

export const ZH_MESSAGES: Record<FindingCode, string> = {
  "weights-total": "分值合计为 {stated}（预算执行率 {execWeight} + 绩效指标 {indicatorWeight}），应为 {expected}。",
  "total-weight-mismatch": "总分的分值填写为 {stated}，但各项分值之和为 {expected}。",
  "level1-weight-differs":
    "一级指标「{level1}」的分值合计为 {stated}，规则集「{ruleSet}」原则上为 {expected}；如系本项目有意调整，可忽略。",
  "level1-unknown": "一级指标「{level1}」不在规则集「{ruleSet}」中，其分值未与标准比对。",
  "exec-reason-required": "执行率 {rate|pct} 低于 {threshold|pct}：规则集「{ruleSet}」要求说明原因。",
  "exec-weight-differs": "预算执行率的分值为 {stated}，规则集「{ruleSet}」原则上为 {expected}。",
  "weights-total-unfinished":
    "分值合计为 {stated}（预算执行率 {execWeight} + 绩效指标 {indicatorWeight}），不是 {expected}；表格没有总分行，可能不完整，请核对。",
  "exec-weight-from-form": "按表中执行率权重 {stated} 分计算（规则集「{ruleSet}」为 {expected} 分）。",
  "level1-weight-from-form":
    "按表中一级指标「{level1}」的权重 {stated} 分核对（规则集「{ruleSet}」为 {expected} 分）。",
  "level1-label-mismatch": "「{label}」标明 {stated} 分，其下各指标{column|word}之和为 {expected}。",
  "block-score-over": "「{label}」标明 {weight} 分，其下各指标得分之和 {stated} 超过了它。",
  "weights-unknown": "表中没有分值列：各指标得分无法按评分规则逐项核对，只核对标明的分块权重、合计、总分和等级。",
  "score-above-weight": "得分 {stated} 超过分值 {weight}。",
  "score-mismatch": "得分填写为 {stated}，按评分规则应为 {expected}（{explanation}）。",
  "score-out-of-band": "定性指标完成情况为「{level|word}」，得分应在 {low} 至 {high} 之间，填写为 {stated}。",
  "sum-mismatch": "合计（{column|word}）填写为 {stated}，所含各行之和为 {expected}。",
  "total-mismatch": "总分填写为 {stated}，预算执行率得分与各指标得分之和为 {expected}。",
  "grade-mismatch": "等级填写为「{stated}」，总分 {total} 对应的等级为「{expected}」。",
  "grade-word-ambiguous":
    "等级填写为「{stated}」：按四档（优秀/良好/合格/不合格）总分 {total} 应为「{expected}」；若本地按三档（优秀/合格/不合格）评定则无误，请核对。",
  "grade-bands-from-form": "按表中写明的等级标准核对等级（{bands}）。",
  "rate-mismatch": "执行率填写为 {stated|pct}，按 {spent} ÷ {budget} 应为 {expected|pct}。",
  "exec-score-mismatch": "预算执行率得分填写为 {stated}，应为 {expected}（{explanation}）。",
  "score-direction-assumed":
    "得分填写为 {stated}；表中未写明指标方向，按「越大越好（≥）」计算应为 {expected}（{explanation}），按「≤」或「=」计算也不相符，请核对指标方向和得分。",
  "score-rounded":
    "得分填写为 {stated}，按评分规则为 {expected}（{explanation}）；表中得分只保留 {decimals} 位小数，二者相差不足一个单位，按取整处理，请确认取舍方式是否符合本地口径。",
  "rate-over-100": "「{label}」是比率，{stated|pct} 超过了 100%。",
  "exec-rate-over-100": "执行数 {spent} 超过预算数 {budget}（执行率 {rate|pct}），请核实。",
  "funds-sum-mismatch": "年度资金总额的{column|word}为 {stated}，其中各项之和为 {expected}。",
  "task-sum-mismatch": "批复金额总额为 {stated}，财政拨款与其他资金之和为 {expected}。",
  "budget-not-positive": "预算数为 {budget}，无法计算执行率（预算数必须大于 0）。",
  "error-cell": "单元格含错误值 {value}，请先修正。",
  "actual-missing": "指标「{label}」缺少实际完成值，无法评分。",
  "target-missing": "指标「{label}」缺少指标值，无法评分。",
  "weight-missing": "指标「{label}」缺少分值。",
  "spent-missing": "缺少执行数，无法计算执行率。",
  "budget-missing": "已填写执行数 {spent}，但预算数为空，无法计算执行率。",
  "unit-missing": "指标值 {value} 是数值，但没有度量单位。",
  "unit-mismatch": "「{value}」的单位（{valueUnit}）与度量单位「{unit}」不一致。",
  "value-unreadable": "无法识别「{value}」，请填写数值、区间或定性描述。",
  "nature-unreadable": "无法识别指标性质「{value}」（可填 ≥、≤、=、正向、反向、定量、定性）。",
  "reason-missing": "得分 {score} 低于分值 {weight}，需填写偏差原因分析及改进措施。",
  "shortfall-reason-missing": "实际完成值未达到指标值，需填写偏差原因分析及改进措施。",
  "task-reason-missing": "预算执行率为 {rate|pct}，低于 100%，需填写原因及改进措施。",
  "cost-positive": "成本指标「{label}」标为「{nature}」（越多越好），成本指标一般应为反向（≤）。",
  "over-achievement": "实际完成值是指标值的 {ratio|pct}，超过 {limit|pct}，请说明超额完成的原因。",
  "total-incomplete": "无法计算{what|word}：第 {rows} 行缺少数值或无法评分。",
  "review-score-outpaces-spending":
    "指标得分率 {scoreRate|pct} 高于预算执行率 {execRate|pct} 超过 5%（平台红色预警）：得分与资金使用不相称，请核实。",
  "review-zero-budget": "预算数为 0（平台黄色预警）：请核实项目资金。",
  "review-unspent": "预算执行率 {execRate|pct}，超过 20% 的预算未支出（平台黄色预警）。",
  "task-project-mismatch":
    "任务「{task}」的{column|word}为 {stated}，而项目支出绩效自评表「{project}」（{source}）为 {expected}。",
  "task-project-split-mismatch":
    "任务「{task}」的{column|word}为 {stated}，而项目支出绩效自评表「{project}」（{source}）为 {expected}；请核对资金来源的划分。",
  "rollup-no-room":
    "项目「{project}」（{source}）在重点工作任务表中既没有名称对应的任务行，也没有空行可填：请插入行，或把对应任务的名称改为项目名称，再汇总。",
  "rollup-matched": "任务「{task}」对应项目支出绩效自评表「{project}」（{source}，{how|word}）。",
  "rollup-filled": "此行填入项目「{project}」（{source}）。",
  "computed-empty": "{what|word}为空，使用「计算」可填入 {expected}。",
  "formula-misses": "{what|word}的公式 {formula} 没有加上 {cells}，算出的{what|word}会偏少。",
  "formula-extra": "{what|word}的公式 {formula} 多加了 {cells}，这些单元格不应计入。",
  "formula-grade-cutoffs":
    "等级的公式 {formula} 与规则集「{ruleSet}」的分档不同：总分为 {at} 时公式给出「{got}」，应为「{expected}」（优 ≥ {excellent}，良 ≥ {good}，中 ≥ {pass}）。",
  "formula-no-result":
    "{what|word}的公式没有算出数值（公式结果为「{stated}」），按评分规则应为 {expected}。公式读不了「≥95%」「1-2次」这类文字：请把指标值、实际完成值写成数字，或改用 JX 公式。",
  "no-form": "此工作表上没有识别到绩效自评表。",
  "check-failed": "检查此表时出错（{detail}），结果可能不完整。",
};

/** Words that `{key|word}` looks up. */
export const ZH_WORDS: Record<string, string> = {
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

/** A code nobody catalogued still gets a readable line. */
export const ZH_UNKNOWN = "发现问题（{code}）。";
