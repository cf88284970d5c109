/**
 * The workbook's rule set, over the port: the CLI, the pane and every operation read it the same
 * way. An imported rule set travels inside the workbook as JSON (RULE_SET_DATA_SETTING) beside its
 * id (RULE_SET_SETTING), so the next person — and the JX functions — score by it too.
 */
import { customRuleSet, parseUserRuleSet, storedRuleSet, type RuleSet, type RuleSetParse } from "../engine";
import type { WorkbookPort } from "../host/port";

// The words for an import's issues load with this chunk, not with the pane's first scripts.
export { ruleIssueText } from "../engine";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../host/settings";

export interface WorkbookRules {
  /** The rule set the workbook scores with (its imported one, a built-in, or the default). */
  ruleSet: RuleSet;
  /** The imported rule set stored in the workbook, if any (chosen or not). */
  custom?: RuleSet;
  /** The stored id, as stored. */
  storedId?: string;
}

async function setting(port: WorkbookPort, key: string): Promise<string | undefined> {
  try {
    return await port.getSetting(key);
  } catch {
    return undefined; // An unreadable setting just means the default rules.
  }
}

export async function readWorkbookRules(port: WorkbookPort): Promise<WorkbookRules> {
  const id = await setting(port, RULE_SET_SETTING);
  const data = await setting(port, RULE_SET_DATA_SETTING);
  const custom = customRuleSet(data);
  return { ruleSet: storedRuleSet({ id, data }), ...(custom ? { custom } : {}), ...(id ? { storedId: id } : {}) };
}

/**
 * Validate a user's rule file and, when it is valid, store it in the workbook and choose it.
 * Nothing is written when it is not: the issues (codes with paths; worded by ruleIssueText) say what to fix.
 */
export async function importRuleSet(port: WorkbookPort, text: string): Promise<RuleSetParse> {
  const parsed = parseUserRuleSet(text);
  if (!parsed.ok) return parsed;
  await port.setSetting(RULE_SET_DATA_SETTING, JSON.stringify(parsed.ruleSet));
  await port.setSetting(RULE_SET_SETTING, parsed.ruleSet.id);
  return parsed;
}
