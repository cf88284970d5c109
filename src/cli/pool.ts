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
 * Workers run the same file as the parent: the bundled CLI (dist/cli/ziping.js) re-entered with
 * POOL_WORKER_FLAG in workerData (src/cli/main.ts). Where there is no bundle (jest and tsx run the
 * TypeScript sources) the work runs in-process and the timeout only stops waiting for it; set
 * ZIPING_WORKER_SCRIPT to a built bundle to use real workers there too.
 */
import * as os from "os";
import * as v8 from "v8";
import { Worker } from "worker_threads";

export const POOL_WORKER_FLAG = "zipingPoolWorker";

export interface PoolTask<I, R> {
  /** The key of the task in the worker's registry (POOL_TASKS). */
  name: string;
  /** The same work, run in-process when there is no bundle to start workers from. */
  run: (input: I) => Promise<R>;
}

export type PoolFailureKind = "timeout" | "memory" | "crash";

export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; kind: PoolFailureKind; message: string };

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
/** How long a new worker may take to load the bundle before it counts as failed. */
const WORKER_START_SECONDS = 120;

/** Run `task` over `inputs` in worker threads; one outcome per input, in input order. */
export async function runPool<I, R>(
  task: PoolTask<I, R>,
  inputs: I[],
  options: PoolOptions<R> = {},
): Promise<PoolOutcome<R>[]> {
  const script = workerScript();
  if (script) growHeapsFaster();
  const outcomes = new Array<PoolOutcome<R>>(inputs.length);
  let next = 0;
  const settle = (i: number, o: PoolOutcome<R>) => {
    outcomes[i] = o;
    options.onSettled?.(i, o);
  };
  const lane = async () => {
    const runner = script ? new WorkerLane<I, R>(script, task.name, options) : null;
    try {
      while (next < inputs.length) {
        const i = next++;
        settle(i, runner ? await runner.run(inputs[i]) : await inProcess(task, inputs[i], options));
      }
    } finally {
      await runner?.close();
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), inputs.length));
  await Promise.all(Array.from({ length: jobs }, lane));
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

/** The bundle workers start from, or null when running from TypeScript sources. */
function workerScript(): string | null {
  const forced = process.env.ZIPING_WORKER_SCRIPT;
  if (forced) return forced;
  return typeof __filename === "string" && /\.c?js$/.test(__filename) ? __filename : null;
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** One worker thread and the input it is working on; replaced after a timeout or a crash. */
class WorkerLane<I, R> {
  private worker: Worker | null = null;

  constructor(
    private readonly script: string,
    private readonly taskName: string,
    private readonly options: PoolOptions<R>,
  ) {}

  async run(input: I): Promise<PoolOutcome<R>> {
    if (!this.worker) {
      const started = await this.start();
      if (!started.ok) return started.outcome;
      this.worker = started.worker;
    }
    const worker = this.worker;
    const seconds = this.options.timeoutSeconds ?? DEFAULT_POOL_TIMEOUT_SECONDS;
    return new Promise<PoolOutcome<R>>((resolve) => {
      let done = false;
      const finish = (o: PoolOutcome<R>, broken: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (broken) this.discard(worker);
        resolve(o);
      };
      const onMessage = (m: Reply) =>
        finish(m.ok ? { ok: true, value: m.value as R } : failure("crash", this.options, m.error), false);
      const onError = (e: Error) => finish(failureOf(e, this.options), true);
      const onExit = (code: number) => finish(failure("crash", this.options, `exit ${code}`), true);
      const timer = setTimeout(() => finish(failure("timeout", this.options, seconds), true), seconds * 1000);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage({ task: this.taskName, input });
    });
  }

  /**
   * A new worker, once it has loaded the bundle and said so: its start-up (a second or more on
   * a busy machine) is not charged to the file it will work on.
   */
  private start(): Promise<{ ok: true; worker: Worker } | { ok: false; outcome: PoolOutcome<R> }> {
    const memoryMb = this.options.memoryMb ?? DEFAULT_POOL_MEMORY_MB;
    const worker = new Worker(this.script, {
      workerData: { [POOL_WORKER_FLAG]: true },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb / 8) },
      stdout: true, // a worker never prints: the parent owns the output
      stderr: true,
    });
    worker.unref();
    return new Promise((resolve) => {
      const fail = (detail: string) => {
        void worker.terminate().catch(() => undefined);
        resolve({ ok: false, outcome: failure("crash", this.options, detail) });
      };
      const timer = setTimeout(() => fail("start-up timed out"), WORKER_START_SECONDS * 1000);
      worker.once("message", () => {
        clearTimeout(timer);
        worker.off("error", onError).off("exit", onExit);
        resolve({ ok: true, worker });
      });
      const onError = (e: Error) => {
        clearTimeout(timer);
        fail(e.message);
      };
      const onExit = (code: number) => {
        clearTimeout(timer);
        fail(`exit ${code}`);
      };
      worker.once("error", onError).once("exit", onExit);
    });
  }

  /** Stop a worker that timed out, crashed or ran out of memory; the next input gets a new one. */
  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate().catch(() => undefined);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate().catch(() => undefined);
  }
}

/** No bundle to start workers from: run in-process; the timeout stops the wait, not the work. */
async function inProcess<I, R>(task: PoolTask<I, R>, input: I, options: PoolOptions<R>): Promise<PoolOutcome<R>> {
  const seconds = options.timeoutSeconds ?? DEFAULT_POOL_TIMEOUT_SECONDS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PoolOutcome<R>>((resolve) => {
    timer = setTimeout(() => resolve(failure("timeout", options, seconds)), seconds * 1000);
    timer.unref?.();
  });
  try {
    const work = task.run(input).then(
      (value): PoolOutcome<R> => ({ ok: true, value }),
      (e: unknown) => failure("crash", options, e instanceof Error ? e.message : String(e)),
    );
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function failureOf<R>(e: Error, options: PoolOptions<R>): PoolOutcome<R> {
  const code = (e as { code?: string }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap/i.test(e.message)) {
    return failure("memory", options, options.memoryMb ?? DEFAULT_POOL_MEMORY_MB);
  }
  return failure("crash", options, e.message);
}

/** The Chinese (or English) reason a file was not processed. */
function failure<R>(kind: PoolFailureKind, options: PoolOptions<R>, detail?: string | number): PoolOutcome<R> {
  const en = options.lang === "en";
  const text = String(detail ?? "")
    .split("\n")[0]
    .slice(0, 120);
  const message =
    kind === "timeout"
      ? en
        ? `timed out: still running after ${text} s and stopped (raise it with --timeout)`
        : `超时：超过 ${text} 秒仍未完成，已停止处理该文件（可用 --timeout 调整）`
      : kind === "memory"
        ? en
          ? `too large: needed more than ${text} MB of memory and was stopped`
          : `过大：处理该文件所需内存超过 ${text} MB 的上限，已停止`
        : en
          ? `failed: the worker stopped unexpectedly (${text})`
          : `失败：处理该文件时工作线程意外退出（${text}）`;
  return { ok: false, kind, message };
}
