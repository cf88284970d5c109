// `npm run build`: the add-in (webpack, production) and the CLI (one bundled file, esbuild).
const { execFileSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run(bin("webpack"), ["--mode", "production"]);
run(bin("esbuild"), [
  "src/cli/main.ts",
  "--bundle",
  "--platform=node",
  "--target=node20",
  "--outfile=dist/cli/ziping.js",
  "--banner:js=#!/usr/bin/env node",
  "--log-level=warning",
]);
