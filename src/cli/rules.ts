/** Which rule set a command uses: --rules, else the workbook's own setting, else the default. */
import { findRuleSet, getRuleSet, listRuleSets, type RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";
import { RULE_SET_SETTING } from "../host/settings";
import { UsageError } from "./args";

/** Validate a --rules id up front, so a typo is a usage error before any file is read. */
export function ruleSetFromFlag(id: string | undefined): RuleSet | undefined {
  if (id === undefined) return undefined;
  const r = findRuleSet(id);
  if (!r) {
    const ids = listRuleSets()
      .map((x) => x.id)
      .join("、");
    throw new UsageError(`未知的评分规则：${id}（可用：${ids}）`);
  }
  return r;
}

export async function ruleSetFor(port: WorkbookPort, flag: RuleSet | undefined): Promise<RuleSet> {
  if (flag) return flag;
  const stored = await port.getSetting(RULE_SET_SETTING);
  return getRuleSet(stored);
}

export function rulesListing(): string {
  return listRuleSets()
    .map((r) => `${r.id.padEnd(14)} ${r.label}  (${r.labelEn})\n`)
    .join("");
}
