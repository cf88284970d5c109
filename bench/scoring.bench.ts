/**
 * Scoring throughput: 10,000 indicator rows of the kinds real forms carry (percents, counts with
 * units, ranges, deadlines, qualitative words), scored by the default rule set; and the value
 * parser alone on 30,000 cells with many distinct texts (so the text cache cannot hide the cost).
 * The median of several runs after a warm-up, so one noisy run on the shared machine does not decide.
 */
import type { IndicatorInput } from "../src/engine";
import { loadBundledEngine } from "./bundledEngine";
import type { BenchRun } from "./types";

// Measured as shipped: the bundled engine (see ./bundledEngine.ts).
const { getRuleSet, scoreIndicator, parseValue } = loadBundledEngine();

function rows(n: number): IndicatorInput[] {
  const out: IndicatorInput[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 8;
    const a = 10 + (i % 97);
    if (k === 0)
      out.push({
        nature: "≥",
        target: 0.95,
        targetFormat: "0.00%",
        unit: "%",
        actual: 0.9 + (i % 11) / 100,
        actualFormat: "0.00%",
        weight: 10,
      });
    else if (k === 1) out.push({ nature: "≥", target: a, unit: "次", actual: a - (i % 5), weight: 20 });
    else if (k === 2) out.push({ target: `≤${a}万元`, unit: "万元", actual: a + (i % 7), weight: 10 });
    else if (k === 3) out.push({ nature: "≥", target: `${a}-${a + 2}次`, unit: "次", actual: a + 1, weight: 5 });
    else if (k === 4) out.push({ target: "2024年12月底之前完成", actual: `2024年${1 + (i % 12)}月`, weight: 5 });
    else if (k === 5)
      out.push({ target: "有效促进", actual: i % 3 ? "达成" : "部分达成", weight: 5, statedScore: 3.5 });
    else if (k === 6)
      out.push({ nature: "正向", target: `≥${80 + (i % 20)}%`, actual: `${85 + (i % 15)}%`, weight: 10 });
    else out.push({ level2: "成本指标", target: a * 10, actual: a * 11, weight: 10 });
  }
  return out;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

export const run: BenchRun = async () => {
  const rs = getRuleSet();
  const data = rows(10_000);
  const cells: unknown[] = [];
  for (let i = 0; i < 30_000; i++) cells.push(i % 3 ? `≥${i}次` : i % 2 ? `${i / 100}%` : i);
  for (const r of data.slice(0, 2000)) scoreIndicator(r, rs); // warm-up
  const scoreTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let k = 0; k < 7; k++) {
    let t = performance.now();
    for (const r of data) scoreIndicator(r, rs);
    scoreTimes.push(performance.now() - t);
    t = performance.now();
    for (const c of cells) parseValue(c);
    parseTimes.push(performance.now() - t);
  }
  return [
    { name: "engine.score.10k_rows.ms", value: median(scoreTimes), unit: "ms", goal: "<= 50" },
    { name: "engine.parse.30k_distinct_cells.ms", value: median(parseTimes), unit: "ms", goal: "<= 60" },
  ];
};
