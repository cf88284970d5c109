/**
 * One workbook operation at a time: a busy flag, progress from the operation's onProgress,
 * and a readable error instead of an exception. Excel queues batches anyway; running two
 * operations at once would only interleave their reads and writes.
 */
import { useCallback, useRef, useState } from "react";
import { progressText, type OnProgress } from "../ops/progress";
import { describeError, type UserMessage } from "./errors";
import type { Strings } from "./strings";

export interface ProgressState {
  done: number;
  total: number;
  label: string;
}

/** Progress the pane reports in its own words (already in the pane's language). */
export type PaneProgress = (done: number, total: number, label: string) => void;

export interface Operation {
  busy: boolean;
  progress: ProgressState | null;
  error: UserMessage | null;
  clearError(): void;
  /**
   * Runs `work`; resolves to its result, or undefined when it failed (the error is shown).
   * `label` (the pane's own words for the whole operation) stands for the steps an operation
   * reports; without one, each step is shown in the pane's language.
   */
  run<T>(work: (onProgress: OnProgress, say: PaneProgress) => Promise<T>, label?: string): Promise<T | undefined>;
}

export function useOperation(strings: Strings): Operation {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(work: (onProgress: OnProgress, say: PaneProgress) => Promise<T>, label?: string) => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      setProgress(label ? { done: 0, total: 0, label } : null);
      try {
        return await work(
          (done, total, step) => setProgress({ done, total, label: label ?? progressText(step, strings.locale) }),
          (done, total, said) => setProgress({ done, total, label: said }),
        );
      } catch (e) {
        setError(describeError(e, strings));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [strings],
  );

  return { busy, progress, error, clearError: useCallback(() => setError(null), []), run };
}
