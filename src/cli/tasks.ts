/**
 * Every task the worker pool (./pool.ts) can run, by name. A worker is the CLI bundle re-entered
 * (./main.ts): it finds its work here. Add a command's per-file work as one more entry.
 */
import { commandTask } from "./commands/bounded";
import { checkTask } from "./commands/check";
import { reviewTask } from "./commands/review";
import type { PoolTaskRegistry } from "./poolWorker";

export const POOL_TASKS: PoolTaskRegistry = {
  check: checkTask,
  command: commandTask,
  review: reviewTask,
};
