/**
 * What each JX.* function does, without Office: adapt the arguments, make ONE engine call, and turn
 * an error outcome into a failure carrying the engine's zh-CN message. No scoring rule lives here;
 * functions.ts only adds the JSDoc Excel reads and swaps failures for `#VALUE!`.
 */
import {
  boundedRateExcess,
  clipText,
  execRate,
  scoreExecution,
  type StoredRules,
  formatScoringError,
  gradeFor,
  listRuleSets,
  parseValue,
  scoreIndicator,
  type IndicatorInput,
  type Op,
  type Outcome,
  type ParsedValue,
  type RuleSet,
  unitTextOf,
} from "../engine";
import { asGrid, at, commonShape, isBlank, optional, plain } from "./args";
import { awaitsImportedRules, findWorkbookRuleSet, workbookRuleSet } from "./importedRules";
import { FN_MESSAGES } from "./messages";

/** A cell that cannot be computed, with the zh-CN reason; becomes `#VALUE!` in Excel. */
export class Failure {
  constructor(readonly message: string) {}
}

export type Cell = number | string | Failure;

function failureOf(outcome: Outcome<unknown> & { ok: false }): Failure {
  return new Failure(formatScoringError(outcome.code, outcome.data, "zh-CN"));
}

/** Runs a computation; an unexpected exception becomes a message, never a stack trace in a cell. */
function guarded<T>(compute: () => T | Failure): T | Failure {
  try {
    return compute();
  } catch (e) {
    return new Failure(FN_MESSAGES.internal(e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The workbook's rules as the functions see them: the stored id, or the id and an imported rule
 * set's JSON (see src/ops/ruleSets.ts). A plain string is an id.
 */
export type WorkbookRules = string | StoredRules | undefined;

export const storedOf = (w: WorkbookRules): StoredRules | undefined => (typeof w === "string" ? { id: w } : w);

/** `[规则]` given → that rule set (unknown id is an error); omitted → the workbook's, else default. */
export function resolveRuleSet(explicit: unknown, workbook: WorkbookRules): RuleSet | Failure {
  return guarded(() => {
    // functions.ts loads the validator first (loadImportedRules); not loaded means it could not be.
    if (awaitsImportedRules(storedOf(workbook))) return new Failure(FN_MESSAGES.importedRulesUnavailable);
    if (!isBlank(explicit)) {
      const id = String(explicit).trim();
      const found = findWorkbookRuleSet(id, storedOf(workbook));
      if (found) return found;
      return new Failure(
        FN_MESSAGES.unknownRuleSet(
          id,
          listRuleSets()
            .map((r) => r.id)
            .join("、"),
        ),
      );
    }
    try {
      return workbookRuleSet(storedOf(workbook));
    } catch {
      return new Failure(FN_MESSAGES.ruleSetUnavailable);
    }
  });
}

/** JX.EXECRATE: 全年执行数 ÷ 全年预算数, unrounded and uncapped. */
export function jxExecRate(budget: unknown, spent: unknown): Cell {
  return guarded(() => {
    const r = execRate(plain(budget), plain(spent));
    return r.ok ? r.value : failureOf(r);
  });
}

/**
 * JX.EXECSCORE: the execution score by the rule set (by default 分值 × min(执行率, 1), rounded as
 * Excel does; 101号 by bands). An omitted 分值 is the rule set's execution weight.
 */
export function jxExecScore(
  budget: unknown,
  spent: unknown,
  weight?: unknown,
  ruleSetArg?: unknown,
  workbook?: WorkbookRules,
): Cell {
  return guarded(() => {
    const ruleSet = resolveRuleSet(ruleSetArg, workbook);
    if (ruleSet instanceof Failure) return ruleSet;
    const r = scoreExecution({ budget: plain(budget), spent: plain(spent), weight: optional(weight) }, ruleSet);
    return r.ok ? r.value.score : failureOf(r);
  });
}

export interface IndicatorArgs {
  nature: unknown;
  target: unknown;
  actual: unknown;
  weight: unknown;
  unit?: unknown;
  ruleSet?: unknown;
  /**
   * The row's 一级 / 二级 / 三级 names (optional, after 规则): what a custom function cannot see
   * otherwise. With them a 满意度 is scored by the rule set's satisfaction bands and refused above
   * 100%, a 成本 row defaults to "less is better" — as the check scores the row.
   */
  level1?: unknown;
  level2?: unknown;
  level3?: unknown;
}

type RowResult = { ok: true; score: number; explanation: string } | { ok: false; failure: Failure } | { ok: "blank" };

/**
 * Every row of an indicator call: each of the five row arguments is a single cell or a range of one
 * common shape. A row whose four required cells are all blank yields "" so a formula can cover
 * spare rows of a template without showing errors there.
 */
function scoreRows(args: IndicatorArgs, workbook: WorkbookRules): RowResult[][] | Failure {
  const ruleSet = resolveRuleSet(args.ruleSet, workbook);
  if (ruleSet instanceof Failure) return ruleSet;
  const unit = optional(args.unit);
  const names = [args.level1, args.level2, args.level3].map(optional);
  const grids = [args.nature, args.target, args.actual, args.weight, unit, ...names].map(asGrid);
  const shape = commonShape(grids);
  if ("mismatch" in shape) return new Failure(FN_MESSAGES.shapeMismatch(shape.mismatch));
  const [natures, targets, actuals, weights, units, l1, l2, l3] = grids;
  const nameAt = (g: unknown[][], given: unknown, r: number, c: number) =>
    given === undefined ? undefined : nameText(at(g, r, c));
  const out: RowResult[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: RowResult[] = [];
    for (let c = 0; c < shape.cols; c++) {
      const input: IndicatorInput = {
        nature: at(natures, r, c),
        target: at(targets, r, c),
        actual: at(actuals, r, c),
        weight: at(weights, r, c),
        unit: unit === undefined ? undefined : at(units, r, c),
        level1: nameAt(l1, names[0], r, c),
        level2: nameAt(l2, names[1], r, c),
        level3: nameAt(l3, names[2], r, c),
      };
      if ([input.nature, input.target, input.actual, input.weight].every(isBlank)) {
        row.push({ ok: "blank" });
        continue;
      }
      row.push(scoreOne(input, ruleSet));
    }
    out.push(row);
  }
  return out;
}

/** A name cell as text (a blank cell, a number or an error is no name). */
function nameText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/**
 * A 满意度 / 合格率 above 100% is not scored (the check's rate-over-100): the same rule, on the
 * names the call was given. Values come without number formats, as the scorer reads them here.
 */
function refusedRate(input: IndicatorInput): Failure | undefined {
  if (input.level2 === undefined && input.level3 === undefined) return undefined;
  const over = boundedRateExcess(
    input.level2 ?? "",
    input.level3 ?? "",
    parseValue(input.target),
    parseValue(input.actual),
    unitTextOf(input.unit),
    true,
  );
  if (!over) return undefined;
  const label = input.level3 || input.level2 || input.level1 || "";
  return new Failure(formatScoringError("rate-over-100", { label, stated: (over.actual ?? over.target)! }, "zh-CN"));
}

function scoreOne(input: IndicatorInput, ruleSet: RuleSet): RowResult {
  try {
    const refused = refusedRate(input);
    if (refused) return { ok: false, failure: refused };
    const scored = scoreIndicator(input, ruleSet);
    if (scored.ok) return { ok: true, score: scored.value.score, explanation: scored.explanation };
    return { ok: false, failure: failureOf(scored) };
  } catch (e) {
    return { ok: false, failure: new Failure(FN_MESSAGES.internal(e instanceof Error ? e.message : String(e))) };
  }
}

/** JX.INDICATORSCORE: one score per row, as a grid of the arguments' shape (1×1 for single cells). */
export function jxIndicatorScore(args: IndicatorArgs, workbook?: WorkbookRules): Cell[][] {
  const rows = scoreRows(args, workbook);
  if (rows instanceof Failure) return [[rows]];
  return rows.map((row) => row.map((x) => (x.ok === "blank" ? "" : x.ok ? x.score : x.failure)));
}

/** JX.EXPLAIN: the engine's one-line explanation; a row that cannot be scored explains why, as text. */
export function jxExplain(args: IndicatorArgs, workbook?: WorkbookRules): Cell[][] {
  const rows = scoreRows(args, workbook);
  if (rows instanceof Failure) return [[rows]];
  return rows.map((row) =>
    row.map((x) => (x.ok === "blank" ? "" : x.ok ? x.explanation : FN_MESSAGES.cannotScore(x.failure.message))),
  );
}

/** JX.GRADE: 优/良/中/差 for a total, by the rule set's cut-offs. */
export function jxGrade(totalArg: unknown, ruleSetArg: unknown, workbook?: WorkbookRules): Cell {
  const total = plain(totalArg);
  return guarded(() => {
    const ruleSet = resolveRuleSet(ruleSetArg, workbook);
    if (ruleSet instanceof Failure) return ruleSet;
    if (isBlank(total)) return new Failure(FN_MESSAGES.totalEmpty);
    const n = totalAsNumber(total);
    if (n === undefined) return new Failure(FN_MESSAGES.totalNotNumber(String(total)));
    return gradeFor(n, ruleSet);
  });
}

/** A total is a plain number: a number cell, or numeric text the engine reads without operator or %. */
function totalAsNumber(total: unknown): number | undefined {
  if (typeof total === "number") return Number.isFinite(total) ? total : undefined;
  const parsed = parseValue(total);
  if (parsed.kind !== "number" || parsed.op || parsed.percent || parsed.unit) return undefined;
  return parsed.value;
}

const OP_SYMBOL: Record<Op, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

/**
 * JX.PARSEVALUE: what the engine read, as one row of three cells — 运算符 | 数值 | 单位.
 * Numbers: (≥ | 0.95 | %). Other kinds put their kind in the first cell:
 * 区间 | "1-2" | 次; 期限 | "2024年12月" / "12个月" / "按时" | ""; 定性 | text | 达成/部分达成/未达成.
 */
export function jxParseValue(raw: unknown): Cell[][] {
  const v = guarded(() => parseValue(optional(raw)));
  if (v instanceof Failure) return [[v]];
  return [describeParsed(v)];
}

const LEVEL_LABEL = { met: "达成", partial: "部分达成", unmet: "未达成" } as const;

function describeParsed(v: ParsedValue): Cell[] {
  switch (v.kind) {
    case "empty":
      return ["", "", ""];
    case "number":
      return [v.op ? OP_SYMBOL[v.op] : "", v.value, v.percent ? "%" : (v.unit ?? "")];
    case "range":
      return ["区间", `${v.low}-${v.high}`, v.percent ? "%" : (v.unit ?? "")];
    case "deadline":
      return ["期限", deadlineText(v), ""];
    case "qualitative":
      return ["定性", v.text, v.level ? LEVEL_LABEL[v.level] : (v.grade ?? "")];
    case "invalid":
      return [new Failure(FN_MESSAGES.invalidValue[v.reason](clipText(String(v.raw)))), "", ""];
  }
}

function deadlineText(v: Extract<ParsedValue, { kind: "deadline" }>): string {
  if (v.months !== undefined) return `${v.months}个月`;
  if (v.year !== undefined) {
    return `${v.year}年` + (v.month !== undefined ? `${v.month}月` : "") + (v.day !== undefined ? `${v.day}日` : "");
  }
  return v.onTime ? "按时" : "";
}
