/**
 * The worker pool under misbehaving work, with real worker threads (test/fixtures/poolProbe.ts
 * bundled as the ziping binary is, run as a process): a worker stuck in a synchronous endless
 * loop is terminated from outside at its time budget (超时), one that exits or throws outside
 * its task is 失败, one whose heap grows past its budget is 过大 — and every other input still
 * gets its answer, none is lost or answered twice, the process ends.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ProbeInput } from "../fixtures/poolProbe";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
let probe: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-pool-probe-"));
  probe = path.join(dir, "probe.js");
  execFileSync(path.join(ROOT, "node_modules/.bin/esbuild"), [
    path.join(ROOT, "test/fixtures/poolProbe.ts"),
    "--bundle",
    "--platform=node",
    "--target=node20",
    `--outfile=${probe}`,
    "--log-level=warning",
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a stuck, an exiting, a throwing and a hogging worker are stopped; every other input is answered", () => {
  const kinds: ProbeInput["kind"][] = ["spin", "ok", "exit", "ok", "throw-later", "ok", "hog", "ok", "spin", "ok"];
  const inputs: ProbeInput[] = kinds.map((kind, n) => ({ kind, n }));
  const started = Date.now();
  const out = execFileSync(process.execPath, [probe, JSON.stringify(inputs)], { timeout: 120_000 }).toString();
  const { outcomes, settled } = JSON.parse(out) as {
    outcomes: ({ ok: true; value: number } | { ok: false; kind: string; message: string })[];
    settled: number[];
  };
  expect(outcomes).toHaveLength(inputs.length);
  expect([...settled].sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i));
  inputs.forEach((input, i) => {
    const o = outcomes[i];
    if (input.kind === "ok") expect(o).toEqual({ ok: true, value: 2 * i });
    if (input.kind === "spin")
      expect(o).toMatchObject({ ok: false, kind: "timeout", message: expect.stringMatching(/^超时：超过 5 秒/) });
    if (input.kind === "exit" || input.kind === "throw-later")
      expect(o).toMatchObject({ ok: false, kind: "crash", message: expect.stringMatching(/^失败：/) });
    if (input.kind === "hog")
      expect(o).toMatchObject({ ok: false, kind: "memory", message: expect.stringMatching(/^过大：.*64 MB/) });
  });
  // Two stuck inputs on two workers: about one time budget each, not a hang.
  expect(Date.now() - started).toBeLessThan(60_000);
}, 120_000);
