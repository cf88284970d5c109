// `npm stop`: stop the HTTPS server `npm start` left running (pid file in the temp folder) and,
// on Windows/macOS, end the desktop sideload. Options: --port N (default: every server we started).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const i = args.indexOf("--port");
const only = i >= 0 ? Number(args[i + 1]) : undefined;
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const files = fs
  .readdirSync(os.tmpdir())
  .filter((f) => /^jixiao-ziping-start-\d+\.json$/.test(f))
  .filter((f) => only === undefined || f === `jixiao-ziping-start-${only}.json`)
  .map((f) => path.join(os.tmpdir(), f));

if (files.length === 0) {
  console.log("没有由 npm start 启动、仍在记录中的服务器。");
  process.exit(0);
}

let failed = false;
for (const file of files) {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    fs.rmSync(file, { force: true });
    continue;
  }
  if (state.desktop) {
    spawnSync(bin("office-addin-debugging"), ["stop", path.join(root, "dist", "manifest.xml")], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
  }
  if (alive(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    for (let t = 0; t < 50 && alive(state.pid); t++) sleep(100);
  }
  if (alive(state.pid)) {
    console.error(`✖ 服务器（pid ${state.pid}，端口 ${state.port}）没有停止。`);
    failed = true;
    continue;
  }
  fs.rmSync(file, { force: true });
  console.log(`✔ 已停止端口 ${state.port} 上的服务器（pid ${state.pid}）。`);
}
process.exit(failed ? 1 : 0);
