/**
 * Real parts: a `native` template filled with seeds/001's numbers, recalculated by LibreOffice
 * (no add-in, no cached values from us): the recalculated 执行率, 得分, 总分 and 等级 equal the
 * published ones. Needs Debian's libreoffice-calc-nogui (installed by .ci/run).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ExcelJsPort } from "../../src/host/exceljs";
import { execScore, getRuleSet, gradeFor, isCellError, scoreIndicator, sumScores } from "../../src/engine";
import { insertTemplate } from "../../src/ops";
import { SEED001_DEPARTMENT, SEED001_PROJECTS } from "../fixtures/seed001";
import { fillDepartment, fillProject, type Expectation } from "../templates/fill";
import { recalculate, sofficeAvailable } from "./soffice";

jest.setTimeout(600_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-lo-"));
const expectations = new Map<string, Expectation[]>();
let recalculated: ExcelJsPort;

beforeAll(async () => {
  if (!sofficeAvailable()) throw new Error("LibreOffice (soffice) is not installed: install libreoffice-calc-nogui");
  const port = new ExcelJsPort();
  for (const [i, seed] of SEED001_PROJECTS.entries()) {
    const { sheet } = await insertTemplate(port, {
      kind: "project",
      ruleSetId: "mof-2020",
      formulaStyle: "native",
      sheetName: `项目${i + 1}`,
    });
    expectations.set(sheet, await fillProject(port, sheet, seed));
  }
  // Not every form is perfect: less spent and one target missed, expected values from the engine.
  const { sheet: varied } = await insertTemplate(port, {
    kind: "project",
    ruleSetId: "mof-2020",
    formulaStyle: "native",
    sheetName: "变动",
  });
  const seed = SEED001_PROJECTS[0];
  const variant = {
    ...seed,
    funds: seed.funds.map((f, i) => (i < 2 ? { ...f, spent: 7.5 } : f)),
    indicators: seed.indicators.map((ind, i) => (i === 0 ? { ...ind, actual: 1 } : ind)),
  };
  const list = await fillProject(port, varied, variant);
  const rule = getRuleSet("mof-2020");
  const exec = execScore(10.56, 7.5, 10);
  const scores = variant.indicators.map((ind) => {
    const plainOf = (v: unknown) =>
      v !== null && typeof v === "object" && "pct" in v ? (v as { pct: number }).pct : v;
    const r = scoreIndicator(
      {
        nature: ind.nature,
        target: plainOf(ind.target),
        actual: plainOf(ind.actual),
        weight: ind.weight,
        unit: ind.unit,
      },
      rule,
    );
    return r.ok ? r.value.score : NaN;
  });
  const total = sumScores([exec.ok ? exec.value : NaN, ...scores]);
  const byWhat = new Map<string, number | string>([
    ["执行率", 7.5 / 10.56],
    ["执行率得分", exec.ok ? exec.value : NaN],
    ["总分", total],
    ["等级", gradeFor(total, rule)],
  ]);
  let k = 0;
  expectations.set(
    varied,
    list.map((e) => {
      if (byWhat.has(e.what)) return { ...e, value: byWhat.get(e.what)! };
      if (e.what.endsWith("得分") && e.what !== "执行率得分") return { ...e, value: scores[k++] };
      return e;
    }),
  );
  expect(total).toBeLessThan(100);

  for (const kind of ["department", "department-gs"] as const) {
    const { sheet } = await insertTemplate(port, {
      kind,
      ruleSetId: kind === "department" ? "mof-2020" : "dept-gs",
      formulaStyle: "native",
      sheetName: kind,
    });
    expectations.set(sheet, await fillDepartment(port, sheet, SEED001_DEPARTMENT));
  }
  const file = path.join(dir, "seed001-native.xlsx");
  await port.saveAs(file);
  recalculated = await ExcelJsPort.fromFile(await recalculate(file));
});

const SHEETS = ["项目1", "项目2", "项目3", "变动", "department", "department-gs"];

test.each(SHEETS)("%s: LibreOffice's recalculated values equal the published ones", async (sheet) => {
  const ws = recalculated.workbook.getWorksheet(sheet)!;
  const list = expectations.get(sheet)!;
  expect(list.length).toBeGreaterThanOrEqual(3);
  const round = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);
  // Every expected cell is a formula LibreOffice calculated (exceljs wrote none of these values).
  const got = list.map((e) => {
    const { formula, result } = ws.getCell(e.cell);
    return { what: e.what, cell: e.cell, formula: !!formula, value: round(result) };
  });
  expect(got).toEqual(list.map((e) => ({ what: e.what, cell: e.cell, formula: true, value: round(e.value) })));
});

test("no formula cell of any template evaluates to an error in LibreOffice", async () => {
  const errors: string[] = [];
  for (const sheet of SHEETS) {
    const s = await recalculated.readSheet(sheet);
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (isCellError(v)) errors.push(`${sheet}!${i + s.origin.row + 1}:${j + s.origin.col + 1} ${v.error}`);
      }),
    );
  }
  expect(errors).toEqual([]);
});
