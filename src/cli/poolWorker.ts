/**
 * The worker side of ./pool.ts: take inputs from the parent, run the named task on one at a
 * time in the order they came, post each result back. The parent sends the next input before
 * this one is done (./poolLane.ts), so the worker goes straight on to it; the parent alone
 * decides when a worker has taken too long or too much.
 */
import { parentPort } from "worker_threads";

export type PoolTaskRegistry = Record<string, (input: never) => Promise<unknown>>;

interface Job {
  task: string;
  input: unknown;
}

let started = false;

/**
 * Serve the parent's inputs with `tasks`. Once a thread: a CLI bundled into one file (no heavy half
 * beside the front) reaches this from both entries, src/cli/main.ts and src/cli/full.ts, and two
 * listeners would answer every input twice.
 */
export function startPoolWorker(tasks: PoolTaskRegistry): void {
  const port = parentPort;
  if (!port || started) return;
  started = true;
  const queue: Job[] = [];
  let busy = false;
  const runOne = async (m: Job) => {
    const run = tasks[m.task] as ((input: unknown) => Promise<unknown>) | undefined;
    try {
      if (!run) throw new Error(`unknown pool task ${m.task}`);
      port.postMessage({ ok: true, value: await run(m.input) });
    } catch (e) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const drain = async () => {
    busy = true;
    for (let m = queue.shift(); m; m = queue.shift()) await runOne(m);
    busy = false;
  };
  port.on("message", (m: Job) => {
    queue.push(m);
    if (!busy) void drain();
  });
  port.postMessage({ ready: true }); // the parent starts a file's clock only from here
}
