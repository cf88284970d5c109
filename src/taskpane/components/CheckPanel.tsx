/** 校验 / 标记 / 清除标记 on the active sheet. Checking never writes; marking changes no value. */
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { EXPECTED_HEADERS, type Severity, type SheetCheck } from "../../engine";
import { checkSheet, clearMarks, markFindings } from "../../ops";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { FindingList } from "./FindingList";
import { Notice } from "./Notice";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** The detector's own list of headers, block by block: 绩效指标表：一级指标、二级指标… */
function expectedHeaders(listSep: string, blockSep: string): string {
  return EXPECTED_HEADERS.map((b) => `${b.block}：${b.headers.map((h) => h.name).join(listSep)}`).join(blockSep);
}

export function CheckPanel() {
  const { host, strings, op, ruleSet } = usePane();
  const styles = usePaneStyles();
  const [checked, setChecked] = useState<{ sheet: string; check: SheetCheck } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const severityLabel: Record<Severity, string> = {
    error: strings.severityError,
    warning: strings.severityWarning,
    info: strings.severityInfo,
  };

  async function onCheck() {
    setNotice(null);
    // The active sheet, found in the same read: one round trip for the whole check.
    const result = await op.run(async () => {
      const check = await checkSheet(host.port, null, ruleSet);
      return { sheet: check.sheet, check };
    });
    if (result) setChecked(result);
  }

  async function onMark() {
    if (!checked) return;
    setNotice(null);
    const result = await op.run(() => markFindings(host.port, checked.sheet, checked.check.findings));
    if (result) setNotice(strings.marked(result.marked));
  }

  async function onClear() {
    setNotice(null);
    // The sheet in front of the user: that is where they see the marks they want gone.
    const done = await op.run(async () => {
      await clearMarks(host.port, await host.port.activeSheet());
      return true;
    });
    if (done) setNotice(strings.marksCleared);
  }

  // With no form, the warning above says it all; the engine's sheet-level no-form finding would repeat it.
  const findings = (checked?.check.findings ?? []).filter((f) => f.code !== "no-form");
  const markable = findings.some((f) => f.cell);

  return (
    <div className={styles.panel}>
      <Text className={styles.hint} size={200}>
        {strings.checkHint}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={onCheck}>
          {strings.check}
        </Button>
        <Button disabled={op.busy || !markable} onClick={onMark}>
          {strings.mark}
        </Button>
        <Button disabled={op.busy} onClick={onClear}>
          {strings.clearMarks}
        </Button>
      </div>
      <Notice text={notice} />
      {checked && checked.check.forms.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.noForm(checked.sheet)}</MessageBarTitle>
            {strings.noFormHeaders(expectedHeaders(strings.listSep, strings.blockSep))}
          </MessageBarBody>
        </MessageBar>
      )}
      {checked && checked.check.forms.length > 0 && findings.length === 0 && (
        <Notice text={strings.noFindings(checked.sheet)} />
      )}
      {checked && findings.length > 0 && (
        // Results stay while the user looks at other sheets: say which sheet they belong to.
        <Text size={200} block>
          {strings.checkedSheet(checked.sheet)}
        </Text>
      )}
      {checked &&
        SEVERITIES.map((sev) => {
          const group = findings.filter((f) => f.severity === sev);
          if (group.length === 0) return null;
          return (
            <section key={sev} aria-label={severityLabel[sev]}>
              <Text as="h2" weight="semibold" size={300} block>
                {severityLabel[sev]} ({group.length})
              </Text>
              <FindingList findings={group} sheet={checked.sheet} />
            </section>
          );
        })}
    </div>
  );
}
