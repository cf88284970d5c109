/**
 * The JX functions with the sourced rule ids, evaluated as formulas in HyperFormula: the [规则]
 * argument picks 101号's bands and pass mark, the platform's uncapped execution score and version
 * B's ungraded 90.00; EXPLAIN names the clause that applied.
 */
import { DetailedCellError } from "hyperformula";
import { buildJxWorkbook } from "./hfJx";
import { jxExplain, jxGrade, jxIndicatorScore } from "../../src/functions/jx";
import { getRuleSet } from "../../src/engine";
import { loadImportedRules } from "../../src/functions/importedRules";

const sheet = [
  // A budget, B spent, C formula
  [200, 170, '=JX.EXECSCORE(A1,B1,10,"mof-2021-101")'],
  [200, 220, '=JX.EXECSCORE(A2,B2,10,"mof-platform")'],
  [200, 220, "=JX.EXECSCORE(A3,B3,10)"],
  [200, 119.8, '=JX.EXECSCORE(A4,B4,,"mof-2021-101")'],
  // target, actual → pass mark
  ["≥100%", 0.84, '=JX.INDICATORSCORE("",A5,B5,10,"%","mof-2021-101")'],
  ["≥100%", 0.84, '=JX.INDICATORSCORE("",A6,B6,10,"%")'],
  ["≥100%", 0.84, '=JX.EXPLAIN("",A7,B7,10,"%","mof-2021-101")'],
  [90, null, '=JX.GRADE(A8,"mof-platform-b")'],
  [90, null, '=JX.GRADE(A9,"mof-platform")'],
  ["≥100", 130, '=JX.INDICATORSCORE("",A10,B10,10,,"d33-caps")'],
  [null, null, '=JX.GRADE(90,"no-such-rules")'],
];

const hf = buildJxWorkbook({ S: sheet });
const at = (row: number) => hf.getCellValue({ sheet: 0, row, col: 2 });

test.each([
  [0, 7, "101号: not completed (unstated), 85% → 7"],
  [1, 11, "platform: overspent, uncapped → 11"],
  [2, 10, "default: capped → 10"],
  [3, 0, "101号: 59.9% → 0 (weight omitted: the rule set's 10)"],
  [4, 6, "101号 pass mark: 84% → 6"],
  [5, 8.4, "default: 84% → 8.4"],
  [9, 8, "D33: 130% of target → 10 − 2"],
])("row %p → %p (%s)", (row, want) => {
  expect(at(row)).toBe(want);
});

test("EXPLAIN names the clause", () => {
  expect(at(6)).toBe("≥100%，实际 84%：101号及格线：(84% − 60%) ÷ (100% − 60%) × 10 = 6");
});

test("version B leaves 90.00 ungraded; version A grades it 优", () => {
  expect(at(7)).toBe("未定级");
  expect(at(8)).toBe("优");
});

test("an unknown rule id is #VALUE! with the ids on offer", () => {
  const v = at(10);
  expect(v).toBeInstanceOf(DetailedCellError);
  expect((v as DetailedCellError).message).toContain("mof-2021-101");
});

describe("a rule set imported into the workbook (id + JSON) is what the functions score by", () => {
  // functions.ts loads the validator for imported rule sets before calling jx (see importedRules.test.ts).
  beforeAll(() => loadImportedRules());
  const custom = { ...getRuleSet("mof-2021-101"), id: "my-city-2024", label: "某市2024" };
  const workbook = { id: "my-city-2024", data: JSON.stringify(custom) };
  const args = { nature: "", target: "≥100%", actual: 0.84, weight: 10, unit: "%" };
  test("no [规则]: the workbook's imported set", () => {
    expect(jxIndicatorScore(args, workbook)).toEqual([[6]]);
    expect(String(jxExplain(args, workbook)[0][0])).toContain("101号及格线");
  });
  test("[规则] naming the imported id works too", () => {
    expect(jxIndicatorScore({ ...args, ruleSet: "my-city-2024" }, workbook)).toEqual([[6]]);
    expect(jxGrade(85, "my-city-2024", workbook)).toBe("良");
  });
  test("a broken stored JSON falls back to the default rules, never an error in every cell", () => {
    expect(jxIndicatorScore(args, { id: "my-city-2024", data: "{broken" })).toEqual([[8.4]]);
  });
});
