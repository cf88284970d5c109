/**
 * Issue 8: every hostile workbook ends quickly and small — exit 2 or findings, and a clear
 * Chinese message — when run through the built CLI (dist/cli/ziping.js, as a user runs it).
 * Files are generated into a temp folder at test time. "Quickly" is measured in CPU seconds of
 * the whole process (workers included): on a shared CI machine wall time says little.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleCli } from "../fixtures/cliBundle";
import * as H from "./hostileFiles";

const root = path.resolve(__dirname, "../..");
const cli = path.join(root, "dist/cli/ziping.js");
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
let dir: string;

beforeAll(() => {
  // `npm test` builds first; a bare jest run builds just the CLI bundle (a few seconds).
  if (!fs.existsSync(cli)) bundleCli(path.dirname(cli));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  cpuSeconds: number | null;
  maxRssMb: number | null;
}

/** Run the CLI under /usr/bin/time (when present) for its CPU time and peak memory. */
function ziping(args: string[]): Run {
  const cmd = TIME ?? process.execPath;
  const full = TIME ? ["-f", "@@%U %S %M", process.execPath, cli, ...args] : [cli, ...args];
  const r = spawnSync(cmd, full, { cwd: dir, encoding: "utf8", timeout: 120_000 });
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return {
    code: r.status,
    out: `${r.stdout}${r.stderr.replace(/@@.*\n?/, "")}`,
    cpuSeconds: m ? Number(m[1]) + Number(m[2]) : null,
    maxRssMb: m ? Number(m[3]) / 1024 : null,
  };
}

function write(name: string, data: Buffer): string {
  fs.writeFileSync(path.join(dir, name), data);
  return name;
}

/** Finished within 10 CPU seconds under 1 GB (when /usr/bin/time can tell), with no stack trace. */
function expectBounded(r: Run): void {
  if (r.cpuSeconds !== null) expect(r.cpuSeconds).toBeLessThan(10);
  if (r.maxRssMb !== null) expect(r.maxRssMb).toBeLessThan(1024);
  expect(r.out).not.toMatch(/\n\s+at |Maximum call stack|Invalid string length|Map maximum size/);
}

const cases: [string, () => Buffer, RegExp][] = [
  ["a 1 MB zip bomb (1.2 GB inflated)", H.zipBomb, /文件过大.*解压后约 1200 MB，超过上限 128 MB/],
  ["a zip bomb whose directory lies about its size", H.lyingZipBomb, /解压后超过其声明的大小/],
  ["a huge sheet (600 MB of text in a small file)", H.hugeSheet, /文件过大.*超过上限 128 MB/],
  ["6 M cells", () => H.manyCells(6_000_000), /单元格超过 1,000,000 个的上限/],
];

test.each(cases)("check refuses %s before loading it: exit 2, the limit named", (_what, make, message) => {
  const r = ziping(["check", write("bomb.xlsx", make())]);
  expect(r.code).toBe(2);
  expect(r.out).toMatch(message);
  expectBounded(r);
});

test("100,000 merged areas are read in near-linear time", () => {
  const r = ziping(["check", write("merges.xlsx", H.manyMerges(100_000))]);
  expect([0, 1]).toContain(r.code);
  expect(r.out).toMatch(/共 1 个文件/);
  expectBounded(r);
});

test.each([
  ["an 11 KB `[[[…` format", "[".repeat(11_000) + "0"],
  ["a 300k-character format", "[".repeat(300_000) + "0%"],
])("%s is scanned in linear time", (_what, format) => {
  const r = ziping(["check", write("format.xlsx", H.hostileFormat(format))]);
  expect([0, 1]).toContain(r.code);
  expect(r.out).toMatch(/共 1 个文件/);
  expectBounded(r);
});

test("freeze sums =SUM(C1:XFD1048576) over the used cells only", () => {
  const input = write("sumrange.xlsx", H.freezeInput("SUM(C1:XFD1048576)", '<row r="2"><c r="C2"><v>95</v></c></row>'));
  const r = ziping(["freeze", input, "-o", "sumrange-out.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/已固化 1 个 JX 公式/);
  expectBounded(r);
});

test("a chain of 20,000 SUMs fails for its cell, in Chinese, naming it; the freeze goes on", () => {
  const r = ziping(["freeze", write("chain.xlsx", H.sumChain(20_000)), "-o", "chain-out.xlsx"]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/Sheet1!B1：引用链超过 500 层（经过 [A-Z]+\d+），无法求值，保持原样/);
  expect(fs.existsSync(path.join(dir, "chain-out.xlsx"))).toBe(true);
  expectBounded(r);
});

test("--timeout stops a CPU-bound file from outside; the other files are still checked, in order", () => {
  write("slow.xlsx", H.loadableCells(600_000));
  const good = fs.readFileSync(path.join(root, "test/published/anhui-2022-chizhou-tangxi-weituo.xlsx"));
  write("a.xlsx", good);
  write("z.xlsx", good);
  const start = Date.now();
  const r = ziping(["check", "a.xlsx", "slow.xlsx", "z.xlsx", "--timeout", "2", "--format", "json", "--jobs", "2"]);
  const rows = JSON.parse(r.out.slice(0, r.out.lastIndexOf("]") + 1)) as {
    file: string;
    code: string;
    message: string;
  }[];
  expect(r.code).toBe(2);
  const slow = rows.filter((x) => x.file === "slow.xlsx");
  expect(slow).toEqual([
    expect.objectContaining({ code: "timeout", message: expect.stringMatching(/^超时：超过 2 秒/) }),
  ]);
  // Rows keep the input order: a.xlsx, then slow.xlsx, then z.xlsx.
  const order = [...new Set(rows.map((x) => x.file))];
  expect(order).toEqual(["a.xlsx", "slow.xlsx", "z.xlsx"]);
  expect(rows.filter((x) => x.file === "z.xlsx").length).toBe(rows.filter((x) => x.file === "a.xlsx").length);
  expect(Date.now() - start).toBeLessThan(60_000);
});

test("--timeout stops calc and freeze from outside too: exit 2, a Chinese reason, no output left behind", () => {
  write("slow-calc.xlsx", H.loadableCells(600_000));
  for (const verb of ["calc", "freeze"]) {
    const out = `slow-${verb}-out.xlsx`;
    const start = Date.now();
    const r = ziping([verb, "slow-calc.xlsx", "-o", out, "--timeout", "2"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/超时：超过 2 秒.*未写入任何文件/);
    expect(fs.existsSync(path.join(dir, out))).toBe(false);
    expect(Date.now() - start).toBeLessThan(60_000);
  }
});
