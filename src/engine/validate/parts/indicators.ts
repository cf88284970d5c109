/**
 * The 绩效指标 table, row by row: read the row (./indicatorRead.ts), report on its inputs
 * (./indicatorReport.ts: missing or unreadable values, units, bounded rates, cost direction), then
 * score it (a computed 得分 cell) and ask for the reason a shortfall needs.
 */
import type { IndicatorRow, IndicatorTable } from "../../detect/form";
import { scoreIndicator, type IndicatorInput, type IndicatorScore } from "../../scoring/indicator";
import { isOurFormula, readNumber, textOf } from "../cells";
import { statesNothing, type EvalContext } from "../context";
import type { ComputedCell, PlainFormulaCannot } from "../evaluation";
import { readIndicatorRow, type RowInput } from "./indicatorRead";
import { reportRowInputs } from "./indicatorReport";
import { outcomeProblem } from "./outcomeProblem";
import { allowOtherDirections } from "./direction";

export interface IndicatorResult {
  row: number;
  level1: string;
  level3: string;
  /** The weight the row's 一级 label states ("产出指标（50分）"), and the row's section. */
  level1Weight?: number;
  section?: number;
  /** The stated 分值, when the row has a readable one. */
  weight?: number;
  /** The 得分 cell, when the table has a score column. */
  score?: ComputedCell;
}

/** The weight a row is scored against when the form has no 分值 column (only "met or not" matters). */
const NOMINAL_WEIGHT = 100;

