/**
 * The worker pool (src/cli/pool.ts) with real worker threads: the built CLI bundle re-entered as a
 * worker (ZIPING_WORKER_SCRIPT). A file past its memory budget is stopped from outside and
 * reported as 过大; the worker is replaced and the next file is checked; outcomes keep input order.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkTask, type CheckInput, type FileResult } from "../../src/cli/commands/check";
import { runPool } from "../../src/cli/pool";
import { bundleCli } from "../fixtures/cliBundle";
import { loadableCells } from "../hostile/hostileFiles";

const root = path.resolve(__dirname, "../..");
const bundle = path.join(root, "dist/cli/ziping.js");
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(bundle)) bundleCli(path.dirname(bundle));
  process.env.ZIPING_WORKER_SCRIPT = bundle;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-pool-"));
});
afterAll(() => {
  delete process.env.ZIPING_WORKER_SCRIPT;
  fs.rmSync(dir, { recursive: true, force: true });
});

const input = (file: string): CheckInput => ({ file, display: path.basename(file), locale: "zh-CN" });

test("a file past the memory budget is 过大, the worker is replaced, the rest keep their order", async () => {
  const big = path.join(dir, "big.xlsx");
  fs.writeFileSync(big, loadableCells(600_000));
  const good = path.join(root, "test/published/anhui-2022-chizhou-tangxi-weituo.xlsx");
  const settled: number[] = [];
  const outcomes = await runPool<CheckInput, FileResult>(
    { name: "check", run: checkTask },
    [input(good), input(big), input(good)],
    { jobs: 1, memoryMb: 128, timeoutSeconds: 120, onSettled: (i) => settled.push(i) },
  );
  expect(outcomes[0].ok).toBe(true);
  expect(outcomes[1]).toEqual({ ok: false, kind: "memory", message: expect.stringMatching(/^过大：.*128 MB/) });
  expect(outcomes[2]).toEqual(outcomes[0]);
  expect(settled.sort()).toEqual([0, 1, 2]);
});

test("without a bundle the same task runs in-process, results in input order", async () => {
  delete process.env.ZIPING_WORKER_SCRIPT;
  try {
    const good = path.join(root, "test/published/anhui-2022-chizhou-tangxi-weituo.xlsx");
    const outcomes = await runPool({ name: "check", run: checkTask }, [input(good), input("/nonexistent.xlsx")], {
      jobs: 2,
    });
    expect(outcomes[0].ok && outcomes[0].value.unreadable).toBe(false);
    expect(outcomes[1].ok && outcomes[1].value.unreadable).toBe(true);
  } finally {
    process.env.ZIPING_WORKER_SCRIPT = bundle;
  }
});

test("a worker stopped at its timeout gives back the input it had queued: a new worker checks it", async () => {
  const slow = path.join(dir, "slow.xlsx");
  fs.writeFileSync(slow, loadableCells(600_000));
  const good = path.join(root, "test/published/anhui-2022-chizhou-tangxi-weituo.xlsx");
  // One worker: it holds the good file queued behind the slow one when the slow one is stopped.
  const outcomes = await runPool<CheckInput, FileResult>(
    { name: "check", run: checkTask },
    [input(slow), input(good), input(good)],
    { jobs: 1, timeoutSeconds: 2 },
  );
  expect(outcomes[0]).toEqual({ ok: false, kind: "timeout", message: expect.stringMatching(/^超时：超过 2 秒/) });
  expect(outcomes[1].ok && outcomes[1].value.unreadable).toBe(false);
  expect(outcomes[2]).toEqual(outcomes[1]);
});
