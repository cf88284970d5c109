// The CLI's three bundles (esbuild), for `npm run build` (dist/cli) and for tests and benches that
// run the CLI as a process: ziping.js, the front (src/cli/main.ts: help, rules, check and review),
// ziping-full.js, the heavy half it loads for the other commands (src/cli/full.ts, via
// src/cli/heavy.ts), and ziping-worker.js, the light pool worker of check and review
// (src/cli/lightWorker.ts). The front and the light worker carry no exceljs, JSZip or docx: Node
// compiles every byte of a file it loads, ~0.15 s of CPU for the 3.6 MB of the whole CLI.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");

// What the light worker must not carry: exceljs and JSZip themselves and the exceljs parts only
// its exceljs path loads. Reaching for them there throws ExceljsElsewhere before any require runs
// (src/host/exceljs/lib.ts); the light reader's own small exceljs helpers stay bundled.
const NOT_IN_LIGHT_WORKER = new Set([
  "exceljs",
  "jszip",
  "exceljs/lib/xlsx/xform/sheet/worksheet-xform",
  "exceljs/lib/xlsx/xform/style/numfmt-xform",
]);
const leaveOutOfLightWorker = {
  name: "leave-out-of-light-worker",
  setup(build) {
    build.onResolve({ filter: /^(exceljs|jszip)(\/|$)/ }, (args) =>
      NOT_IN_LIGHT_WORKER.has(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

// The front: src/cli/heavy.ts's require of the heavy half becomes the file beside it at run time;
// docx reached any other way is a mistake the build refuses.
const heavyHalfBeside = {
  name: "heavy-half-beside",
  setup(build) {
    build.onResolve({ filter: /^\.\/full$/ }, (args) =>
      args.importer === path.join(root, "src/cli/heavy.ts") ? { path: "./ziping-full.js", external: true } : undefined,
    );
    build.onResolve({ filter: /^docx(\/|$)/ }, (args) => ({
      errors: [{ text: `docx in the CLI's front (from ${args.importer}): reach it through src/cli/heavy.ts` }],
    }));
  },
};

const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning" };

async function build(dir, banner) {
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, "src/cli/main.ts")],
    outfile: path.join(dir, "ziping.js"),
    banner: banner ? { js: "#!/usr/bin/env node" } : undefined,
    plugins: [leaveOutOfLightWorker, heavyHalfBeside],
  });
  // With its #! line the front is a program of its own: ./dist/cli/ziping.js runs as `node` would run it.
  if (banner) fs.chmodSync(path.join(dir, "ziping.js"), 0o755);
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, "src/cli/full.ts")],
    outfile: path.join(dir, "ziping-full.js"),
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, "src/cli/lightWorker.ts")],
    outfile: path.join(dir, "ziping-worker.js"),
    plugins: [leaveOutOfLightWorker],
  });
}

/**
 * Write `dir`/ziping.js, `dir`/ziping-full.js and `dir`/ziping-worker.js; returns the CLI's path. Synchronous for its
 * callers: esbuild takes plugins only in its asynchronous API, run here in a child process.
 */
function bundleCli(dir, { banner = false } = {}) {
  execFileSync(process.execPath, [path.join(__dirname, "bundle-cli.js"), dir, banner ? "banner" : ""], {
    stdio: "inherit",
  });
  return path.join(dir, "ziping.js");
}

if (require.main === module) {
  build(path.resolve(process.argv[2]), process.argv[3] === "banner").catch((e) => {
    process.stderr.write(`${e && e.message ? e.message : e}\n`);
    process.exit(1);
  });
}

module.exports = { bundleCli };
