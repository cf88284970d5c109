/**
 * Entry of the bundled `ziping` binary (dist/cli/ziping.js), and of its worker threads (./pool.ts).
 * Loaded by the light pool worker (./lightWorker.ts) for a file that needs exceljs: then it runs
 * nothing and only lends its tasks (POOL_TASKS).
 */
import { isMainThread, workerData } from "worker_threads";
import { processIo } from "./io";
import { POOL_WORKER_FLAG } from "./pool";
import { startPoolWorker } from "./poolWorker";
import { run } from "./run";
import { POOL_TASKS } from "./tasks";

export { POOL_TASKS };

if (require.main === module) {
  // An error escaping everything (a bug) still ends as one line and exit 2, never a stack trace.
  process.on("uncaughtException", (e) => {
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });

  if (!isMainThread && (workerData as Record<string, unknown> | null)?.[POOL_WORKER_FLAG]) {
    startPoolWorker(POOL_TASKS);
  } else {
    run(process.argv.slice(2), processIo()).then(
      (code) => {
        process.exitCode = code;
      },
      () => {
        process.exitCode = 2;
      },
    );
  }
}
