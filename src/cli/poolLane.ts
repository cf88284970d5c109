/**
 * One lane of the pool (./pool.ts): a worker thread working through inputs one at a time. The
 * worker always holds the NEXT input queued as well (./poolWorker.ts runs them in order), so it
 * never sits idle waiting for the parent between two files: on a busy machine that round trip
 * (the parent thread must be scheduled to read the result and send more) left a worker idle a
 * third of the time. The parent still knows which input the worker is on — the oldest one sent
 * and not answered — and starts that input's clock when the answer before it arrives.
 */
import { Worker } from "worker_threads";
import { poolFailure, poolFailureOf, type PoolFailure, type PoolLang } from "./poolFailure";

/** Inputs a worker holds at once: the one it works on and the next. */
const QUEUED = 2;
/** How long a new worker may take to load the bundle before it counts as failed. */
const WORKER_START_SECONDS = 120;

export interface Job<I> {
  index: number;
  input: I;
}

export type LaneOutcome = { ok: true; value: unknown } | PoolFailure;

export interface LaneSettings {
  script: string;
  taskName: string;
  workerData: Record<string, unknown>;
  timeoutSeconds: number;
  memoryMb: number;
  lang: PoolLang;
  /** The next input for any lane, or undefined when none is left. */
  take: () => Job<unknown> | undefined;
  settle: (index: number, outcome: LaneOutcome) => void;
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Work through inputs until none is left; a worker that fails is replaced and its queue retried. */
export async function runLane(settings: LaneSettings): Promise<void> {
  const retry: Job<unknown>[] = [];
  for (;;) {
    const first = retry.shift() ?? settings.take();
    if (!first) return;
    const started = await startWorker(settings);
    if (!started.ok) {
      settings.settle(first.index, started.outcome);
      continue;
    }
    const finished = await runOn(started.worker, first, retry, settings);
    if (finished) await started.worker.terminate().catch(() => undefined);
  }
}

/**
 * Feed one worker until no input is left (true) or it fails on an input (false: that input is
 * settled as failed, the worker stopped, the inputs it had not begun put back into `retry`).
 */
function runOn(worker: Worker, first: Job<unknown>, retry: Job<unknown>[], s: LaneSettings): Promise<boolean> {
  return new Promise((resolve) => {
    const sent: Job<unknown>[] = [];
    let timer: NodeJS.Timeout | undefined;
    const send = (job: Job<unknown>) => {
      sent.push(job);
      worker.postMessage({ task: s.taskName, input: job.input });
    };
    const fill = () => {
      while (sent.length < QUEUED) {
        const job = retry.shift() ?? s.take();
        if (!job) return;
        send(job);
      }
    };
    // The clock of the input the worker is on: from when it was sent, or the answer before it came.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(poolFailure("timeout", s.lang, s.timeoutSeconds)), s.timeoutSeconds * 1000);
    };
    const end = (finished: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      resolve(finished);
    };
    const fail = (outcome: PoolFailure) => {
      const failed = sent.shift()!;
      retry.unshift(...sent);
      end(false);
      void worker.terminate().catch(() => undefined);
      s.settle(failed.index, outcome);
    };
    const onMessage = (m: Reply) => {
      const job = sent.shift()!;
      fill();
      if (sent.length > 0) arm();
      else end(true);
      s.settle(job.index, m.ok ? { ok: true, value: m.value } : poolFailure("crash", s.lang, m.error));
    };
    const onError = (e: Error) => fail(poolFailureOf(e, s.lang, s.memoryMb));
    const onExit = (code: number) => fail(poolFailure("crash", s.lang, `exit ${code}`));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    send(first);
    arm();
    fill();
  });
}

/**
 * A new worker, once it has loaded the bundle and said so: its start-up (a second or more on
 * a busy machine) is not charged to the file it will work on.
 */
function startWorker(s: LaneSettings): Promise<{ ok: true; worker: Worker } | { ok: false; outcome: PoolFailure }> {
  const worker = new Worker(s.script, {
    workerData: s.workerData,
    resourceLimits: { maxOldGenerationSizeMb: s.memoryMb, maxYoungGenerationSizeMb: Math.min(64, s.memoryMb / 8) },
    stdout: true, // a worker never prints: the parent owns the output
    stderr: true,
  });
  worker.unref();
  return new Promise((resolve) => {
    const fail = (detail: string) => {
      void worker.terminate().catch(() => undefined);
      resolve({ ok: false, outcome: poolFailure("crash", s.lang, detail) });
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
