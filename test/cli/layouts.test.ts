/**
 * Forms in other layouts than our templates, as units publish them, written as real .xlsx and
 * checked through the CLI: a header not in row 1, 计量单位 instead of 度量单位, a 指标方向 column
 * beside 指标性质, several forms on one sheet, another province's department table. The file
 * route must find exactly what the engine finds on the same sheet in memory (the adapter loses
 * nothing), and a planted wrong 得分 must be reported on its own cell.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getRuleSet, validateSheet, type SheetSnapshot } from "../../src/engine";
import { seedAllOnOneSheet, seedProjectForms } from "../fixtures/seed001";
import { seedDepartment002 } from "../fixtures/seed002";
import { buildSheet } from "../fixtures/sheetBuilder";
import { writeSnapshots } from "../ops/xlsx";
import { cli } from "./helpers";
import type { ReportRow } from "../../src/cli/report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-layouts-"));

/** A form at C5 with a one-row header, 指标方向 beside 指标性质, 计量单位, and one wrong 得分 (25 of 30). */
function directionForm(): SheetSnapshot {
  const p = (x: number) => x;
  return buildSheet({
    name: "方向列",
    origin: "C5",
    rows: [
      ["2023年度项目支出绩效自评表", null, null, null, null, null, null, null, null, null, null],
      ["项目名称", null, "培训项目", null, null, null, null, null, null, null, null],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null, null, null],
      [null, "年度资金总额", 100, 100, 90, 10, p(0.9), 9, null, null, null],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标方向",
        "指标值",
        "计量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "培训次数", "定量", "正向", 20, "次", 20, 50, 50, "无"],
      ["效益指标", "社会效益指标", "培训效果", "定量", "正向", p(0.9), "%", p(0.9), 30, 25, "无"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "定量", "正向", p(0.95), "%", p(0.98), 10, 10, "无"],
      ["总分", null, null, null, null, null, null, null, 100, 94, "优"],
    ],
    merges: ["A1:K1", "A2:B2", "C2:K2", "A3:A4"],
    formats: { I4: "0.00%", F7: "0.00%", H7: "0.00%", F8: "0.00%", H8: "0.00%" },
  });
}

/** Seed 001's first project with 计量单位 as its unit header. */
function unitSynonymForm(): SheetSnapshot {
  const s = seedProjectForms()[0];
  s.name = "计量单位";
  s.values = s.values.map((row) => row.map((v) => (v === "度量单位" ? "计量单位" : v)));
  return s;
}

const SHEETS: [string, () => SheetSnapshot][] = [
  ["four forms stacked on one sheet from B3", () => ({ ...seedAllOnOneSheet(), name: "四表一页" })],
  ["a 指标方向 column, header at C5, 计量单位", directionForm],
  ["计量单位 instead of 度量单位", unitSynonymForm],
  ["another province's department table (seed 002)", () => ({ ...seedDepartment002(), name: "安化" })],
];

let rows: ReportRow[];
let code: number;

beforeAll(async () => {
  await writeSnapshots(
    path.join(dir, "layouts.xlsx"),
    SHEETS.map(([, make]) => make()),
  );
  const r = await cli(["check", "layouts.xlsx", "--format", "json"], dir);
  code = r.code;
  rows = JSON.parse(r.stdout) as ReportRow[];
});

test.each(SHEETS)("%s: the file route finds exactly what the engine finds in memory", (_label, make) => {
  const snapshot = make();
  const expected = validateSheet(snapshot, getRuleSet("mof-2020"))
    .findings.map((f) => `${f.code}@${f.cell}`)
    .sort();
  const got = rows
    .filter((r) => r.sheet === snapshot.name)
    .map((r) => `${r.code}@${r.cell}`)
    .sort();
  expect(got).toEqual(expected);
});

test("the four stacked forms are all detected", () => {
  const forms = validateSheet(seedAllOnOneSheet(), getRuleSet("mof-2020")).forms;
  expect(forms.map((f) => f.kind).sort()).toEqual(["department", "project", "project", "project"]);
});

test("the planted wrong 得分 is an error on its own cell (L11), and the exit code says so", () => {
  const errors = rows.filter((r) => r.severity === "error");
  expect(errors.map((r) => `${r.sheet}!${r.cell}`)).toContain("方向列!L11");
  expect(errors.find((r) => r.cell === "L11")?.message).toMatch(/得分/);
  expect(code).toBe(1);
});

test("the seed forms in their published layouts have no error findings", () => {
  const seedErrors = rows.filter((r) => r.severity === "error" && r.sheet !== "方向列");
  expect(seedErrors).toEqual([]);
});
