/**
 * The worker side of ./pool.ts: take one input at a time from the parent, run the named task,
 * post the result back. The parent alone decides when a worker has taken too long or too much.
 */
import { parentPort } from "worker_threads";

export type PoolTaskRegistry = Record<string, (input: never) => Promise<unknown>>;

export function startPoolWorker(tasks: PoolTaskRegistry): void {
  const port = parentPort;
  if (!port) return;
  port.on("message", (m: { task: string; input: unknown }) => {
    const run = tasks[m.task] as ((input: unknown) => Promise<unknown>) | undefined;
    const work = run ? run(m.input) : Promise.reject(new Error(`unknown pool task ${m.task}`));
    work.then(
      (value) => port.postMessage({ ok: true, value }),
      (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
  port.postMessage({ ready: true }); // the parent starts a file's clock only from here
}
