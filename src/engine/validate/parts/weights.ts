/**
 * Weights: execution + indicators = the rule set's total; each 一级 against the weight its label
 * states ("产出指标（50分）") or else the rule set's; a labelled block's scores within its weight
 * when the form has no 分值 column. Precision first (docs/engine.md, "Errors, warnings, info"):
 * an error only where the form contradicts itself; what rests on an assumption is a warning or info.
 */
import type { DetectedForm, IndicatorSection } from "../../detect/form";
import { sumScores } from "../../scoring/total";
import { effectiveNumber, type EvalContext } from "../context";
import { findLevel1 } from "./indicatorKinds";
import type { FundsResult } from "./funds";
import type { IndicatorResult } from "./indicators";

const EXECUTION_LEVEL1 = /^(?:部门)?(?:预算)?执行率(?:指标)?$/;

/** The form's end is on the sheet (a 总分 row, a 合计 after the table, the notes below it). */
export function formLooksFinished(form: DetectedForm): boolean {
  return form.total !== undefined || form.notesRow !== undefined || form.sums.some((s) => s.label.includes("合计"));
}

/** Execution + indicators must make the rule set's total; each 一级 is compared with its stated weight. */
export function checkWeights(ctx: EvalContext, form: DetectedForm, funds: FundsResult, rows: IndicatorResult[]): void {
  const weighted = rows.filter((r) => r.weight !== undefined);
  if (weighted.length === 0) return;
  const indicatorWeight = sumScores(weighted.map((r) => r.weight as number));
  const execWeight = funds.execWeight ?? 0;
  const all = sumScores([execWeight, indicatorWeight]);
  const weightCol = form.indicators?.columns.weight ?? null;
  if (Math.abs(all - ctx.ruleSet.total) > 1e-9) {
    const at = form.total?.weightCol !== undefined ? form.total : undefined;
    // A table whose end is not on the sheet (a page cut off) may lack a block: not certain enough for an error.
    const code = formLooksFinished(form) ? "weights-total" : "weights-total-unfinished";
    ctx.sink.add(
      code,
      at ? at.row : (form.indicators?.headerRows[0] ?? null),
      at ? (at.weightCol ?? null) : weightCol,
      {
        stated: all,
        expected: ctx.ruleSet.total,
        execWeight,
        indicatorWeight,
      },
    );
  }
  for (const g of level1Groups(weighted)) checkLevel1(ctx, g, funds, weightCol);
}

interface Level1Group {
  name: string;
  weights: number[];
  first: number;
  /** The weight the form's 一级 label states. */
  labelWeight?: number;
}

function level1Groups(weighted: IndicatorResult[]): Level1Group[] {
  const byName = new Map<string, Level1Group>();
  for (const r of weighted) {
    const g = byName.get(r.level1);
    if (g) g.weights.push(r.weight as number);
    else
      byName.set(r.level1, {
        name: r.level1,
        weights: [r.weight as number],
        first: r.row,
        labelWeight: r.level1Weight,
      });
  }
  return [...byName.values()];
}

function checkLevel1(ctx: EvalContext, g: Level1Group, funds: FundsResult, weightCol: number | null): void {
  const stated = sumScores(g.weights);
  const ruleSet = ctx.ruleSet;
  // A department form carries 预算执行率 as an indicator row: it is the rule set's execution weight.
  if (EXECUTION_LEVEL1.test(g.name) && funds.execWeight === undefined) {
    if (Math.abs(stated - ctx.weights.executionWeight) > 1e-9) {
      const data = { stated, expected: ctx.weights.executionWeight, ruleSet: ruleSet.label };
      ctx.sink.add(ctx.explicitRules ? "exec-weight-differs" : "exec-weight-from-form", g.first, weightCol, data);
    }
    return;
  }
  const rule = findLevel1(g.name, ruleSet);
  if (!rule) {
    if (g.name !== "") ctx.sink.add("level1-unknown", g.first, weightCol, { level1: g.name, ruleSet: ruleSet.label });
    return;
  }
  // The weight profile the form's facts pick (101号: with 成本 indicators 产出 40) decides.
  const ruleWeight = ctx.weights.level1[rule.name] ?? rule.weight;
  if (Math.abs(stated - ruleWeight) < 1e-9) return;
  const data = { level1: g.name, stated, expected: ruleWeight, ruleSet: ruleSet.label };
  // The form states this weight in its own label: its variant, said once (a warning if rules were chosen).
  const fromForm = g.labelWeight !== undefined && Math.abs(g.labelWeight - stated) < 1e-9 && !ctx.explicitRules;
  ctx.sink.add(fromForm ? "level1-weight-from-form" : "level1-weight-differs", g.first, weightCol, data);
}

