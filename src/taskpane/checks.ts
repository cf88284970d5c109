/**
 * The pane's check results, shared by every panel: the sheets last checked (one, or the whole
 * workbook), each with its findings and verdicts. A change the pane makes (计算, 替换, a new rule
 * set) checks the touched sheets again, and findings that were not there before are flagged new.
 * Sheets the clerk marked stay marked from the latest results: a re-check marks them again, so a
 * fixed cell loses its colour and note and a new finding gets one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Finding, Locale, RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";
import type { OnProgress } from "../ops/progress";
import { checkSheet, checkWorkbook } from "../ops/check";
import { loadOps } from "./loadOps";
import { useMarks, type Marks } from "./marks";
import { withCrossFindings, type SheetWithOwn } from "./crossSheet";
import { CheckWorkerClient } from "./checkWorker";
import { nextTask } from "./nextTask";

export interface CheckedSheet extends SheetWithOwn {
  /** Keys (findingKey) of findings that the previous check of this sheet did not have. */
  fresh: Set<string>;
}

export type CheckScope = "sheet" | "workbook";

export interface Checks extends Marks {
  results: CheckedSheet[];
  scope: CheckScope | null;
  /** The sheet a refresh re-checked because the pane changed it (for the 已更新 line), if any. */
  refreshed: string | null;
  checkActive(ruleSet: RuleSet): Promise<CheckedSheet>;
  checkAll(ruleSet: RuleSet, onProgress?: OnProgress): Promise<void>;
  /** Check `sheet` again after the pane changed it; the other results stay. */
  refresh(sheet: string, ruleSet: RuleSet): Promise<CheckedSheet>;
  /** Check every sheet shown again (after a rule change). */
  refreshAll(ruleSet: RuleSet): Promise<void>;
  /** Start the check worker ahead of a check (the clerk reaches for 校验), so its code is ready by the click. */
  prepare(): void;
}

export function findingKey(f: Finding): string {
  return `${f.code}|${f.cell ?? ""}|${f.sheet ?? ""}`;
}

function withFresh(check: SheetWithOwn, before: CheckedSheet | undefined): CheckedSheet {
  const old = new Set((before?.findings ?? []).map(findingKey));
  const fresh = new Set(before ? check.findings.map(findingKey).filter((k) => !old.has(k)) : []);
  return { ...check, fresh };
}

/** The pane's check worker for as long as the pane is open (jobs run in this thread without one). */
function useCheckWorker(): CheckWorkerClient {
  const client = useRef<CheckWorkerClient | null>(null);
  client.current ??= new CheckWorkerClient(async (job) => (await loadOps()).validateInThread(job));
  useEffect(() => {
    const c = client.current;
    return () => c?.dispose();
  }, []);
  return client.current;
}

/** What a check leaves to show: the sheets and whether they are one sheet or the whole workbook. */
interface Outcome {
  next: CheckedSheet[];
  scope: CheckScope;
}

async function checkActiveSheet(port: WorkbookPort, worker: CheckWorkerClient, ruleSet: RuleSet): Promise<Outcome> {
  worker.warm();
  // The pane paints its busy state before the sheet is read.
  await nextTask();
  // Read here, validated in the worker: the operations (ops.js) need not load for a check.
  const check = await checkSheet(port, null, ruleSet, {}, worker.validate);
  return { next: [withFresh(check, undefined)], scope: "sheet" };
}

async function checkEverySheet(
  port: WorkbookPort,
  worker: CheckWorkerClient,
  ruleSet: RuleSet,
  onProgress: OnProgress | undefined,
): Promise<Outcome> {
  worker.warm();
  await nextTask();
  const checked = await checkWorkbook(port, ruleSet, { onProgress, validate: worker.validate });
  const all = await withCrossFindings(port, checked);
  return { next: all.map((c) => withFresh(c, undefined)), scope: "workbook" };
}

async function recheckSheet(
  port: WorkbookPort,
  worker: CheckWorkerClient,
  shown: CheckedSheet[],
  sheet: string,
  ruleSet: RuleSet,
): Promise<Outcome> {
  const before = shown.find((r) => r.sheet === sheet);
  worker.warm();
  await nextTask();
  const checked = await checkSheet(port, sheet, ruleSet, {}, worker.validate);
  const whole = before !== undefined && shown.length > 1;
  if (!whole) return { next: [withFresh(checked, before)], scope: "sheet" };
  // In a whole-workbook view the cross-sheet findings are redone too: a change on a project
  // sheet can settle (or raise) a finding on the 部门整体 sheet.
  const all = await withCrossFindings(
    port,
    shown.map((r) => (r.sheet === sheet ? checked : r)),
  );
  return { next: all.map((r, i) => withFresh(r, shown[i])), scope: "workbook" };
}

async function recheckShown(
  port: WorkbookPort,
  worker: CheckWorkerClient,
  shown: CheckedSheet[],
  ruleSet: RuleSet,
): Promise<Outcome> {
  const checked = [];
  for (const r of shown) checked.push(await checkSheet(port, r.sheet, ruleSet, {}, worker.validate));
  const all = shown.length > 1 ? await withCrossFindings(port, checked) : checked;
  return { next: all.map((r, i) => withFresh(r, shown[i])), scope: shown.length > 1 ? "workbook" : "sheet" };
}

/** The results shown, plus a ref to the latest for refreshes started from callbacks that closed over older state. */
function useCheckResults() {
  const [results, setResults] = useState<CheckedSheet[]>([]);
  const [scope, setScope] = useState<CheckScope | null>(null);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const latest = useRef<CheckedSheet[]>([]);
  const store = useCallback((next: CheckedSheet[], nextScope: CheckScope, touched: string | null) => {
    latest.current = next;
    setResults(next);
    setScope(nextScope);
    setRefreshed(touched);
  }, []);
  return { results, scope, refreshed, latest, store };
}

export function useChecks(port: WorkbookPort, locale: Locale = "zh-CN"): Checks {
  const marks = useMarks(port, locale);
  const worker = useCheckWorker();
  const { results, scope, refreshed, latest, store } = useCheckResults();
  // Store what a check found and re-mark the sheets the clerk marked.
  const show = useCallback(
    async ({ next, scope: nextScope }: Outcome, touched: string | null) => {
      store(next, nextScope, touched);
      await marks.follow(next);
      return next;
    },
    [store, marks],
  );

  const checkActive = useCallback(
    async (ruleSet: RuleSet) => (await show(await checkActiveSheet(port, worker, ruleSet), null))[0],
    [port, show, worker],
  );
  const checkAll = useCallback(
    async (ruleSet: RuleSet, onProgress?: OnProgress) => {
      await show(await checkEverySheet(port, worker, ruleSet, onProgress), null);
    },
    [port, show, worker],
  );
  const refresh = useCallback(
    async (sheet: string, ruleSet: RuleSet) => {
      const next = await show(await recheckSheet(port, worker, latest.current, sheet, ruleSet), sheet);
      return next.find((r) => r.sheet === sheet) ?? next[0];
    },
    [port, show, worker, latest],
  );
  const refreshAll = useCallback(
    async (ruleSet: RuleSet) => {
      const shown = latest.current;
      if (shown.length === 0) return;
      await show(await recheckShown(port, worker, shown, ruleSet), null);
    },
    [port, show, worker, latest],
  );
  const prepare = useCallback(() => worker.warm(), [worker]);

  return { ...marks, results, scope, refreshed, checkActive, checkAll, refresh, refreshAll, prepare };
}
