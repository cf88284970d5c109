/**
 * A computed cell's stated value against what the rules give. Null when they agree (or when
 * nothing is stated, or nothing could be computed). Never changes the cell.
 */
import type { CalcTarget } from "../calculate/plan";
import { isCellError } from "../sheet/snapshot";
import type { Finding, Mismatch, MismatchCode, Value } from "./finding";
import { isPercentFormat, numberOf, sameAt, shownDecimals } from "./cells";
import { rateWithinAmountRounding, withinRounding } from "./precision";
import { compactGradeWord, gradeInWordsOf, gradesOfWord, meansOnlyOnSomeScale, wordMeans } from "./gradeWords";
import { stepsOf, type ComputedCell } from "./evaluation";
import type { FindingSink } from "./sink";

const MISMATCH_CODE: Record<CalcTarget, MismatchCode> = {
  execRate: "rate-mismatch",
  taskRate: "rate-mismatch",
  execScore: "exec-score-mismatch",
  indicatorScore: "score-mismatch",
  sumWeight: "sum-mismatch",
  sumScore: "sum-mismatch",
  totalWeight: "total-weight-mismatch",
  totalScore: "total-mismatch",
  grade: "grade-mismatch",
};

/** Scores and sums are kept to 2 decimals. */
const SCORE_DECIMALS = 2;

/**
 * `scoreDecimals`: the decimals the form writes its scores with (./precision.ts): a form that prints
 * integer scores is not wrong for printing 9 where the rules give 8.62 (a warning says so).
 */
export function compareStated(c: ComputedCell, sink: FindingSink, scoreDecimals = SCORE_DECIMALS): Finding | null {
  if (c.stated === null || c.stated === "" || c.quiet) return null;
  if (isCellError(c.stated))
    return sink.make("error-cell", c.row, c.col, { value: c.stated.error, ...withExpected(c) });
  if (c.target === "grade") return compareGrade(c, sink);
  // A plain number (most cells) is read without building a NumberCell: this runs on every computed cell.
  const n = typeof c.stated === "number" ? null : numberOf(c.stated, c.numberFormat);
  if (n !== null && n.kind === "empty") return null;
  if (n !== null && n.kind !== "number") {
    // A formula's words where the row cannot be scored (our template's "比率不能超过100%，请核实" beside
    // a 满意度 of 139%): the row's own finding says why; the prompt is not a second one.
    if (c.formula !== null && c.expected === undefined && c.problem) return null;
    return sink.make("value-unreadable", c.row, c.col, { value: String(c.stated), ...withExpected(c) });
  }
  if (n === null && !Number.isFinite(c.stated)) return null;
  const stated = n === null ? (c.stated as number) : n.value;
  const isScore = c.target === "indicatorScore" || c.target === "execScore";
  if (isScore && c.weight !== undefined && stated > c.weight + 1e-9) {
    return sink.make("score-above-weight", c.row, c.col, { stated, weight: c.weight, ...withExpected(c) });
  }
  if (typeof c.expected !== "number") return null;
  const expected = c.expected;
  // A stated score the rules give as well is never a finding (the band check is for the rest).
  if (c.band && !sameAt(stated, expected, SCORE_DECIMALS)) {
    const { low, high, level } = c.band;
    // Bands are half-open except 达成's: 16 of 20 is the floor of 达成, not the top of 部分达成.
    const inside =
      stated >= low - 1e-9 && (level === "met" || level === undefined ? stated <= high + 1e-9 : stated < high - 1e-9);
    if (!inside) {
      return sink.make("score-out-of-band", c.row, c.col, {
        stated,
        low,
        high,
        level: level ?? null,
        expected,
        ...(c.formula !== null ? { fromFormula: true } : {}),
      });
    }
    return null;
  }
  if (c.band) return null;
  const rate = c.target === "execRate" || c.target === "taskRate";
  // A rate typed as a bare number above 1.5 ("20" in a General cell) means percent points: 20%.
  const points = rate && stated > 1.5 && !(n === null ? isPercentFormat(c.numberFormat) : n.percent);
  const shownStated = points ? stated / 100 : stated;
  const decimals = rate ? rateDecimals(c, stated) + (points ? 2 : 0) : SCORE_DECIMALS;
  if (sameAt(shownStated, expected, decimals)) return null;
  if (c.alternatives?.some((a) => sameAt(shownStated, a, decimals))) return null;
  return mismatch(c, sink, shownStated, expected, { rate, decimals, scoreDecimals });
}

