/**
 * The pane's check results, shared by every panel: the sheets last checked (one, or the whole
 * workbook), each with its findings and verdicts. A change the pane makes (计算, 替换, a new rule
 * set) checks the touched sheets again, and findings that were not there before are flagged new.
 * Sheets the clerk marked stay marked from the latest results: a re-check marks them again, so a
 * fixed cell loses its colour and note and a new finding gets one.
 */
import { useCallback, useRef, useState } from "react";
import type { Finding, Locale, RuleSet, SheetCheck } from "../engine";
import type { WorkbookPort } from "../host/port";
import { loadOps } from "./loadOps";
import { useMarks, type Marks } from "./marks";

export interface CheckedSheet extends SheetCheck {
  sheet: string;
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
  checkAll(ruleSet: RuleSet, onProgress?: (done: number, total: number, label: string) => void): Promise<void>;
  /** Check `sheet` again after the pane changed it; the other results stay. */
  refresh(sheet: string, ruleSet: RuleSet): Promise<CheckedSheet>;
  /** Check every sheet shown again (after a rule change). */
  refreshAll(ruleSet: RuleSet): Promise<void>;
}

export function findingKey(f: Finding): string {
  return `${f.code}|${f.cell ?? ""}|${f.sheet ?? ""}`;
}

function withFresh(check: SheetCheck & { sheet: string }, before: CheckedSheet | undefined): CheckedSheet {
  const old = new Set((before?.findings ?? []).map(findingKey));
  const fresh = new Set(before ? check.findings.map(findingKey).filter((k) => !old.has(k)) : []);
  return { ...check, fresh };
}

export function useChecks(port: WorkbookPort, locale: Locale = "zh-CN"): Checks {
  const marks = useMarks(port, locale);
  const [results, setResults] = useState<CheckedSheet[]>([]);
  const [scope, setScope] = useState<CheckScope | null>(null);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  // The latest results, for refreshes started from callbacks that closed over older state.
  const latest = useRef<CheckedSheet[]>([]);
  const store = useCallback((next: CheckedSheet[], nextScope: CheckScope, touched: string | null) => {
    latest.current = next;
    setResults(next);
    setScope(nextScope);
    setRefreshed(touched);
  }, []);

  const checkActive = useCallback(
    async (ruleSet: RuleSet) => {
      const check = await (await loadOps()).checkSheet(port, null, ruleSet);
      const done = withFresh(check, undefined);
      store([done], "sheet", null);
      await marks.follow([done]);
      return done;
    },
    [port, store, marks],
  );

  const checkAll = useCallback(
    async (ruleSet: RuleSet, onProgress?: (done: number, total: number, label: string) => void) => {
      const all = await (await loadOps()).checkWorkbook(port, ruleSet, { onProgress });
      const next = all.map((c) => withFresh(c, undefined));
      store(next, "workbook", null);
      await marks.follow(next);
    },
    [port, store, marks],
  );

  const refresh = useCallback(
    async (sheet: string, ruleSet: RuleSet) => {
      const before = latest.current.find((r) => r.sheet === sheet);
      const { checkSheet } = await loadOps();
      const done = withFresh(await checkSheet(port, sheet, ruleSet), before);
      const shown = latest.current;
      const next = before ? shown.map((r) => (r.sheet === sheet ? done : r)) : [done];
      store(next, before && shown.length > 1 ? "workbook" : "sheet", sheet);
      await marks.follow([done]);
      return done;
    },
    [port, store, marks],
  );

  const refreshAll = useCallback(
    async (ruleSet: RuleSet) => {
      const shown = latest.current;
      if (shown.length === 0) return;
      const { checkSheet } = await loadOps();
      const next: CheckedSheet[] = [];
      for (const r of shown) next.push(withFresh(await checkSheet(port, r.sheet, ruleSet), r));
      store(next, shown.length > 1 ? "workbook" : "sheet", null);
      await marks.follow(next);
    },
    [port, store, marks],
  );

  return { ...marks, results, scope, refreshed, checkActive, checkAll, refresh, refreshAll };
}
