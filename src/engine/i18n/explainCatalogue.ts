/**
 * Every explanation step the engine emits, in zh-CN and English (rendered by ./explain.ts).
 * A rule set's clause names the rule set ({rule}: 101号, 平台 …) and the band that applied.
 */
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
} as const;
