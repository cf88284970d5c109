/**
 * Ends the current main-thread task and resumes in a later one, so the pane can paint and answer
 * the clerk between the stages of a long operation (reading a sheet, validating it, showing the
 * results) instead of freezing for all of them at once. scheduler.yield where the browser has it
 * (it resumes ahead of other queued work); a timer elsewhere (jsdom, older Office webviews).
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
