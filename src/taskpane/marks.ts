/**
 * Which sheets carry our marks, and marking them from check results. Once the clerk pressed 标记,
 * the sheet's marks follow its results: every re-check marks it again (until 清除标记), so the
 * colours and notes never describe findings that are gone.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { Finding, Locale } from "../engine";
import type { WorkbookPort } from "../host/port";
import { loadOps } from "./loadOps";

interface Checked {
  sheet: string;
  findings: Finding[];
}

export interface Marks {
  /** Sheets marked by 标记 and not cleared since. */
  marked: ReadonlySet<string>;
  /** What the last re-check did to a marked sheet's marks (null when it touched none). */
  remarked: { sheet: string; cells: number } | null;
  /** Mark each sheet's findings (notes in the pane's language). */
  mark(sheets: Checked[]): Promise<{ cells: number; notes: boolean }>;
  /** Remove our marks and notes from these sheets. */
  unmark(sheets: string[]): Promise<void>;
  /** After a re-check: mark again those of these sheets that are marked. */
  follow(sheets: Checked[]): Promise<void>;
}

/** Findings with a cell: the ones a mark can show. */
function markable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.cell && f.code !== "no-form");
}

export function useMarks(port: WorkbookPort, locale: Locale): Marks {
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [remarked, setRemarked] = useState<Marks["remarked"]>(null);
  // Read by re-checks started from callbacks that closed over older state.
  const current = useRef<Set<string>>(new Set());
  const update = useCallback((next: Set<string>) => {
    current.current = next;
    setMarked(new Set(next));
  }, []);

  const mark = useCallback(
    async (sheets: Checked[]) => {
      const { markFindings } = await loadOps();
      let cells = 0;
      let notes = true;
      for (const s of sheets) {
        const done = await markFindings(port, s.sheet, markable(s.findings), { locale });
        cells += done.marked;
        notes &&= done.notes;
      }
      update(new Set([...current.current, ...sheets.map((s) => s.sheet)]));
      setRemarked(null);
      return { cells, notes };
    },
    [port, locale, update],
  );

  const unmark = useCallback(
    async (sheets: string[]) => {
      const { clearMarks } = await loadOps();
      for (const sheet of sheets) await clearMarks(port, sheet);
      update(new Set([...current.current].filter((s) => !sheets.includes(s))));
      setRemarked(null);
    },
    [port, update],
  );

  const follow = useCallback(
    async (sheets: Checked[]) => {
      let last: Marks["remarked"] = null;
      for (const s of sheets) {
        if (!current.current.has(s.sheet)) continue;
        const { markFindings } = await loadOps();
        const done = await markFindings(port, s.sheet, markable(s.findings), { locale });
        last = { sheet: s.sheet, cells: done.marked };
      }
      setRemarked(last);
    },
    [port, locale],
  );

  return useMemo(() => ({ marked, remarked, mark, unmark, follow }), [marked, remarked, mark, unmark, follow]);
}
