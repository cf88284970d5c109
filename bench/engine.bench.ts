/**
 * Engine timings on generated 项目支出 forms (test/fixtures/generate.ts):
 * - engine.validate.10k_rows.ms: validateSheet on a 10,000-indicator sheet (median after warm-up);
 * - engine.validate.scaling_10k_over_1k: that time over the 1,000-row time (linear ≈ 10);
 * - engine.detect.10k_rows.ms: detectForms alone on the same sheet.
 * Everything goes through the engine's public barrel, so the numbers follow whatever lands there.
 *
 * The engine is measured as it ships: bundled into one module by esbuild, as the CLI, the task
 * pane and the functions carry it. Run from TypeScript sources under tsx, every call across two
 * engine modules goes through an export getter, which costs a fifth of the time on 10,000 rows
 * and is not what any user runs.
 */
import type { SheetSnapshot } from "../src/engine";
import { loadBundledEngine } from "./bundledEngine";
import { generateProjectSheet } from "../test/fixtures/generate";
import type { BenchRun } from "./types";

const WARMUP = 5;
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median wall time of `fn` in ms; the result is kept so the call cannot be optimised away. */
function time(fn: () => unknown): number {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += fn() ? 1 : 0;
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    sink += fn() ? 1 : 0;
    xs.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink);
  return median(xs);
}

/** A sheet with no form: 10 columns of distinct short and long text, numbers and blanks. */
function proseSheet(rows: number): SheetSnapshot {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: 10 }, (_, c) =>
      c % 3 === 0
        ? `第${r}行说明文字${c}`
        : c % 3 === 1
          ? r * c
          : c === 5
            ? null
            : `较长的一段说明：${r}-${c}`.repeat(3),
    ),
  );
  return { name: "prose", origin: { row: 0, col: 0 }, values, merges: [] };
}

export const run: BenchRun = async () => {
  const { detectForms, getRuleSet, validateSheet } = loadBundledEngine();
  const ruleSet = getRuleSet();
  const small: SheetSnapshot = generateProjectSheet(1_000);
  const big: SheetSnapshot = generateProjectSheet(10_000);
  const prose = proseSheet(10_000);
  // A detector that silently found nothing would make every number meaningless.
  const found = detectForms(big)[0]?.indicators?.rows.length ?? 0;
  if (found !== 10_000) process.stderr.write(`engine.bench: detect found ${found} of 10000 rows\n`);
  const validate1k = time(() => validateSheet(small, ruleSet).findings.length + 1);
  const validate10k = time(() => validateSheet(big, ruleSet).findings.length + 1);
  const detect10k = time(() => detectForms(big).length);
  const detectNoForm = time(() => detectForms(prose).length + 1);
  return [
    { name: "engine.validate.10k_rows.ms", value: validate10k, unit: "ms", goal: "<= 50" },
    {
      name: "engine.validate.scaling_10k_over_1k",
      value: validate1k > 0 ? validate10k / validate1k : 0,
      unit: "ratio",
      goal: "<= 12",
    },
    { name: "engine.detect.10k_rows.ms", value: detect10k, unit: "ms", goal: "<= 50" },
    { name: "engine.detect.10k_rows_no_form.ms", value: detectNoForm, unit: "ms", goal: "<= 50" },
  ];
};
