/** What an indicator's names say about it: a rate that cannot pass 100%, a cost. */
import type { RuleSet } from "../../rules/schema";

/**
 * Rates bounded by 100%: satisfaction, pass/coverage/accuracy-type rates. Growth or completion
 * rates may legitimately pass 100%, so they are not listed.
 */
const BOUNDED_RATE = /满意|合格率|达标率|覆盖率|知晓率|正确率|准确率|通过率|出勤率|到位率|普及率|验收率|完好率|知晓度/;

export function isBoundedRate(level2: string, level3: string): boolean {
  return BOUNDED_RATE.test(level3) || BOUNDED_RATE.test(level2);
}

/** A cost indicator: 成本 in its 一级 or 二级, or a 一级 the rule set marks "less is better". */
export function isCost(level1: string, level2: string, ruleSet: RuleSet): boolean {
  if (level1.includes("成本") || level2.includes("成本")) return true;
  const rule = findLevel1(level1, ruleSet);
  return rule?.lessIsBetter === true;
}

/** The rule set's 一级 this name means (产出 ≈ 产出指标 ≈ an alias), or undefined. */
export function findLevel1(name: string, ruleSet: RuleSet): RuleSet["level1"][number] | undefined {
  const key = stripSuffix(name);
  if (key === "") return undefined;
  return ruleSet.level1.find(
    (l) => stripSuffix(l.name) === key || (l.aliases ?? []).some((a) => stripSuffix(a) === key),
  );
}

function stripSuffix(s: string): string {
  return s.replace(/\s+/g, "").replace(/指标$/, "");
}
