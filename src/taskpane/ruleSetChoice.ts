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
import type { Operation, PaneProgress } from "./useOperation";

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

/** The workbook's stored choice, once read: an imported rule set joins the list, a known id is chosen. */
function useStoredChoice(
  host: PaneHost,
  builtins: RuleSet[],
  setCustom: (r: RuleSet) => void,
  setRuleSetId: (id: string) => void,
): void {
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
  }, [host, builtins, setCustom, setRuleSetId]);
}

/** Save the choice, rescore JX.* cells, re-check what is on show; a failure is said in `fail`. */
async function saveAndRescore(
  host: PaneHost,
  strings: Strings,
  checks: Checks,
  chosen: RuleSet,
  say: PaneProgress,
  fail: (message: string) => void,
): Promise<void> {
  say(0, 3, strings.savingRuleSet);
  try {
    await host.port.setSetting(RULE_SET_SETTING, chosen.id);
  } catch (e) {
    fail(strings.ruleSetSaveFailed + describeError(e, strings).text);
    return;
  }
  if (host.recalculate) {
    say(1, 3, strings.recalculating);
    try {
      // JX.* formulas without a [规则] argument follow the workbook's rule set: rescore them now.
      await host.recalculate();
    } catch (e) {
      fail(strings.recalculateFailed + describeError(e, strings).text);
    }
  }
  say(2, 3, strings.progressCheck);
  await checks.refreshAll(chosen); // Results on show were judged under the old rules.
}

/** Import a rule file and, when valid, choose it via `chosen`; returns its issues otherwise. */
async function importAndRescore(
  host: PaneHost,
  strings: Strings,
  checks: Checks,
  text: string,
  say: PaneProgress,
  chosen: (r: RuleSet) => void,
): Promise<string[]> {
  say(0, 2, strings.savingRuleSet);
  const files = await loadRuleFiles();
  const r = await files.importRuleSet(host.port, text);
  if (!r.ok) return r.issues.map((i) => files.ruleIssueText(i, strings.locale));
  chosen(r.ruleSet);
  if (host.recalculate) {
    say(1, 2, strings.recalculating);
    await host.recalculate().catch(() => undefined);
  }
  await checks.refreshAll(r.ruleSet);
  return [];
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
  useStoredChoice(host, builtins, setCustom, setRuleSetId);

  async function choose(id: string) {
    const chosen = ruleSets.find((r) => r.id === id);
    if (!chosen) return;
    setRuleSetId(id);
    setSettingError(null);
    // One operation like the others: progress shows, and nothing else starts meanwhile.
    await op.run((_onProgress, say) => saveAndRescore(host, strings, checks, chosen, say, setSettingError));
  }

  async function importFile(text: string): Promise<string[]> {
    let issues: string[] = [];
    await op.run(async (_onProgress, say) => {
      issues = await importAndRescore(host, strings, checks, text, say, (r) => {
        setCustom(r);
        setRuleSetId(r.id);
      });
    });
    return issues;
  }

  return { ruleSets, ruleSet: ruleSets.find((r) => r.id === ruleSetId), settingError, choose, importFile };
}
