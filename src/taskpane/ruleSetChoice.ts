/**
 * The rule set at the top of the pane: restored from the workbook on open (never written then),
 * saved when the clerk chooses another, after which JX.* cells are recalculated and the results
 * on show are checked again under the new rules.
 */
import { useEffect, useMemo, useState } from "react";
import { DEFAULT_RULE_SET_ID, listRuleSets, type RuleSet } from "../engine";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../host/settings";
import type { Checks } from "./checks";
import { describeError } from "./errors";
import type { PaneHost } from "./host";
import type { Strings } from "./strings";
import type { Operation } from "./useOperation";

// Reading and importing a rule file (the schema and its validator) load when first needed.
const loadRuleFiles = () => import(/* webpackChunkName: "rule-files" */ "../ops/ruleSets");

const settingOf = (port: PaneHost["port"], key: string) => port.getSetting(key).catch(() => undefined);

/**
 * The workbook's stored choice. The rule-file validator (zod, ~12 KB gzip) loads only when the
 * workbook carries an imported rule set; a built-in choice is just its id.
 */
async function readStoredChoice(port: PaneHost["port"]): Promise<{ custom?: RuleSet; storedId?: string }> {
  const data = await settingOf(port, RULE_SET_DATA_SETTING);
  if (data !== undefined && data.trim() !== "") return (await loadRuleFiles()).readWorkbookRules(port);
  const id = await settingOf(port, RULE_SET_SETTING);
  return id ? { storedId: id } : {};
}

export interface RuleSetChoice {
  ruleSets: RuleSet[];
  ruleSet: RuleSet | undefined;
  settingError: string | null;
  choose(id: string): Promise<void>;
  /** Import a rule file (JSON text) into the workbook and choose it; its issues in the pane's language when it is not valid. */
  importFile(text: string): Promise<string[]>;
}

export function useRuleSetChoice(host: PaneHost, strings: Strings, op: Operation, checks: Checks): RuleSetChoice {
  const builtins = useMemo(() => listRuleSets(), []);
  // A rule set imported into this workbook joins the list (it travels with the workbook).
  const [custom, setCustom] = useState<RuleSet | undefined>(undefined);
  const ruleSets = useMemo(() => (custom ? [...builtins, custom] : builtins), [builtins, custom]);
  const [ruleSetId, setRuleSetId] = useState<string>(
    () => (ruleSets.find((r) => r.id === DEFAULT_RULE_SET_ID) ?? ruleSets[0])?.id ?? "",
  );
  const [settingError, setSettingError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    readStoredChoice(host.port).then(
      (stored) => {
        if (!live) return;
        if (stored.custom) setCustom(stored.custom);
        if (
          stored.storedId &&
          [...builtins, ...(stored.custom ? [stored.custom] : [])].some((r) => r.id === stored.storedId)
        )
          setRuleSetId(stored.storedId);
      },
      () => undefined, // An unreadable setting just means the default rules.
    );
    return () => {
      live = false;
    };
  }, [host, builtins]);

  async function choose(id: string) {
    const chosen = ruleSets.find((r) => r.id === id);
    if (!chosen) return;
    setRuleSetId(id);
    setSettingError(null);
    // One operation like the others: progress shows, and nothing else starts meanwhile.
    await op.run(async (_onProgress, say) => {
      say(0, 3, strings.savingRuleSet);
      try {
        await host.port.setSetting(RULE_SET_SETTING, id);
      } catch (e) {
        setSettingError(strings.ruleSetSaveFailed + describeError(e, strings).text);
        return;
      }
      if (host.recalculate) {
        say(1, 3, strings.recalculating);
        try {
          // JX.* formulas without a [规则] argument follow the workbook's rule set: rescore them now.
          await host.recalculate();
        } catch (e) {
          setSettingError(strings.recalculateFailed + describeError(e, strings).text);
        }
      }
      say(2, 3, strings.progressCheck);
      await checks.refreshAll(chosen); // Results on show were judged under the old rules.
    });
  }

  async function importFile(text: string): Promise<string[]> {
    let issues: string[] = [];
    await op.run(async (_onProgress, say) => {
      say(0, 2, strings.savingRuleSet);
      const files = await loadRuleFiles();
      const r = await files.importRuleSet(host.port, text);
      if (!r.ok) {
        issues = r.issues.map((i) => files.ruleIssueText(i, strings.locale));
        return;
      }
      setCustom(r.ruleSet);
      setRuleSetId(r.ruleSet.id);
      if (host.recalculate) {
        say(1, 2, strings.recalculating);
        await host.recalculate().catch(() => undefined);
      }
      await checks.refreshAll(r.ruleSet);
    });
    return issues;
  }

  return { ruleSets, ruleSet: ruleSets.find((r) => r.id === ruleSetId), settingError, choose, importFile };
}
