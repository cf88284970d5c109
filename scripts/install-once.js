// Installs the npm dependencies only when node_modules does not already match package-lock.json,
// so the README's two commands (run the add-in, run the tests) each work on a fresh machine and
// running both installs once. Runs before `npm start` and `npm test` (prestart/pretest); needs
// nothing but Node, since it runs before anything is installed.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The first package of the lock file that node_modules lacks or holds in another version, or
 * undefined when everything matches. npm ci writes node_modules/.package-lock.json (what it
 * installed); optional packages for other platforms are in the lock but never installed.
 */
function firstMismatch(lock, installed) {
  if (!lock || !lock.packages) return "package-lock.json";
  if (!installed || !installed.packages) return "node_modules";
  for (const [key, wanted] of Object.entries(lock.packages)) {
    if (key === "" || wanted.link) continue;
    const have = installed.packages[key];
    if (!have && wanted.optional) continue;
    if (!have || have.version !== wanted.version) return key;
  }
  return undefined;
}

function main() {
  const lock = readJson(path.join(root, "package-lock.json"));
  const installed = readJson(path.join(root, "node_modules", ".package-lock.json"));
  const missing = firstMismatch(lock, installed);
  if (!missing) return;
  console.log(`依赖未安装或与 package-lock.json 不一致（${missing}）：运行 npm ci …`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status === null ? 1 : r.status);
}

if (require.main === module) main();
module.exports = { firstMismatch };