/** A labelled block: a 一级 with a weight in its label, or a section ("年度绩效目标（40分）"). */
interface Block {
  label: string;
  weight: number;
  rows: IndicatorResult[];
  /** Where the label is, for the finding. */
  row: number;
  col: number | null;
}

/**
 * Each labelled block against its label: with a 分值 column, its weights must add up to the label's
 * weight; without one, its scores may not exceed it. Indicators nested under a heading
 * ("一、示范区建立" 15 over "1、…" 5 + 5 + 5) are not summed: a heading repeats its items.
 */
export function checkBlocks(ctx: EvalContext, form: DetectedForm, rows: IndicatorResult[]): void {
  const table = form.indicators;
  if (!table || rows.length === 0) return;
  const hasWeights = table.columns.weight !== undefined;
  const finished = formLooksFinished(form);
  // The weight is stated in the 一级 label, or in its own column beside it (江西's 自评权重).
  const labelCol = table.level1WeightColumn ?? table.columns.level1 ?? null;
  const blocks = [...level1Blocks(rows, labelCol), ...sectionBlocks(rows, table.sections)];
  for (const b of blocks) {
    if (hasWeights) checkBlockWeights(ctx, b, finished || b !== blocks[blocks.length - 1]);
    else if (table.columns.score !== undefined && !nested(b.rows)) checkBlockScores(ctx, b);
  }
}

function level1Blocks(rows: IndicatorResult[], col: number | null): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.level1Weight === undefined) continue;
    const last = out[out.length - 1];
    if (last && last.label === r.level1 && last.weight === r.level1Weight) last.rows.push(r);
    else out.push({ label: r.level1 || `(${r.level1Weight}分)`, weight: r.level1Weight, rows: [r], row: r.row, col });
  }
  return out;
}

function sectionBlocks(rows: IndicatorResult[], sections: IndicatorSection[] | undefined): Block[] {
  if (!sections) return [];
  return sections.flatMap((s, i) =>
    s.weight === undefined
      ? []
      : [
          {
            label: s.label.replace(/\s+/g, ""),
            weight: s.weight,
            rows: rows.filter((r) => r.section === i),
            row: s.row,
            col: s.col,
          },
        ],
  );
}

function checkBlockWeights(ctx: EvalContext, b: Block, finished: boolean): void {
  const ws = b.rows.map((r) => r.weight);
  if (ws.length === 0 || ws.some((w) => w === undefined)) return;
  const sum = sumScores(ws as number[]);
  if (Math.abs(sum - b.weight) < 1e-9) return;
  // Fewer points than the label on a table whose end is not on the sheet: perhaps rows were cut off.
  const severity = sum < b.weight && !finished ? "warning" : undefined;
  const data = { label: b.label, stated: b.weight, expected: sum, column: "weight" };
  ctx.sink.add("level1-label-mismatch", b.row, b.col, data, severity);
}

function checkBlockScores(ctx: EvalContext, b: Block): void {
  const scores = b.rows.map((r) => (r.score ? effectiveNumber(r.score) : undefined)).filter((s) => s !== undefined);
  if (scores.length === 0) return;
  const sum = sumScores(scores as number[]);
  if (sum <= b.weight + 1e-9) return;
  ctx.sink.add("block-score-over", b.row, b.col, { label: b.label, weight: b.weight, stated: sum });
}

/** Headings with sub-items: "一、…" rows and "1、…" rows in one block. */
function nested(rows: IndicatorResult[]): boolean {
  const heading = rows.some((r) => /^[一二三四五六七八九十]+[、.．]/.test(r.level3));
  const item = rows.some((r) => /^[\d０-９]+[、.．]/.test(r.level3));
  return heading && item;
}
