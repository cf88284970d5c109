/**
 * 计算: fills empty cells and our own formulas. A typed value that differs from the computed one
 * is shown (typed vs computed) and replaced only when the user ticks it and confirms.
 */
import { useId, useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { a1, explainWrite, formatFinding, type CellWrite, type Finding } from "../../engine";
import { calculateSheet, type CalculateResult } from "../../ops";
import type { CheckedSheet } from "../checks";
import { usePane } from "../host";
import type { Strings } from "../strings";
import { usePaneStyles } from "../styles";
import { formatCellValue, statedAndComputed } from "./cellText";
import { FindingList } from "./FindingList";
import { ConfirmBox } from "./ConfirmBox";
import { copiedText, CopyFirstOption, useCopyFirst } from "./CopyFirst";
import { markStringsFor } from "../markStrings";
import { Notice, type NoticeState } from "./Notice";
import { withUndo } from "../undo";

const MAX_WRITES_SHOWN = 300;

/** What a calculation says: green only for cells written; no form or nothing to fill are not successes. */
export function calculateNotice(
  s: Strings,
  sheet: string,
  written: number,
  replaced: number,
  check: CheckedSheet | undefined,
): NoticeState {
  if (replaced > 0) return { intent: "success", text: s.replacedOn(replaced, sheet) };
  if (written > 0) return { intent: "success", text: s.writtenOn(written, sheet) };
  if (check && check.forms.length === 0)
    return { intent: "warning", title: s.noFormNoWrite(sheet), text: s.noFormMinimum };
  return { intent: "info", text: s.nothingToWrite(sheet) };
}

export function CalculatePanel() {
  const { host, strings, op, ruleSet, checks, undo } = usePane();
  const [confirming, setConfirming] = useState(false);
  const styles = usePaneStyles();
  const [last, setLast] = useState<{ sheet: string; result: CalculateResult } | null>(null);
  // Nothing is pre-ticked: replacing a typed value needs the user's explicit choice.
  const [replace, setReplace] = useState<Set<string>>(new Set());
  const replaceWhy = useId();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const copyFirst = useCopyFirst();
  const withCopies = (n: NoticeState, copies: string[]): NoticeState =>
    copies.length === 0
      ? n
      : {
          ...n,
          text: `${n.text}${markStringsFor(host.locale).sentenceSep}${copiedText(host.locale, copies, strings.quoteSheet, strings.listSep)}`,
        };

  async function calculate(sheet: string | null, cells: string[]) {
    setNotice(null);
    setConfirming(false);
    const outcome = await op.run(async () => {
      const target = sheet ?? (await host.port.activeSheet());
      // Before the undo record starts: the copy is not part of what 撤销 puts back.
      const copies = cells.length > 0 ? await copyFirst.copy([target]) : [];
      // What the write changes is kept (in the workbook) so 撤销上一次操作 can put it back exactly.
      const { result, ...recorded } = await withUndo(
        host.port,
        cells.length > 0 ? "replace" : "calculate",
        [target],
        () => calculateSheet(host.port, target, ruleSet, cells.length > 0 ? { replace: cells } : {}),
      );
      undo.after(recorded);
      // The pane changed the sheet: its check results must say what holds now.
      const check = await checks.refresh(result.sheet, ruleSet);
      return { sheet: result.sheet, result, check, copies };
    }, strings.progressCalculate);
    if (!outcome) return;
    setLast(outcome);
    setReplace(new Set());
    const { result } = outcome;
    const replaced = cells.length > 0 ? (result.replaced ?? cells).length : 0;
    setNotice(
      withCopies(calculateNotice(strings, outcome.sheet, result.written, replaced, outcome.check), outcome.copies),
    );
  }

  function toggle(cell: string, on: boolean) {
    setReplace((prev) => {
      const next = new Set(prev);
      if (on) next.add(cell);
      else next.delete(cell);
      return next;
    });
  }

  const plan = last?.result.plan;
  const written = new Set((plan?.writes ?? []).map((w) => `${w.row}:${w.col}`));
  const conflicts = (plan?.conflicts ?? []).filter((f): f is Finding & { cell: string } => f.cell !== null);

  return (
    <div className={styles.panel}>
      <Text className={styles.hint} size={300}>
        {strings.calculateHint}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={() => calculate(null, [])}>
          {strings.calculate}
        </Button>
      </div>
      <Notice notice={notice} />
      {last && conflicts.length > 0 && (
        <section aria-label={strings.conflictsTitle}>
          <Text weight="semibold" size={300} block>
            {strings.conflictsTitle}
          </Text>
          <ul className={styles.list}>
            {conflicts.map((f) => {
              const { stated, computed, explanation } = statedAndComputed(f, host.locale);
              return (
                <li key={f.cell}>
                  <Checkbox
                    checked={replace.has(f.cell)}
                    onChange={(_, d) => toggle(f.cell, d.checked === true)}
                    label={
                      <span>
                        <span className={styles.cell}>{f.cell}</span>
                        {stated !== undefined && computed !== undefined
                          ? strings.conflictLine(stated, computed, explanation ?? formatFinding(f, host.locale))
                          : formatFinding(f, host.locale)}
                      </span>
                    }
                  />
                </li>
              );
            })}
          </ul>
          <div className={styles.actions}>
            <Button
              disabled={op.busy || replace.size === 0}
              aria-describedby={replace.size === 0 ? replaceWhy : undefined}
              onClick={() => setConfirming(true)}
            >
              {strings.replaceSelected}
            </Button>
            {replace.size === 0 && (
              <Text id={replaceWhy} size={300} className={styles.hint}>
                {strings.replaceNeedsTick}
              </Text>
            )}
          </div>
          {confirming && replace.size > 0 && (
            <ConfirmBox
              title={strings.confirmReplaceTitle(replace.size, last.sheet)}
              lines={conflicts
                .filter((f) => replace.has(f.cell))
                .map((f) => {
                  const { stated, computed } = statedAndComputed(f, host.locale);
                  return strings.replaceLine(f.cell ?? "", stated ?? "", computed ?? "");
                })}
              confirm={strings.confirmReplace}
              onConfirm={() => calculate(last.sheet, [...replace])}
              onCancel={() => setConfirming(false)}
            />
          )}
        </section>
      )}
      {last && conflicts.length > 0 && <CopyFirstOption option={copyFirst} />}
      {last && plan && plan.problems.length > 0 && (
        <section aria-label={strings.problemsTitle}>
          <Text weight="semibold" size={300} block>
            {strings.problemsTitle}
          </Text>
          <FindingList findings={plan.problems} sheet={last.sheet} />
        </section>
      )}
      {last && plan && plan.explained.length > 0 && (
        <section aria-label={strings.writesTitle}>
          <Text weight="semibold" size={300} block>
            {strings.writesTitle}
          </Text>
          <ul className={`${styles.list} ${styles.scroll}`}>
            {plan.explained.slice(0, MAX_WRITES_SHOWN).map((w) => (
              <WriteRow key={`${w.row}:${w.col}`} write={w} filled={written.has(`${w.row}:${w.col}`)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One computed cell: its value, why, and whether this run filled it in. */
function WriteRow({ write, filled }: { write: CellWrite; filled: boolean }) {
  const styles = usePaneStyles();
  const { strings, host } = usePane();
  return (
    <li>
      <Text size={300}>
        <span className={styles.cell}>
          {a1(write.row, write.col)} = {formatCellValue(write.value, write.numberFormat)}
        </span>
        {explainWrite(write, host.locale)}
        {filled && ` ${strings.filledTag}`}
      </Text>
    </li>
  );
}