export function evaluateIndicators(ctx: EvalContext, table: IndicatorTable): IndicatorResult[] {
  reportUnsureColumns(ctx, table);
  const rows = table.rows;
  // While 10,000 rows are scored, every object still alive is copied by each scavenge and then
  // promoted (the slowest part of a large check). So the loop keeps each row's outcome in plain
  // arrays — the detected row, its stated 分值 (NaN: none) and its 得分 cell — and the result
  // objects are built after it, when they can die young.
  const kept: IndicatorRow[] = [];
  const weights = new Float64Array(rows.length);
  const scores: (ComputedCell | undefined)[] = [];
  // An index, not for…of: this loop runs once per check, seldom optimised (an iterator result per row).
  for (let i = 0; i < rows.length; i++) {
    const x = evaluateRow(ctx, table, rows[i]);
    if (!x) continue;
    weights[kept.length] = x.weightCell.kind === "number" ? x.weightCell.value : NaN;
    kept.push(x.r);
    scores.push(x.scoreCell);
  }
  const out: IndicatorResult[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = resultOf(kept[i], weights[i], scores[i]);
  return out;
}

function resultOf(r: IndicatorRow, weight: number, score: ComputedCell | undefined): IndicatorResult {
  return new Result(
    r.row,
    r.level1,
    r.level3,
    r.level1Weight,
    r.section,
    Number.isNaN(weight) ? undefined : weight,
    score,
  );
}

/**
 * A class, not an object literal: V8 "pretenures" a literal whose objects live on, allocating them
 * straight into the old generation — slowly, and making later checks slower (see `Computed` in
 * ../context.ts). Every field is there from the start: one object shape for every row.
 */
class Result implements IndicatorResult {
  constructor(
    readonly row: number,
    readonly level1: string,
    readonly level3: string,
    readonly level1Weight: number | undefined,
    readonly section: number | undefined,
    readonly weight: number | undefined,
    readonly score: ComputedCell | undefined,
  ) {}
}

/** Parts of the table detection could not tell the meaning of: said once each, never guessed at. */
function reportUnsureColumns(ctx: EvalContext, table: IndicatorTable): void {
  for (const u of table.unsure ?? []) {
    if (u.label === "") ctx.sink.add("column-unlabelled", u.row, u.col, { values: u.words });
    else ctx.sink.add("layout-unsure", u.row, u.col, { label: u.label, words: u.words });
  }
}

/**
 * One row in three steps: read its cells, report on its inputs, score it when it can be scored.
 * Returns what was read (undefined for a blank or breakdown row): its 分值 and 得分 cell.
 */
function evaluateRow(ctx: EvalContext, table: IndicatorTable, r: IndicatorRow): RowInput | undefined {
  const x = readIndicatorRow(ctx, table, r);
  if (!x) return undefined;
  const weight = x.weightCell.kind === "number" ? x.weightCell.value : undefined;
  if (x.scoreCell) {
    ctx.computed.push(x.scoreCell);
    x.scoreCell.weight = weight;
  }
  const report = reportRowInputs(ctx, x);
  if (report.problem || !report.usable || x.read.target.kind === "empty" || x.read.actual.kind === "empty") {
    if (x.scoreCell && report.problem) x.scoreCell.problem = report.problem;
    return x;
  }
  if (x.c.weight !== undefined && weight === undefined) return x;
  const scored = scoreRow(ctx, x, weight);
  if (!scored) return x;
  // Over-achievement is B far above A where more is better; above a ≤ target it is an overrun.
  const limit = ctx.ruleSet.overAchievementRatio;
  const moreIsBetter = scored.method === "more" || scored.method === "equal";
  if (!report.overBounded && moreIsBetter && scored.ratio !== undefined && scored.ratio > limit + 1e-12) {
    ctx.sink.add("over-achievement", x.row, x.c.actual ?? null, { ratio: scored.ratio, limit, label: x.label });
  }
  checkReason(ctx, table, x.row, scored, x.c.weight !== undefined ? x.scoreCell : undefined);
  return x;
}

/** The score the rules give the row (filled into its 得分 cell), or undefined when it cannot be scored. */
const EXPLAIN = { explain: true } as const;
const NO_EXPLAIN = { explain: false } as const;

/** The score the rules give the row (filled into its 得分 cell), or undefined when it cannot be scored. */
function scoreRow(ctx: EvalContext, x: RowInput, weight: number | undefined): IndicatorScore | undefined {
  const { c, row, scoreCell } = x;
  // Without a 分值 column the weight is unknown: the row is scored against a nominal weight only to
  // know whether its target was met; its 得分 is not compared with anything (weights-unknown).
  const judged = weight !== undefined ? scoreCell : undefined;
  // The row is the scorer's input (./indicatorRead.ts: its cells, all three names as the native
  // formula and JX read them, and the cells read once); only the weight and stated score are the check's.
  const input: IndicatorInput = x;
  x.weight = weight ?? NOMINAL_WEIGHT;
  x.statedScore = judged && !statesNothing(judged) && !isOurFormula(judged.formula) ? judged.stated : undefined;
  const outcome = scoreIndicator(input, ctx.ruleSet, ctx.explain ? EXPLAIN : NO_EXPLAIN);
  if (!outcome.ok) {
    const cells = {
      target: c.target,
      actual: c.actual,
      weight: c.weight,
      nature: c.nature,
      default: c.score ?? c.actual,
    };
    const p = outcomeProblem(ctx, outcome, row, cells, { label: x.label });
    if (judged) judged.problem = p;
    return undefined;
  }
  if (judged) {
    fillScore(judged, outcome.value, outcome.explanation);
    // Only where a formula not ours shows no number (formula-no-result reads it): setting it on
    // every row gives ten thousand cells a second shape and slows every later read of them.
    if (judged.formula !== null && !isOurFormula(judged.formula)) {
      const cannot = plainFormulaCannot(x, outcome.value);
      if (cannot) judged.plainFormulaCannot = cannot;
    }
    allowOtherDirections(ctx, x, outcome.value, judged, input);
    // A check keeps neither steps nor inputs for a stated score equal to the rules' (never a
    // mismatch), and for the others only what to score again for the explanation a mismatch
    // finding quotes (compare.ts, stepsOf). Steps kept alive for 10,000 rows to the end of a check
    // were three fifths of what it retained, and most of its garbage-collection time.
    if (ctx.explain) judged.steps = outcome.steps;
    else if (!(typeof judged.stated === "number" && judged.stated === outcome.value.score)) {
      judged.rescore = { input, ruleSet: ctx.ruleSet };
    }
  }
  return outcome.value;
}

function fillScore(cell: ComputedCell, scored: IndicatorScore, explanation: string): void {
  cell.expected = scored.score;
  cell.explanation = explanation;
  cell.weight = scored.weight;
  if (scored.method === "qualitative" && scored.band) cell.band = sharedBand(scored.band, scored.level);
}

/**
 * One frozen band object per distinct band: a form has a few weights, and 10,000 qualitative rows
 * would otherwise keep 10,000 copies of the same three numbers alive through the check.
 */
const BANDS: Readonly<NonNullable<ComputedCell["band"]>>[] = [];

function sharedBand(band: { low: number; high: number }, level: IndicatorScore["level"]): ComputedCell["band"] {
  // A short list, searched from the newest: neighbouring rows share their weight (no key strings built).
  for (let i = BANDS.length - 1; i >= 0; i--) {
    const b = BANDS[i];
    if (b.low === band.low && b.high === band.high && b.level === level) return b;
  }
  const shared = Object.freeze({ low: band.low, high: band.high, level });
  if (BANDS.length >= 32) BANDS.shift();
  BANDS.push(shared);
  return shared;
}

/** Why a plain formula (IF/SEARCH over the cells, as our native template's) could not score this row. */
function plainFormulaCannot(x: RowInput, scored: IndicatorScore): PlainFormulaCannot | undefined {
  if (scored.method === "qualitative" || x.read.nature.nature === "qualitative") return "qualitative";
  if (typeof x.target === "string" || typeof x.actual === "string") return "text";
  if (!x.read.nature.op) return "nature";
  return undefined;
}

/** 得分 < 分值 needs a 偏差原因; a form without scores needs one when the target was not met. */
function checkReason(
  ctx: EvalContext,
  table: IndicatorTable,
  row: number,
  scored: IndicatorScore,
  scoreCell: ComputedCell | undefined,
): void {
  const reasonCol = table.columns.reason;
  if (reasonCol === undefined || textOf(ctx.view, row, reasonCol) !== "") return;
  if (scoreCell) {
    const stated = readNumber(ctx.view, row, scoreCell.col);
    const score = stated.kind === "number" && !isOurFormula(scoreCell.formula) ? stated.value : scored.score;
    if (score < scored.weight - 0.005) ctx.sink.add("reason-missing", row, reasonCol, { score, weight: scored.weight });
  } else if (scored.score < scored.weight - 0.005) {
    ctx.sink.add("shortfall-reason-missing", row, reasonCol, {});
  }
}
