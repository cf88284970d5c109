/**
 * A finding is data: a stable code, a severity, the cell it is about and the numbers behind it,
 * like zod's issues. `FindingData[C]` says which data each code carries, so a message can only
 * quote what its finding has; the zh-CN and English catalogues (../i18n) are typed over every
 * code, so a new code without a message in either language does not compile.
 * A finding never changes what the user stated.
 *
 * Adding a code: add its data type here, its severity in ../i18n/catalogue.ts and its message in
 * ../i18n/zh-CN.ts and ../i18n/en.ts (the compiler lists what is missing).
 */
import type { Step } from "../scoring/steps";
import type { PlainFormulaCannot } from "./evaluation";

export type Severity = "error" | "warning" | "info";

/** A value a message may quote (the cell's text, a number, a word key). */
export type Value = string | number | boolean | null;

/** A stated score that could not stand and was counted at the rules' value (I13: 41 → 40). */
export interface Correction {
  cell: string;
  from: Value;
  to: number | null;
}

/** Data any finding may carry besides its own. */
interface Common {
  /** The stated value is a formula's result, not something typed: messages say so. */
  fromFormula?: boolean;
}

/** What a sum adds that the message explains. */
interface SumNotes {
  /** Scores counted at the rules' value because the stated one could not stand. */
  corrected?: Correction[];
  /** Cells counted as typed although their row has an error. */
  doubtful?: string[];
}

/** What a computed cell's message may quote besides stated and expected (the amounts behind a rate …). */
export interface CellNotes extends SumNotes {
  budget?: number;
  spent?: number;
  weight?: number;
  rate?: number | null;
  /** A 总分's 预算执行率得分: when the stated total falls short by exactly this, the message says it was left out. */
  execScore?: number;
  /** A word key: weight or score (a sum), a funds column. */
  column?: string;
  total?: number;
}

/** A stated computed value against the rules' (compare.ts), with the computed cell's notes. */
export interface Mismatch extends Common, CellNotes {
  stated: Value;
  expected?: Value;
  /** How the rules got `expected`, as steps rendered in the reader's language. */
  explanation?: Step[];
}

interface Label {
  label: string;
}

interface RuleSetWeight {
  stated: number;
  expected: number;
  ruleSet: string;
}

interface Level1Weight extends RuleSetWeight {
  level1: string;
}

interface WeightsTotal {
  stated: number;
  expected: number;
  execWeight: number;
  indicatorWeight: number;
}

/** A value that could not be used, quoted as the cell shows it. */
interface Quoted extends Common {
  value: Value;
  expected?: Value;
}

/** A scoring error on a row: the scoring data plus the cell text the message quotes. */
interface RowProblem {
  label?: string;
  value?: Value;
  target?: Value;
  actual?: Value;
}

interface TaskProject extends Common {
  task: string;
  project: string;
  source: string;
  column: string;
  stated: number;
  expected: number;
}

/** A header-stated 总分 against what it must equal: the 总分 row's 得分, or the scores' sum. */
interface HeaderTotalData {
  stated: number;
  expected: number;
  what: "total" | "sum";
}

/** A cell a message names, with what it holds when that helps (a word key: execScore …). */
export interface CellRef {
  cell: string;
  what?: string;
}

/** The computed cell a formula finding is about: a CalcTarget word (execScore, totalScore …). */
interface Formula {
  what: string;
  formula: string | null;
  cells: CellRef[];
}

