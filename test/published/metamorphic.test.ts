/**
 * Metamorphic tests over the real published forms (index.json) and the seeds: a change to the sheet
 * that does not change what the form says — the form moved down or right, notes above it, an empty
 * column or empty rows inside the table, merged 一级/二级 unmerged (text repeated) or repeated text
 * merged, numbers typed as text (also full width) or typed text made numbers, full-width digits,
 * stray spaces, ≥ spelt >=, header words broken over lines or the header split over two rows, two
 * forms stacked on one sheet or side by side, the workbook saved as .xls by LibreOffice — must not
 * change the findings, beyond their cells' addresses.
 * The transformations are in metamorphic/transforms.ts (also: sums and rates as formulas, with and
 * without cached results; ≥ | 95 | % joined or split; 10分 typed); what each found is in its commit
 * message, and the regressions are in test/engine/validate/sameMeaning.test.ts.
 */
import { sofficeAvailable } from "../libreoffice/soffice";
import {
  describe as describeDifference,
  loadForms,
  runCompositions,
  runTransforms,
  runTriples,
  twoForms,
  type Form,
} from "./metamorphic/run";
import { TRANSFORMS } from "./metamorphic/transforms";
import { xlsRoundTrip } from "./metamorphic/xls";

let forms: Form[] = [];

beforeAll(async () => {
  forms = await loadForms();
});

test("the corpus and the seeds are read, nearly every sheet with a form found", () => {
  expect(forms.length).toBeGreaterThanOrEqual(45);
  // Two published layouts are not read yet (FINDINGS-corpus-*.md); the rest must be, or this test checks little.
  expect(forms.filter((f) => f.forms.length > 0).length).toBeGreaterThanOrEqual(forms.length - 2);
});

test.each(Object.keys(TRANSFORMS))("%s changes no finding", (name) => {
  const differences = runTransforms(forms, [name]);
  expect(differences.map(describeDifference)).toEqual([]);
});

// Rewrites of structure, two at a time (~3,000 sheets, a few seconds).
const COMPOSED = [
  "shiftDownRight",
  "emptyColumnInTable",
  "emptyRowsBetweenIndicators",
  "unmergeLevels",
  "headerOverTwoRows",
  "headerLineBreaks",
  "emptyRowsElsewhere",
  "unmergeAcross",
  "numbersAsText",
  "swapColumns",
  "formulas",
  "targetCells",
];

test("two rewrites one after the other change no finding either", () => {
  expect(runCompositions(forms, COMPOSED).map(describeDifference)).toEqual([]);
});

test("three rewrites in a row (1,000 picked at random, the same every run) change no finding", () => {
  expect(runTriples(forms, 1000).map(describeDifference)).toEqual([]);
});

// Every ordered pair stacked (2,116 sheets, ~3 s); side by side, each form beside the next.
test.each([
  ["stacked, no blank row between", 0],
  ["stacked, 2 blank rows between", 2],
])("two forms on one sheet, %s: each keeps its findings", (_, gap) => {
  const differences: string[] = [];
  for (const a of forms)
    for (const b of forms) {
      const d = twoForms(a, b, gap, false);
      if (d) differences.push(describeDifference(d));
    }
  expect(differences).toEqual([]);
});

// Side by side, every ordered pair of sheets where a form is found.
test("two forms side by side, 2 empty columns between: each keeps its findings", () => {
  const readable = forms.filter((f) => f.forms.length > 0);
  const differences: string[] = [];
  for (const a of readable)
    for (const b of readable) {
      const d = twoForms(a, b, 2, true);
      if (d) differences.push(describeDifference(d));
    }
  expect(differences).toEqual([]);
});

/**
 * Beside a data table that is no form (湖南 衡山's 基础数据表, 广西 桂平's 收支概况): the whole-sheet
 * reading still runs into it for these three forms (their own rows or header cells line up with the
 * table's); no error is gained, a few warnings are, and some slips are lost. Not fixed yet: listed so
 * that a change to them is seen.
 */
const BESIDE_A_TABLE_NOT_FIXED = [
  "anhui-2023-shouxian-bumen-zhengti + guangxi-2019-guiping-shenji-zhengti",
  "guangxi-2019-guiping-shenji-zhengti + anhui-2023-shouxian-bumen-zhengti",
  "hebei-2020-chengan-minzheng-gaoling + hunan-2023-guantang-jichushuju",
  "hunan-2023-guantang-jichushuju + hebei-2020-chengan-minzheng-gaoling",
  "yunnan-2022-baoshan-weiwen + guangxi-2019-guiping-shenji-zhengti",
  "yunnan-2022-baoshan-weiwen + hunan-2023-guantang-jichushuju",
];

test("a form beside a data table that is no form keeps its findings (but for the listed few)", () => {
  const tablesOnly = forms.filter((f) => f.forms.length === 0);
  expect(tablesOnly.length).toBeGreaterThan(0);
  const differing: string[] = [];
  const gainedErrors: string[] = [];
  for (const t of tablesOnly)
    for (const f of forms.filter((x) => x.forms.length > 0))
      for (const [a, b] of [
        [t, f],
        [f, t],
      ]) {
        const d = twoForms(a, b, 2, true);
        if (!d) continue;
        differing.push(d.form);
        gainedErrors.push(...d.gained.filter((k) => k.startsWith("error")).map((k) => `${d.form}: ${k}`));
      }
  expect(gainedErrors).toEqual([]);
  expect(differing.sort()).toEqual([...BESIDE_A_TABLE_NOT_FIXED].sort());
});

// A handful of forms only: each soffice run costs seconds.
const XLS_FORMS = ["anhui-2019-suixi-minzheng-linshijiuzhu", "sichuan-2023-daying-anke", "yunnan-2022-longyang-huafei"];

(sofficeAvailable() ? test : test.skip)(
  "saved as .xls by LibreOffice and read back: the same findings",
  async () => {
    const picked = forms.filter((f) => XLS_FORMS.includes(f.id));
    expect(picked).toHaveLength(XLS_FORMS.length);
    const differences = await xlsRoundTrip(picked);
    expect(differences.map(describeDifference)).toEqual([]);
  },
  240_000,
);
