/**
 * src/engine bundled into one CommonJS file by esbuild and loaded: the engine as it ships (the CLI,
 * the task pane and the functions all carry it bundled). Under tsx every call between two engine
 * modules goes through an export getter, which costs a fifth of the time on 10,000 rows and is not
 * what any user runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSync } from "esbuild";

type Engine = typeof import("../src/engine");

/** src/engine bundled into one CommonJS file in a temp folder, then loaded. */
export function loadBundledEngine(): Engine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bench-engine-"));
  const outfile = path.join(dir, "engine.js");
  buildSync({
    entryPoints: [path.resolve(__dirname, "../src/engine/index.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  try {
    return require(outfile) as Engine;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
