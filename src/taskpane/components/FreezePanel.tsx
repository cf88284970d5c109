/** 固化/分享: JX formulas → values (or native formulas), so the workbook opens anywhere. */
import { useState } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { freezeWorkbook } from "../../ops";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { Notice } from "./Notice";

export function FreezePanel() {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const [scope, setScope] = useState<"sheet" | "workbook">("sheet");
  const [preferNative, setPreferNative] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Cells whose JX formula had no value to freeze to: a reviewer would see #NAME? there.
  const [left, setLeft] = useState<string | null>(null);

  async function onFreeze() {
    setNotice(null);
    setLeft(null);
    const result = await op.run(async (onProgress) => {
      const sheets = scope === "sheet" ? [await host.port.activeSheet()] : undefined;
      return freezeWorkbook(host.port, { sheets, preferNative, onProgress });
    });
    if (!result) return;
    setNotice(strings.frozen(result.frozen));
    const cells = result.unresolved ?? [];
    const shown = cells.slice(0, 20).join(host.locale === "en" ? ", " : "、") + (cells.length > 20 ? " …" : "");
    if (cells.length) setLeft(strings.notFrozen(cells.length, shown));
  }

  return (
    <div className={styles.panel}>
      <Text className={styles.hint} size={200}>
        {strings.freezeHint}
      </Text>
      <Field label={strings.freezeScope}>
        <RadioGroup value={scope} onChange={(_, d) => setScope(d.value === "workbook" ? "workbook" : "sheet")}>
          <Radio value="sheet" label={strings.scopeSheet} />
          <Radio value="workbook" label={strings.scopeWorkbook} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={preferNative}
        onChange={(_, d) => setPreferNative(d.checked === true)}
        label={strings.preferNative}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={onFreeze}>
          {strings.freeze}
        </Button>
      </div>
      <Notice text={notice} />
      <Notice text={left} intent="warning" />
    </div>
  );
}
