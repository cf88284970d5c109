/**
 * The pane's side of the check worker: validation jobs go to a Web Worker, so checking a long
 * sheet leaves the pane answering the clerk. Where there is no worker (jsdom, a host that forbids
 * them, a worker file that fails to load or dies) every job runs in the pane's own thread instead,
 * with the same engine, so the results are the same either way — only the pane's responsiveness
 * differs.
 */
import type { SheetCheck } from "../engine";
import type { SheetValidator, ValidationJob } from "../ops/validateJob";
import { CHECK_WORKER_FILE, type CheckRequest, type WorkerMessage } from "./checkWorkerProtocol";
import { nextTask } from "./nextTask";

/** What the client needs of a Worker (a test passes its own). */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
}

export type CreateWorker = () => WorkerLike | null;

/** A worker that has not said it is ready by then is taken as unavailable (its jobs run here). */
const START_TIMEOUT_MS = 10_000;

declare const __webpack_public_path__: string;

/** Where webpack put the pane's scripts (the worker file is beside them); the page's folder otherwise. */
function workerUrl(): string {
  const base = typeof __webpack_public_path__ === "string" ? __webpack_public_path__ : "";
  return new URL(base + CHECK_WORKER_FILE, document.baseURI).href;
}

export const createCheckWorker: CreateWorker = () => {
  if (typeof Worker === "undefined" || typeof document === "undefined") return null;
  try {
    return new Worker(workerUrl(), { name: "jx-check" }) as unknown as WorkerLike;
  } catch {
    return null;
  }
};

interface Pending {
  resolve(check: SheetCheck): void;
  reject(reason: Error): void;
}

export class CheckWorkerClient {
  private worker: WorkerLike | null = null;
  private started: Promise<boolean> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly fallback: SheetValidator,
    private readonly create: CreateWorker = createCheckWorker,
    private readonly startTimeoutMs = START_TIMEOUT_MS,
  ) {}

  /** Start the worker now (its code loads while the sheet is read); later calls do nothing. */
  warm(): void {
    void this.start();
  }

  /**
   * Validate in the worker; in this thread when there is none or it failed. The job is posted at
   * once, while the worker may still be loading (the browser keeps it until the worker listens):
   * copying the sheet overlaps the worker's start instead of waiting for its "ready".
   */
  readonly validate: SheetValidator = async (job) => {
    // Not in the task that read the sheet: copying it to the worker (or checking it here) is a task of its own.
    await nextTask();
    void this.start();
    if (!this.worker) return this.fallback(job);
    try {
      return await this.send(job);
    } catch {
      this.stop();
      return this.fallback(job);
    }
  };

  /** Stop the worker (the pane is going away); a later job would start a new one. */
  dispose(): void {
    this.stop();
    this.started = null;
  }

  private start(): Promise<boolean> {
    this.started ??= this.boot();
    return this.started;
  }

  /**
   * Resolves true once the worker says it is ready, false when it cannot start (no Worker, the file
   * fails to load, no "ready" in time): then it is stopped, and its jobs run in this thread.
   */
  private boot(): Promise<boolean> {
    const worker = this.create();
    if (!worker) return Promise.resolve(false);
    this.worker = worker;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.stop();
        resolve(false);
      }, this.startTimeoutMs);
      const failAll = () => {
        clearTimeout(timer);
        this.stop();
        resolve(false);
      };
      worker.onerror = failAll;
      worker.onmessageerror = failAll;
      // Replies settle their jobs; an error or a reply that cannot be read fails them all.
      worker.onmessage = ({ data }) => {
        if ("ready" in data) {
          clearTimeout(timer);
          return resolve(true);
        }
        const job = this.pending.get(data.id);
        this.pending.delete(data.id);
        if ("check" in data) job?.resolve(data.check);
        else job?.reject(new Error(data.failed));
      };
    });
  }

  private send(job: ValidationJob): Promise<SheetCheck> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("no check worker"));
    const id = this.nextId++;
    return new Promise<SheetCheck>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, job });
      } catch (e) {
        // Something in the job cannot be copied to a worker: it runs here instead.
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** No more worker: pending jobs fail (and run in this thread), and so do later ones. */
  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.started = Promise.resolve(false);
    worker?.terminate();
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const j of jobs) j.reject(new Error("check worker stopped"));
  }
}
