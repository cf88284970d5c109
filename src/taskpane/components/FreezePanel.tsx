/** 固化/分享: JX formulas → values (or native formulas), so the workbook opens anywhere. */
import { useState } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { a1 } from "../../engine";
import { freezeWorkbook } from "../../ops";
import { hasJx } from "../../ops/jxFormula";
import { withUndo } from "../undo";
import { ConfirmBox } from "./ConfirmBox";
import { copiedText, CopyFirstOption, useCopyFirst } from "./CopyFirst";
import { markStringsFor } from "../markStrings";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { Notice, type NoticeState } from "./Notice";

export function FreezePanel() {
  const { host, strings, op, undo } = usePane();
  const [pending, setPending] = useState<{ sheets: string[]; cells: string[] } | null>(null);
  const styles = usePaneStyles();
  const [scope, setScope] = useState<"sheet" | "workbook">("sheet");
  const [preferNative, setPreferNative] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  // Cells whose JX formula had no value to freeze to: a reviewer would see #NAME? there.
  const [left, setLeft] = useState<NoticeState | null>(null);
  const copyFirst = useCopyFirst();

  /** First what would change (the JX formulas in scope); asks only when there is something to freeze. */
  async function onPreview() {
    setNotice(null);
    setLeft(null);
    const preview = await op.run(async () => {
      const sheets = scope === "sheet" ? [await host.port.activeSheet()] : await host.port.listSheets();
      return { sheets, cells: await jxCells(sheets) };
    }, strings.progressFreeze);
    if (!preview) return;
    if (preview.cells.length === 0)
      return setNotice({ intent: "info", text: strings.nothingToFreeze(where(preview.sheets)) });
    setPending(preview);
  }

  async function jxCells(sheets: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const sheet of sheets) {
      const snap = await host.port.readSheet(sheet);
      snap.formulas?.forEach((row, i) =>
        row.forEach((f, j) => {
          if (hasJx(f)) out.push(`${sheet}!${a1(snap.origin.row + i, snap.origin.col + j)}`);
        }),
      );
    }
    return out;
  }

  const where = (sheets: string[]) => (scope === "sheet" ? strings.sheetWhere(sheets[0]) : strings.workbookWhere);

  async function onFreeze({ sheets, cells: jx }: { sheets: string[]; cells: string[] }) {
    setPending(null);
    const outcome = await op.run(async (onProgress) => {
      // The sheets that will change, copied before the undo record starts (the copies stay on undo).
      const copies = await copyFirst.copy(jx.map((c) => c.slice(0, c.lastIndexOf("!"))));
      const { result: frozen, ...recorded } = await withUndo(host.port, "freeze", sheets, () =>
        freezeWorkbook(host.port, { sheets: scope === "sheet" ? sheets : undefined, preferNative, onProgress }),
      );
      undo.after(recorded);
      return { frozen, copies };
    }, strings.progressFreeze);
    if (!outcome) return;
    const result = outcome.frozen;
    const copied = outcome.copies.length
      ? markStringsFor(host.locale).sentenceSep +
        copiedText(host.locale, outcome.copies, strings.quoteSheet, strings.listSep)
      : "";
    // Green only when formulas were frozen; nothing to do is said as such.
    setNotice(
      result.frozen > 0
        ? { intent: "success", text: strings.frozenOn(result.frozen, where(sheets)) + copied }
        : { intent: "info", text: strings.nothingToFreeze(where(sheets)) + copied },
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
      <CopyFirstOption option={copyFirst} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={onPreview}>
          {strings.freeze}
        </Button>
      </div>
      {pending && (
        <ConfirmBox
          title={strings.confirmFreezeTitle(pending.cells.length, where(pending.sheets))}
          lines={pending.cells}
          confirm={strings.confirmFreeze}
          onConfirm={() => onFreeze(pending)}
          onCancel={() => setPending(null)}
        />
      )}
      <Notice notice={notice} />
      <Notice notice={left} />
    </div>
  );
}
