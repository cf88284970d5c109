/**
 * 撤销上一次操作, on every tab: says what the last recorded write changed and puts it back. The
 * record lives in the workbook, so it is offered again after the pane is reopened.
 */
import { useEffect, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { parseUndo, undoLast, UNDO_SETTING, type UndoRecord } from "../undo";
import { Notice, type NoticeState } from "./Notice";

export function UndoBar() {
  const { host, strings, op, ruleSet, checks, undo } = usePane();
  const styles = usePaneStyles();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const record = undo.record;
  const sheetsOf = (r: UndoRecord) => r.sheets.map((s) => strings.quoteSheet(s.sheet)).join(strings.listSep);

  useEffect(() => {
    if (record) setNotice(null);
  }, [record]);

  async function onUndo() {
    if (!record) return;
    const done = await op.run(async () => {
      const result = await undoLast(host.port, record);
      undo.remember(null);
      // What the results said was about the changed cells: check those sheets again.
      for (const s of record.sheets)
        if (checks.results.some((r) => r.sheet === s.sheet)) await checks.refresh(s.sheet, ruleSet);
      return result;
    }, strings.progressUndo);
    if (!done) return;
    const text = strings.undone(done.restored, sheetsOf(record));
    if (done.kept.length === 0) return setNotice({ intent: "success", text });
    const cells = done.kept.slice(0, 20).join(strings.listSep) + (done.kept.length > 20 ? " …" : "");
    setNotice({ intent: "warning", text: `${text}${strings.undoKeptEdits(done.kept.length, cells)}` });
  }

  if (!record && undo.unrecorded) return <Notice notice={{ intent: "warning", text: strings.undoNotKept }} />;
  if (!record) return <Notice notice={notice} />;
  const n = record.sheets.reduce((sum, s) => sum + s.cells.length, 0);
  return (
    <div className={styles.toolbar}>
      <Text size={300}>{strings.undoAvailable(strings.actionName[record.action], sheetsOf(record), n)}</Text>
      <Button disabled={op.busy} onClick={onUndo}>
        {strings.undo}
      </Button>
    </div>
  );
}

/** The undo record: read from the workbook on open, replaced by each recorded write. */
export function useUndoRecord(host: { port: { getSetting(k: string): Promise<string | undefined> } }) {
  const [record, setRecord] = useState<UndoRecord | null>(null);
  const [unrecorded, setUnrecorded] = useState(false);
  useEffect(() => {
    let live = true;
    host.port.getSetting(UNDO_SETTING).then(
      (text) => live && setRecord(parseUndo(text)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  return {
    record,
    unrecorded,
    after(outcome: { record: UndoRecord | null; unrecorded: boolean }) {
      if (!outcome.record && !outcome.unrecorded) return; // changed nothing: the last record still holds
      setRecord(outcome.record);
      setUnrecorded(outcome.unrecorded);
    },
    remember(r: UndoRecord | null) {
      setRecord(r);
      setUnrecorded(false);
    },
  };
}
