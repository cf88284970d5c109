/**
 * The task pane: rule set on top (stored in the workbook), then 模板 / 校验 / 计算 / 固化.
 * Everything it does goes through the WorkbookPort it is given; it holds no scoring rules.
 */
import { useEffect, useMemo, useState } from "react";
import { FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_RULE_SET_ID, listRuleSets } from "../engine";
import { RULE_SET_SETTING } from "../host/settings";
import { PaneProvider, type PaneHost } from "./host";
import { describeError } from "./errors";
import { stringsFor } from "./strings";
import { usePaneStyles } from "./styles";
import { useOperation } from "./useOperation";
import { CalculatePanel } from "./components/CalculatePanel";
import { CheckPanel } from "./components/CheckPanel";
import { FreezePanel } from "./components/FreezePanel";
import { InsertPanel } from "./components/InsertPanel";
import { PaneTabs } from "./components/PaneTabs";
import { RuleSetPicker } from "./components/RuleSetPicker";
import { StatusArea } from "./components/StatusArea";

type TabId = "insert" | "check" | "calculate" | "freeze";

export function App({ host }: { host: PaneHost }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} />
    </FluentProvider>
  );
}

function Pane({ host }: { host: PaneHost }) {
  const styles = usePaneStyles();
  const strings = stringsFor(host.locale);
  const op = useOperation(strings);
  const ruleSets = useMemo(() => listRuleSets(), []);
  const [ruleSetId, setRuleSetId] = useState<string>(
    () => (ruleSets.find((r) => r.id === DEFAULT_RULE_SET_ID) ?? ruleSets[0])?.id ?? "",
  );
  const [settingError, setSettingError] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>("insert");

  // Restore the workbook's rule set. Opening the pane never writes the setting: only a choice does.
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

  async function chooseRuleSet(id: string) {
    setRuleSetId(id);
    setSettingError(null);
    // One operation like the others: progress shows, and nothing else starts meanwhile.
    await op.run(async (onProgress) => {
      onProgress(0, 2, strings.savingRuleSet);
      try {
        await host.port.setSetting(RULE_SET_SETTING, id);
      } catch (e) {
        setSettingError(strings.ruleSetSaveFailed + describeError(e, strings).text);
        return;
      }
      if (!host.recalculate) return;
      onProgress(1, 2, strings.recalculating);
      try {
        // JX.* formulas without a [规则] argument follow the workbook's rule set: rescore them now.
        await host.recalculate();
      } catch (e) {
        setSettingError(strings.recalculateFailed + describeError(e, strings).text);
      }
    });
  }

  const ruleSet = ruleSets.find((r) => r.id === ruleSetId);
  if (!ruleSet) {
    // Only a broken build ships without rule sets; say so instead of rendering a pane that cannot work.
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>{strings.failedGeneric}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <PaneProvider value={{ host, strings, op, ruleSet }}>
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          {strings.title}
        </Text>
        <RuleSetPicker ruleSets={ruleSets} value={ruleSet.id} onChange={chooseRuleSet} />
        {settingError && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{settingError}</MessageBarBody>
          </MessageBar>
        )}
        <PaneTabs<TabId>
          tabs={[
            { id: "insert", label: strings.tabInsert },
            { id: "check", label: strings.tabCheck },
            { id: "calculate", label: strings.tabCalculate },
            { id: "freeze", label: strings.tabFreeze },
          ]}
          selected={tab}
          onSelect={setTab}
        />
        <StatusArea />
        {/* Panels stay mounted so a check's findings are still there after a look at another tab. */}
        <div role="tabpanel" hidden={tab !== "insert"}>
          <InsertPanel />
        </div>
        <div role="tabpanel" hidden={tab !== "check"}>
          <CheckPanel />
        </div>
        <div role="tabpanel" hidden={tab !== "calculate"}>
          <CalculatePanel />
        </div>
        <div role="tabpanel" hidden={tab !== "freeze"}>
          <FreezePanel />
        </div>
      </main>
    </PaneProvider>
  );
}
