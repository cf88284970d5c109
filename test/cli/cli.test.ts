/**
 * ziping end to end on real files: templates, check (text and JSON, folders, progress, exit
 * codes), calc and freeze writing new files while the input stays byte-identical. Most cases run
 * `run()` in-process; a few spawn the esbuild bundle, built here into a temp folder.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExcelJsPort } from "../../src/host/exceljs";
import type { ReportRow } from "../../src/cli/report";
import { bundleCli } from "../fixtures/cliBundle";
import { seedProjectForms } from "../fixtures/seed001";
import { sha256, writeSnapshots } from "../ops/xlsx";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-cli-"));

test("--help is in Chinese and English and names every command", async () => {
  const r = await cli(["--help"], dir);
  expect(r.code).toBe(0);
  for (const word of [
    "用法",
    "Usage",
    "template",
    "check",
    "calc",
    "freeze",
    "退出码",
    "Exit codes",
    "--formulas native|custom",
  ]) {
    expect(r.stdout).toContain(word);
  }
  expect((await cli([], dir)).stdout).toBe(r.stdout);
});

test("rules lists the built-in rule sets", async () => {
  const r = await cli(["rules"], dir);
  expect(r.stdout).toMatch(/^mof-2020 /m);
  expect(r.stdout).toMatch(/^dept-gs /m);
});

describe.each([
  ["project", "native"],
  ["department", "custom"],
  ["department-gs", "native"],
])("template %s --formulas %s", (kind, formulas) => {
  const file = `tpl-${kind}-${formulas}.xlsx`;
  test("writes a workbook the check command reads as one form, with no finding (its rule set is stored)", async () => {
    const r = await cli(["template", kind, "-o", file, "--formulas", formulas], dir);
    expect([r.code, r.stderr]).toEqual([0, expect.stringContaining("已生成模板")]);
    const port = await ExcelJsPort.fromFile(path.join(dir, file));
    expect(await port.listSheets()).toEqual([expect.stringContaining("绩效自评表")]);
    const c = await cli(["check", file, "--format", "json"], dir);
    const rows = JSON.parse(c.stdout) as ReportRow[];
    expect(rows).toEqual([]);
    expect(c.code).toBe(0);
  });
  test("never overwrites an existing file", async () => {
    const before = sha256(path.join(dir, file));
    const r = await cli(["template", kind, "-o", file], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("输出文件已存在");
    expect(sha256(path.join(dir, file))).toBe(before);
  });
});

describe("check", () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, "forms");
    fs.mkdirSync(path.join(folder, "sub"), { recursive: true });
    const seeds = seedProjectForms();
    for (let i = 0; i < 12; i++) {
      await writeSnapshots(path.join(folder, i % 2 ? "sub" : "", `表${i}.xlsx`), [seeds[i % 3]]);
    }
    fs.writeFileSync(path.join(folder, "~$表0.xlsx"), "lock file of an open workbook");
    fs.writeFileSync(path.join(folder, "说明.txt"), "not a workbook");
  });

  test("a folder means every .xlsx under it (lock files skipped), progress on stderr when many", async () => {
    const r = await cli(["check", "forms", "--format", "json", "--jobs", "3"], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as ReportRow[];
    expect(new Set(rows.map((x) => x.file)).size).toBe(12);
    expect(rows.every((x) => !x.file.includes("~$"))).toBe(true);
    expect(r.stderr).toMatch(/已检查 12\/12/);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["cell", "code", "file", "message", "row", "severity", "sheet"]);
    }
  });

  test("text output: one line per finding with sheet!cell and a summary; English with --lang en", async () => {
    const zh = await cli(["check", path.join("forms", "表0.xlsx")], dir);
    expect(zh.stdout).toMatch(/表0\.xlsx {2}项目1!H\d+ {2}\[警告\] .+ \(level1-weight-differs\)/);
    expect(zh.stdout).toMatch(/共 1 个文件：错误 0 个，警告 \d+ 个/);
    const en = await cli(["check", path.join("forms", "表0.xlsx"), "--lang", "en"], dir);
    expect(en.stdout).toMatch(/\[warning\] Level-1 .+\(level1-weight-differs\)/);
    expect(en.stdout).toMatch(/1 file\(s\): 0 error\(s\)/);
  });

  test("one unreadable file among good ones: the others are still checked, exit 2", async () => {
    fs.writeFileSync(path.join(dir, "broken.xlsx"), "garbage");
    const r = await cli(["check", "broken.xlsx", path.join("forms", "表0.xlsx"), "--format", "json"], dir);
    expect(r.code).toBe(2);
    const rows = JSON.parse(r.stdout) as ReportRow[];
    expect(rows.find((x) => x.file === "broken.xlsx")).toMatchObject({ code: "unreadable", cell: null, row: null });
    expect(rows.some((x) => x.file.endsWith("表0.xlsx"))).toBe(true);
  });

  test("never writes: every checked file is byte-identical", async () => {
    const files = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(folder, f));
    const before = files.map(sha256);
    await cli(["check", "forms"], dir);
    expect(files.map(sha256)).toEqual(before);
  });
});

describe("calc and freeze write a new file and leave the input untouched", () => {
  test("calc fills a custom template's blanks; -o equal to the input is refused", async () => {
    const input = "calc-in.xlsx";
    await writeSnapshots(path.join(dir, input), seedProjectForms());
    const before = sha256(path.join(dir, input));
    const same = await cli(["calc", input, "-o", input], dir);
    expect(same.code).toBe(2);
    const r = await cli(["calc", input, "-o", "calc-out.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(0);
    // The published forms are complete: nothing filled, no error left; only what a check of the
    // result still says (seed 001 adjusts its 一级 weights: a warning per project form).
    const rows = JSON.parse(r.stdout) as { code: string; severity: string }[];
    expect(rows.filter((x) => x.severity === "error")).toEqual([]);
    expect([...new Set(rows.map((x) => x.code))]).toEqual(["level1-weight-differs"]);
    expect(r.stderr).toMatch(/已填写 \d+ 个单元格/);
    expect(sha256(path.join(dir, input))).toBe(before);
    expect(fs.existsSync(path.join(dir, "calc-out.xlsx"))).toBe(true);
  });

  test("freeze turns a custom template into values; the input keeps its JX formulas", async () => {
    await cli(["template", "project", "-o", "to-freeze.xlsx", "--formulas", "custom"], dir);
    const before = sha256(path.join(dir, "to-freeze.xlsx"));
    const r = await cli(["freeze", "to-freeze.xlsx", "-o", "frozen.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/已固化 \d+ 个 JX 公式/);
    expect(sha256(path.join(dir, "to-freeze.xlsx"))).toBe(before);
    const port = await ExcelJsPort.fromFile(path.join(dir, "frozen.xlsx"));
    const s = await port.readSheet((await port.listSheets())[0]);
    expect(s.formulas!.flat().filter((f) => f && f.includes("JX."))).toEqual([]);
  });
});

describe("the bundled binary (scripts/bundle-cli.js, as npm run build makes it)", () => {
  let bin: string;
  beforeAll(() => {
    bin = bundleCli(dir);
  });
  const ziping = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });

  test("--help, template and check run as a program with the documented exit codes", () => {
    expect(ziping("--help").status).toBe(0);
    const t = ziping("template", "project", "-o", "bin-tpl.xlsx");
    expect(t.status).toBe(0);
    const c = ziping("check", "bin-tpl.xlsx", "--format", "json");
    expect(c.status).toBe(0);
    expect(Array.isArray(JSON.parse(c.stdout))).toBe(true);
  });

  test("bad input: exit 2, one zh-CN line, no stack trace", () => {
    fs.writeFileSync(
      path.join(dir, "bin-bad.xlsx"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    const r = ziping("check", "bin-bad.xlsx");
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("已损坏"); // a compound-file header and two bytes: no .xls to convert
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
    const u = ziping("calc");
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("用法错误");
  });
});
