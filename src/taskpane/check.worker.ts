/**
 * The check worker: runs the engine's detection and validation off the pane's thread, so a long
 * sheet does not freeze the pane while it is checked. Built as its own webpack entry
 * (check-worker.js) and started only when the pane first checks; the engine is pure, so the same
 * code runs here as in the thread.
 */
import { runValidationJob } from "../ops/validateJob";
import type { CheckReply, CheckRequest, WorkerMessage } from "./checkWorkerProtocol";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

function answer(request: CheckRequest): CheckReply {
  try {
    return { id: request.id, check: runValidationJob(request.job) };
  } catch (e) {
    // The pane then runs the job in its own thread, where the error surfaces as it always did.
    return { id: request.id, failed: e instanceof Error ? e.message : String(e) };
  }
}

scope.onmessage = (event) => {
  const reply = answer(event.data);
  try {
    scope.postMessage(reply);
  } catch (e) {
    scope.postMessage({ id: event.data.id, failed: e instanceof Error ? e.message : String(e) });
  }
};
scope.postMessage({ ready: true });
