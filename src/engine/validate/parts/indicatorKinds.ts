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

type Level1 = RuleSet["level1"][number];

/** Per rule set: normalised name or alias → its 一级 (built once; forms repeat a few names over many rows). */
const LEVEL1_INDEX = new WeakMap<RuleSet, Map<string, Level1>>();

function level1Index(ruleSet: RuleSet): Map<string, Level1> {
  let index = LEVEL1_INDEX.get(ruleSet);
  if (!index) {
    index = new Map();
    for (const l of ruleSet.level1) {
      for (const name of [l.name, ...(l.aliases ?? [])]) {
        const key = stripSuffix(name);
        if (!index.has(key)) index.set(key, l);
      }
    }
    LEVEL1_INDEX.set(ruleSet, index);
  }
  return index;
}

/** A cost indicator worded as a saving (成本节约率 ≥ 0%): "more is better" is right for it. */
export function isSavingRate(level3: string): boolean {
  return /节约|节省|压减|压缩|降低|下降/.test(level3);
}

/** The rule set's 一级 this name means (产出 ≈ 产出指标 ≈ an alias), or undefined. */
export function findLevel1(name: string, ruleSet: RuleSet): Level1 | undefined {
  const key = stripSuffix(name);
  return key === "" ? undefined : level1Index(ruleSet).get(key);
}

function stripSuffix(s: string): string {
  return s.replace(/\s+/g, "").replace(/指标$/, "");
}
