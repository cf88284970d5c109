/**
 * cli.check_200.ratio_vs_load: `ziping check` through the CLI's own run() (the code the binary
 * runs, in this process) on 200 generated workbooks of about 30 indicator rows each, against
 * exceljs merely loading the same files one after another. One run each, after a one-file
 * warm-up of both paths, alternating in batches of 20. Goal ≤ 1.3.
 * cli.check_200.binary_ratio_vs_load: the bundled binary started as a process on the same folder
 * (adds Node start-up and a cold JIT), for information.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { run as runCli } from "../src/cli/run";
import { bundleCli } from "../test/fixtures/cliBundle";
import { generateProjectSheet } from "../test/fixtures/generate";
import { writeSnapshots } from "../test/ops/xlsx";
import type { BenchResult, BenchRun } from "./types";

const FILES = 200;
const ROWS = 30;
const BATCH = 20;

async function makeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const file = path.join(dir, `form${String(i).padStart(3, "0")}.xlsx`);
    const sheet = generateProjectSheet(ROWS + (i % 5));
    await writeSnapshots(file, [{ ...sheet, name: "自评表" }]);
    files.push(file);
  }
  return files;
}

async function loadAll(files: string[]): Promise<void> {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
  }
}

async function checkAll(dir: string, files: string[] = [dir]): Promise<number> {
  let out = "";
  const code = await runCli(["check", ...files, "--format", "json"], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    cwd: dir,
  });
  if (code === 2) throw new Error(`check failed: ${out.slice(0, 300)}`);
  return (JSON.parse(out) as unknown[]).length;
}

function checkWithBinary(bin: string, dir: string): number {
  const r = spawnSync(process.execPath, [bin, "check", dir, "--format", "json"], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status === 2) throw new Error(`check failed: ${r.stderr.slice(0, 300)}`);
  return (JSON.parse(r.stdout) as unknown[]).length;
}

export const run: BenchRun = async (): Promise<BenchResult[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bench-cli-"));
  const files = await makeFiles(dir);
  // Warm-up: module loading and JIT for both paths, on a folder of one file.
  const warm = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bench-warm-"));
  fs.copyFileSync(files[0], path.join(warm, "w.xlsx"));
  await loadAll([files[0]]);
  await checkAll(warm);

  // The machine is shared: the two paths alternate over batches of files (which goes first
  // alternates too), so a burst of outside load hits both alike. Every file is still loaded
  // once and checked once.
  let load = 0;
  let check = 0;
  let findings = 0;
  for (let b = 0; b < FILES / BATCH; b++) {
    const batch = files.slice(b * BATCH, (b + 1) * BATCH);
    const timeLoad = async () => {
      const t = performance.now();
      await loadAll(batch);
      load += performance.now() - t;
    };
    const timeCheck = async () => {
      const t = performance.now();
      findings += await checkAll(dir, batch);
      check += performance.now() - t;
    };
    if (b % 2) {
      await timeCheck();
      await timeLoad();
    } else {
      await timeLoad();
      await timeCheck();
    }
  }
  const binDir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bench-bin-"));
  const bin = bundleCli(binDir);
  const t2 = performance.now();
  checkWithBinary(bin, dir);
  const binary = performance.now() - t2;
  fs.rmSync(binDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(warm, { recursive: true, force: true });
  process.stderr.write(
    `cli bench: load ${load.toFixed(0)} ms, check ${check.toFixed(0)} ms (binary ${binary.toFixed(0)} ms), ${findings} findings\n`,
  );
  return [
    { name: "cli.check_200.ratio_vs_load", value: check / load, unit: "ratio", goal: "<= 1.3" },
    { name: "cli.check_200.binary_ratio_vs_load", value: binary / load, unit: "ratio", goal: "info" },
  ];
};