export interface FindingData {
  // Weights
  "weights-total": WeightsTotal;
  "weights-total-unfinished": WeightsTotal;
  "total-weight-mismatch": Mismatch;
  "level1-weight-differs": Level1Weight;
  "level1-weight-from-form": Level1Weight;
  "level1-unknown": { level1: string; ruleSet: string };
  "exec-weight-differs": RuleSetWeight;
  "exec-weight-from-form": RuleSetWeight;
  "exec-reason-required": { rate: number; threshold: number | null; ruleSet: string };
  "exec-reason-missing": { rate: number; threshold: number | null; ruleSet: string };
  "level1-label-mismatch": Label & { stated: number; expected: number; column: string };
  "block-score-over": Label & { weight: number; stated: number };
  "weights-unknown": Record<string, never>;
  // Stated results that the rules would not give
  "score-above-weight": Common & { stated: number; weight: number; expected?: Value };
  "score-mismatch": Mismatch;
  "score-out-of-band": Common & { stated: number; low: number; high: number; level: string | null; expected: number };
  "sum-mismatch": Mismatch;
  "total-mismatch": Mismatch;
  "grade-mismatch": Mismatch;
  "grade-word-ambiguous": Mismatch;
  "grade-bands-from-form": { bands: string };
  "rate-mismatch": Mismatch;
  "exec-score-mismatch": Mismatch;
  // A mismatch that rests on what the form does not state: worth a look, not an error
  "score-direction-assumed": Mismatch & { op: string };
  "score-rounded": Mismatch & { decimals: number };
  "rate-rounded": Mismatch;
  "exec-score-rounded": Mismatch & { budget: number; spent: number };
  // Values that cannot be
  "rate-over-100": Label & { stated: number };
  "exec-rate-over-100": { budget: number; spent: number; rate: number };
  "funds-sum-mismatch": { column: string; stated: number; expected: number };
  "task-sum-mismatch": { stated: number; expected: number };
  "budget-not-positive": RowProblem & { budget: Value };
  "budget-missing": RowProblem & { spent?: Value; budget?: Value };
  "error-cell": Quoted;
  // Incomplete rows
  "actual-missing": RowProblem;
  "target-missing": RowProblem;
  "weight-missing": RowProblem & { weight?: Value };
  "spent-missing": RowProblem & { spent?: Value; budget?: Value };
  "unit-missing": { value: string };
  "unit-mismatch": RowProblem & { valueUnit: string; unit: string };
  "value-unreadable": Quoted;
  "nature-unreadable": RowProblem & { nature?: Value };
  "reason-missing": { score: number; weight: number };
  "shortfall-reason-missing": Record<string, never>;
  "task-reason-missing": { rate: number };
  "cost-positive": Label & { nature: string };
  "over-achievement": Label & { ratio: number; limit: number };
  "total-incomplete": { what: string; rows: number[] };
  // The 总分 stated in the header lines (自评总分: 95) against the 总分 row ("total") or the scores' sum ("sum")
  "header-total-mismatch": HeaderTotalData;
  "header-total-rounded": HeaderTotalData & { decimals: number };
  "header-total-unchecked": { stated: number; expected: number; weight: number | null };
  // Parts of a table whose meaning could not be told (quoted cell texts): said, never guessed at
  "layout-unsure": Label & { words: string[] };
  "column-unlabelled": { values: string[] };
  // Scoring errors that only the scoring functions give (a row, or a custom function's arguments)
  "spent-negative": RowProblem & { spent: Value };
  "rate-overflow": RowProblem & { budget: number; spent: number };
  "weight-invalid": RowProblem & { weight: Value };
  "nature-conflict": RowProblem & { nature: Value; target: Value };
  "rate-in-no-band": RowProblem & { rate: number; ruleSet: string };
  unscorable: RowProblem & { reason: UnscorableReasonCode; reasonText?: string; reasonTextEn?: string };
  // A reviewer's warnings (the budget platform's colours)
  "review-score-outpaces-spending": { scoreRate: number | null; execRate: number | null };
  "review-zero-budget": { scoreRate: number | null; execRate: number | null };
  "review-unspent": { scoreRate: number | null; execRate: number | null };
  // 汇总: a 重点工作任务 row against the project form it repeats (see ../rollup)
  "task-project-mismatch": TaskProject;
  "task-project-split-mismatch": TaskProject;
  "rollup-no-room": { project: string; source: string };
  "rollup-matched": { task: string; project: string; source: string; how: string };
  "rollup-filled": { project: string; source: string };
  // Information
  "computed-empty": { what: string; expected: Value };
  // Formulas in computed cells (ours or the user's) that cannot give the rules' result
  "formula-misses": Formula;
  "formula-extra": Formula;
  "formula-grade-cutoffs": {
    formula: string | null;
    ruleSet: string;
    at: number;
    got: string;
    expected: string;
    excellent: number;
    good: number;
    pass: number;
  };
  "formula-no-result": Common & { what: string; stated: string; expected: number; cannot?: PlainFormulaCannot };
  "no-form": Record<string, never>;
  "check-failed": { detail: string };
}

/** Every code a finding (or a scoring error) can have. */
export type FindingCode = keyof FindingData;

/** The codes of a stated computed value that differs from the rules' (their data is Mismatch). */
export const MISMATCH_CODES = [
  "rate-mismatch",
  "exec-score-mismatch",
  "score-mismatch",
  "sum-mismatch",
  "total-weight-mismatch",
  "total-mismatch",
  "grade-mismatch",
  "grade-word-ambiguous",
  "score-direction-assumed",
  "score-rounded",
  "rate-rounded",
  "exec-score-rounded",
] as const satisfies readonly FindingCode[];

export type MismatchCode = (typeof MISMATCH_CODES)[number];

/** A mismatch finding: its data says what is stated, what the rules give and how. */
export function isMismatch(f: Finding): f is Extract<Finding, { code: MismatchCode }> {
  return (MISMATCH_CODES as readonly string[]).includes(f.code);
}

/** Why an `unscorable` outcome could not be scored (../scoring/codes.ts UNSCORABLE_REASONS). */
export type UnscorableReasonCode =
  | "target-unreadable"
  | "actual-unreadable"
  | "target-negative"
  | "actual-range"
  | "kind-mismatch"
  | "level-unknown"
  | "internal-error"
  | "deadline-not-comparable";

interface FindingBase {
  severity: Severity;
  /** Sheet name, when known. */
  sheet?: string;
  /** A1 address of the cell the finding is about; null for a sheet- or form-level finding. */
  cell: string | null;
  /** 1-based Excel row of that cell; null when `cell` is null. */
  row: number | null;
}

/** The finding of one code: `code` narrows `data`. */
export type FindingOf<C extends FindingCode> = FindingBase & { code: C; data: FindingData[C] };

/** A finding of any code (a discriminated union on `code`). */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];
