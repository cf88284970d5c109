/**
 * What the pane needs from its host, handed in by index.tsx (the Office adapter) or by a test
 * (an in-memory port). Components reach it through React context and never touch Office.
 */
import { createContext, useContext } from "react";
import type { Locale, RuleSet } from "../engine";
import type { WorkbookPort } from "../host/port";
import type { Checks } from "./checks";
import type { Strings } from "./strings";
import type { UndoRecord } from "./undo";
import type { Operation } from "./useOperation";

export interface PaneHost {
  port: WorkbookPort;
  /** Select a cell in Excel so the user sees what a finding is about. */
  selectCell(sheet: string, a1: string): Promise<void>;
  /**
   * Recalculate the workbook's formulas, so JX.* cells that follow the workbook's rule set show
   * the new rules' scores. Absent where there are no live formulas (tests, a file).
   */
  recalculate?(): Promise<void>;
  /**
   * Save a file the pane made (the 自评报告 .docx) on the user's computer. Absent where the host
   * cannot save files (Excel on Mac and iPad): the pane then writes to a new sheet instead.
   */
  saveFile?(name: string, data: Blob): Promise<void>;
  locale: Locale;
}

export interface PaneContextValue {
  host: PaneHost;
  strings: Strings;
  /** The shared busy/progress/error state: one workbook operation at a time. */
  op: Operation;
  /** The rule set chosen at the top of the pane (stored in the workbook). */
  ruleSet: RuleSet;
  /** The last check's results, shared so a change the pane makes can check again. */
  checks: Checks;
  /** The last write the pane can undo (stored in the workbook), and how to replace it. */
  undo: {
    record: UndoRecord | null;
    /** True after a write whose record the workbook refused (until the next recorded write). */
    unrecorded: boolean;
    /** After a write: a new record replaces the last; a write that changed nothing keeps it. */
    after(outcome: { record: UndoRecord | null; unrecorded: boolean }): void;
    remember(record: UndoRecord | null): void;
  };
  /** Show the 校验 tab (after a change elsewhere re-ran the check). */
  showTab(tab: TabId): void;
}

export type TabId = "insert" | "check" | "calculate" | "freeze" | "report";

const PaneContext = createContext<PaneContextValue | null>(null);

export const PaneProvider = PaneContext.Provider;

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  // A programming error (a component rendered outside <App>), never a user-facing state.
  if (!value) throw new Error("usePane() outside PaneProvider");
  return value;
}
