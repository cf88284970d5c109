/**
 * bundle.taskpane.gzip_kb: what a user downloads to open the pane — every script taskpane.html
 * loads, gzip'd, except office.js from Microsoft's CDN (every add-in loads that one).
 * bundle.taskpane.initial_gzip_kb: the same scripts are what loads before the first paint (the page's own
 * <script> tags; chunks loaded on demand later are not counted). Goal ≤ 110.
 * Measures dist/ when it holds a production build; otherwise (missing, or a development build
 * with source maps, which is far larger) builds production into a temporary folder.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { BenchRun } from "./types";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");

/** The local scripts a page loads, in order (absolute http(s) URLs are external). */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) {
    const src = m[1];
    if (/^(https?:)?\/\//i.test(src)) continue;
    out.push(src.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return out;
}

function isProductionBuild(dir: string): boolean {
  if (!fs.existsSync(path.join(dir, "taskpane.html"))) return false;
  return !fs.readdirSync(dir).some((f) => f.endsWith(".js.map"));
}

/** dist/ when it holds a production build, else a production build in a temporary folder. */
export function productionBuild(): { dir: string; temporary: boolean } {
  if (isProductionBuild(dist)) return { dir: dist, temporary: false };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bundle-"));
  execFileSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production", "--output-path", dir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { dir, temporary: true };
}

export const run: BenchRun = async () => {
  const build = productionBuild();
  try {
    const scripts = localScripts(fs.readFileSync(path.join(build.dir, "taskpane.html"), "utf8"));
    if (scripts.length === 0) throw new Error("taskpane.html loads no local script: is the build complete?");
    let bytes = 0;
    for (const s of scripts) bytes += zlib.gzipSync(fs.readFileSync(path.join(build.dir, s)), { level: 9 }).length;
    // Chunks webpack splits off (import()) load after first paint: everything else in dist/*.js.
    const later = fs
      .readdirSync(build.dir)
      .filter((f) => f.endsWith(".js") && !scripts.includes(f))
      .reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(build.dir, f)), { level: 9 }).length, 0);
    return [
      { name: "bundle.taskpane.initial_gzip_kb", value: bytes / 1024, unit: "KB", goal: "<= 110" },
      { name: "bundle.taskpane.gzip_kb", value: (bytes + later) / 1024, unit: "KB", goal: "<= 150" },
    ];
  } finally {
    if (build.temporary) fs.rmSync(build.dir, { recursive: true, force: true });
  }
};
