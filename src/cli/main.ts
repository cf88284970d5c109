/**
 * Entry of the bundled `ziping` binary (dist/cli/ziping.js), the CLI's small front: it runs help,
 * rules, check and review itself (their per-file work runs in light workers, ./lightWorker.ts) and
 * loads the heavy half (./full.ts, ziping-full.js) for the other commands (./heavy.ts). Started as
 * a pool worker (ZIPING_WORKER_SCRIPT names it) it serves every task of the heavy half.
 */
import { isMainThread, workerData } from "worker_threads";
import { heavyCommands } from "./heavy";
import { exitOnEscapedError, processIo } from "./io";
import { POOL_WORKER_FLAG } from "./pool";
import { startPoolWorker } from "./poolWorker";
import { run } from "./run";

if (require.main === module) {
  exitOnEscapedError();
  if (!isMainThread && (workerData as Record<string, unknown> | null)?.[POOL_WORKER_FLAG]) {
    startPoolWorker(heavyCommands().POOL_TASKS);
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
