/**
 * Ctrl-C on a real `ziping review` of .xls files: the built CLI as a process, LibreOffice really
 * converting. Whether the signal reaches only ziping (kill -INT) or the whole terminal group
 * (Ctrl-C), the run stops with exit 130, no LibreOffice process is left writing, no temp folder
 * is left behind (TMPDIR is private to the test, so "nothing left" is checked exactly), and no
 * half summary is written.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleCli } from "../fixtures/cliBundle";
import { convertWithSoffice, sofficeAvailable } from "../libreoffice/soffice";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
let bundle: string;
let tmp: string;

beforeAll(() => {
  if (!sofficeAvailable()) throw new Error("LibreOffice (soffice) is not installed: install libreoffice-calc-nogui");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-review-sigint-"));
  bundle = bundleCli(dir);
  tmp = path.join(dir, "tmp");
  fs.mkdirSync(tmp);
  const source = path.join(ROOT, "test/published/sichuan-2023-qingshen-gongzixing.xlsx");
  const xls = convertWithSoffice(source, "xls", dir);
  const folder = path.join(dir, "各单位");
  fs.mkdirSync(folder);
  for (let i = 1; i <= 4; i++) fs.copyFileSync(xls, path.join(folder, `单位${i}.xls`));
  // Enough .xlsx that the workers are still busy a while after LibreOffice is done.
  for (let i = 1; i <= 200; i++) fs.copyFileSync(source, path.join(folder, `项目${i}.xlsx`));
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Processes whose command line mentions our private TMPDIR (LibreOffice runs from there). */
function processesUsing(folder: string): string[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .flatMap((p) => {
      try {
        const cmd = fs.readFileSync(`/proc/${p}/cmdline`, "utf8");
        return cmd.includes(folder) ? [cmd.replace(/\0/g, " ")] : [];
      } catch {
        return [];
      }
    });
}

function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => (what() ? resolve() : Date.now() > end ? reject(new Error("timed out")) : setTimeout(poll, 50));
    poll();
  });
}

/** Start a review; interrupt it once `ready(stderr)` holds; signal the process or its whole group. */
async function interrupted(out: string, ready: (stderr: string) => boolean, group: boolean) {
  const child = spawn(process.execPath, [bundle, "review", "各单位", "-o", out], {
    cwd: dir,
    env: { ...process.env, TMPDIR: tmp },
    detached: true, // its own process group, as a terminal gives a command
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(() => ready(stderr), 240_000);
  process.kill(group ? -child.pid! : child.pid!, "SIGINT");
  const code = await exited;
  await new Promise((r) => setTimeout(r, 500)); // anything still running would write now
  return { code, stderr };
}

test("Ctrl-C to ziping alone while LibreOffice converts: soffice stopped, temp folder gone", async () => {
  const converting = () => processesUsing(tmp).some((cmd) => cmd.includes("--convert-to"));
  const r = await interrupted("汇总1.xlsx", converting, false);
  expect(r.code).toBe(130);
  expect(processesUsing(tmp)).toEqual([]);
  expect(fs.readdirSync(tmp)).toEqual([]);
  expect(fs.existsSync(path.join(dir, "汇总1.xlsx"))).toBe(false);
}, 300_000);

test("Ctrl-C to the terminal's whole group while the workers review: nothing left behind", async () => {
  const reviewing = (stderr: string) => /已审核 \d+\/204/.test(stderr) && !stderr.includes("已审核 204/204");
  const r = await interrupted("汇总2.xlsx", reviewing, true);
  expect(r.code).toBe(130);
  expect(processesUsing(tmp)).toEqual([]);
  expect(fs.readdirSync(tmp)).toEqual([]);
  expect(fs.existsSync(path.join(dir, "汇总2.xlsx"))).toBe(false);
}, 300_000);
