/**
 * Issue 8 §3: no parser is super-linear in its input. Every parser gets 10^6-character values of
 * the shapes that make regexes backtrack (runs of "[", "(", digits, operators, separators …); a
 * linear parser reads each in milliseconds, a quadratic one would take hours. The limit is
 * generous because the CI machine is shared.
 */
import {
  clipText,
  detectForms,
  listRuleSets,
  parseA1,
  parseNature,
  parseRangeA1,
  parseValue,
  scoreIndicator,
  validateSheet,
} from "../../src/engine";
import { headerKey, titleKind } from "../../src/engine/detect/headers";
import { displayDecimals, isPercentFormat as cellPercent, numberOf } from "../../src/engine/validate/cells";
import { isDateFormat, parseDeadlineText } from "../../src/engine/value/deadline";
import { compactText, isEmptyMark, normalizeText } from "../../src/engine/value/normalize";
import { formatSkeleton, removeDelimited } from "../../src/engine/value/numfmt";
import { isPercentFormat } from "../../src/engine/value/parse";
import { gradeWord, qualLevel } from "../../src/engine/value/qualitative";
import { isPercentUnit, unitsCompatible } from "../../src/engine/value/units";
import { isDateFmtLinear } from "../../src/host/exceljs/dateFormats";
import { parseJxCall } from "../../src/ops/jxFormula";

const N = 1_000_000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);

/** Shapes that make a backtracking regex or a naive scan go quadratic. */
const SHAPES: Record<string, string> = {
  digits: rep("1"),
  "digits then letter": `${rep("1")}x`,
  "thousands groups": rep("1,"),
  dots: rep("1."),
  "open brackets": rep("["),
  "open parens": rep("("),
  "full-width parens": rep("（"),
  quotes: rep('"'),
  backslashes: rep("\\"),
  operators: rep("≥"),
  "op digits": rep("≥1"),
  ranges: rep("1-"),
  tildes: rep("1~"),
  years: rep("2024年"),
  months: rep("12月"),
  spaces: rep(" "),
  "ideographic spaces": rep("\u3000"),
  dashes: rep("—"),
  percents: rep("%"),
  words: rep("达成"),
  "negated words": rep("未"),
  bangs: rep("a!"),
  "A1 refs": rep("A1:"),
  exponents: rep("1e"),
  "jx call": `=JX.GRADE(${rep("(")})`,
};

type Parser = (s: string) => unknown;
const rs = listRuleSets()[0];

const PARSERS: Record<string, Parser> = {
  parseValue: (s) => parseValue(s),
  "parseValue as format": (s) => parseValue(45000, s),
  "parseValue percent format": (s) => parseValue(0.5, `${s}%`),
  parseNature: (s) => parseNature(s),
  parseDeadlineText: (s) => parseDeadlineText(s, s),
  isDateFormat: (s) => isDateFormat(s),
  isPercentFormat: (s) => isPercentFormat(s),
  "cells.isPercentFormat": (s) => cellPercent(s),
  displayDecimals: (s) => displayDecimals(s),
  numberOf: (s) => numberOf(s, s),
  formatSkeleton: (s) => formatSkeleton(s, true),
  removeDelimited: (s) => removeDelimited(s, "[", "]"),
  "exceljs isDateFmt": (s) => isDateFmtLinear(s),
  units: (s) => [isPercentUnit(s), unitsCompatible(s, "万元"), unitsCompatible(`${s}万`, s)],
  normalize: (s) => [compactText(s), normalizeText(s), isEmptyMark(s)],
  qualitative: (s) => [qualLevel(s), gradeWord(s)],
  A1: (s) => [parseA1(s), parseRangeA1(s), parseRangeA1(`${s}!A1:B2`)],
  headers: (s) => [headerKey(s), titleKind(s)],
  parseJxCall: (s) => parseJxCall(s.startsWith("=") ? s : `=JX.EXECRATE(${s})`),
  clipText: (s) => clipText(s),
  scoreIndicator: (s) => scoreIndicator({ nature: s, target: s, actual: s, weight: 10, unit: s, targetFormat: s }, rs),
};

const LIMIT_MS = 5000;

// One test per parser (not per shape): 500 jest tests would cost more than the parsing.
test.each(Object.keys(PARSERS))("%s reads every 10^6-character shape in linear time", (name) => {
  const slow: string[] = [];
  for (const [shape, text] of Object.entries(SHAPES)) {
    const start = performance.now();
    PARSERS[name](text);
    const ms = performance.now() - start;
    if (ms > LIMIT_MS) slow.push(`${shape}: ${Math.round(ms)} ms`);
  }
  expect(slow).toEqual([]);
});

test("a sheet whose header, indicator and format cells hold 10^6 characters is checked quickly", () => {
  const big = SHAPES["open parens"];
  const fmt = SHAPES["open brackets"];
  const snapshot = {
    name: "S",
    origin: { row: 0, col: 0 },
    values: [
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", big, SHAPES.words, SHAPES["op digits"], SHAPES.digits, 10, 5],
      [big, SHAPES.years, SHAPES.ranges, 0.9, 45000, 10, 5],
    ],
    numberFormats: [[], [fmt, fmt, fmt, fmt, fmt, fmt, fmt], [fmt, fmt, fmt, `${fmt}%`, `${fmt}y`, fmt, fmt]],
    merges: [],
  };
  const start = performance.now();
  detectForms(snapshot);
  const { findings } = validateSheet(snapshot, rs);
  expect(performance.now() - start).toBeLessThan(LIMIT_MS * 2);
  // Whatever is reported quotes the cells clipped, never whole.
  for (const f of findings) expect(JSON.stringify(f).length).toBeLessThan(10 * N);
});