/**
 * What every finding here carries: `expected` when the rules give one (a user who agrees to replace
 * the typed value, calculate's `replace`, gets exactly that value), and whether a formula shows the
 * value (its result, not a typed value: messages say so). Built only for a finding: most cells agree.
 */
function withExpected(c: ComputedCell): { expected?: Value; fromFormula?: boolean } {
  const out: { expected?: Value; fromFormula?: boolean } = c.expected === undefined ? {} : { expected: c.expected };
  if (c.formula !== null) out.fromFormula = true;
  return out;
}

/**
 * A stated value the rules do not give: an error, unless what the form does not state could explain
 * it — the amounts' or the scores' own rounding, an assumed direction (then a warning says which).
 */
function mismatch(
  c: ComputedCell,
  sink: FindingSink,
  stated: number,
  expected: number,
  at: { rate: boolean; decimals: number; scoreDecimals: number },
): Finding {
  const data: Mismatch = {
    stated,
    expected,
    explanation: stepsOf(c),
    ...(c.data ?? {}),
    ...(c.formula !== null ? { fromFormula: true } : {}),
  };
  if (at.rate && rateWithinAmountRounding(stated, c.data?.budget, c.data?.spent, at.decimals)) {
    return sink.make("rate-rounded", c.row, c.col, data);
  }
  const isScore = c.target === "indicatorScore" || c.target === "execScore";
  if (isScore && withinRounding(stated, expected, at.scoreDecimals)) {
    return sink.make("score-rounded", c.row, c.col, { ...data, decimals: at.scoreDecimals });
  }
  if (c.assumed) return sink.make(c.assumed.code, c.row, c.col, { ...data, ...c.assumed.data });
  return sink.make(MISMATCH_CODE[c.target], c.row, c.col, data);
}

/** A rate is compared to the precision it is displayed with: its number format, or the digits typed. */
function rateDecimals(c: ComputedCell, stated: number): number {
  return shownDecimals(c.stated, c.numberFormat, stated);
}

/**
 * The stated grade under the form's words (./gradeWords.ts): 优秀 is 优; 合格 is 中, or 良 on a
 * three-step scale (a warning: which scale the form uses cannot be told); a word that is no grade
 * is unreadable (a warning), not a wrong grade.
 */
function compareGrade(c: ComputedCell, sink: FindingSink): Finding | null {
  if (typeof c.expected !== "string") return null;
  const typed = compactGradeWord(c.stated);
  if (typed === "" || typed === c.expected) return null;
  const fromFormula: { fromFormula?: boolean } = c.formula !== null ? { fromFormula: true } : {};
  const typedGrades = gradesOfWord(typed);
  if (!typedGrades) return sink.make("value-unreadable", c.row, c.col, { value: typed, ...fromFormula });
  const expected = c.expected;
  const data = { stated: typed, ...(c.data ?? {}), ...fromFormula };
  if (meansOnlyOnSomeScale(typed, expected)) {
    return sink.make("grade-word-ambiguous", c.row, c.col, { ...data, expected: gradeInWordsOf(typed, expected) });
  }
  if (wordMeans(typed, expected)) return null;
  // A grade in the form's own words (from its stated bands): 中 for 合格 is the same grade.
  const expectedGrades = gradesOfWord(expected) ?? [];
  if (expectedGrades.length === 1 && typedGrades.includes(expectedGrades[0]) && typedGrades.length === 1) return null;
  const shown = expected.length === 1 ? gradeInWordsOf(typed, expected) : expected;
  return sink.make("grade-mismatch", c.row, c.col, { ...data, expected: shown });
}
