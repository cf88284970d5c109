/**
 * Entry of ziping-full.js, the heavy half of the bundled CLI: the commands that need exceljs or
 * docx, every pool task, and the pool workers started from this file. The front (./main.ts,
 * ziping.js) loads it on first need through ./heavy.ts; the light worker hands it the files its
 * reader leaves to exceljs (POOL_TASKS).
 */
import { isMainThread, workerData } from "worker_threads";
import { exitOnEscapedError } from "./io";
import { POOL_WORKER_FLAG } from "./pool";
import { startPoolWorker } from "./poolWorker";
import { POOL_TASKS } from "./tasks";

export { runHeavy } from "./heavyRun";
export { POOL_TASKS };

if (require.main === module && !isMainThread && (workerData as Record<string, unknown> | null)?.[POOL_WORKER_FLAG]) {
  exitOnEscapedError();
  startPoolWorker(POOL_TASKS);
}
