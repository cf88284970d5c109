/**
 * 计算: fills empty cells and our own formulas. A typed value (or a formula's result) that differs
 * from the computed one is shown, labelled as what it is, and replaced only when the user ticks it
 * and confirms.
 */
import { useId, useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { a1, explainWrite, type CellWrite, type Finding, type Locale } from "../../engine";
import { calculateSheet, type CalculateResult } from "../../ops";
import type { CheckedSheet } from "../checks";
import { usePane } from "../host";
import type { Strings } from "../strings";
import { usePaneStyles } from "../styles";
import { formatCellValue } from "./cellText";
import { conflictsHeading, conflictText, replaceText } from "./conflictText";
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

/** The notice, followed by the sentence naming the copies made first (if any). */
function withCopiesSaid(locale: Locale, strings: Strings, n: NoticeState, copies: string[]): NoticeState {
  if (copies.length === 0) return n;
  const said = copiedText(locale, copies, strings.quoteSheet, strings.listSep);
  return { ...n, text: `${n.text}${markStringsFor(locale).sentenceSep}${said}` };
}

type Pane = ReturnType<typeof usePane>;
interface CalculateDeps {
  port: Pane["host"]["port"];
  ruleSet: Pane["ruleSet"];
  checks: Pane["checks"];
  undo: Pane["undo"];
  copyFirst: ReturnType<typeof useCopyFirst>;
}

/** Calculate (replacing `cells` when given) under an undo record, then re-check the sheet. */
async function calculateUndoable(d: CalculateDeps, sheet: string | null, cells: string[]) {
  const target = sheet ?? (await d.port.activeSheet());
  // Before the undo record starts: the copy is not part of what 撤销 puts back.
  const copies = cells.length > 0 ? await d.copyFirst.copy([target]) : [];
  // What the write changes is kept (in the workbook) so 撤销上一次操作 can put it back exactly.
  const { result, ...recorded } = await withUndo(d.port, cells.length > 0 ? "replace" : "calculate", [target], () =>
    calculateSheet(d.port, target, d.ruleSet, cells.length > 0 ? { replace: cells } : {}),
  );
  d.undo.after(recorded);
  // The pane changed the sheet: its check results must say what holds now.
  const check = await d.checks.refresh(result.sheet, d.ruleSet);
  return { sheet: result.sheet, result, check, copies };
}

/** The conflict cells ticked for replacing. Nothing is pre-ticked: replacing a typed value needs the user's explicit choice. */
function useReplaceTicks() {
  const [replace, setReplace] = useState<Set<string>>(new Set());
  function toggle(cell: string, on: boolean) {
    setReplace((prev) => {
      const next = new Set(prev);
      if (on) next.add(cell);
      else next.delete(cell);
      return next;
    });
  }
  return { replace, setReplace, toggle };
}

export function CalculatePanel() {
  const { host, strings, op, ruleSet, checks, undo } = usePane();
  const [confirming, setConfirming] = useState(false);
  const styles = usePaneStyles();
  const [last, setLast] = useState<{ sheet: string; result: CalculateResult } | null>(null);
  const { replace, setReplace, toggle } = useReplaceTicks();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const copyFirst = useCopyFirst();
  const withCopies = (n: NoticeState, copies: string[]) => withCopiesSaid(host.locale, strings, n, copies);

  async function calculate(sheet: string | null, cells: string[]) {
    setNotice(null);
    setConfirming(false);
    const outcome = await op.run(
      () => calculateUndoable({ port: host.port, ruleSet, checks, undo, copyFirst }, sheet, cells),
      strings.progressCalculate,
    );
    if (!outcome) return;
    setLast(outcome);
    setReplace(new Set());
    const { result } = outcome;
    const replaced = cells.length > 0 ? (result.replaced ?? cells).length : 0;
    setNotice(
      withCopies(calculateNotice(strings, outcome.sheet, result.written, replaced, outcome.check), outcome.copies),
    );
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
        <ConflictsSection
          {...{ conflicts, replace, toggle, confirming, setConfirming }}
          sheet={last.sheet}
          onReplace={() => calculate(last.sheet, [...replace])}
        />
      )}
      {last && conflicts.length > 0 && <CopyFirstOption option={copyFirst} />}
      {last && plan && <PlanSections plan={plan} sheet={last.sheet} written={written} />}
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

type Conflict = Finding & { cell: string };

/** Typed values and formulas' results that differ from the computed ones: tick, 替换所选, confirm. */
function ConflictsSection(props: {
  conflicts: Conflict[];
  replace: Set<string>;
  toggle(cell: string, on: boolean): void;
  confirming: boolean;
  setConfirming(on: boolean): void;
  sheet: string;
  onReplace(): void;
}) {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const replaceWhy = useId();
  const { replace, conflicts } = props;
  const heading = conflictsHeading(strings, conflicts);
  return (
    <section aria-label={heading}>
      <Text weight="semibold" size={300} block>
        {heading}
      </Text>
      <ul className={styles.list}>
        {conflicts.map((f) => (
          <ConflictRow key={f.cell} f={f} ticked={replace.has(f.cell)} toggle={props.toggle} />
        ))}
      </ul>
      <div className={styles.actions}>
        <Button
          disabled={op.busy || replace.size === 0}
          aria-describedby={replace.size === 0 ? replaceWhy : undefined}
          onClick={() => props.setConfirming(true)}
        >
          {strings.replaceSelected}
        </Button>
        {replace.size === 0 && (
          <Text id={replaceWhy} size={300} className={styles.hint}>
            {strings.replaceNeedsTick}
          </Text>
        )}
      </div>
      {props.confirming && replace.size > 0 && (
        <ConfirmBox
          title={strings.confirmReplaceTitle(replace.size, props.sheet)}
          lines={conflicts.filter((f) => replace.has(f.cell)).map((f) => replaceText(strings, f, host.locale))}
          confirm={strings.confirmReplace}
          onConfirm={props.onReplace}
          onCancel={() => props.setConfirming(false)}
        />
      )}
    </section>
  );
}

/** One conflict: the cell, typed value or formula result vs computed (and why), with its tick box. */
function ConflictRow({ f, ticked, toggle }: { f: Conflict; ticked: boolean; toggle(cell: string, on: boolean): void }) {
  const { host, strings } = usePane();
  const styles = usePaneStyles();
  return (
    <li>
      <Checkbox
        checked={ticked}
        onChange={(_, d) => toggle(f.cell, d.checked === true)}
        label={
          <span>
            <span className={styles.cell}>{f.cell}</span>
            {conflictText(strings, f, host.locale)}
          </span>
        }
      />
    </li>
  );
}

/** What the plan could not do, then what it computed (the first MAX_WRITES_SHOWN cells). */
function PlanSections({
  plan,
  sheet,
  written,
}: {
  plan: CalculateResult["plan"];
  sheet: string;
  written: Set<string>;
}) {
  const { strings } = usePane();
  const styles = usePaneStyles();
  return (
    <>
      {plan.problems.length > 0 && (
        <section aria-label={strings.problemsTitle}>
          <Text weight="semibold" size={300} block>
            {strings.problemsTitle}
          </Text>
          <FindingList findings={plan.problems} sheet={sheet} />
        </section>
      )}
      {plan.explained.length > 0 && (
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
    </>
  );
}
