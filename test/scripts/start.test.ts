/**
 * `npm start` / `npm stop` on this machine: serve a prepared dist folder over HTTPS (no build),
 * check the answer, stop, check the port is closed. And: no success message after a failure.
 */
import { execFile, type ExecFileException } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const port = 3000 + 100 + (process.pid % 800);

function run(script: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "scripts", script), ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as ExecFileException).code as number) || 1 : 0, out: stdout + stderr });
    });
  });
}

function fetchStatus(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? null);
      })
      .on("error", () => resolve(null));
  });
}

let dist: string;
beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-dist-"));
  fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>绩效自评助手</title>");
  fs.writeFileSync(path.join(dist, "manifest.xml"), "<OfficeApp/>");
});
afterAll(async () => {
  await run("stop.js", ["--port", String(port)]);
  fs.rmSync(dist, { recursive: true, force: true });
});

test("start serves taskpane.html over https, stop ends it", async () => {
  const started = await run("start.js", ["--no-build", "--web", "--port", String(port), "--dist", dist]);
  expect(started.out).toContain(`https://localhost:${port}/taskpane.html`);
  expect(started.code).toBe(0);
  expect(await fetchStatus(`https://localhost:${port}/taskpane.html`)).toBe(200);
  expect(await fetchStatus(`https://localhost:${port}/../package.json`)).not.toBe(200);

  const again = await run("start.js", ["--no-build", "--web", "--port", String(port), "--dist", dist]);
  expect(again.code).not.toBe(0);
  expect(again.out).toContain("npm stop");

  const stopped = await run("stop.js", ["--port", String(port)]);
  expect(stopped.code).toBe(0);
  expect(await fetchStatus(`https://localhost:${port}/taskpane.html`)).toBeNull();
});

test("a missing dist folder fails without a success message", async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-empty-"));
  const r = await run("start.js", ["--no-build", "--web", "--port", String(port + 1), "--dist", empty]);
  fs.rmSync(empty, { recursive: true, force: true });
  expect(r.code).not.toBe(0);
  expect(r.out).toContain(`${path.join(empty, "taskpane.html")} 不存在`); // names the folder given
  expect(r.out).not.toContain("✔");
});

test("a port taken by another server fails without a success message", async () => {
  const blocker = https.createServer({}, (_req, res) => res.end("someone else"));
  await new Promise<void>((resolve) => blocker.listen(port + 2, resolve));
  try {
    const r = await run("start.js", ["--no-build", "--web", "--port", String(port + 2), "--dist", dist]);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("已被占用");
    expect(r.out).not.toContain("✔");
  } finally {
    blocker.close();
  }
});
