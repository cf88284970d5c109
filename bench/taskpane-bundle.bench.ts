/**
 * What opening the pane costs in scripts, gzip'd (level 9), office.js from Microsoft's CDN not
 * counted (every add-in loads that one):
 *
 * bundle.taskpane.initial_gzip_kb — the scripts before the first paint: taskpane.html's own
 *   <script> tags (the pane's shell, which also registers the JX functions under the shared runtime
 *   and loads their code after the paint). Chunks fetched with import() later are not counted.
 *   Goal ≤ 110.
 * bundle.taskpane.gzip_kb — what the pane downloads when it is opened and left alone: the local
 *   scripts Debian Chromium requests for dist/taskpane.html, with the strict Excel fake answering
 *   for office.js, from navigation until no script has been requested for a second and a half —
 *   the first paint plus whatever the pane loads or preloads by itself after it. Measured twice,
 *   on a workbook whose active sheet holds a form (the pane opens on 校验) and on a blank sheet
 *   (it opens on 模板); the larger counts. Goal ≤ 150.
 * bundle.taskpane.on_demand_gzip_kb — every other script in dist/: code that loads only when the
 *   clerk does something (another tab, 校验, 生成自评报告's docx writer …). No goal: it is here so
 *   that weight moved out of the first two numbers stays in sight.
 *
 * Measures dist/ when it holds a production build; otherwise (missing, or a development build
 * with source maps, which is far larger) builds production into a temporary folder.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/fixtures/chromium";
import { seedProjectFormsWithLayout } from "../test/fixtures/seed001";
import { fakeHostScript } from "../test/e2e/fakeHostScript";
import { serveFolder } from "../test/e2e/staticServer";
import type { SheetSnapshot } from "../src/engine/sheet/snapshot";
import type { BenchRun } from "./types";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Quiet time after the last script request that counts as "left alone". */
const IDLE_MS = 1500;

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

const gzipKb = (dir: string, files: Iterable<string>) =>
  [...files].reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0) / 1024;

/** The local scripts the pane requests from navigation until it has been quiet for IDLE_MS. */
async function scriptsUntilIdle(browser: Browser, url: string, fakeOffice: string): Promise<Set<string>> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  try {
    const scripts = new Set<string>();
    let last = Date.now();
    let pending = 0;
    page.on("request", (r) => {
      if (!r.url().startsWith(url) || !r.url().endsWith(".js")) return;
      scripts.add(r.url().slice(url.length));
      pending++;
      last = Date.now();
    });
    const settled = () => {
      pending--;
      last = Date.now();
    };
    page.on("requestfinished", (r) => r.url().startsWith(url) && r.url().endsWith(".js") && settled());
    page.on("requestfailed", (r) => r.url().startsWith(url) && r.url().endsWith(".js") && settled());
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u === OFFICE_JS) return route.fulfill({ contentType: "application/javascript", body: fakeOffice });
      return u.startsWith(url) ? route.continue() : route.abort();
    });
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("heading", { name: "绩效自评助手" }).waitFor({ timeout: 60_000 });
    while (pending > 0 || Date.now() - last < IDLE_MS) await page.waitForTimeout(100);
    return scripts;
  } finally {
    await page.close();
  }
}

/** Idle downloads opening on a form (校验) and on a blank sheet (模板): the larger, and every script either loaded. */
async function idleScripts(dir: string): Promise<{ kb: number; loaded: Set<string> }> {
  const server = await serveFolder(dir);
  const browser = await launchChromium();
  try {
    const form = seedProjectFormsWithLayout()[0].sheet;
    const blank: SheetSnapshot = { name: "Sheet1", origin: { row: 0, col: 0 }, values: [], merges: [] };
    let kb = 0;
    const loaded = new Set<string>();
    for (const sheet of [form, blank]) {
      const fake = await fakeHostScript({ sheets: [sheet], displayLanguage: "zh-CN" });
      const scripts = await scriptsUntilIdle(browser, server.url, fake);
      kb = Math.max(kb, gzipKb(dir, scripts));
      scripts.forEach((s) => loaded.add(s));
    }
    return { kb, loaded };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const run: BenchRun = async () => {
  const build = productionBuild();
  try {
    const initial = localScripts(fs.readFileSync(path.join(build.dir, "taskpane.html"), "utf8"));
    if (initial.length === 0) throw new Error("taskpane.html loads no local script: is the build complete?");
    const idle = await idleScripts(build.dir);
    const onDemand = fs.readdirSync(build.dir).filter((f) => f.endsWith(".js") && !idle.loaded.has(f));
    return [
      { name: "bundle.taskpane.initial_gzip_kb", value: gzipKb(build.dir, initial), unit: "KB", goal: "<= 110" },
      { name: "bundle.taskpane.gzip_kb", value: idle.kb, unit: "KB", goal: "<= 150" },
      { name: "bundle.taskpane.on_demand_gzip_kb", value: gzipKb(build.dir, onDemand), unit: "KB", goal: "info" },
    ];
  } finally {
    if (build.temporary) fs.rmSync(build.dir, { recursive: true, force: true });
  }
};
