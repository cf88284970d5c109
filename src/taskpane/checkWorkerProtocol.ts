/** The messages between the pane and its check worker (check.worker.ts). Types only. */
import type { SheetCheck } from "../engine";
import type { ValidationJob } from "../ops/validateJob";

export interface CheckRequest {
  id: number;
  job: ValidationJob;
}

/** The worker's first message, once its code has loaded: it can take jobs. */
export interface WorkerReady {
  ready: true;
}

export type CheckReply = { id: number; check: SheetCheck } | { id: number; failed: string };

export type WorkerMessage = WorkerReady | CheckReply;

/** The worker's file, beside the pane's scripts (a webpack entry of its own, loaded on demand). */
export const CHECK_WORKER_FILE = "check-worker.js";
