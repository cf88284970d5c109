/**
 * `ziping <command> --help` prints that command's part of the help; every option a command accepts
 * is in its help (its own usage line or the lines every command shares), and docs/cli.md's synopsis
 * names the same options as the help's usage line.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FLAGS_OF } from "../../src/cli/args";
import { cli } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-help-"));
const VERBS = Object.keys(FLAGS_OF) as (keyof typeof FLAGS_OF)[];
const usageLine = (text: string, verb: string) =>
  text.split("\n").find((l) => l.trimStart().startsWith(`ziping ${verb} `) || l.trim() === `ziping ${verb}`);
const optionsIn = (line: string) => new Set(line.match(/--[a-z]+/g) ?? []);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(VERBS)("%s --help: exit 0, that command's usage in both languages, no other command's", async (verb) => {
  const r = await cli([verb, "--help"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("用法");
  expect(r.stdout).toContain("Usage");
  expect(r.stdout.split("\n").filter((l) => usageLine(l, verb))).toHaveLength(2);
  for (const other of VERBS.filter((v) => v !== verb && !v.startsWith(`${verb}-`)))
    expect([other, usageLine(r.stdout, other)]).toEqual([other, undefined]);
  expect(r.stdout).toContain("退出码");
  expect((await cli(["help", verb], dir)).stdout).toBe(r.stdout);
});

test("--help --lang en with a command: English only", async () => {
  const r = await cli(["rollup", "-h", "--lang", "en"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("ziping rollup <file|folder>");
  expect(r.stdout).not.toContain("用法");
});

test.each(VERBS)("every option %s accepts is in its help", async (verb) => {
  const zh = (await cli([verb, "--help", "--lang", "zh"], dir)).stdout;
  const en = (await cli([verb, "--help", "--lang", "en"], dir)).stdout;
  for (const text of [zh, en]) {
    const named = optionsIn(text);
    const missing = [...FLAGS_OF[verb]].filter((f) => f.startsWith("--") && f !== "--out" && !named.has(f));
    expect(missing).toEqual([]);
    if (FLAGS_OF[verb].has("-o")) expect(usageLine(text, verb)).toMatch(/ -o /);
  }
});

test.each(VERBS)("docs/cli.md's synopsis of %s names the options of the help's usage line", async (verb) => {
  const docs = fs.readFileSync(path.join(__dirname, "../../docs/cli.md"), "utf8");
  const synopsis = docs.split("```bash")[1]?.split("```")[0] ?? "";
  const help = (await cli([verb, "--help", "--lang", "en"], dir)).stdout;
  const documented = usageLine(synopsis, verb);
  expect(documented).toBeDefined();
  expect([...optionsIn(documented!)].sort()).toEqual([...optionsIn(usageLine(help, verb)!)].sort());
});

test("an option before the command: exit 2, told to put the command first (naming it when given)", async () => {
  const r = await cli(["--lang", "en", "check", "x.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^Usage error: the command comes first, options after it: ziping check … --lang/);
  const none = await cli(["--format", "json"], dir);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/^用法错误：缺少命令（template、check/);
});

test("--replace with something that is no cell: a usage error naming it; Sheet!A1, 'Sheet'!$B$2 and A1 pass", async () => {
  const r = await cli(["calc", "in.xlsx", "-o", "out.xlsx", "--replace", "表1!E7,Foo"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^用法错误：--replace 的单元格应写成 工作表!A1 或 A1，而不是 Foo/);
  for (const ok of ["表1!E7", "'项目 1'!$B$2", "a1", "表!1!H20"]) {
    const fine = await cli(["calc", "missing.xlsx", "-o", "out.xlsx", "--replace", ok], dir);
    expect(fine.stderr).not.toContain("--replace 的单元格");
  }
});

test("rules with a stray argument: a usage error pointing at --show", async () => {
  const r = await cli(["rules", "mof-2020"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^用法错误：rules 不接受文件参数（mof-2020）；查看一套规则用 ziping rules --show 规则/);
  expect((await cli(["rules", "--show", "mof-2020"], dir)).code).toBe(0);
});
