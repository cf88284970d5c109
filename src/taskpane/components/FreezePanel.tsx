/** 固化/分享: JX formulas → values (or native formulas), so the workbook opens anywhere. */
import { useState } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { freezeWorkbook } from "../../ops";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { Notice, type NoticeState } from "./Notice";

export function FreezePanel() {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const [scope, setScope] = useState<"sheet" | "workbook">("sheet");
  const [preferNative, setPreferNative] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  // Cells whose JX formula had no value to freeze to: a reviewer would see #NAME? there.
  const [left, setLeft] = useState<NoticeState | null>(null);

  async function onFreeze() {
    setNotice(null);
    setLeft(null);
    const result = await op.run(async (onProgress) => {
      const sheet = scope === "sheet" ? await host.port.activeSheet() : null;
      const frozen = await freezeWorkbook(host.port, { sheets: sheet ? [sheet] : undefined, preferNative, onProgress });
      return { ...frozen, where: sheet ? strings.sheetWhere(sheet) : strings.workbookWhere };
    }, strings.progressFreeze);
    if (!result) return;
    // Green only when formulas were frozen; nothing to do is said as such.
    setNotice(
      result.frozen > 0
        ? { intent: "success", text: strings.frozenOn(result.frozen, result.where) }
        : { intent: "info", text: strings.nothingToFreeze(result.where) },
    );
    const cells = result.unresolved ?? [];
    const shown = cells.slice(0, 20).join(strings.listSep) + (cells.length > 20 ? " …" : "");
    if (cells.length) setLeft({ intent: "warning", text: strings.notFrozen(cells.length, shown) });
  }

  return (
    <div className={styles.panel}>
      <Text className={styles.hint} size={300}>
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
      <Notice notice={notice} />
      <Notice notice={left} />
    </div>
  );
}
