/**
 * Custom-function benchmarks.
 *
 * functions.recalc.ratio_vs_native — 10,000 indicator rows scored by `=JX.INDICATORSCORE(…)` versus
 *   the equivalent native formula `=ROUND(MIN(D,IF(C>=B,D,D*C/B)),2)` on clean numeric inputs, in
 *   HyperFormula: one full recalculation (rebuildAndRecalculate) of each sheet after a warm-up;
 *   the two columns must agree (to the cent: ties round differently) before the ratio counts. Goal ≤ 1.5.
 * bundle.functions.gzip_kb — the production functions bundle (dist/functions.js), gzip'd; builds
 *   dist/ with webpack when it is missing. Goal ≤ 30.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import type { HyperFormula } from "hyperformula";
import { buildJxWorkbook } from "../test/functions/hfJx";
import type { BenchResult, BenchRun } from "./types";

const ROWS = 10_000;
const root = path.resolve(__dirname, "..");

/** Deterministic inputs (a small LCG), so every run scores the same table. */
function inputs(): [string, number, number, number][] {
  let seed = 20231;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const weights = [10, 20, 40];
  return Array.from({ length: ROWS }, () => {
    const target = 1 + Math.floor(next() * 100);
    const actual = Math.round(next() * target * 1.2 * 100) / 100;
    return ["≥", target, actual, weights[Math.floor(next() * 3)]];
  });
}

function sheet(formula: (row: number) => string): unknown[][] {
  return inputs().map((r, i) => [...r, formula(i + 1)]);
}

const jxFormula = (r: number) => `=JX.INDICATORSCORE(A${r},B${r},C${r},D${r})`;
const nativeFormula = (r: number) => `=ROUND(MIN(D${r},IF(C${r}>=B${r},D${r},D${r}*C${r}/B${r})),2)`;

function timedRecalc(hf: HyperFormula): number {
  hf.rebuildAndRecalculate(); // warm-up: JIT and caches
  const t0 = performance.now();
  hf.rebuildAndRecalculate();
  return performance.now() - t0;
}

function scores(hf: HyperFormula): unknown[] {
  return hf.getSheetValues(0).map((row) => row[4]);
}

function recalcRatio(): BenchResult[] {
  const jx = buildJxWorkbook({ S: sheet(jxFormula) });
  const native = buildJxWorkbook({ S: sheet(nativeFormula) });
  const a = scores(jx);
  const b = scores(native);
  // HyperFormula's ROUND works on the binary value (7.575 → 7.57); the engine rounds as Excel does
  // (→ 7.58). Such ties may differ by one cent; anything else means the two formulas disagree.
  const differing = a.findIndex((v, i) => typeof v !== "number" || Math.abs(v - Number(b[i])) > 0.01 + 1e-9);
  if (differing >= 0) {
    throw new Error(`row ${differing + 1}: JX gives ${String(a[differing])}, native gives ${String(b[differing])}`);
  }
  const tJx = timedRecalc(jx);
  const tNative = timedRecalc(native);
  jx.destroy();
  native.destroy();
  return [
    { name: "functions.recalc.jx_ms", value: tJx, unit: "ms", goal: "info" },
    { name: "functions.recalc.native_ms", value: tNative, unit: "ms", goal: "info" },
    { name: "functions.recalc.ratio_vs_native", value: tJx / tNative, unit: "x", goal: "<= 1.5" },
  ];
}

function bundleSize(): BenchResult[] {
  const bundle = path.join(root, "dist", "functions.js");
  if (!fs.existsSync(bundle)) {
    execFileSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const gz = zlib.gzipSync(fs.readFileSync(bundle), { level: 9 }).length;
  return [{ name: "bundle.functions.gzip_kb", value: gz / 1024, unit: "KB", goal: "<= 30" }];
}

export const run: BenchRun = async () => [...recalcRatio(), ...bundleSize()];
