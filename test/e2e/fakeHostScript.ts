/**
 * The fake Office host as one browser script: fakeHostEntry.ts bundled by esbuild, preceded by
 * the workbook it starts with. The Chromium E2E tests and the pane bench serve it in place of
 * office.js.
 */
import * as esbuild from "esbuild";
import * as path from "path";
import type { E2EInit } from "./fakeHostEntry";

export async function fakeHostScript(init: E2EInit): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [path.join(__dirname, "fakeHostEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return `window.__E2E_INIT__ = ${JSON.stringify(init)};\n${bundle.outputFiles[0].text}`;
}
