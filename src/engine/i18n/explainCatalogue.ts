/**
 * Every explanation step the engine emits, in zh-CN and English (rendered by ./explain.ts).
 * A rule set's clause names the rule set ({rule}: 101号, 平台 …) and the band that applied.
 * Checked against ../scoring/steps.ts at compile time: every StepCode has both templates, and a
 * template quotes only data its step carries (see `Unquotable` below).
 */
import type { StepCode, StepDataMap } from "../scoring/steps";

export const EXPLAIN_CATALOGUE = {
  // 预算执行率
  "exec-rate": {
    zh: "执行率 {spent} ÷ {budget} = {rate|pctFixed}",
    en: "execution rate {spent} ÷ {budget} = {rate|pctFixed}",
  },
  "exec-proportional": {
    zh: "得分 {weight} × {capped|pct} = {score}",
    en: "score {weight} × {capped|pct} = {score}",
  },
  "exec-capped": { zh: "（超过 {cap|pct} 按 {cap|pct} 计）", en: " (above {cap|pct} counts as {cap|pct})" },
  "exec-uncapped": {
    zh: "（{rule}规则：执行率得分不封顶）",
    en: " ({rule} rule: the execution score is not capped)",
  },
  "exec-zero-budget": {
    zh: "{rule}规则：预算数为 0，得 {score|n2} 分",
    en: "{rule} rule: the budget is 0, score {score}",
  },
  "exec-divide-by-one": {
    zh: "{rule}规则：预算数为 0 时按 ÷1 计，得分 {weight} × {spent} = {score}",
    en: "{rule} rule: a zero budget divides by 1, score {weight} × {spent} = {score}",
  },
  "exec-band": {
    zh: "{rule}执行率分段：未完成，{band} 得 {score|n2} 分",
    en: "{rule} execution bands: not completed, {band} scores {score}",
  },
  "exec-band-unknown-completion": {
    zh: "（未注明项目是否完成，按未完成计；已完成且未超预算应得 {full|n2} 分）",
    en: " (completion not stated, scored as not completed; completed within budget would score {full|n2})",
  },
  "exec-completed": {
    zh: "{rule}执行率分段：项目已完成且未超预算，得 {score|n2} 分",
    en: "{rule} execution bands: project completed within budget, scores {score}",
  },
  "exec-reason-required": {
    zh: "（{rule}规则：执行率低于 {threshold|pct}，须说明原因）",
    en: " ({rule} rule: execution below {threshold|pct} needs a reason)",
  },
  // Indicators: what was compared (a prefix: the formula follows)
  "ind-head": { zh: "{op|op}{A|val}，实际 {B|v}：", en: "{op|op}{A|val}, actual {B|v}: " },
  "ind-head-negative": {
    zh: "{op|op}{A|val}，实际 {rawB|v}（负数按 0 计）：",
    en: "{op|op}{A|val}, actual {rawB|v} (negative counts as 0): ",
  },
  "range-head": { zh: "{op|op}区间 {lo|v}–{hi|val}，实际 {B|v}：", en: "{op|op}range {lo|v}–{hi|val}, actual {B|v}: " },
  "range-head-negative": {
    zh: "{op|op}区间 {lo|v}–{hi|val}，实际 {rawB|v}（负数按 0 计）：",
    en: "{op|op}range {lo|v}–{hi|val}, actual {rawB|v} (negative counts as 0): ",
  },
  "deadline-percent-head": { zh: "时效：完成 {B|pct}：", en: "timeliness: {B|pct} done: " },
  "deadline-months-head": {
    zh: "时效：≤{A}个月，实际 {B}个月：",
    en: "timeliness: ≤ {A} months, actual {B} months: ",
  },
  "qual-head": { zh: "定性：", en: "qualitative: " },
  "deadline-on-time": {
    zh: "时效：{actual|date}完成，不晚于期限 {target|date}，",
    en: "timeliness: done {actual|date}, not later than {target|date}, ",
  },
  "deadline-late": {
    zh: "时效：{actual|date}完成，晚于期限 {target|date}（逾期），",
    en: "timeliness: done {actual|date}, later than {target|date} (overdue), ",
  },
  "deadline-same": { zh: "时效：与目标一致，", en: "timeliness: as the target, " },
  "deadline-words": { zh: "时效：实际“{text}”，", en: "timeliness: actual “{text}”, " },
  "deadline-in-time": { zh: "时效：按时完成，", en: "timeliness: on time, " },
  "deadline-done": { zh: "时效：{actual|date}完成，", en: "timeliness: done {actual|date}, " },
  // Quantitative formulas
  "more-met": { zh: "达到目标，得 {w}（满分 {w}）", en: "target met, scores {w} (of {w})" },
  "more-ratio": { zh: "{B|v} ÷ {A|v} × {w} = {score}", en: "{B|v} ÷ {A|v} × {w} = {score}" },
  "pass-below": {
    zh: "{rule}及格线：完成率 {r|pct} 低于 {pass|pct}，得 0",
    en: "{rule} pass mark: completion {r|pct} is below {pass|pct}, scores 0",
  },
  "pass-scaled": {
    zh: "{rule}及格线：({r|pct} − {pass|pct}) ÷ (100% − {pass|pct}) × {w} = {score}",
    en: "{rule} pass mark: ({r|pct} − {pass|pct}) ÷ (100% − {pass|pct}) × {w} = {score}",
  },
  "positive-band": {
    zh: "{rule}完成率分段：完成率 {r|pct}，{band} 得 {score} 分",
    en: "{rule} completion bands: completion {r|pct}, {band} scores {score}",
  },
  "satisfaction-band": {
    zh: "{rule}满意度分段：满意度 {x|pct}，{band} 得 {score} 分",
    en: "{rule} satisfaction bands: satisfaction {x|pct}, {band} scores {score}",
  },
  "less-met": { zh: "未超过目标，得 {w}（满分 {w}）", en: "target not exceeded, scores {w} (of {w})" },
  "less-ratio": { zh: "{A|v} ÷ {B|v} × {w} = {score}", en: "{A|v} ÷ {B|v} × {w} = {score}" },
  "less-zero": { zh: "达到目标的 2 倍及以上，得 0", en: "twice the target or more, scores 0" },
  "less-linear": {
    zh: "{w} × (1 − ({B|v} − {A|v}) ÷ {A|v}) = {score}",
    en: "{w} × (1 − ({B|v} − {A|v}) ÷ {A|v}) = {score}",
  },
  "equal-met": { zh: "等于目标，得 {w}（满分 {w}）", en: "equals the target, scores {w} (of {w})" },
  "equal-zero-miss": { zh: "目标为 0，实际不为 0，得 0", en: "the target is 0 and the actual is not, scores 0" },
  "equal-exact-miss": {
    zh: "{rule}等值规则：实际不等于目标，得 0",
    en: "{rule} equal rule: the actual differs from the target, scores 0",
  },
  "range-in": { zh: "在区间内，得 {w}（满分 {w}）", en: "inside the range, scores {w} (of {w})" },
  // Qualitative tiers
  "qual-kept": {
    zh: "{level|lvl}，保留填报得分 {score}（{level|lvl}区间 {low}–{high} 分，满分 {w}）",
    en: "{level|lvl}, the stated score {score} is kept ({level|lvl} band {low}–{high}, of {w})",
  },
  "qual-met": { zh: "{level|lvl}，得 {score}（满分 {w}）", en: "{level|lvl}, scores {score} (of {w})" },
  "qual-default": {
    zh: "{level|lvl}，按默认 {share}% 得 {score}（{level|lvl}区间 {low}–{high} 分，满分 {w}）",
    en: "{level|lvl}, scores the default {share}%: {score} ({level|lvl} band {low}–{high}, of {w})",
  },
  "qual-out-of-band-zero": {
    zh: "{level|lvl}，填报得分 {stated} 不在{level|lvl}区间 {low}–{high} 分内，{rule}规则：得 0",
    en: "{level|lvl}, the stated score {stated} is outside the {level|lvl} band {low}–{high}; {rule} rule: scores 0",
  },
  // Adjustments (rules-reference §4 step 3)
  "adj-over-flag": {
    zh: "（{rule}规则：实际为目标的 {ratio|pct}，达到 {threshold|pct}，标红，可人工调整得分）",
    en: " ({rule} rule: the actual is {ratio|pct} of the target, at least {threshold|pct}: flagged for a manual score)",
  },
  "adj-over-deduct": {
    zh: "{rule}规则：实际为目标的 {ratio|pct}，达到 {threshold|pct}，扣 {points} 分，得 {score}",
    en: "{rule} rule: the actual is {ratio|pct} of the target, at least {threshold|pct}: −{points}, scores {score}",
  },
  "adj-over-reason": {
    zh: "（{rule}规则：实际为目标的 {ratio|pct}，达到 {threshold|pct}，须说明原因）",
    en: " ({rule} rule: the actual is {ratio|pct} of the target, at least {threshold|pct}: a reason is required)",
  },
  "adj-manual-deduction": { zh: "扣减 {deduct} 分，得 {score}", en: "minus a deduction of {deduct}, scores {score}" },
  // Total and grade (rules-reference §4 steps 5–8)
  "total-sum": { zh: "各项得分合计 {sum}", en: "sum of the scores {sum}" },
  // A 合计 / 总分 cell: what it adds (the terms are numbers joined by " + ")
  "sum-of": { zh: "{terms} = {sum}", en: "{terms} = {sum}" },
  "sum-many": { zh: "{count} 项之和 = {sum}", en: "the sum of {count} items = {sum}" },
  "sum-none": { zh: "无可加总的项 = 0", en: "nothing to add = 0" },
  "grade-form-bands": {
    zh: "总分 {t}，按表中等级标准（{bands}）→ {grade}",
    en: "total {t}, by the grade bands the form states (“{bands}”) → {grade|grade}",
  },
  "grade-cutoffs": {
    zh: "总分 {t}（优 ≥ {excellent}，良 ≥ {good}，中 ≥ {pass}）→ {grade}",
    en: "total {t} (excellent ≥ {excellent}, good ≥ {good}, pass ≥ {pass}) → {grade|grade}",
  },
  "total-cap": {
    zh: "{rule}规则：执行率 {rate|pct} 在 {band}，总分最高 {cap}",
    en: "{rule} rule: execution {rate|pct} is in {band}, the total is capped at {cap}",
  },
  "total-cap-assumed": {
    zh: "{rule}规则：执行率 {rate|pct} 在 {band}，总分最高 {cap}（区间边界归属为假定）",
    en: "{rule} rule: execution {rate|pct} is in {band}, the total is capped at {cap} (band edges assumed)",
  },
  "grade-at-least": { zh: "总分 {t|n2} ≥ {lo}：{grade}", en: "total {t|n2} ≥ {lo}: {grade|grade}" },
  "grade-between": {
    zh: "总分 {t|n2} 在 {lo}–{hi} 之间（含 {lo}）：{grade}",
    en: "total {t|n2} between {lo} and {hi} ({lo} included): {grade|grade}",
  },
  "grade-below": { zh: "总分 {t|n2} < {hi}：{grade}", en: "total {t|n2} < {hi}: {grade|grade}" },
  "grade-band": { zh: "总分 {t|n2}，等级区间 {band}：{grade}", en: "total {t|n2}, grade band {band}: {grade|grade}" },
  "grade-gap": {
    zh: "总分 {t|n2} 不在{rule}的任何等级区间内：未定级",
    en: "total {t|n2} is in none of the {rule} grade bands: ungraded",
  },
  "grade-gap-lower": {
    zh: "总分 {t|n2} 不在{rule}的任何等级区间内，按下一档：{grade}",
    en: "total {t|n2} is in none of the {rule} grade bands; the band below applies: {grade|grade}",
  },
} as const satisfies { readonly [C in StepCode]: { readonly zh: string; readonly en: string } };

/** The data keys a template quotes: `{key}` and `{key|fmt}`. */
type Quoted<T extends string> = T extends `${string}{${infer K}}${infer Rest}`
  ? (K extends `${infer Key}|${string}` ? Key : K) | Quoted<Rest>
  : never;

/** What a step of code C can quote: its data's keys, and `band` when it carries band edges. */
type Quotable<C extends StepCode> = keyof StepDataMap[C] | (StepDataMap[C] extends { lo: unknown } ? "band" : never);

type Cat = typeof EXPLAIN_CATALOGUE;

/** Placeholders a template quotes that its step does not carry: must be none. */
type Unquotable = {
  [C in StepCode]: Exclude<Quoted<Cat[C]["zh"]> | Quoted<Cat[C]["en"]>, Quotable<C>> extends infer X
    ? [X] extends [never]
      ? never
      : `${C}: {${X & string}}`
    : never;
}[StepCode];

/** Fails to compile, naming the code and placeholder, when a template quotes what its step lacks. */
export type CatalogueQuotesOnlyItsData = Expect<Unquotable>;
type Expect<T extends never> = T;
