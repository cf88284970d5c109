// `npm start`: build the add-in (development) and serve it over HTTPS at localhost:3000.
// Windows/macOS: then sideload it into desktop Excel with office-addin-debugging.
// Linux: print how to upload manifest.xml in Excel on the web.
// Options: --no-build (serve the existing dist/), --port N, --web (no desktop sideload),
// --dist DIR serves another folder (tests). It never reports success after a failure: the
// server must answer taskpane.html first.
/* global setTimeout */
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");
const crypto = require("crypto");
const { spawn, spawnSync } = require("child_process");
const { ensureCertificate } = require("./dev-certs");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("--port") || process.env.ADDIN_PORT || 3000);
const dist = path.resolve(option("--dist") || path.join(root, "dist"));
const desktop = (process.platform === "win32" || process.platform === "darwin") && !flag("--web");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

/** Where start.js leaves what stop.js needs (outside dist/, which every build wipes). */
const stateFile = (p) => path.join(os.tmpdir(), `jixiao-ziping-start-${p}.json`);

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * office-addin-* tools may send usage data unless told not to, and they exit 0 either way: turn
 * it off, then ask the library what level it will actually use (the installed version reports
 * "off" always, because it no longer sends anything).
 */
function usageDataOff() {
  spawnSync(bin("office-addin-usage-data"), ["off"], { stdio: "ignore", shell: process.platform === "win32" });
  let level;
  try {
    level = require("office-addin-usage-data").readUsageDataLevel("office-addin-debugging");
  } catch {
    level = undefined;
  }
  if (level !== "off")
    console.warn("! 未能确认 office-addin 工具的使用数据已关闭；可手动运行 npx office-addin-usage-data off。");
}

function get(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, token: res.headers["x-ziping-server"] });
    });
    req.on("error", () => resolve(null));
    req.on("timeout", () => req.destroy());
  });
}

async function waitForServer(child, token, log) {
  const url = `https://localhost:${port}/taskpane.html`;
  const deadline = Date.now() + 15000;
  let exited = false;
  child.on("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) break;
    const answer = await get(url);
    // The token proves the answer comes from the server just started, not something else on the port.
    if (answer && answer.status === 200 && answer.token === token) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const output = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim() : "";
  if (alive(child.pid)) process.kill(child.pid);
  fail(`服务器没有在 ${url} 正常响应。${output ? `\n${output}` : ""}`);
}

async function main() {
  const previous = stateFile(port);
  if (fs.existsSync(previous)) {
    const state = JSON.parse(fs.readFileSync(previous, "utf8"));
    if (alive(state.pid)) fail(`端口 ${port} 上已有本项目的服务器在运行（pid ${state.pid}）。先运行 npm stop。`);
    fs.rmSync(previous, { force: true });
  }
  usageDataOff();

  if (!flag("--no-build")) {
    console.log("构建加载项（development）…");
    const r = spawnSync(bin("webpack"), ["--mode", "development"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (r.status !== 0) fail("构建失败，见上方输出。");
  }
  for (const f of ["taskpane.html", "manifest.xml"]) {
    if (!fs.existsSync(path.join(dist, f))) fail(`${path.join(dist, f)} 不存在：先运行构建（去掉 --no-build）。`);
  }

  let cert;
  try {
    cert = await ensureCertificate({ tryInstall: desktop });
  } catch (e) {
    fail(e.message);
  }

  const token = crypto.randomBytes(8).toString("hex");
  const log = path.join(os.tmpdir(), `jixiao-ziping-server-${port}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(
    process.execPath,
    [path.join(__dirname, "serve.js"), dist, String(port), cert.cert, cert.key, token],
    {
      detached: true,
      stdio: ["ignore", out, out],
    },
  );
  await waitForServer(child, token, log);
  child.unref();
  fs.writeFileSync(
    stateFile(port),
    JSON.stringify({ pid: child.pid, port, desktop, log, started: new Date().toISOString() }),
  );

  if (port !== 3000) console.warn(`! manifest.xml 指向 https://localhost:3000/；端口 ${port} 仅供测试使用。`);
  console.log(
    `✔ 绩效自评助手 已在 https://localhost:${port}/taskpane.html 提供服务（pid ${child.pid}，证书：${cert.source}）。`,
  );
  if (desktop) {
    console.log("正在旁加载到桌面版 Excel（office-addin-debugging）…");
    spawnSync(
      bin("office-addin-debugging"),
      [
        "start",
        path.join(dist, "manifest.xml"),
        "desktop",
        "--app",
        "excel",
        "--no-debug",
        "--dev-server-port",
        String(port),
      ],
      {
        cwd: root,
        stdio: "inherit",
        shell: process.platform === "win32",
      },
    );
    // That tool exits 0 even when it fails: say what to look for instead of claiming success.
    console.log("如果 Excel 没有打开，或“开始”选项卡上没有“绩效自评”组：按下方网页版步骤手动加载 dist/manifest.xml。");
  }
  console.log(
    [
      "",
      "在 Excel 网页版中加载（Linux 上只有这种方式）：",
      `  1. 先在同一浏览器中打开 https://localhost:${port}/taskpane.html ，信任这个自签名证书（高级 → 继续访问）。`,
      "  2. Excel 网页版 → 插入 → 加载项 → 上传我的加载项（Insert → Add-ins → Upload My Add-in），",
      `     选择 ${path.join(dist, "manifest.xml")} 。`,
      "  3. “开始”选项卡出现“绩效自评”组，点击打开任务窗格。",
      "停止：npm stop",
    ].join("\n"),
  );
}

main().catch((e) => fail(e && e.message ? e.message : String(e)));
