/**
 * 校验 / 标记 / 清除标记. Checks the active sheet or the whole workbook (never writes), shows a
 * verdict line per sheet, the findings with a filter and next/previous, and marks or unmarks
 * exactly the sheets it checked (it says which).
 */
import { Suspense, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { CheckedSheet } from "../checks";
import { usePane } from "../host";
import { markStringsFor } from "../markStrings";
import type { Strings } from "../strings";
import { usePaneStyles } from "../styles";
import { preloadable } from "../preloadable";
import { MarkLegend } from "./MarkLegend";
import { Notice, type NoticeState } from "./Notice";
import { isBlank, listedFindings, verdictLines } from "./verdict";

/**
 * The findings list and the engine's finding messages (both languages, ~7 KB gzip) load when a
 * check starts or the pointer reaches the panel, not with the panel: a pane left open on 校验
 * needs neither (bench bundle.taskpane.gzip_kb).
 */
const findingsView = preloadable(() => import("./FindingsView").then((m) => m.FindingsView));

export const preloadFindings = () => findingsView.preload().catch(() => undefined);

/** What a finished check says beside its verdict: no form, a blank form, or all clear. */
export function checkNotice(results: CheckedSheet[], s: Strings): NoticeState | null {
  if (results.length !== 1) return null;
  const c = results[0];
  if (c.forms.length === 0) return { intent: "warning", title: s.noForm(c.sheet), text: s.noFormMinimum };
  if (isBlank(c)) return { intent: "info", text: s.blankForm(c.sheet) };
  if (listedFindings(c).length === 0) return { intent: "success", text: s.noFindings(c.sheet) };
  return null;
}

export function CheckPanel() {
  const { host, strings, op, ruleSet, checks } = usePane();
  const markWords = markStringsFor(host.locale);
  const styles = usePaneStyles();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const results = checks.results;
  const sheetList = (names: string[]) => names.map(strings.quoteSheet).join(strings.listSep);
  const markable = results.filter((r) => listedFindings(r).some((f) => f.cell));

  async function onCheck(whole: boolean) {
    setNotice(null);
    void preloadFindings();
    await op.run(
      async (onProgress) => {
        if (!whole) return void (await checks.checkActive(ruleSet));
        // Each sheet's step ("正在校验工作表“…”") is shown as the operation reports it.
        await checks.checkAll(ruleSet, onProgress);
      },
      whole ? undefined : strings.progressCheck,
    );
  }

  async function onMark() {
    setNotice(null);
    const done = await op.run(() => checks.mark(markable), strings.progressMark);
    if (done === undefined) return;
    const notes = done.notes ? markWords.notesAdded : markWords.notesUnsupported;
    const marked = strings.markedOn(done.cells, sheetList(markable.map((r) => r.sheet)));
    setNotice({ intent: done.notes ? "success" : "warning", text: [marked, notes].join(markWords.sentenceSep) });
  }

  async function onClear() {
    setNotice(null);
    // The sheets the results belong to, which the button names: not whatever sheet is active now.
    const sheets = results.map((r) => r.sheet);
    const hadOurs = sheets.some((s) => checks.marked.has(s));
    const done = await op.run(async () => {
      await checks.unmark(sheets);
      return true;
    });
    if (!done) return;
    setNotice({ intent: hadOurs ? "success" : "info", text: strings.marksClearedOn(sheetList(sheets)) });
  }

  const shownNotice = notice ?? checkNotice(results, strings);
  return (
    <div className={styles.panel}>
      <Text className={styles.hint} size={300}>
        {strings.checkHint}
      </Text>
      <CheckButtons {...{ onCheck, onMark, onClear }} canMark={markable.length > 0} canClear={results.length > 0} />
      <DisabledReasons markable={markable.length > 0} checked={results.length > 0} />
      {results.length > 0 && <Text size={300}>{strings.marksOn(sheetList(results.map((r) => r.sheet)))}</Text>}
      <MarkLegend />
      <Verdicts results={results} />
      <Notice notice={shownNotice} />
      {results.length > 0 && <LazyFindings results={results} />}
    </div>
  );
}

/** 校验本表 / 校验整个工作簿, then 标记 / 清除标记 (each disabled while busy or with nothing to act on). */
function CheckButtons(props: {
  onCheck(whole: boolean): void;
  onMark(): void;
  onClear(): void;
  canMark: boolean;
  canClear: boolean;
}) {
  const { strings, op, checks } = usePane();
  const styles = usePaneStyles();
  // The check worker starts loading when the clerk reaches for a check button, not with the pane:
  // a pane left alone downloads nothing more, and a pointer on its way to 校验 gives the worker a head start.
  const ready = { onPointerEnter: checks.prepare, onFocus: checks.prepare };
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} {...ready} onClick={() => props.onCheck(false)}>
          {strings.checkSheet}
        </Button>
        <Button disabled={op.busy} {...ready} onClick={() => props.onCheck(true)}>
          {strings.checkWorkbook}
        </Button>
      </div>
      <div className={styles.actions}>
        <Button disabled={op.busy || !props.canMark} aria-describedby="mark-why" onClick={props.onMark}>
          {strings.mark}
        </Button>
        <Button disabled={op.busy || !props.canClear} aria-describedby="clear-why" onClick={props.onClear}>
          {strings.clearMarks}
        </Button>
      </div>
    </>
  );
}

/** The findings list, once its lazily loaded code is there (nothing shows meanwhile). */
function LazyFindings({ results }: { results: CheckedSheet[] }) {
  return (
    <Suspense fallback={null}>
      <findingsView.Component results={results} />
    </Suspense>
  );
}

/** Why 标记 / 清除标记 cannot be pressed yet, in words (linked to the buttons by aria-describedby). */
function DisabledReasons(props: { markable: boolean; checked: boolean }) {
  const { strings } = usePane();
  const styles = usePaneStyles();
  return (
    <>
      {!props.markable && (
        <Text id="mark-why" size={300} className={styles.hint}>
          {strings.markNeedsCheck}
        </Text>
      )}
      {!props.checked && (
        <Text id="clear-why" size={300} className={styles.hint}>
          {strings.clearNeedsSheet}
        </Text>
      )}
    </>
  );
}

/** One verdict line per checked sheet (per form), announced when a check finishes. */
function Verdicts({ results }: { results: CheckedSheet[] }) {
  const { strings, checks } = usePane();
  const styles = usePaneStyles();
  const withForms = results.filter((r) => r.forms.length > 0).length;
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {checks.refreshed && (
        <Text size={300} block>
          {strings.resultsUpdated(checks.refreshed)}
        </Text>
      )}
      <RemarkedLine />
      {results.length > 1 && (
        <Text size={300} block>
          {strings.workbookSummary(results.length, withForms)}
        </Text>
      )}
      {results.length > 0 && (
        <ul className={styles.list} aria-label={strings.check}>
          {results.map((r) =>
            verdictLines(r, strings).map((line, i) => (
              <li key={`${r.sheet}-${i}`} className={styles.verdict} data-sheet={r.sheet}>
                {strings.sheetLine(r.sheet, line)}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}

/** After a re-check of a marked sheet: its marks now follow the new results (said, not silent). */
function RemarkedLine() {
  const { host, checks } = usePane();
  const r = checks.remarked;
  if (!r) return null;
  const words = markStringsFor(host.locale);
  return (
    <Text size={300} block data-testid="remarked">
      {r.cells > 0 ? words.remarked(r.sheet, r.cells) : words.unmarked(r.sheet)}
    </Text>
  );
}
