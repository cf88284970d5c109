/**
 * The formula a computed cell should hold, derived from the detected form's layout: calculate
 * writes these instead of bare values when the caller asks for a formula style, so the cell
 * keeps up when inputs change. Null when the layout does not say where the inputs are.
 */
import { a1, type CalcTarget, type DetectedForm, type RuleSet, type SheetView } from "../engine";
import { isPercentUnit } from "../engine/value/units";
import { customBuilder, nativeBuilder, NATIVE_NATURES, sumFormula, type FormulaBuilder } from "../templates";

function formAt(forms: DetectedForm[], row: number, col: number): DetectedForm | undefined {
  return forms.find((f) => row >= f.range.r1 && row <= f.range.r2 && col >= f.range.c1 && col <= f.range.c2);
}

/** SUM over the given rows of one column, merging consecutive rows into ranges. */
function sumOfRows(rows: number[], col: number, extra: string[] = []): string | null {
  if (rows.length === 0 && extra.length === 0) return null;
  const sorted = [...new Set(rows)].sort((x, y) => x - y);
  const parts: string[] = [...extra];
  let start = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    const end = sorted[i - 1];
    if (start !== undefined) parts.push(start === end ? a1(start, col) : `${a1(start, col)}:${a1(end, col)}`);
    start = sorted[i];
  }
  return sumFormula(parts);
}

/**
 * The operator column a native score formula can read on this row (指标方向 before 指标性质, which
 * often says only 定量/定性), or undefined when the row's inputs are beyond a plain formula:
 * a target or actual typed as text (≥95%, 1-2次, 按时完成), or a percent cell beside points.
 */
function nativeOperatorColumn(
  view: SheetView,
  row: number,
  ic: NonNullable<DetectedForm["indicators"]>["columns"],
): number | undefined {
  if (ic.target === undefined || ic.actual === undefined || ic.weight === undefined) return undefined;
  const isNum = (c: number) => typeof view.value(row, c) === "number";
  if (!isNum(ic.target) || !isNum(ic.actual) || !isNum(ic.weight)) return undefined;
  const pct = (c: number) => /%/.test(view.numberFormat(row, c) ?? "");
  if (pct(ic.target) !== pct(ic.actual)) return undefined;
  // A formula cannot see formats: percent cells score as the engine reads them only beside a % 度量单位
  // and up to 150% (a larger fraction would read as points).
  if (pct(ic.target)) {
    const unit = ic.unit === undefined ? "" : String(view.value(row, ic.unit) ?? "").trim();
    const big = [ic.target, ic.actual].some((c) => Math.abs(view.value(row, c) as number) > 1.5);
    if (!isPercentUnit(unit) || big) return undefined;
  }
  for (const c of [ic.direction, ic.nature]) {
    if (c === undefined) continue;
    const v = view.value(row, c);
    if (typeof v === "string" && NATIVE_NATURES.has(v.trim())) return c;
  }
  return undefined;
}

/**
 * The row's 一级 / 二级 / 三级 as the native formula reads them: its own cell, or — where the name
 * sits in a merged cell above (一级 over its group) — the name the form gives the row, as text.
 */
function rowNames(
  view: SheetView,
  row: number,
  form: DetectedForm,
): { names: string; rateNames: string; levels: [string, string, string] } {
  const t = form.indicators!;
  const r = t.rows.find((x) => x.row === row);
  const part = (col: number | undefined, text: string | undefined): string => {
    const own = col === undefined ? null : view.value(row, col);
    if (col !== undefined && typeof own === "string" && own.trim() !== "") return a1(row, col);
    return `"${(text ?? "").replace(/"/g, '""')}"`;
  };
  const l1 = part(t.columns.level1, r?.level1);
  const l2 = part(t.columns.level2, r?.level2);
  const l3 = part(t.columns.level3, r?.level3);
  return { names: `${l1}&${l2}&${l3}`, rateNames: `${l2}&${l3}`, levels: [l1, l2, l3] };
}

function indicatorScoreFormula(row: number, form: DetectedForm, fx: FormulaBuilder, view?: SheetView): string | null {
  const ic = form.indicators?.columns ?? {};
  // A native formula only where it gives what the engine gives; JX functions read anything.
  const nature =
    fx.kind === "native" ? (view ? nativeOperatorColumn(view, row, ic) : undefined) : (ic.nature ?? ic.direction);
  if (nature === undefined || ic.target === undefined || ic.actual === undefined || ic.weight === undefined)
    return null;
  return fx.indicatorScore({
    nature: a1(row, nature),
    target: a1(row, ic.target),
    unit: ic.unit !== undefined ? a1(row, ic.unit) : '""',
    actual: a1(row, ic.actual),
    weight: a1(row, ic.weight),
    ...(view ? rowNames(view, row, form) : {}),
  });
}

export function formulaFor(
  target: CalcTarget,
  row: number,
  col: number,
  forms: DetectedForm[],
  fx: FormulaBuilder,
  view?: SheetView,
): string | null {
  const form = formAt(forms, row, col);
  if (!form) return null;
  const fc = form.funds?.columns ?? {};
  const indicatorRows = form.indicators?.rows.map((r) => r.row) ?? [];
  const fundsTotal = form.funds?.rows.find((r) => r.kind === "total")?.row;
  switch (target) {
    case "execRate":
      return fc.budget !== undefined && fc.spent !== undefined
        ? fx.execRate(a1(row, fc.budget), a1(row, fc.spent))
        : null;
    case "execScore":
      return fc.budget !== undefined && fc.spent !== undefined && fc.weight !== undefined
        ? fx.execScore(a1(row, fc.budget), a1(row, fc.spent), a1(row, fc.weight))
        : null;
    case "taskRate": {
      const tc = form.tasks?.columns ?? {};
      return tc.approvedTotal !== undefined && tc.spent !== undefined
        ? fx.execRate(a1(row, tc.approvedTotal), a1(row, tc.spent))
        : null;
    }
    case "indicatorScore":
      return indicatorScoreFormula(row, form, fx, view);
    case "sumWeight":
    case "sumScore": {
      const sum = form.sums.find((s) => s.row === row);
      return sum ? sumOfRows(sum.covers, col) : null;
    }
    case "totalWeight":
    case "totalScore": {
      const fcol = target === "totalWeight" ? fc.weight : fc.score;
      const extra = fundsTotal !== undefined && fcol !== undefined ? [a1(fundsTotal, fcol)] : [];
      return sumOfRows(indicatorRows, col, extra);
    }
    case "grade": {
      const t = form.total;
      return t && t.scoreCol !== undefined ? fx.grade(a1(t.row, t.scoreCol)) : null;
    }
    default:
      return null;
  }
}

export function builderFor(style: "native" | "custom", ruleSet: RuleSet, explicitRule: boolean): FormulaBuilder {
  return style === "native" ? nativeBuilder(ruleSet) : customBuilder(explicitRule ? ruleSet.id : undefined);
}
