/**
 * Generated whole forms for the differential test: a template kind, a rule set, and what a person
 * types into the template's input cells — clean numbers, slips (spent above budget, a 满意度 above
 * 100%), messy text (≥95%, 1-2次, 10万元), percent cells (98% typed as a percent), qualitative rows and
 * blanks. Seeded: the same seed gives the same forms.
 *
 * A percent is typed as points (95) or as a percent cell (95%) beside a 度量单位 of %, never as a bare
 * 0.95 (a formula cannot see number formats; see nativeVsEngine.test.ts).
 */
import { a1, detectForms, type CellValue, type DetectedForm } from "../../src/engine";
import type { WorkbookPort, WriteOp } from "../../src/host/port";
import type { TemplateKind } from "../../src/templates";

/** mulberry32: small, seeded, good enough to pick test inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FormSpec {
  kind: TemplateKind;
  ruleSetId: string;
  seed: number;
}

type Put = { cell: string; value: CellValue; format?: string };

class Typist {
  readonly puts: Put[] = [];
  constructor(readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  put(row: number, col: number | undefined, value: CellValue, format?: string): void {
    if (col !== undefined) this.puts.push({ cell: a1(row, col), value, ...(format ? { format } : {}) });
  }
}

const money = (t: Typist, hi: number) => Math.round(t.r() * hi * 100) / 100;

function fillFunds(t: Typist, form: DetectedForm): void {
  const f = form.funds!;
  const row = f.rows[0].row;
  const budget = t.chance(0.12) ? t.pick<CellValue>([0, 0, null, "10万元"]) : money(t, 500) + 1;
  const b = typeof budget === "number" ? budget : 100;
  // Mostly within budget, sometimes over (a slip the check warns about), now and then nothing spent;
  // against a zero budget sometimes something (a rule set may score it: the MoF platform divides by 1).
  const spent = t.chance(0.1) ? 0 : b === 0 ? money(t, 3) : Math.round(b * (0.4 + t.r() * 0.75) * 100) / 100;
  t.put(row, f.columns.initial, b);
  t.put(row, f.columns.budget, budget);
  t.put(row, f.columns.spent, spent);
}

function fillTasks(t: Typist, form: DetectedForm): void {
  const c = form.tasks!.columns;
  const first = Math.max(...form.tasks!.headerRows) + 1;
  const n = t.int(1, 3);
  for (let i = 0; i < n; i++) {
    const approved = money(t, 300) + 1;
    t.put(first + i, c.name, `重点任务${i + 1}`);
    t.put(first + i, c.approvedTotal, approved);
    t.put(first + i, c.approvedFiscal, approved);
    t.put(first + i, c.spent, Math.round(approved * (0.5 + t.r() * 0.55) * 100) / 100);
  }
}

/**
 * A percent as a person types it beside %: points (95) or a percent cell (95%). Points up to 1.5
 * (1 meaning 1%) only as a percent cell: without formats (a formula, a custom function) a 1 beside
 * % reads as 100%, the way 0.95 in a percent cell must read as 95%.
 */
function percent(t: Typist, points: number): { value: number; format?: string } {
  const asPoints = t.chance(0.5);
  return asPoints && Math.abs(points) > 1.5 ? { value: points } : { value: points / 100, format: "0%" };
}

type Columns = NonNullable<DetectedForm["indicators"]>["columns"];

const KINDS = ["count", "count", "percent", "percent", "text", "qualitative", "blank", "blankActual"] as const;
/** A 满意度 is mostly a percent: the rows where satisfaction bands and the 100% bound matter. */
const SATISFACTION_KINDS = ["percent", "percent", "percent", "percent", "count", "text", "blankActual"] as const;

function fillIndicator(t: Typist, row: number, ic: Columns, satisfaction: boolean): void {
  const kind = t.pick<(typeof KINDS)[number]>(satisfaction ? SATISFACTION_KINDS : KINDS);
  if (kind === "blank") {
    for (const col of [ic.nature, ic.target, ic.unit, ic.actual, ic.weight]) t.put(row, col, null);
    return;
  }
  t.put(row, ic.level3, satisfaction ? "群众满意度" : `指标${row}`);
  if (t.chance(0.15)) t.put(row, ic.nature, t.pick(["=", "≥", "≤"]));
  if (kind === "qualitative") {
    t.put(row, ic.nature, "定性");
    t.put(row, ic.target, "有效促进");
    t.put(row, ic.actual, t.pick(["达成预期", "部分达成", "有效促进"]));
    return;
  }
  if (kind === "text") {
    t.put(row, ic.target, t.pick(["≥95%", "1-2次", "≤10万元"]));
    t.put(row, ic.unit, "%");
    t.put(row, ic.actual, t.int(50, 100));
    return;
  }
  if (kind === "count") {
    t.put(row, ic.unit, t.pick(["个", "人次", "万元"]));
    t.put(row, ic.target, t.int(1, 200));
    t.put(row, ic.actual, t.int(0, 300));
    return;
  }
  t.put(row, ic.unit, "%");
  const target = percent(t, t.int(50, 100));
  t.put(row, ic.target, target.value, target.format);
  // Now and then above 100%: a slip on a 满意度 (the engine gives no score), legitimate elsewhere.
  const actual = percent(t, t.chance(0.15) ? t.int(101, 140) : t.int(0, 100));
  t.put(row, ic.actual, kind === "blankActual" ? null : actual.value, actual.format);
}

/** Type a generated form into the template on `sheet`; returns the form as detected before typing. */
export async function typeForm(port: WorkbookPort, sheet: string, spec: FormSpec): Promise<DetectedForm> {
  const form = detectForms(await port.readSheet(sheet))[0];
  const t = new Typist(rng(spec.seed));
  if (form.funds) fillFunds(t, form);
  if (form.tasks) fillTasks(t, form);
  const ic = form.indicators!.columns;
  for (const r of form.indicators!.rows) {
    if (/预算执行/.test(r.level1)) continue;
    fillIndicator(t, r.row, ic, /满意/.test(r.level1 + r.level2));
  }
  const ops: WriteOp[] = [];
  for (const p of t.puts) {
    if (p.format) ops.push({ kind: "numberFormat", range: p.cell, format: p.format });
    ops.push({ kind: "values", range: p.cell, values: [[p.value]] });
  }
  await port.apply({ sheet, ops });
  return form;
}

/** Specs for n forms: kinds and rule sets spread evenly, each with its own seed. */
export function formSpecs(n: number, seed: number, ruleSetIds: string[]): FormSpec[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const kind: TemplateKind = i % 5 === 4 ? (i % 2 ? "department" : "department-gs") : "project";
    const ruleSetId = kind === "department-gs" ? "dept-gs" : ruleSetIds[Math.floor(r() * ruleSetIds.length)];
    return { kind, ruleSetId, seed: Math.floor(r() * 2 ** 31) };
  });
}
