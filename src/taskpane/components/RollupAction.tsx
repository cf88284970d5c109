/**
 * 汇总到部门整体表: choose the project sheets, preview what goes into the 部门整体 form's
 * 重点工作任务 table, confirm, write. Only blank cells are written (the operation's rule); a typed
 * row that disagrees with its project form is listed, never changed. The write is recorded for
 * 撤销 like the pane's other writes; a new sheet (no 部门整体 form yet) changes nothing that was there.
 */
import { useId, useState } from "react";
import { Button, Checkbox, Text } from "@fluentui/react-components";
import { applyRollup, previewRollup, type RollupPreview } from "../../ops";
import { usePane } from "../host";
import { reportStringsFor } from "../reportStrings";
import { findingLines, placementLines, samePlan } from "../rollupLines";
import { usePaneStyles } from "../styles";
import { withUndo } from "../undo";
import { ConfirmBox } from "./ConfirmBox";
import { Notice, type NoticeState } from "./Notice";

/** The rollup's state and steps: list sheets, preview, confirm (re-planned, then written). */
function useRollup() {
  const { host, op, ruleSet, undo, checks } = usePane();
  const s = reportStringsFor(host.locale);
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<RollupPreview | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [found, setFound] = useState<NoticeState | null>(null);

  async function listSheets() {
    const all = await op.run(() => host.port.listSheets(), s.progressRollup);
    if (!all) return;
    setSheets(all);
    setChosen(new Set(all));
  }

  const preview = () =>
    previewRollup(host.port, { projectSheets: sheets ? [...chosen] : undefined, ruleSetId: ruleSet.id });

  function show(p: RollupPreview) {
    const lines = findingLines(p.plan.findings, host.locale);
    setFound(lines.length > 0 ? { intent: "warning", title: s.rollupFindings, text: lines.join("\n") } : null);
    if (p.plan.writes.length > 0) setPending(p);
    else setNotice({ intent: "info", text: s.rollupNothing(p.sheet) });
  }

  async function startPreview() {
    setNotice(null);
    setFound(null);
    setPending(null);
    const p = await op.run(preview, s.progressRollup);
    if (p) show(p);
  }

  async function confirm(shown: RollupPreview) {
    setPending(null);
    const outcome = await op.run(async () => {
      // The sheet may have changed since the preview: write only what the clerk saw.
      const now = await preview();
      if (!samePlan(now, shown)) return { changed: now };
      if (now.createSheet) return { written: await applyRollup(host.port, now) };
      const { result, ...recorded } = await withUndo(host.port, "rollup", [now.sheet], () =>
        applyRollup(host.port, now),
      );
      undo.after(recorded);
      if (checks.results.some((r) => r.sheet === now.sheet)) await checks.refresh(now.sheet, ruleSet);
      return { written: result };
    }, s.progressRollup);
    if (outcome?.changed) return show(outcome.changed);
    if (outcome?.written)
      setNotice({ intent: "success", text: s.rollupWritten(outcome.written.written, outcome.written.sheet) });
  }

  return { s, sheets, chosen, setChosen, pending, setPending, notice, found, listSheets, startPreview, confirm };
}

function SheetChooser(props: {
  legend: string;
  sheets: string[];
  chosen: Set<string>;
  onChange(c: Set<string>): void;
}) {
  const styles = usePaneStyles();
  return (
    <fieldset className={styles.panel}>
      <legend>{props.legend}</legend>
      {props.sheets.map((name) => (
        <Checkbox
          key={name}
          label={name}
          checked={props.chosen.has(name)}
          onChange={(_, d) => {
            const next = new Set(props.chosen);
            if (d.checked === true) next.add(name);
            else next.delete(name);
            props.onChange(next);
          }}
        />
      ))}
    </fieldset>
  );
}

export function RollupAction() {
  const { op } = usePane();
  const styles = usePaneStyles();
  const r = useRollup();
  const { s, sheets, pending } = r;
  const previewWhy = useId();
  const noneChosen = r.chosen.size === 0 && sheets !== null;
  return (
    <section className={styles.panel} aria-label={s.rollupHeading}>
      <Text as="h2" size={400} weight="semibold">
        {s.rollupHeading}
      </Text>
      <Text className={styles.hint} size={300}>
        {s.rollupHint}
      </Text>
      {sheets && <SheetChooser legend={s.rollupSheets} sheets={sheets} chosen={r.chosen} onChange={r.setChosen} />}
      <div className={styles.actions}>
        {!sheets && (
          <Button disabled={op.busy} onClick={r.listSheets}>
            {s.rollupLoadSheets}
          </Button>
        )}
        <Button
          appearance="primary"
          disabled={op.busy || noneChosen}
          aria-describedby={noneChosen ? previewWhy : undefined}
          onClick={r.startPreview}
        >
          {s.rollupPreview}
        </Button>
      </div>
      {noneChosen && (
        <Text id={previewWhy} size={300} className={styles.hint}>
          {s.rollupNeedsSheet}
        </Text>
      )}
      {pending && (
        <ConfirmBox
          title={(pending.createSheet ? s.rollupPreviewNewSheet : s.rollupPreviewTitle)(
            pending.plan.writes.length,
            pending.sheet,
          )}
          lines={placementLines(s, pending)}
          confirm={s.rollupConfirm}
          onConfirm={() => r.confirm(pending)}
          onCancel={() => r.setPending(null)}
        />
      )}
      <Notice notice={r.notice} />
      <Notice notice={r.found} />
    </section>
  );
}
