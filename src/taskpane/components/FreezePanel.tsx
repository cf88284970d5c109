/** 固化/分享: JX formulas → values (or native formulas), so the workbook opens anywhere. */
import { useState } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { a1, type Locale } from "../../engine";
import { freezeWorkbook } from "../../ops";
import { hasJx } from "../../ops/jxFormula";
import { withUndo } from "../undo";
import { ConfirmBox } from "./ConfirmBox";
import { copiedText, CopyFirstOption, useCopyFirst } from "./CopyFirst";
import { markStringsFor } from "../markStrings";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { Notice, type NoticeState } from "./Notice";

type FreezeScope = "sheet" | "workbook";
type Port = ReturnType<typeof usePane>["host"]["port"];
type PaneStrings = ReturnType<typeof usePane>["strings"];

/** The cells holding a JX formula on `sheets`, as "Sheet!A1". */
async function jxCellsOn(port: Port, sheets: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const sheet of sheets) {
    const snap = await port.readSheet(sheet);
    snap.formulas?.forEach((row, i) =>
      row.forEach((f, j) => {
        if (hasJx(f)) out.push(`${sheet}!${a1(snap.origin.row + i, snap.origin.col + j)}`);
      }),
    );
  }
  return out;
}

/** The sheets in scope and the JX cells on them. */
async function freezePreview(port: Port, scope: FreezeScope): Promise<{ sheets: string[]; cells: string[] }> {
  const sheets = scope === "sheet" ? [await port.activeSheet()] : await port.listSheets();
  return { sheets, cells: await jxCellsOn(port, sheets) };
}

/** The sentence naming the copies made first ("" when none). */
function copiesSaid(locale: Locale, strings: PaneStrings, copies: string[]): string {
  return copies.length
    ? markStringsFor(locale).sentenceSep + copiedText(locale, copies, strings.quoteSheet, strings.listSep)
    : "";
}

/** Freeze under an undo record, which the pane's 撤销 then offers. */
async function freezeUndoable(
  port: Port,
  undo: ReturnType<typeof usePane>["undo"],
  sheets: string[],
  options: Parameters<typeof freezeWorkbook>[1],
) {
  const { result, ...recorded } = await withUndo(port, "freeze", sheets, () => freezeWorkbook(port, options));
  undo.after(recorded);
  return result;
}

/** Green only when formulas were frozen; nothing to do is said as such. */
function frozenNotice(strings: PaneStrings, frozen: number, where: string, copied: string): NoticeState {
  return frozen > 0
    ? { intent: "success", text: strings.frozenOn(frozen, where) + copied }
    : { intent: "info", text: strings.nothingToFreeze(where) + copied };
}

/** Cells whose JX formula had no value to freeze to: a reviewer would see #NAME? there. */
function unresolvedNotice(strings: PaneStrings, cells: string[]): NoticeState | null {
  const shown = cells.slice(0, 20).join(strings.listSep) + (cells.length > 20 ? " …" : "");
  return cells.length ? { intent: "warning", text: strings.notFrozen(cells.length, shown) } : null;
}

/** Scope, native-formula and copy-first options, then the 固化 button. */
function FreezeOptions(props: {
  scope: FreezeScope;
  setScope(s: FreezeScope): void;
  preferNative: boolean;
  setPreferNative(b: boolean): void;
  copyFirst: ReturnType<typeof useCopyFirst>;
  busy: boolean;
  onFreeze(): void;
}) {
  const { strings } = usePane();
  const styles = usePaneStyles();
  return (
    <>
      <Text className={styles.hint} size={300}>
        {strings.freezeHint}
      </Text>
      <Field label={strings.freezeScope}>
        <RadioGroup
          value={props.scope}
          onChange={(_, d) => props.setScope(d.value === "workbook" ? "workbook" : "sheet")}
        >
          <Radio value="sheet" label={strings.scopeSheet} />
          <Radio value="workbook" label={strings.scopeWorkbook} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={props.preferNative}
        onChange={(_, d) => props.setPreferNative(d.checked === true)}
        label={strings.preferNative}
      />
      <CopyFirstOption option={props.copyFirst} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onFreeze}>
          {strings.freeze}
        </Button>
      </div>
    </>
  );
}

export function FreezePanel() {
  const { host, strings, op, undo } = usePane();
  const [pending, setPending] = useState<{ sheets: string[]; cells: string[] } | null>(null);
  const styles = usePaneStyles();
  const [scope, setScope] = useState<FreezeScope>("sheet");
  const [preferNative, setPreferNative] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [left, setLeft] = useState<NoticeState | null>(null);
  const copyFirst = useCopyFirst();

  /** First what would change (the JX formulas in scope); asks only when there is something to freeze. */
  async function onPreview() {
    setNotice(null);
    setLeft(null);
    const preview = await op.run(() => freezePreview(host.port, scope), strings.progressFreeze);
    if (!preview) return;
    if (preview.cells.length === 0)
      return setNotice({ intent: "info", text: strings.nothingToFreeze(where(preview.sheets)) });
    setPending(preview);
  }

  const where = (sheets: string[]) => (scope === "sheet" ? strings.sheetWhere(sheets[0]) : strings.workbookWhere);

  async function onFreeze({ sheets, cells: jx }: { sheets: string[]; cells: string[] }) {
    setPending(null);
    const outcome = await op.run(async (onProgress) => {
      // The sheets that will change, copied before the undo record starts (the copies stay on undo).
      const copies = await copyFirst.copy(jx.map((c) => c.slice(0, c.lastIndexOf("!"))));
      const options = { sheets: scope === "sheet" ? sheets : undefined, preferNative, onProgress };
      return { frozen: await freezeUndoable(host.port, undo, sheets, options), copies };
    }, strings.progressFreeze);
    if (!outcome) return;
    const copied = copiesSaid(host.locale, strings, outcome.copies);
    setNotice(frozenNotice(strings, outcome.frozen.frozen, where(sheets), copied));
    const unresolved = unresolvedNotice(strings, outcome.frozen.unresolved ?? []);
    if (unresolved) setLeft(unresolved);
  }

  return (
    <div className={styles.panel}>
      <FreezeOptions
        {...{ scope, setScope, preferNative, setPreferNative, copyFirst }}
        busy={op.busy}
        onFreeze={onPreview}
      />
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
