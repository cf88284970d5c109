/**
 * The CLI's heavy half (./full.ts), loaded on first need. Bundled, it is ziping-full.js beside
 * the front ziping.js (scripts/bundle-cli.js points this require there): `--help`, `rules`,
 * check and review, whose per-file work runs in light workers, start without compiling exceljs,
 * docx and the commands that use them — most of the CLI's 3.6 MB.
 */
import type * as Full from "./full";

/** The verbs the heavy half runs (./heavyRun.ts). */
export const HEAVY_VERBS = ["template", "calc", "freeze", "rollup", "report", "report-check"] as const;
export type HeavyVerb = (typeof HEAVY_VERBS)[number];

export function isHeavyVerb(verb: string): verb is HeavyVerb {
  return (HEAVY_VERBS as readonly string[]).includes(verb);
}

/** Said when the front was copied without the file beside it (Node's own text names neither the fix nor the files). */
export const HEAVY_HALF_MISSING =
  "找不到 ziping-full.js：它须与 ziping.js 在同一文件夹（npm run build 在 dist/cli 生成 ziping.js、ziping-full.js、ziping-worker.js，三个文件须放在一起）";

export function heavyCommands(): typeof Full {
  try {
    return require("./full") as typeof Full;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException)?.code === "MODULE_NOT_FOUND" && /ziping-full/.test(String(e));
    throw missing ? new Error(HEAVY_HALF_MISSING) : e;
  }
}
