/**
 * cli.review_1000.ratio_vs_single_load: `ziping review` of 1,000 generated workbooks (the CLI
 * bundled fresh and started as a process, as a reviewer runs it, with its default worker pool —
 * one worker per core) against exceljs merely loading the same files one after another in one
 * thread. One run each, after a warm-up of both. Goal ≤ 0.7.
 *
 * Measured 3.19 on a quiet machine before the worker fixes of docs/cli.md § Speed (full GCs under the
 * workers' heap budget, workers waiting for the parent, JSZip's JavaScript inflate, one style per cell), 1.43
 * after them. check and review now read forms with the light reader (src/host/exceljs/light); the same run
 * also reviews with ZIPING_READER=exceljs (the reader before it) and reports the CPU time of the process and
 * its worker threads, since on the shared machine wall times say little. Since then the summary is written
 * part by part (src/cli/review/xlsxParts.ts) and check/review workers start from the light worker bundle
 * (ziping-worker.js, bundled beside the CLI by bundleCli): docs/cli.md § Speed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { bundleCli } from "../test/fixtures/cliBundle";
import { generateProjectSheet } from "../test/fixtures/generate";
import { writeSnapshots } from "../test/ops/xlsx";
import type { BenchResult, BenchRun } from "./types";

const FILES = 1000;
const VARIANTS = 20;

async function makeFiles(dir: string): Promise<string[]> {
  const variants: string[] = [];
  for (let i = 0; i < VARIANTS; i++) {
    const file = path.join(dir, `v${i}.xlsx`);
    await writeSnapshots(file, [{ ...generateProjectSheet(20 + i), name: "自评表" }]);
    variants.push(file);
  }
  const forms = path.join(dir, "forms");
  fs.mkdirSync(forms);
  return Array.from({ length: FILES }, (_, i) => {
    const file = path.join(forms, `单位${i}.xlsx`);
    fs.copyFileSync(variants[i % VARIANTS], file);
    return file;
  });
}

/** Wall and CPU milliseconds of exceljs loading every file in this thread. */
async function loadAll(files: string[]): Promise<{ wall: number; cpu: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

/**
 * Wall and CPU milliseconds (the process and its worker threads: bash's `time` of the child) of one
 * review; `reader` "exceljs" is the review as it was before the light reader (ZIPING_READER).
 */
function review(
  bin: string,
  dir: string,
  folder: string,
  out: string,
  reader = "light",
): { wall: number; cpu: number } {
  const t = performance.now();
  const script = 'TIMEFORMAT="%U %S"; time "$0" "$@"';
  const r = spawnSync("bash", ["-c", script, process.execPath, bin, "review", folder, "-o", out], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ZIPING_READER: reader },
  });
  const wall = performance.now() - t;
  if (r.status === 2 || !fs.existsSync(path.join(dir, out)))
    throw new Error(`review failed: ${r.stderr.slice(0, 300)}`);
  const [user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { wall, cpu: (user + sys) * 1000 };
}

const perFile = (ms: number) => ms / FILES;

export const run: BenchRun = async (): Promise<BenchResult[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bench-review-"));
  const files = await makeFiles(dir);
  const bin = bundleCli(dir);
  await loadAll(files.slice(0, 20)); // warm-up of every path
  review(bin, dir, files[0], "warm.xlsx");
  review(bin, dir, files[0], "warm2.xlsx", "exceljs");
  const load = await loadAll(files);
  const light = review(bin, dir, "forms", "汇总.xlsx");
  const before = review(bin, dir, "forms", "汇总-exceljs.xlsx", "exceljs");
  fs.rmSync(dir, { recursive: true, force: true });
  const line = (what: string, m: { wall: number; cpu: number }) =>
    `${what} ${m.wall.toFixed(0)} ms wall, ${perFile(m.cpu).toFixed(2)} ms CPU a file`;
  process.stderr.write(
    `review bench: ${line("load", load)}; ${line("review", light)}; ${line("review with the exceljs reader", before)}\n`,
  );
  return [
    { name: "cli.review_1000.ratio_vs_single_load", value: light.wall / load.wall, unit: "ratio", goal: "<= 0.7" },
    { name: "cli.review_1000.cpu_ratio_vs_single_load", value: light.cpu / load.cpu, unit: "ratio", goal: "" },
    {
      name: "cli.review_1000.exceljs_reader_ratio_vs_single_load",
      value: before.wall / load.wall,
      unit: "ratio",
      goal: "",
    },
    { name: "cli.review_1000.exceljs_reader_cpu_ratio", value: before.cpu / load.cpu, unit: "ratio", goal: "" },
  ];
};
