/**
 * The add-in's JX.* functions for the engine's formula evaluator: a file saved without results
 * (exceljs, our CLI) is checked with the values Excel with the add-in would show. The same
 * argument adaptation the custom functions use (../functions/jx.ts), so the numbers agree.
 */
import type { CellValue, ExtraFunctions, FormulaValue } from "../engine";
import { Failure, jxExecRate, jxExecScore, jxGrade, jxIndicatorScore, type Cell } from "../functions/jx";

const one = (v: FormulaValue | undefined): CellValue => {
  if (v === undefined) return null;
  if (typeof v === "object" && v !== null && "range" in v) return v.range[0] ?? null;
  return v;
};

/** A single-cell argument as the custom function receives it (blank as ""). */
const arg = (v: FormulaValue | undefined): unknown => {
  const x = one(v);
  return x === null ? "" : x;
};

const shown = (c: Cell | undefined): CellValue => (c === undefined || c instanceof Failure ? { error: "#VALUE!" } : c);

const blank = (v: FormulaValue | undefined) => {
  const x = one(v);
  return x === null || (typeof x === "string" && x.trim() === "");
};

/**
 * A call that fails while the inputs it needs are blank (a spare template row) shows nothing —
 * the rule freeze uses too (freeze.ts), so a blank template reads blank on every path.
 */
const orBlank =
  (needed: number[], f: (a: FormulaValue[]) => CellValue) =>
  (a: FormulaValue[]): CellValue => {
    const v = f(a);
    return isError(v) && needed.some((i) => blank(a[i])) ? "" : v;
  };

const isError = (v: CellValue) => typeof v === "object" && v !== null && "error" in v;

export function jxFunctions(workbookRule: string | undefined): ExtraFunctions {
  return {
    "JX.EXECRATE": orBlank([0, 1], (a) => shown(jxExecRate(arg(a[0]), arg(a[1])))),
    "JX.EXECSCORE": orBlank([0, 1], (a) =>
      shown(
        jxExecScore(
          arg(a[0]),
          arg(a[1]),
          a[2] === undefined ? undefined : arg(a[2]),
          a[3] === undefined ? undefined : arg(a[3]),
          workbookRule,
        ),
      ),
    ),
    "JX.INDICATORSCORE": orBlank([1, 2], (a) =>
      shown(
        jxIndicatorScore(
          {
            nature: arg(a[0]),
            target: arg(a[1]),
            actual: arg(a[2]),
            weight: arg(a[3]),
            unit: a[4] === undefined ? undefined : arg(a[4]),
            ruleSet: a[5] === undefined ? undefined : arg(a[5]),
            level1: a[6] === undefined ? undefined : arg(a[6]),
            level2: a[7] === undefined ? undefined : arg(a[7]),
            level3: a[8] === undefined ? undefined : arg(a[8]),
          },
          workbookRule,
        )[0]?.[0],
      ),
    ),
    "JX.GRADE": orBlank([0], (a) =>
      shown(jxGrade(arg(a[0]), a[1] === undefined ? undefined : arg(a[1]), workbookRule)),
    ),
  };
}
