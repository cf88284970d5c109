/**
 * `--lang en` covers every message: each command run in English on real files prints no Chinese
 * except the user's own data (file, sheet and rule-set names, cell and report text it quotes).
 * Both the success paths and the usual refusals (a missing argument, an existing output file).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExcelJsPort } from "../../src/host/exceljs";
import { listRuleSets } from "../../src/engine";
import { seedDepartmentForm, seedProjectForms, seedProjectFormsWithLayout } from "../fixtures/seed001";
import { writeSnapshots } from "../ops/xlsx";
import { sumChain } from "../hostile/hostileFiles";
import { cli } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-cli-en-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Han characters and CJK punctuation (，。：（）「」、…). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Every text the user wrote: cell texts, sheet names, file names, rule-set labels and sources. */
const userData = new Set<string>();

async function collectWorkbook(file: string): Promise<void> {
  userData.add(path.basename(file));
  const port = await ExcelJsPort.fromFile(file);
  for (const name of await port.listSheets()) {
    userData.add(name);
    for (const row of (await port.readSheet(name)).values)
      for (const v of row) if (typeof v === "string" && CJK.test(v)) userData.add(v.trim());
  }
}

function collectStrings(x: unknown): void {
  if (typeof x === "string") {
    if (CJK.test(x)) userData.add(x);
  } else if (Array.isArray(x)) x.forEach(collectStrings);
  else if (typeof x === "object" && x !== null) Object.values(x).forEach(collectStrings);
}

/** What is left of the output once the user's data is taken out: must read in English only. */
function ownWords(text: string): string {
  let out = text;
  const quoted = [...userData].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const s of quoted) out = out.split(s).join("");
  // Text quoted from a cell may be clipped or trimmed: whatever stands inside quotes is the user's,
  // and so is a sheet name before its cell (项目2!H13).
  return out.replace(/“[^”\n]*”|"[^"\n]*"|「[^」\n]*」/g, "").replace(/[^\s,:;()]+!\$?[A-Z]+\$?\d+/g, "");
}

function expectEnglish(where: string, text: string): void {
  const left = ownWords(text)
    .split("\n")
    .filter((l) => CJK.test(l));
  expect({ where, left }).toEqual({ where, left: [] });
}

const REPORT = [
  "一、项目基本情况",
  "该项目全年预算41.61万元，实际支出38.7万元，执行率100%。",
  "应支出150万元，实际支出148万元，执行率95.33%。",
];

beforeAll(async () => {
  const seeds = seedProjectForms();
  // A typed total that is off: the check, calc and review have a finding to say in English.
  const slip = seeds[0];
  await writeSnapshots(path.join(dir, "forms.xlsx"), [slip, seedDepartmentForm()]);
  fs.mkdirSync(path.join(dir, "projects"));
  for (let i = 0; i < seeds.length; i++) await writeSnapshots(path.join(dir, "projects", `p${i}.xlsx`), [seeds[i]]);
  // A score left blank: calc fills it and says why, in English.
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const blank = { ...sheet, values: sheet.values.map((r) => r.slice()) };
  blank.values[layout.indicators.rows[0]][layout.indicators.columns.score!] = null;
  // 时效 rows left blank too: their explanations quote a date and months, in English.
  const rows = layout.indicators.rows;
  const ic = layout.indicators.columns;
  Object.assign(blank.values[rows[2]], { [ic.target!]: "2024年12月底前", [ic.actual!]: "2024年11月30日完成" });
  Object.assign(blank.values[rows[3]], {
    [ic.nature!]: "",
    [ic.target!]: "≤12个月",
    [ic.actual!]: "14个月",
    [ic.unit!]: "",
  });
  blank.values[rows[2]][ic.score!] = null;
  blank.values[rows[3]][ic.score!] = null;
  await writeSnapshots(path.join(dir, "blank.xlsx"), [blank]);
  fs.writeFileSync(path.join(dir, "chain.xlsx"), sumChain(600));
  fs.writeFileSync(path.join(dir, "report.txt"), REPORT.join("\n"));
  for (const line of REPORT) userData.add(line);
  await collectWorkbook(path.join(dir, "forms.xlsx"));
  await collectWorkbook(path.join(dir, "blank.xlsx"));
  for (const f of fs.readdirSync(path.join(dir, "projects"))) await collectWorkbook(path.join(dir, "projects", f));
  // A rule set is data (its labels, 一级 names and sources are the documents' words); `rules --show` prints it.
  for (const r of listRuleSets()) collectStrings(r);
});

const run = async (argv: string[]) => {
  const r = await cli([...argv, "--lang", "en"], dir);
  return r;
};

test.each([
  ["check", ["check", "forms.xlsx"]],
  ["check json", ["check", "forms.xlsx", "--format", "json"]],
  ["check folder", ["check", "projects"]],
  ["check missing file", ["check", "nothing-here.xlsx"]],
  ["check no file", ["check"]],
  ["calc", ["calc", "forms.xlsx", "-o", "calc-out.xlsx"]],
  ["calc filling a blank score", ["calc", "blank.xlsx", "-o", "blank-out.xlsx"]],
  ["calc existing output", ["calc", "forms.xlsx", "-o", "forms.xlsx"]],
  ["template", ["template", "project", "-o", "tpl.xlsx", "--formulas", "custom"]],
  ["rules", ["rules"]],
  ["rules --show", ["rules", "--show", "mof-2020"]],
  ["report-check", ["report-check", "report.txt", "forms.xlsx"]],
  ["rollup", ["rollup", "projects", "-o", "dept.xlsx"]],
  ["review", ["review", "projects", "-o", "review.xlsx"]],
  ["bad option", ["check", "forms.xlsx", "--nope"]],
])("%s speaks English", async (_name, argv) => {
  const r = await run(argv);
  expect(r.stdout + r.stderr).not.toBe("");
  expectEnglish(`${argv.join(" ")} (stdout)`, r.stdout);
  expectEnglish(`${argv.join(" ")} (stderr)`, r.stderr);
});

test("freeze speaks English (a custom template, calculated, then frozen)", async () => {
  await run(["template", "project", "-o", "tpl-f.xlsx", "--formulas", "custom"]);
  const r = await run(["freeze", "tpl-f.xlsx", "-o", "frozen.xlsx"]);
  expectEnglish("freeze (stdout)", r.stdout);
  expectEnglish("freeze (stderr)", r.stderr);
});

test("calc explains 时效 scores in English: dates and months in English words", async () => {
  const r = await run(["calc", "blank.xlsx", "-o", "blank-dates.xlsx"]);
  expect(r.stdout).toMatch(/timeliness: done 30 November 2024, not later than December 2024/);
  expect(r.stdout).toMatch(/\(14 months − 12 months\) ÷ 12 months/);
  expectEnglish("calc dates (stdout)", r.stdout);
});

test("freeze says in English why a cell beyond bounds is left as it was", async () => {
  const r = await run(["freeze", "chain.xlsx", "-o", "chain-frozen.xlsx"]);
  expect(r.stderr).toMatch(/Sheet1!B1: the chain of references is deeper than 500/);
  expect(r.stderr).toMatch(/left as they were: Sheet1!B1/);
  expectEnglish("freeze chain (stderr)", r.stderr);
});
