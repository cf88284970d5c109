/**
 * Rule files through the CLI: `rules` lists the sourced sets, `rules --show` prints one as JSON
 * that reads back as a rule file, `check|calc --rules FILE.json` score by it, a template made
 * with it carries it inside the workbook (so a later check needs no flag), and a broken file is a
 * usage error naming every problem with its path — never a stack trace.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExcelJsPort } from "../../src/host/exceljs";
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../../src/host/settings";
import { cli, STACK_LINE } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-rules-"));
const example = path.resolve(__dirname, "../../docs/examples/rules-example.json");

test("`rules` lists the sourced sets with status and source; --lang en in English", async () => {
  const zh = await cli(["rules"], dir);
  expect(zh.code).toBe(0);
  expect(zh.stdout).toMatch(/^mof-2021-101 /m);
  expect(zh.stdout).toContain("[推荐] 来源：财预〔2021〕101号");
  expect(zh.stdout).toMatch(/^mof-platform-b /m);
  expect(zh.stdout).toContain("90.00 不定级");
  const en = await cli(["rules", "--lang", "en"], dir);
  expect(en.stdout).toContain("[recommended] source: 财预〔2021〕101号");
});

test("`rules --show ID` prints JSON that, with an id of one's own, is a valid rule file", async () => {
  const r = await cli(["rules", "--show", "d33-caps"], dir);
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout);
  expect(data.totalCaps.bands[0].out).toBe(89);
  fs.writeFileSync(path.join(dir, "mine.json"), JSON.stringify({ ...data, id: "mine-2024" }));
  const back = await cli(["rules", "--show", "mine.json"], dir);
  expect(back.code).toBe(0);
  expect(JSON.parse(back.stdout).id).toBe("mine-2024");
});

test("a rule file reusing a built-in id is refused", async () => {
  const r = await cli(["rules", "--show", "d33-caps"], dir);
  fs.writeFileSync(path.join(dir, "same-id.json"), r.stdout);
  const back = await cli(["rules", "--show", "same-id.json"], dir);
  expect(back.code).toBe(2);
  expect(back.stderr).toContain("已是内置规则集的编号");
});

test("a broken rule file: every problem with its path, in Chinese, no stack trace", async () => {
  const bad = JSON.parse(fs.readFileSync(example, "utf8"));
  bad.execution.bands[0].out = 7; // points instead of a fraction of the weight
  bad.positive = { kind: "passmark" };
  bad.grade = {};
  delete bad.total;
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(bad));
  const r = await cli(["check", "nothing.xlsx", "--rules", "bad.json"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("规则文件 bad.json 有");
  expect(r.stderr).toContain("total：缺少此项（应为数字）");
  expect(r.stderr).toContain('positive.kind：只能取 "proportional" / "passMark" / "bands"');
  expect(r.stderr).toContain("（规则集）：不认识的项 “grade”");
  expect(r.stderr).not.toMatch(STACK_LINE);
  fs.writeFileSync(path.join(dir, "syntax.json"), '{ "id": "x",\n  "label": }');
  const s = await cli(["check", "nothing.xlsx", "--rules", "syntax.json"], dir);
  expect(s.stderr).toMatch(/不是有效的 JSON：第 2 行第 \d+ 列附近有误/);
  const missing = await cli(["check", "nothing.xlsx", "--rules", "nope.json"], dir);
  expect(missing.stderr).toContain("找不到规则文件：nope.json");
});

test("a broken rule file with --lang en: every problem in English, no Chinese outside the file's own words", async () => {
  const bad = JSON.parse(fs.readFileSync(example, "utf8"));
  bad.positive = { kind: "passmark" };
  bad.grade = {};
  bad.executionWeight = 30; // weights no longer add up to the total
  delete bad.total;
  fs.writeFileSync(path.join(dir, "bad-en.json"), JSON.stringify(bad));
  const r = await cli(["check", "nothing.xlsx", "--rules", "bad-en.json", "--lang", "en"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("rule file bad-en.json has");
  expect(r.stderr).toContain("total: missing (should be a number)");
  expect(r.stderr).toContain('positive.kind: can only be "proportional" / "passMark" / "bands"');
  expect(r.stderr).toContain("(rule set): unknown key(s) “grade” (a typo?)");
  expect(r.stderr).not.toMatch(/[\u4e00-\u9fff]/u);
  fs.writeFileSync(path.join(dir, "syntax-en.json"), '{ "id": "x",\n  "label": }');
  const s = await cli(["check", "nothing.xlsx", "--rules", "syntax-en.json", "--lang", "en"], dir);
  expect(s.stderr).toMatch(/not valid JSON: an error near line 2, column \d+/);
});

test("template with a rule file stores it in the workbook; check and calc then use it", async () => {
  fs.copyFileSync(example, path.join(dir, "city.json"));
  const made = await cli(["template", "project", "-o", "city.xlsx", "--rules", "city.json"], dir);
  expect(made.code).toBe(0);
  const port = await ExcelJsPort.fromFile(path.join(dir, "city.xlsx"));
  expect(await port.getSetting(RULE_SET_SETTING)).toBe("example-city-2024");
  expect(JSON.parse((await port.getSetting(RULE_SET_DATA_SETTING)) ?? "{}").id).toBe("example-city-2024");
  const checked = await cli(["check", "city.xlsx", "--format", "json"], dir);
  expect(checked.code).toBeLessThan(2);
  const calc = await cli(["calc", "city.xlsx", "-o", "city-calc.xlsx", "--rules", "city.json"], dir);
  expect(calc.code).toBeLessThan(2);
  expect(calc.stderr).not.toMatch(STACK_LINE);
});
