/**
 * Entry of the light pool worker (dist/cli/ziping-worker.js) for `check` and `review`: what a
 * worker needs to read forms with the light reader and run the engine, without exceljs, JSZip,
 * docx or the other commands. Each worker compiled the whole 3.6 MB CLI bundle before its first
 * file; this bundle is about a seventh of it. A file the light reader leaves to exceljs
 * (ExceljsElsewhere, src/host/exceljs/lib.ts) is handed, whole, to the same task of the full
 * bundle (workerData[FULL_BUNDLE], loaded into this worker on first need), so every file is read
 * exactly as before.
 */
import { createRequire } from "module";
import { workerData } from "worker_threads";
import { exceljsElsewhere, ExceljsElsewhere } from "../host/exceljs/lib";
import { checkTask } from "./commands/check";
import { reviewTask } from "./commands/review";
import { exitOnEscapedError } from "./io";
import { FULL_BUNDLE } from "./pool";
import { startPoolWorker, type PoolTaskRegistry } from "./poolWorker";

const LIGHT_TASKS: PoolTaskRegistry = { check: checkTask, review: reviewTask };

let full: PoolTaskRegistry | undefined;
function fullTasks(): PoolTaskRegistry {
  const file = (workerData as Record<string, unknown>)[FULL_BUNDLE] as string;
  full ??= (createRequire(__filename)(file) as { POOL_TASKS: PoolTaskRegistry }).POOL_TASKS;
  return full;
}

/** The light task, or the full bundle's when the file needs exceljs. */
function handingOn(name: string): (input: never) => Promise<unknown> {
  return async (input: never) => {
    try {
      return await LIGHT_TASKS[name](input);
    } catch (e) {
      if (!(e instanceof ExceljsElsewhere)) throw e;
      return fullTasks()[name](input);
    }
  };
}

exitOnEscapedError();
exceljsElsewhere();
startPoolWorker(Object.fromEntries(Object.keys(LIGHT_TASKS).map((name) => [name, handingOn(name)])));
