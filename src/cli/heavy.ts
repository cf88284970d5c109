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

export function heavyCommands(): typeof Full {
  return require("./full") as typeof Full;
}
