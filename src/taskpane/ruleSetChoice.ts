/**
 * The rule set at the top of the pane: restored from the workbook on open (never written then),
 * saved when the clerk chooses another, after which JX.* cells are recalculated and the results
 * on show are checked again under the new rules.
 */
import { useEffect, useMemo, useState } from "react";
import { DEFAULT_RULE_SET_ID, listRuleSets, type RuleSet } from "../engine";
import { RULE_SET_SETTING } from "../host/settings";
import type { Checks } from "./checks";
import { describeError } from "./errors";
import type { PaneHost } from "./host";
import type { Strings } from "./strings";
import type { Operation } from "./useOperation";

export interface RuleSetChoice {
  ruleSets: RuleSet[];
  ruleSet: RuleSet | undefined;
  settingError: string | null;
  choose(id: string): Promise<void>;
}

export function useRuleSetChoice(host: PaneHost, strings: Strings, op: Operation, checks: Checks): RuleSetChoice {
  const ruleSets = useMemo(() => listRuleSets(), []);
  const [ruleSetId, setRuleSetId] = useState<string>(
    () => (ruleSets.find((r) => r.id === DEFAULT_RULE_SET_ID) ?? ruleSets[0])?.id ?? "",
  );
  const [settingError, setSettingError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.port.getSetting(RULE_SET_SETTING).then(
      (stored) => {
        if (live && stored && ruleSets.some((r) => r.id === stored)) setRuleSetId(stored);
      },
      () => undefined, // An unreadable setting just means the default rules.
    );
    return () => {
      live = false;
    };
  }, [host, ruleSets]);

  async function choose(id: string) {
    const chosen = ruleSets.find((r) => r.id === id);
    if (!chosen) return;
    setRuleSetId(id);
    setSettingError(null);
    // One operation like the others: progress shows, and nothing else starts meanwhile.
    await op.run(async (onProgress) => {
      onProgress(0, 3, strings.savingRuleSet);
      try {
        await host.port.setSetting(RULE_SET_SETTING, id);
      } catch (e) {
        setSettingError(strings.ruleSetSaveFailed + describeError(e, strings).text);
        return;
      }
      if (host.recalculate) {
        onProgress(1, 3, strings.recalculating);
        try {
          // JX.* formulas without a [规则] argument follow the workbook's rule set: rescore them now.
          await host.recalculate();
        } catch (e) {
          setSettingError(strings.recalculateFailed + describeError(e, strings).text);
        }
      }
      onProgress(2, 3, strings.progressCheck);
      await checks.refreshAll(chosen); // Results on show were judged under the old rules.
    });
  }

  return { ruleSets, ruleSet: ruleSets.find((r) => r.id === ruleSetId), settingError, choose };
}
