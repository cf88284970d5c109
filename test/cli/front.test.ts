/**
 * The bundled CLI is a small front (ziping.js, src/cli/main.ts) and a heavy half beside it
 * (ziping-full.js, src/cli/full.ts) that the front loads on first need: help, rules, check and
 * review start without compiling exceljs, JSZip, docx or the other commands. The front runs them
 * with the heavy half gone; the other commands run from it, their usage errors still said as such.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleCli } from "../fixtures/cliBundle";
import { generateProjectSheet } from "../fixtures/generate";
import { writeSnapshots } from "../ops/xlsx";
import { STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-cli-front-"));
const forms = path.join(dir, "表");
let bin: string;
let full: string;

beforeAll(async () => {
  bin = bundleCli(dir);
  full = path.join(dir, "ziping-full.js");
  fs.mkdirSync(forms);
  for (let i = 0; i < 2; i++) await writeSnapshots(path.join(forms, `项目${i}.xlsx`), [generateProjectSheet(20 + i)]);
  const slipped = generateProjectSheet(22);
  const totalRow = slipped.values.findIndex((r) => r.some((v) => v === "总分"));
  const scoreCol = slipped.values[totalRow].reduce<number>((last, v, j) => (typeof v === "number" ? j : last), -1);
  (slipped.values[totalRow][scoreCol] as number) -= 1;
  await writeSnapshots(path.join(forms, "总分不符.xlsx"), [slipped]);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ziping(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toContain("内部错误");
  return r;
}

test("the front carries no exceljs, JSZip or docx and is a fraction of the whole CLI", () => {
  const front = fs.readFileSync(bin, "utf8");
  expect(front.length).toBeLessThan(fs.statSync(full).size / 3);
  for (const lib of ["node_modules/exceljs/lib/xlsx/xlsx.js", "node_modules/jszip/", "node_modules/docx/"])
    expect(front).not.toContain(lib);
  expect(fs.readFileSync(full, "utf8")).toContain("node_modules/docx/");
});

test("help, rules, check and review run from the front with the heavy half gone", () => {
  const kept = `${full}.away`;
  fs.renameSync(full, kept);
  try {
    expect(ziping("--help").stdout).toContain("用法");
    expect(ziping("rules").stdout).toContain("mof-2020");
    const check = ziping("check", "表", "--format", "json");
    const findings = JSON.parse(check.stdout) as { file: string; code: string }[];
    expect(findings.filter((f) => f.file.endsWith("总分不符.xlsx")).map((f) => f.code)).toContain("total-mismatch");
    expect(findings.some((f) => f.code === "unreadable" || f.code === "failed")).toBe(false);
    const review = ziping("review", "表", "-o", "汇总.xlsx");
    expect(review.stdout).toMatch(/建议退回 1/);
    expect(fs.existsSync(path.join(dir, "汇总.xlsx"))).toBe(true);
    // A command of the heavy half says which file is missing and where it belongs.
    const template = ziping("template", "project", "-o", "无后半.xlsx");
    expect(template.status).toBe(2);
    expect(template.stderr).toMatch(/找不到 ziping-full\.js：它须与 ziping\.js 在同一文件夹/);
  } finally {
    fs.renameSync(kept, full);
  }
}, 120_000);

test("the other commands run from the heavy half, calc's worker too; their usage errors stay usage errors", () => {
  expect(ziping("template", "project", "-o", "空白.xlsx").status).toBe(0);
  const calc = ziping("calc", "空白.xlsx", "-o", "算过.xlsx");
  expect(calc.status).toBe(0);
  expect(fs.existsSync(path.join(dir, "算过.xlsx"))).toBe(true);
  const wrong = ziping("template", "bogus", "-o", "x.xlsx");
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toMatch(/^用法错误：template 需要模板类型/);
  expect(ziping("template", "bogus", "-o", "x.xlsx", "--lang", "en").stderr).toMatch(/^Usage error: /);
}, 120_000);
