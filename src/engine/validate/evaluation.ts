/**
 * One pass over a detected form yields two things, shared by `validateSheet` and
 * `planCalculation` so both always agree:
 * - `notes`: findings about the inputs (missing, unreadable, impossible values, weights …);
 * - `computed`: every cell the engine can compute (执行率, 得分, 合计, 总分, 等级), with the value
 *   the rules give and what the cell states now. Comparing the two is ./compare.ts.
 */
import type { CalcTarget } from "../calculate/plan";
import type { RuleSet } from "../rules/schema";
import { scoreIndicator, type IndicatorInput } from "../scoring/indicator";
import type { CellValue } from "../sheet/snapshot";
import type { Step } from "../scoring/steps";
import type { CellNotes, Finding } from "./finding";

export type PlainFormulaCannot = "qualitative" | "text" | "nature";

export interface ComputedCell {
  /** 0-based absolute. */
  row: number;
  col: number;
  target: CalcTarget;
  /** What the rules give; undefined when it cannot be computed (see `problem`). */
  expected?: number | string;
  /** The engine's one-line zh-CN explanation of `expected` (empty when a check left it for later). */
  explanation: string;
  /** How the rules got `expected`, as steps a front renders in its language (../i18n/explain.ts). */
  steps?: Step[];
  /** Why `expected` is missing, when it is (also listed in the evaluation's notes). */
  problem?: Finding;
  /** What the cell holds now, and its formula and number format. */
  stated: CellValue;
  formula: string | null;
  numberFormat: string | null;
  /** The number format a fresh value should get when the cell has none. */
  defaultFormat: string;
  /** Indicator and execution scores: the weight they may not exceed. */
  weight?: number;
  /** Qualitative scores: the band a stated score must lie in (the stated score is kept when inside). */
  band?: { low: number; high: number; level?: string };
  /** Other values the rules give under an input the form does not state (101号: project completed → full marks). */
  alternatives?: number[];
  /**
   * A mismatch that rests on something the form does not state (the direction of a target written
   * without ≥ / ≤): reported with this warning code, never as an error.
   */
  assumed?:
    | { code: "score-direction-assumed"; data: { op: string } }
    | { code: "exec-score-rounded"; data: { budget: number; spent: number } };
  /** Extra data a mismatch message quotes (amounts behind a rate …). */
  data?: CellNotes;
  /** True when another finding already explains a mismatch here (no second finding). */
  quiet?: boolean;
  /** A sum (合计, 总分): the cells it should add, for the formula audit. */
  adds?: { row: number; col: number; what?: string }[];
  /** A grade: the 总分 cell it is read from, for the formula audit. */
  gradeOf?: { row: number; col: number };
  /**
   * An indicator score: what a plain Excel formula could not read on this row — a 定性 row, text in 指标值 /
   * 实际完成值, or no ≥ / ≤ / = in 指标性质 — so a score formula showing no number is explained in those words.
   */
  plainFormulaCannot?: PlainFormulaCannot;
  /** An indicator score whose explanation was not built yet: what to score again to build it. */
  rescore?: { input: IndicatorInput; ruleSet: RuleSet };
}

/** The steps that explain a computed cell, built now when the evaluation left them for later. */
export function stepsOf(c: ComputedCell): Step[] {
  if (c.steps || !c.rescore) return c.steps ?? [];
  const again = scoreIndicator(c.rescore.input, c.rescore.ruleSet);
  return again.ok ? (again.steps ?? []) : [];
}

/** The explanation of a computed cell, built now when the evaluation left it for later. */
export function explanationOf(c: ComputedCell): string {
  if (c.explanation || !c.rescore) return c.explanation;
  const again = scoreIndicator(c.rescore.input, c.rescore.ruleSet);
  return again.ok ? again.explanation : "";
}

export interface FormEvaluation {
  notes: Finding[];
  computed: ComputedCell[];
}
