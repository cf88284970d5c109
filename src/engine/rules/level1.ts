/**
 * One rule, one place: which 一级 of a rule set a name means, and whether an indicator is a cost
 * (less is better by default). The scorer and the validator both ask here.
 */
import type { RuleSet } from "./schema";

type Level1 = RuleSet["level1"][number];

/** Per rule set: normalised name or alias → its 一级 (built once; forms repeat a few names over many rows). */
const LEVEL1_INDEX = new WeakMap<RuleSet, Map<string, Level1>>();

function stripSuffix(s: string): string {
  return s.replace(/\s+/g, "").replace(/指标$/, "");
}

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

/**
 * Per rule set: a name as a form writes it → its 一级 (null: none). A check asks for every row's
 * 一级, and rows repeat a few names: each is normalised once, not once per row.
 */
const BY_NAME = new WeakMap<RuleSet, Map<string, Level1 | null>>();
const BY_NAME_MAX = 4096;

/** The rule set's 一级 this name means (产出 ≈ 产出指标 ≈ an alias), or undefined. */
export function findLevel1(name: string, ruleSet: RuleSet): Level1 | undefined {
  let byName = BY_NAME.get(ruleSet);
  if (!byName) BY_NAME.set(ruleSet, (byName = new Map()));
  let found = byName.get(name);
  if (found === undefined) {
    const key = stripSuffix(name);
    found = (key === "" ? undefined : level1Index(ruleSet).get(key)) ?? null;
    if (byName.size >= BY_NAME_MAX) byName.clear();
    byName.set(name, found);
  }
  return found ?? undefined;
}

/** A cost indicator: 成本 in its 一级 or 二级, or a 一级 the rule set marks "less is better". */
export function isCost(level1: string, level2: string, ruleSet: RuleSet): boolean {
  if (level1.includes("成本") || level2.includes("成本")) return true;
  return findLevel1(level1, ruleSet)?.lessIsBetter === true;
}
