/**
 * The task pane: rule set on top (stored in the workbook), one line saying what to do, then
 * 模板 / 校验 / 计算 / 固化. Everything it does goes through the WorkbookPort it is given; it holds
 * no scoring rules.
 */
import { useState } from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useChecks } from "./checks";
import { suggestRuleSet, useFirstStep, type FirstStep } from "./firstStep";
import { PaneProvider, type PaneHost, type TabId } from "./host";
import { useRuleSetChoice } from "./ruleSetChoice";
import { stringsFor, type Strings } from "./strings";
import { usePaneStyles } from "./styles";
import { paneTheme } from "./theme";
import { useOperation } from "./useOperation";
import { Panels, preloadPanel } from "./components/Panels";
import { PaneTabs } from "./components/PaneTabs";
import { RuleSetPicker } from "./components/RuleSetPicker";
import { StatusArea } from "./components/StatusArea";
import { UndoBar, useUndoRecord } from "./components/UndoBar";
import type { RuleSet } from "../engine";

export function App({ host }: { host: PaneHost }) {
  return (
    <FluentProvider theme={paneTheme}>
      <Pane host={host} />
    </FluentProvider>
  );
}

/**
 * The first tab: 校验 when the active sheet holds a form, 模板 otherwise — unless the clerk chose
 * one already. Derived while rendering, so no render shows a tab the pane is about to leave.
 */
function useTab(step: FirstStep | null): [TabId, (t: TabId) => void, boolean] {
  const [chosen, setChosen] = useState<TabId | null>(null);
  const first: TabId = step?.form ? "check" : "insert";
  return [chosen ?? first, setChosen, chosen !== null];
}

function Pane({ host }: { host: PaneHost }) {
  const styles = usePaneStyles();
  const strings = stringsFor(host.locale);
  const op = useOperation(strings);
  const checks = useChecks(host.port, host.locale);
  const rules = useRuleSetChoice(host, strings, op, checks);
  const { step, settled } = useFirstStep(host.port);
  const [tab, setTab, chosen] = useTab(step);
  const undo = useUndoRecord(host);

  const ruleSet = rules.ruleSet;
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
    <PaneProvider value={{ host, strings, op, ruleSet, checks, undo, showTab: setTab }}>
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          {strings.title}
        </Text>
        <FirstStepLine step={step} strings={strings} ruleSets={rules.ruleSets} ruleSet={ruleSet} onUse={rules.choose} />
        <RuleSetPicker
          ruleSets={rules.ruleSets}
          value={ruleSet.id}
          onChange={rules.choose}
          onImport={rules.importFile}
        />
        {rules.settingError && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{rules.settingError}</MessageBarBody>
          </MessageBar>
        )}
        <PaneTabs<TabId>
          label={strings.title}
          tabs={[
            { id: "insert", label: strings.tabInsert },
            { id: "check", label: strings.tabCheck },
            { id: "calculate", label: strings.tabCalculate },
            { id: "freeze", label: strings.tabFreeze },
            { id: "report", label: strings.tabReport },
          ]}
          selected={tab}
          onSelect={setTab}
          onIntent={preloadPanel}
        />
        <StatusArea />
        <UndoBar />
        <Panels selected={tab} ready={settled || chosen} />
      </main>
    </PaneProvider>
  );
}

/** One line saying what to do first, with the detected kind and a better-fitting rule set when there is one. */
function FirstStepLine(props: {
  step: FirstStep | null;
  strings: Strings;
  ruleSets: RuleSet[];
  ruleSet: RuleSet;
  onUse(id: string): void;
}) {
  const { step, strings: s } = props;
  const styles = usePaneStyles();
  if (!step) return <Text size={300}>{s.firstStepLoading}</Text>;
  if (!step.form) return <Text size={300}>{s.firstStepNoForm(step.sheet)}</Text>;
  const kind = step.form.kind === "project" ? s.kindNameProject : s.kindNameDepartment;
  const suggested = suggestRuleSet(step.form, props.ruleSets, props.ruleSet);
  const label = (r: RuleSet) => (s.locale === "en" ? r.labelEn : r.label);
  return (
    <div className={styles.panel}>
      <Text size={300} weight="semibold">
        {s.firstStepForm(step.sheet, kind)}
      </Text>
      {suggested && (
        <div className={styles.toolbar}>
          <Text size={300}>{s.suggestedRules(label(suggested))}</Text>
          <Button onClick={() => props.onUse(suggested.id)}>{s.useSuggested}</Button>
        </div>
      )}
    </div>
  );
}
