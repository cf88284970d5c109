/**
 * Custom-function benchmarks.
 *
 * functions.recalc.ratio_vs_native — 10,000 indicator rows scored by `=JX.INDICATORSCORE(…)` versus
 *   the equivalent native formula `=ROUND(MIN(D,IF(C>=B,D,D*C/B)),2)` on clean numeric inputs, in
 *   HyperFormula: full recalculations (rebuildAndRecalculate) of each sheet on its own after a
 *   warm-up, best of three; the two columns must agree (to the cent: ties round differently)
 *   before the ratio counts. Goal ≤ 1.5.
 * bundle.functions.gzip_kb — the production functions bundle (dist/functions.js), gzip'd; when
 *   dist/ holds no production build, builds one into a temporary folder. Goal ≤ 30.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
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

interface Measured {
  ms: number;
  scores: unknown[];
}

/**
 * One sheet on its own (so the other's garbage does not land in its timing): build, one warm-up
 * recalculation (JIT), then the best of three full recalculations — the machine is shared, and
 * the minimum is the least disturbed run.
 */
function measure(formula: (row: number) => string): Measured {
  const hf = buildJxWorkbook({ S: sheet(formula) });
  const scores = hf.getSheetValues(0).map((row) => row[4]);
  hf.rebuildAndRecalculate();
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    hf.rebuildAndRecalculate();
    ms = Math.min(ms, performance.now() - t0);
  }
  hf.destroy();
  return { ms, scores };
}

function recalcRatio(): BenchResult[] {
  const native = measure(nativeFormula);
  const jx = measure(jxFormula);
  // HyperFormula's ROUND works on the binary value (7.575 → 7.57); the engine rounds as Excel does
  // (→ 7.58). Such ties may differ by one cent; anything else means the two formulas disagree.
  const differing = jx.scores.findIndex(
    (v, i) => typeof v !== "number" || Math.abs(v - Number(native.scores[i])) > 0.01 + 1e-9,
  );
  if (differing >= 0) {
    const [a, b] = [jx.scores[differing], native.scores[differing]];
    throw new Error(`row ${differing + 1}: JX gives ${String(a)}, native gives ${String(b)}`);
  }
  return [
    { name: "functions.recalc.jx_ms", value: jx.ms, unit: "ms", goal: "info" },
    { name: "functions.recalc.native_ms", value: native.ms, unit: "ms", goal: "info" },
    { name: "functions.recalc.ratio_vs_native", value: jx.ms / native.ms, unit: "x", goal: "<= 1.5" },
  ];
}

/** A development build (readable, with the webpack bootstrap comments) says nothing about size. */
function isProductionBundle(file: string): boolean {
  return fs.existsSync(file) && !fs.readFileSync(file, "utf8").includes("webpackBootstrap");
}

function bundleSize(): BenchResult[] {
  let bundle = path.join(root, "dist", "functions.js");
  if (!isProductionBundle(bundle)) {
    // Build into a temporary folder rather than replacing whatever build someone has in dist/.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-functions-"));
    execFileSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production", "--output-path", out], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    bundle = path.join(out, "functions.js");
  }
  const gz = zlib.gzipSync(fs.readFileSync(bundle), { level: 9 }).length;
  return [{ name: "bundle.functions.gzip_kb", value: gz / 1024, unit: "KB", goal: "<= 30" }];
}

export const run: BenchRun = async () => [...recalcRatio(), ...bundleSize()];
