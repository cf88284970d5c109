/**
 * Draw a template definition into a Grid, section by section, then into a WritePlan.
 * Column letters are fixed by the 10-column layout (A..J) that every template shares.
 */
import { a1, type CellValue } from "../engine/sheet/snapshot";
import type { RuleSet } from "../engine/rules/schema";
import type { CellStyle, WritePlan } from "../host/port";
import { LABELS, TEMPLATES, type SectionKind, type TemplateDefinition, type TemplateKind } from "./definitions";
import {
  customBuilder,
  nativeBuilder,
  REFUSE,
  nativeFormulaGaps,
  nativeTotal,
  sumFormula,
  type FormulaBuilder,
} from "./formulas";
import { Grid } from "./grid";

export type FormulaStyle = "native" | "custom";

export interface RenderOptions {
  formulaStyle: FormulaStyle;
  /** For `custom`: pass the rule-set id explicitly in JX.* calls (when it is not the workbook's). */
  explicitRuleArg?: boolean;
  /** Protect the sheet (no password): formula cells locked, inputs open. */
  protect?: boolean;
  /** Department forms: how many empty 重点工作任务 rows (default the definition's, 5). */
  taskRows?: number;
}

/** Where the renderer put the cells later sections refer to (0-based rows/cols). */
interface Anchors {
  /** The execution score cell that 总分 adds (funds 得分 or the 预算执行率 indicator row). */
  execWeight?: string;
  execScore?: string;
  /** The funds block's 执行率 (caps on the total read it). */
  execRate?: string;
  /** The task table's 合计 row, for the department 预算执行率 indicator. */
  taskSumRow?: number;
  indicatorRows: number[];
  indicatorHeaderRows: number[];
}

const C = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8, J: 9 };
const LAST = C.J;
const HEADER: CellStyle = { bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: "#F2F2F2" };
const LABEL: CellStyle = { horizontal: "center", vertical: "middle", wrap: true };
const INPUT: CellStyle = { vertical: "middle", wrap: true };
const MONEY = "0.00";
const RATE = "0.00%";

interface Ctx {
  grid: Grid;
  def: TemplateDefinition;
  ruleSet: RuleSet;
  fx: FormulaBuilder;
  anchors: Anchors;
}

