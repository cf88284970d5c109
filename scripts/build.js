// `npm run build`: the add-in (webpack, production) and the CLI (esbuild: dist/cli/ziping.js and the
// two files it loads beside it, ziping-full.js and ziping-worker.js; scripts/bundle-cli.js).
const { execFileSync } = require("child_process");
const path = require("path");

const { bundleCli } = require("./bundle-cli");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run(bin("webpack"), ["--mode", "production"]);
bundleCli(path.join(root, "dist", "cli"), { banner: true }); // ziping.js, its heavy half and its light worker
