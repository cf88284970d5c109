/**
 * A pool of worker threads for per-file work, with each file's time and memory budget enforced
 * from OUTSIDE the worker: a worker stuck in synchronous work (a hostile file) is terminated by
 * the parent, its file is reported as 超时 / 过大 / 失败 with a Chinese reason, a fresh worker takes
 * its place, and the other files go on. `--timeout` could not stop CPU-bound work before.
 *
 * API (shared by `ziping check` and `ziping review`):
 *
 *   // 1. A task: a name the worker looks up, and the function itself. Inputs and results must
 *   //    be structured-clone data (no class instances, no functions).
 *   const task: PoolTask<CheckInput, FileResult> = { name: "check", run: checkTask };
 *   // 2. Register every task where the worker starts (src/cli/tasks.ts → POOL_TASKS).
 *   // 3. Run it over the inputs: one outcome per input, in input order; never rejects.
 *   const outcomes = await runPool(task, inputs, { jobs: 4, timeoutSeconds: 120, memoryMb: 768,
 *     onSettled: (index, outcome) => progress() });
 *   // outcome: { ok: true, value } | { ok: false, kind: "timeout" | "memory" | "crash", message }
 *
 * Workers run the bundled CLI's heavy half (ziping-full.js beside the front dist/cli/ziping.js,
 * src/cli/full.ts) re-entered with POOL_WORKER_FLAG in workerData — except `check` and `review`,
 * which start from the light worker bundle beside it (ziping-worker.js, src/cli/lightWorker.ts).
 * Where there is no bundle (jest and tsx run the TypeScript sources) the work runs in-process and
 * the timeout only stops waiting for it; set ZIPING_WORKER_SCRIPT to a built bundle to use real
 * workers there too (that bundle then runs every task).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import { runLane, type LaneSettings } from "./poolLane";
import { poolFailure, type PoolFailure } from "./poolFailure";

export const POOL_WORKER_FLAG = "zipingPoolWorker";
/** workerData key: the full CLI bundle, for the light worker to hand on a file that needs exceljs. */
export const FULL_BUNDLE = "zipingFullBundle";
/** The light worker bundle's file name, beside the CLI bundle, and the tasks it runs. */
export const LIGHT_WORKER_FILE = "ziping-worker.js";
/** The heavy half's file name (src/cli/full.ts), beside the front: every task, exceljs included. */
export const FULL_BUNDLE_FILE = "ziping-full.js";
const LIGHT_TASKS = new Set(["check", "review"]);

export interface PoolTask<I, R> {
  /** The key of the task in the worker's registry (POOL_TASKS). */
  name: string;
  /** The same work, run in-process when there is no bundle to start workers from. */
  run: (input: I) => Promise<R>;
}

export type { PoolFailureKind } from "./poolFailure";

export type PoolOutcome<R> = { ok: true; value: R } | PoolFailure;

export interface PoolOptions<R> {
  /** Workers at most (default: the machine's available cores); never more than inputs. */
  jobs?: number;
  /** Seconds one input may take once a worker started it (default 120). */
  timeoutSeconds?: number;
  /** Heap budget of each worker in MB (default 768): past it the worker is stopped, the file is 过大. */
  memoryMb?: number;
  /** Called as each input settles (any order): for progress lines. */
  onSettled?: (index: number, outcome: PoolOutcome<R>) => void;
  lang?: "zh-CN" | "en";
}

export const DEFAULT_POOL_TIMEOUT_SECONDS = 120;
export const DEFAULT_POOL_MEMORY_MB = 768;

/** Run `task` over `inputs` in worker threads; one outcome per input, in input order. */
export async function runPool<I, R>(
  task: PoolTask<I, R>,
  inputs: I[],
  options: PoolOptions<R> = {},
): Promise<PoolOutcome<R>[]> {
  const script = workerScript(task.name);
  const outcomes = new Array<PoolOutcome<R>>(inputs.length);
  let next = 0;
  const take = () => (next < inputs.length ? { index: next, input: inputs[next++] } : undefined);
  const settle = (i: number, o: PoolOutcome<R>) => {
    outcomes[i] = o;
    options.onSettled?.(i, o);
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), inputs.length));
  if (script) {
    growHeapsFaster();
    const settings: LaneSettings = {
      script: script.file,
      taskName: task.name,
      workerData: { [POOL_WORKER_FLAG]: true, [FULL_BUNDLE]: script.full },
      timeoutSeconds: options.timeoutSeconds ?? DEFAULT_POOL_TIMEOUT_SECONDS,
      memoryMb: options.memoryMb ?? DEFAULT_POOL_MEMORY_MB,
      lang: options.lang,
      take,
      settle: settle as LaneSettings["settle"],
    };
    await Promise.all(Array.from({ length: jobs }, () => runLane(settings)));
  } else {
    const lane = async () => {
      for (let job = take(); job; job = take()) settle(job.index, await inProcess(task, job.input, options));
    };
    await Promise.all(Array.from({ length: jobs }, lane));
  }
  return outcomes;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * A worker's heap limit (resourceLimits, our memory budget) also sets how far V8 lets the old
 * generation grow between full collections: under 2 GB it grows by only ~1.1–1.5×, so a worker
 * holding ~20 MB of live objects ran a full mark-compact every few files (40 in 300 files, about
 * a third of its time). The growing factor is a process-wide V8 flag (a worker cannot take V8
 * options); set once before the first worker starts. The budget itself is unchanged: V8 still
 * collects fully at the limit and the worker is stopped past it.
 */
let heapGrowthSet = false;
function growHeapsFaster(): void {
  if (heapGrowthSet) return;
  heapGrowthSet = true;
  v8.setFlagsFromString("--heap-growing-percent=200");
}

/** The bundle workers of `task` start from (and the full one), or null when running from TypeScript sources. */
function workerScript(task: string): { file: string; full: string } | null {
  const forced = process.env.ZIPING_WORKER_SCRIPT;
  if (forced) return { file: forced, full: forced };
  if (typeof __filename !== "string" || !/\.c?js$/.test(__filename)) return null;
  const beside = (name: string) => path.join(path.dirname(__filename), name);
  // This file is the front (ziping.js) or the heavy half itself, in one directory.
  const full = fs.existsSync(beside(FULL_BUNDLE_FILE)) ? beside(FULL_BUNDLE_FILE) : __filename;
  const light = beside(LIGHT_WORKER_FILE);
  return { file: LIGHT_TASKS.has(task) && fs.existsSync(light) ? light : full, full };
}

/** No bundle to start workers from: run in-process; the timeout stops the wait, not the work. */
async function inProcess<I, R>(task: PoolTask<I, R>, input: I, options: PoolOptions<R>): Promise<PoolOutcome<R>> {
  const seconds = options.timeoutSeconds ?? DEFAULT_POOL_TIMEOUT_SECONDS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PoolOutcome<R>>((resolve) => {
    timer = setTimeout(() => resolve(poolFailure("timeout", options.lang, seconds)), seconds * 1000);
    timer.unref?.();
  });
  try {
    const work = task.run(input).then(
      (value): PoolOutcome<R> => ({ ok: true, value }),
      (e: unknown) => poolFailure("crash", options.lang, e instanceof Error ? e.message : String(e)),
    );
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
