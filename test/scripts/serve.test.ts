/**
 * The dev server (scripts/serve.js over sirv): loopback only, no request path can crash it, nothing
 * outside dist/ (also not through a symlink), CORS for Office's origins only, never `*`.
 */
import { execFileSync, spawn, type ChildProcess } from "child_process";
import * as fc from "fast-check";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as tls from "tls";

const { createHandler, safePath } = require("../../scripts/serve.js");
const script = path.resolve(__dirname, "..", "..", "scripts", "serve.js");

let dist: string;
let outside: string;
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-serve-"));
  dist = path.join(base, "dist");
  outside = path.join(base, "secret.txt");
  fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
  fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html><title>绩效自评助手</title>");
  fs.writeFileSync(path.join(dist, "assets", "icon.png"), "png");
  fs.writeFileSync(path.join(dist, ".env"), "TOKEN=1");
  fs.writeFileSync(outside, "secret");
  fs.symlinkSync(outside, path.join(dist, "link.txt"));
  fs.symlinkSync(path.dirname(outside), path.join(dist, "up"));
});
afterAll(() => fs.rmSync(path.dirname(dist), { recursive: true, force: true }));

interface Answer {
  status: number;
  head: string;
  body: string;
}

/** One raw request (any bytes in the path, which http.get would refuse to send). */
function rawRequest(connect: () => net.Socket, target: string, origin?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect();
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (data += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), head, body });
    });
    const extra = origin ? `Origin: ${origin}\r\n` : "";
    socket.write(
      Buffer.from(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`, "latin1"),
    );
  });
}

describe("in process, over plain http", () => {
  let server: http.Server;
  let port: number;
  const get = (target: string, origin?: string) => rawRequest(() => net.connect(port, "127.0.0.1"), target, origin);

  beforeAll(async () => {
    server = http.createServer(createHandler(dist, "tok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("serves dist/ files, / as taskpane.html, with its token and no cache", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(Buffer.from(page.body, "latin1").toString("utf8")).toContain("绩效自评助手");
    expect(page.head).toMatch(/x-ziping-server: tok/i);
    expect(page.head).toMatch(/cache-control: no-store/i);
    expect((await get("/assets/icon.png")).status).toBe(200);
    expect((await get("/taskpane.html?x=1")).status).toBe(200);
  });

  it("refuses what lies outside dist/, dot files, directories and symlinks that leave dist/", async () => {
    for (const target of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/link.txt", "/up/secret.txt"]) {
      const answer = await get(target);
      expect([target, answer.status]).toEqual([target, expect.any(Number)]);
      expect(answer.status).not.toBe(200);
      expect(answer.body).not.toContain("secret");
    }
    expect((await get("/.env")).status).not.toBe(200);
    expect((await get("/assets")).status).toBe(404);
    expect((await get("/nothing.js")).status).toBe(404);
  });

  it("answers malformed paths with 400 and keeps serving", async () => {
    for (const target of ["/%E0%A4%A", "/a%00b", "/%", "/%zz", "/a\\..\\b", "/%25E0"]) {
      expect([target, (await get(target)).status]).toEqual([target, 400]);
    }
    expect((await get("/taskpane.html")).status).toBe(200);
  });

  it("sends CORS headers to Office's origins only, never *", async () => {
    const office = await get("/taskpane.html", "https://excel.officeapps.live.com");
    expect(office.head).toMatch(/access-control-allow-origin: https:\/\/excel\.officeapps\.live\.com/i);
    for (const origin of ["https://evil.example", "https://officeapps.live.com.evil.example", "null", undefined]) {
      const answer = await get("/taskpane.html", origin);
      expect(answer.head).not.toMatch(/access-control-allow-origin/i);
    }
  });

  it("fuzz: no request path makes it fail, and nothing outside dist/ is ever sent", async () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "%2e%2e", "%2f", "%00", "%E0%A4%A", "%", "link.txt", "up", "assets", "taskpane.html"),
      fc.string({ unit: "grapheme-ascii", maxLength: 8 }).map((s) => s.replace(/[\s]/g, "")),
      fc.string({ unit: "binary", maxLength: 4 }).map((s) => encodeURIComponent(s)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 5 }), async (parts) => {
        const answer = await get("/" + parts.join("/"));
        expect([400, 404, 405, 200]).toContain(answer.status);
        expect(answer.body).not.toContain("secret");
        expect(answer.body).not.toContain("TOKEN");
      }),
      { numRuns: 300 },
    );
    expect((await get("/taskpane.html")).status).toBe(200);
  });
});

describe("the real process", () => {
  let child: ChildProcess;
  let port: number;
  let cert: { cert: string; key: string };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-home-"));

  beforeAll(async () => {
    const certs = path.resolve(__dirname, "..", "..", "scripts", "dev-certs.js");
    const code = `require(${JSON.stringify(certs)}).ensureCertificate({ tryInstall: false })
      .then((c) => process.stdout.write(JSON.stringify(c)))`;
    cert = JSON.parse(execFileSync(process.execPath, ["-e", code], { env: { ...process.env, HOME: home } }).toString());
    port = 3000 + 1000 + (process.pid % 800);
    child = spawn(process.execPath, [script, dist, String(port), cert.cert, cert.key, "tok"]);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d) => String(d).includes("LISTENING") && resolve());
      child.on("exit", (c) => reject(new Error(`serve.js exited ${c}`)));
    });
  });
  afterAll(() => {
    child.kill();
    fs.rmSync(home, { recursive: true, force: true });
  });

  const tlsGet = (host: string, target: string) =>
    rawRequest(() => tls.connect({ host, port, rejectUnauthorized: false, servername: "localhost" }), target);

  it("survives hostile paths over HTTPS and still serves", async () => {
    for (const target of ["/%E0%A4%A", "/a%00b", "/../../etc/passwd", "/link.txt"]) {
      expect((await tlsGet("127.0.0.1", target)).status).not.toBe(200);
    }
    expect((await tlsGet("127.0.0.1", "/taskpane.html")).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it("listens on loopback only", async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    if (!external) return; // No other interface on this machine: nothing to reach.
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, external.address);
      socket.on("connect", () => (socket.destroy(), resolve(false)));
      socket.on("error", () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it("names a malformed path as such (unit)", () => {
    expect(safePath("/%E0%A4%A")).toBeUndefined();
    expect(safePath("/a%00b")).toBeUndefined();
    expect(safePath("/assets/icon.png?v=1")).toBe("/assets/icon.png");
  });
});
