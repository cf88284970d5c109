/**
 * bundle.taskpane.gzip_kb: what a user downloads to open the pane — every script taskpane.html
 * loads, gzip'd, except office.js from Microsoft's CDN (every add-in loads that one).
 * Builds dist/ (webpack production) when it is missing.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
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

export const run: BenchRun = async () => {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page)) {
    execFileSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const scripts = localScripts(fs.readFileSync(page, "utf8"));
  if (scripts.length === 0) throw new Error("taskpane.html loads no local script: is dist/ a complete build?");
  let bytes = 0;
  for (const s of scripts) bytes += zlib.gzipSync(fs.readFileSync(path.join(dist, s)), { level: 9 }).length;
  return [{ name: "bundle.taskpane.gzip_kb", value: bytes / 1024, unit: "KB", goal: "<= 150" }];
};
