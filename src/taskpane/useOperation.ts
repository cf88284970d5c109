/**
 * One workbook operation at a time: a busy flag, progress from the operation's onProgress,
 * and a readable error instead of an exception. Excel queues batches anyway; running two
 * operations at once would only interleave their reads and writes.
 */
import { useCallback, useRef, useState } from "react";
import { describeError, type UserMessage } from "./errors";
import type { Strings } from "./strings";

export interface ProgressState {
  done: number;
  total: number;
  label: string;
}

export interface Operation {
  busy: boolean;
  progress: ProgressState | null;
  error: UserMessage | null;
  clearError(): void;
  /**
   * Runs `work`; resolves to its result, or undefined when it failed (the error is shown).
   * `label` (the pane's own words, in the pane's language) replaces the labels an operation reports.
   */
  run<T>(
    work: (onProgress: (done: number, total: number, label: string) => void) => Promise<T>,
    label?: string,
  ): Promise<T | undefined>;
}

export function useOperation(strings: Strings): Operation {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(
      work: (onProgress: (done: number, total: number, label: string) => void) => Promise<T>,
      label?: string,
    ) => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      setProgress(label ? { done: 0, total: 0, label } : null);
      try {
        return await work((done, total, reported) => setProgress({ done, total, label: label ?? reported }));
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
