/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (one process, one at a time, so numbers
 * do not compete for the two cores), writes bench-results.json and prints a table.
 * Usage: tsx bench/run.ts [name-filter]
 */
import * as fs from "fs";
import * as path from "path";
import type { BenchResult, BenchRun } from "./types";

function meets(value: number, goal: string): boolean {
  const m = /^\s*(<=|>=|<|>)\s*(-?[\d.]+)/.exec(goal);
  if (!m) return true;
  const g = Number(m[2]);
  return m[1] === "<=" ? value <= g : m[1] === ">=" ? value >= g : m[1] === "<" ? value < g : value > g;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const results: BenchResult[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f}\n`);

    const mod = require(path.join(dir, f)) as { run: BenchRun };
    results.push(...(await mod.run()));
  }
  const out = path.join(dir, "..", "bench-results.json");
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  const rows = results.map((r) => ({
    name: r.name,
    value: Number(r.value.toFixed(3)),
    unit: r.unit,
    goal: r.goal,
    met: meets(r.value, r.goal) ? "yes" : "NO",
  }));
  console.table(rows);
  console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