function title(ctx: Ctx): void {
  const g = ctx.grid;
  const r = g.addRow(30);
  g.set(r, C.A, ctx.def.title);
  g.merge(r, C.A, r, LAST);
  g.style(r, C.A, r, LAST, { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
}

/** One "label | input" line; `pairs` are [label, labelFrom, labelTo, inputTo]. */
function labelledInputs(g: Grid, pairs: [string, number, number, number][]): void {
  const r = g.addRow(22);
  for (const [text, from, to, inputTo] of pairs) {
    g.set(r, from, text);
    g.merge(r, from, r, to);
    g.style(r, from, r, to, { ...LABEL, bold: true });
    g.merge(r, to + 1, r, inputTo);
    g.style(r, to + 1, r, inputTo, INPUT);
    g.input(r, to + 1, r, inputTo);
  }
}

function projectHeader(ctx: Ctx): void {
  labelledInputs(ctx.grid, [[LABELS.projectName, C.A, C.B, LAST]]);
  labelledInputs(ctx.grid, [
    [LABELS.competent, C.A, C.B, C.E],
    [LABELS.implementer, C.F, C.F, LAST],
  ]);
}

function departmentHeader(ctx: Ctx): void {
  labelledInputs(ctx.grid, [[LABELS.departmentName, C.A, C.B, LAST]]);
}

/** 项目资金 block: header + 年度资金总额 + three sub-rows; 执行率 and 得分 computed. */
function funds(ctx: Ctx): void {
  const { grid: g, fx } = ctx;
  const h = g.addRow(22);
  LABELS.fundsHeader.forEach((t, i) => g.set(h, C.D + i, t));
  g.style(h, C.C, h, LAST, HEADER);
  const first = h;
  const rows: number[] = [];
  for (const label of LABELS.fundsRows) {
    const r = g.addRow(20);
    rows.push(r);
    g.set(r, C.C, label);
    g.input(r, C.D, r, C.F);
    g.format(r, C.D, r, C.F, MONEY);
    g.refuse(r, C.D, r, C.F, REFUSE.notNegative, REFUSE.negativeAmount);
    const budget = a1(r, C.E);
    const spent = a1(r, C.F);
    g.formula(r, C.H, fx.execRate(budget, spent));
    g.format(r, C.H, r, C.H, RATE);
    if (r === first + 1) {
      g.set(r, C.G, ctx.ruleSet.executionWeight);
      g.input(r, C.G);
      g.formula(r, C.I, fx.execScore(budget, spent, a1(r, C.G)));
      ctx.anchors.execWeight = a1(r, C.G);
      ctx.anchors.execScore = a1(r, C.I);
      ctx.anchors.execRate = a1(r, C.H);
    } else {
      g.set(r, C.G, LABELS.dash);
      g.set(r, C.I, LABELS.dash);
    }
  }
  const last = rows[rows.length - 1];
  g.set(first, C.A, LABELS.funds);
  g.merge(first, C.A, last, C.B);
  g.style(first, C.A, last, C.B, { ...LABEL, bold: true });
  g.style(first + 1, C.C, last, C.C, LABEL);
  g.style(first + 1, C.G, last, C.I, { horizontal: "center", vertical: "middle" });
}

function goal(ctx: Ctx): void {
  const g = ctx.grid;
  const h = g.addRow(22);
  const r = g.addRow(60);
  g.set(h, C.A, LABELS.goal);
  g.merge(h, C.A, r, C.A);
  g.style(h, C.A, r, C.A, { ...LABEL, bold: true });
  g.set(h, C.B, LABELS.goalExpected);
  g.merge(h, C.B, h, C.F);
  g.set(h, C.G, LABELS.goalActual);
  g.merge(h, C.G, h, LAST);
  g.style(h, C.B, h, LAST, HEADER);
  g.merge(r, C.B, r, C.F);
  g.merge(r, C.G, r, LAST);
  g.style(r, C.B, r, LAST, { ...INPUT, vertical: "top" });
  g.input(r, C.B, r, LAST);
}

function tasks(ctx: Ctx): void {
  const { grid: g, fx } = ctx;
  const t = g.addRow(22);
  g.set(t, C.A, LABELS.tasksTitle);
  g.merge(t, C.A, t, LAST);
  g.style(t, C.A, t, LAST, { bold: true, vertical: "middle" });
  const h1 = g.addRow(22);
  const h2 = g.addRow(22);
  const [name, level, content, approved, spent, rate, reason] = LABELS.taskHeader;
  for (const [text, col] of [
    [name, C.A],
    [level, C.B],
    [content, C.C],
    [spent, C.G],
    [rate, C.H],
  ] as [string, number][]) {
    g.set(h1, col, text);
    g.merge(h1, col, h2, col);
  }
  g.set(h1, C.D, approved);
  g.merge(h1, C.D, h1, C.F);
  g.set(h1, C.I, reason);
  g.merge(h1, C.I, h2, LAST);
  LABELS.taskSubHeader.forEach((s, i) => g.set(h2, C.D + i, s));
  g.style(h1, C.A, h2, LAST, HEADER);
  const rows: number[] = [];
  for (let i = 0; i < (ctx.def.taskRows ?? 5); i++) {
    // No fixed height: Excel grows an input row to fit wrapped text only while its height is automatic.
    const r = g.addRow();
    rows.push(r);
    g.input(r, C.A, r, C.G);
    g.format(r, C.D, r, C.G, MONEY);
    g.refuse(r, C.D, r, C.G, REFUSE.notNegative, REFUSE.negativeAmount);
    g.formula(r, C.H, fx.execRate(a1(r, C.D), a1(r, C.G)));
    g.format(r, C.H, r, C.H, RATE);
    g.merge(r, C.I, r, LAST);
    g.input(r, C.I, r, LAST);
    g.style(r, C.A, r, LAST, INPUT);
  }
  const s = g.addRow(20);
  g.set(s, C.A, LABELS.taskSum);
  g.merge(s, C.A, s, C.C);
  g.style(s, C.A, s, C.C, { ...LABEL, bold: true });
  for (const col of [C.D, C.E, C.F, C.G]) {
    g.formula(s, col, sumFormula([`${a1(rows[0], col)}:${a1(rows[rows.length - 1], col)}`]));
  }
  g.format(s, C.D, s, C.G, MONEY);
  g.formula(s, C.H, fx.execRate(a1(s, C.D), a1(s, C.G)));
  g.format(s, C.H, s, C.H, RATE);
  g.merge(s, C.I, s, LAST);
  ctx.anchors.taskSumRow = s;
}

function indicatorHeader(ctx: Ctx, withTitle: boolean): void {
  const g = ctx.grid;
  if (withTitle) {
    const t = g.addRow(22);
    g.set(t, C.A, LABELS.indicatorsTitle);
    g.merge(t, C.A, t, LAST);
    g.style(t, C.A, t, LAST, { bold: true, vertical: "middle" });
  }
  const h1 = g.addRow(22);
  const h2 = g.addRow(22);
  g.set(h1, C.A, LABELS.indicatorGroup);
  g.merge(h1, C.A, h1, C.C);
  g.set(h1, C.D, LABELS.targetGroup);
  g.merge(h1, C.D, h1, C.F);
  for (const [text, col] of [
    [LABELS.actual, C.G],
    [LABELS.weight, C.H],
    [LABELS.score, C.I],
    [LABELS.reason, C.J],
  ] as [string, number][]) {
    g.set(h1, col, text);
    g.merge(h1, col, h2, col);
  }
  LABELS.indicatorHeader.forEach((t, i) => g.set(h2, C.A + i, t));
  g.style(h1, C.A, h2, LAST, HEADER);
  ctx.anchors.indicatorHeaderRows = [h1, h2];
}

/** One indicator row's inputs, formats and score formula. */
function indicatorRow(
  ctx: Ctx,
  r: number,
  level2: string,
  nature: string,
  weight: number | null,
  level1Row: number,
): void {
  const g = ctx.grid;
  g.set(r, C.B, level2);
  g.set(r, C.D, nature);
  if (weight !== null) g.set(r, C.H, weight);
  g.formula(
    r,
    C.I,
    ctx.fx.indicatorScore({
      nature: a1(r, C.D),
      target: a1(r, C.E),
      unit: a1(r, C.F),
      actual: a1(r, C.G),
      weight: a1(r, C.H),
      names: `${a1(level1Row, C.A)}&${a1(r, C.B)}&${a1(r, C.C)}`,
      rateNames: `${a1(r, C.B)}&${a1(r, C.C)}`,
      levels: [a1(level1Row, C.A), a1(r, C.B), a1(r, C.C)],
    }),
  );
  // 得分 stays open: a qualitative (定性) indicator's score is typed over the formula.
  g.input(r, C.B, r, C.H);
  g.input(r, C.I, r, LAST);
  g.style(r, C.B, r, LAST, INPUT);
  g.style(r, C.D, r, C.I, { horizontal: "center", vertical: "middle" });
  ctx.anchors.indicatorRows.push(r);
}

/** A 满意度 typed below 0 or above 100% is refused where it is typed (target and actual). */
function refuseImpossibleSatisfaction(g: Grid, r: number): void {
  const names = `${a1(r, C.B)}&${a1(r, C.C)}`;
  for (const col of [C.E, C.G]) {
    g.refuse(r, col, r, col, (cell) => REFUSE.satisfaction(cell, names, a1(r, C.F)), REFUSE.impossibleRate);
  }
}

/** Department forms: 预算执行率 as the first indicator row, fed by the task table's 合计. */
function execIndicator(ctx: Ctx): void {
  indicatorHeader(ctx, true);
  const g = ctx.grid;
  const r = g.addRow();
  const x = LABELS.execIndicator;
  g.set(r, C.A, x.level1);
  g.set(r, C.C, x.level3);
  g.style(r, C.A, r, C.A, { ...LABEL, bold: true });
  indicatorRow(ctx, r, x.level2, "≥", ctx.ruleSet.executionWeight, r);
  g.set(r, C.E, 1);
  g.format(r, C.E, r, C.E, RATE);
  g.set(r, C.F, "%");
  if (ctx.anchors.taskSumRow !== undefined) {
    const budget = a1(ctx.anchors.taskSumRow, C.D);
    const rate = ctx.fx.execRate(budget, a1(ctx.anchors.taskSumRow, C.G));
    // A blank task table sums to 0: the rate shows nothing until there is a budget, never #VALUE!.
    const guarded = ctx.fx.kind === "custom" ? `=IF(AND(ISNUMBER(${budget}),${budget}>0),${rate.slice(1)},"")` : rate;
    g.formula(r, C.G, guarded);
  }
  g.format(r, C.G, r, C.G, RATE);
  // The rate is computed, but a person may type over it: a negative rate cannot be.
  g.refuse(r, C.E, r, C.E, REFUSE.notNegative, REFUSE.negativeRate);
  g.refuse(r, C.G, r, C.G, REFUSE.notNegative, REFUSE.negativeRate);
}

/** Split a 一级 weight over its rows in whole points, the remainder on the first rows. */
export function splitWeight(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  let rest = total - base * parts;
  return Array.from({ length: parts }, () => {
    const extra = rest >= 1 ? 1 : 0;
    rest -= extra;
    return base + extra;
  });
}

function indicators(ctx: Ctx): void {
  const g = ctx.grid;
  if (!ctx.def.sections.includes("execIndicator")) indicatorHeader(ctx, false);
  const level1 = ctx.ruleSet.level1.filter((l) => !/预算执行/.test(l.name));
  const allLevel2 = [...new Set(level1.flatMap((l) => l.level2))];
  const firstRow = g.rowCount;
  for (const l1 of level1) {
    const level2 = l1.level2.length ? l1.level2 : [""];
    const weights = splitWeight(l1.weight, level2.length);
    const start = g.rowCount;
    level2.forEach((l2, i) => {
      // Automatic height, so a long 三级指标 or 偏差原因 shows whole (a fixed height would cut it off).
      const r = g.addRow();
      const less = l1.lessIsBetter || /成本/.test(l2);
      indicatorRow(ctx, r, l2, less ? "≤" : "≥", weights[i], start);
      refuseImpossibleSatisfaction(g, r);
    });
    const end = g.rowCount - 1;
    g.set(start, C.A, l1.name);
    g.merge(start, C.A, end, C.A);
    g.style(start, C.A, end, C.A, { ...LABEL, bold: true });
    g.input(start, C.A, end, C.A);
  }
  const lastRow = g.rowCount - 1;
  if (lastRow >= firstRow) {
    g.list(
      firstRow,
      C.A,
      lastRow,
      C.A,
      level1.map((l) => l.name),
    );
    g.list(firstRow, C.B, lastRow, C.B, allLevel2);
  }
  const all = ctx.anchors.indicatorRows;
  g.list(all[0], C.D, all[all.length - 1], C.D, [...LABELS.natures]);
}

function notes(ctx: Ctx): void {
  const g = ctx.grid;
  const r = g.addRow(40);
  g.set(r, C.A, LABELS.notes);
  g.merge(r, C.A, r, C.C);
  g.style(r, C.A, r, C.C, { ...LABEL, bold: true });
  g.merge(r, C.D, r, LAST);
  g.style(r, C.D, r, LAST, INPUT);
  g.input(r, C.D, r, LAST);
}

function total(ctx: Ctx): void {
  const { grid: g, fx, anchors } = ctx;
  const r = g.addRow(24);
  g.set(r, C.A, LABELS.total);
  g.merge(r, C.A, r, C.G);
  const rows = anchors.indicatorRows;
  const span = (col: number) => `${a1(rows[0], col)}:${a1(rows[rows.length - 1], col)}`;
  // Funds-block forms add the 年度资金总额 score; department forms carry it as an indicator row.
  const w = anchors.execWeight ? [anchors.execWeight, span(C.H)] : [span(C.H)];
  const s = anchors.execScore ? [anchors.execScore, span(C.I)] : [span(C.I)];
  g.formula(r, C.H, sumFormula(w));
  // Blank until complete, in both styles: a blank form prints no 0, and so no 差 from it.
  // Caps by execution rate (D33) read the funds block's rate, as the engine does; department forms have none.
  const caps = anchors.execRate ? { rate: anchors.execRate, ruleSet: ctx.ruleSet } : undefined;
  g.formula(r, C.I, nativeTotal(s, span(C.H), span(C.I), anchors.execScore, caps));
  g.formula(r, C.J, fx.grade(a1(r, C.I)));
  g.style(r, C.A, r, LAST, { bold: true, horizontal: "center", vertical: "middle" });
}

/** Notes where a formula cannot know everything the rules need (completion, rules beyond plain formulas). */
function honestNotes(ctx: Ctx, gaps: string[]): void {
  const at = (cell: string) => /^([A-Z]+)(\d+)$/.exec(cell)!;
  const note = (cell: string, text: string) => {
    const m = at(cell);
    ctx.grid.note(Number(m[2]) - 1, m[1].charCodeAt(0) - 65, text);
  };
  const exec = ctx.ruleSet.execution;
  if (ctx.anchors.execScore && exec?.kind === "banded" && exec.fullIf) {
    const rule = ctx.ruleSet.short ?? ctx.ruleSet.label;
    note(
      ctx.anchors.execScore,
      `${rule}：项目已完成且未超预算时执行率得满分；公式按未完成的分段计，已完成请直接填写分值`,
    );
  }
  if (gaps.length > 0) {
    const first = ctx.anchors.indicatorRows[0];
    if (first !== undefined)
      ctx.grid.note(first, C.I, `此评分规则的${gaps.join("、")}无法用普通公式表达，得分由加载项函数 JX.* 计算`);
  }
}

const SECTIONS: Record<SectionKind, (ctx: Ctx) => void> = {
  title,
  projectHeader,
  departmentHeader,
  funds,
  goal,
  tasks,
  execIndicator,
  indicators,
  notes,
  total,
};

export interface RenderedTemplate {
  grid: Grid;
  /** 0-based rows of the indicator table's header and of its indicator rows. */
  indicatorHeaderRows: number[];
  indicatorRows: number[];
}

export function renderTemplateGrid(kind: TemplateKind, ruleSet: RuleSet, options: RenderOptions): RenderedTemplate {
  // A rollup of more projects than the definition's task rows asks for a longer table.
  const def = options.taskRows ? { ...TEMPLATES[kind], taskRows: options.taskRows } : TEMPLATES[kind];
  // Rules plain formulas cannot reproduce get the add-in's functions, said in a note, never another number.
  const gaps = options.formulaStyle === "native" ? nativeFormulaGaps(ruleSet) : [];
  const fx =
    options.formulaStyle === "native" && gaps.length === 0
      ? nativeBuilder(ruleSet)
      : customBuilder(options.explicitRuleArg || gaps.length > 0 ? ruleSet.id : undefined);
  const ctx: Ctx = {
    grid: new Grid(def.widths.length),
    def,
    ruleSet,
    fx,
    anchors: { indicatorRows: [], indicatorHeaderRows: [] },
  };
  for (const s of def.sections) SECTIONS[s](ctx);
  honestNotes(ctx, gaps);
  // Every cell of the form gets a thin border, as the published forms have.
  ctx.grid.style(1, C.A, ctx.grid.rowCount - 1, LAST, { border: "thin" });
  return {
    grid: ctx.grid,
    indicatorHeaderRows: ctx.anchors.indicatorHeaderRows,
    indicatorRows: ctx.anchors.indicatorRows,
  };
}

/** The template as one WritePlan for a new sheet. */
export function renderTemplate(kind: TemplateKind, ruleSet: RuleSet, sheet: string, options: RenderOptions): WritePlan {
  const def = TEMPLATES[kind];
  const { grid, indicatorHeaderRows } = renderTemplateGrid(kind, ruleSet, options);
  const ops = grid.toOps();
  def.widths.forEach((width, col) => ops.push({ kind: "columnWidth", col, width }));
  const [h1, h2] = indicatorHeaderRows;
  ops.push({
    kind: "print",
    orientation: "landscape",
    paper: "A4",
    titleRows: `$${h1 + 1}:$${(h2 ?? h1) + 1}`,
    fitToWidth: true,
  });
  if (options.protect) ops.push({ kind: "protectSheet" });
  return { sheet, createSheet: true, activate: true, ops };
}

/** A cell value of the rendered grid (tests and the seed filler use it). */
export type { CellValue };
