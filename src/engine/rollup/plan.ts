/**
 * planRollup: what a rollup writes into a 部门整体 form's 重点工作任务 table, and what it finds.
 * Blank cells only. A task row that names a project gets the project's numbers in its blank
 * cells — unless a typed cell of the row disagrees with the project: then the row is reported
 * and left as it is (half-filled rows that contradict themselves help nobody). Projects no row
 * names go into the table's blank rows, in order; the 合计 row gets the sums where blank.
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm, TaskColumn } from "../detect/form";
import { a1, SheetView, type CellValue, type SheetSnapshot } from "../sheet/snapshot";
import type { Finding } from "../validate/finding";
import { FindingSink } from "../validate/sink";
import { readNumber } from "../validate/cells";
import { isGeneralFormat } from "../calculate/plan";
import type { ProjectFacts } from "./facts";
import { compareTaskRow } from "./compare";
import { matchTasks, type MatchHow, type TaskKey } from "./match";
import { scanTaskRows, type TaskRows } from "./taskRows";

export interface RollupWrite {
  /** 0-based absolute. */
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  column: TaskColumn;
  value: CellValue;
  /** Set only when the cell's own format is General. */
  numberFormat?: string;
}

/** Where a project went: a row that already named it, or a blank row it now fills. */
export interface Placement {
  project: string;
  source: string;
  /** 1-based Excel row and its 任务名称 cell. */
  row: number;
  cell: string;
  how: MatchHow | "new";
  /** The row disagrees with the project: nothing was written to it. */
  conflict: boolean;
}

export interface RollupPlan {
  sheet: string;
  /** The department form filled (its range and blocks). */
  form: DetectedForm;
  writes: RollupWrite[];
  placements: Placement[];
  /** Mismatches (task-project-*), projects with no room (rollup-no-room), and what was placed (info). */
  findings: Finding[];
}

const MONEY = "0.00";
const RATE = "0.00%";
const AMOUNT_COLUMNS = ["approvedTotal", "approvedFiscal", "approvedOther", "spent"] as const;

/** The department form a rollup fills: the `index`-th one with a task table on the sheet. */
export function departmentFormsOf(forms: DetectedForm[]): DetectedForm[] {
  return forms.filter((f) => f.kind === "department" && f.tasks && f.tasks.columns.name !== undefined);
}

/** Null when the sheet has no 部门整体 form with a 重点工作任务 table. */
export function planRollup(snapshot: SheetSnapshot, projects: ProjectFacts[], index = 0): RollupPlan | null {
  const form = departmentFormsOf(detectForms(snapshot))[index];
  if (!form) return null;
  const view = new SheetView(snapshot);
  const rows = scanTaskRows(view, form)!;
  const sink = new FindingSink(snapshot.name);
  const writer = new RowWriter(view, rows);
  const placements: Placement[] = [];
  const { pairs, unmatched } = matchTasks(taskKeys(view, rows), projects);
  for (const pair of pairs) {
    const conflict = compareTaskRow(view, rows.columns, pair, sink) > 0;
    if (!conflict) writer.fill(pair.task.row, pair.project, false);
    placements.push(placed(pair.project, pair.task.row, rows, pair.how, conflict));
    sink.add("rollup-matched", pair.task.row, rows.columns.name!, {
      task: pair.task.name,
      project: pair.project.name,
      source: pair.project.source,
      how: `match-${pair.how}`,
    });
  }
  const free = [...rows.free];
  for (const p of unmatched) {
    const row = free.shift();
    if (row === undefined) {
      sink.add("rollup-no-room", rows.sumRow ?? null, rows.sumRow === undefined ? null : rows.columns.name!, {
        project: p.name,
        source: p.source,
      });
      continue;
    }
    writer.fill(row, p, true);
    placements.push(placed(p, row, rows, "new", false));
    sink.add("rollup-filled", row, rows.columns.name!, { project: p.name, source: p.source });
  }
  writer.fillSums();
  return { sheet: snapshot.name, form, writes: writer.writes, placements, findings: sink.findings };
}

function placed(p: ProjectFacts, row: number, rows: TaskRows, how: Placement["how"], conflict: boolean): Placement {
  return { project: p.name, source: p.source, row: row + 1, cell: a1(row, rows.columns.name!), how, conflict };
}

export function taskKeys(view: SheetView, rows: TaskRows): TaskKey[] {
  const num = (row: number, col: TaskColumn) => {
    const n = readNumber(view, row, rows.columns[col]);
    return n.kind === "number" ? n.value : undefined;
  };
  return rows.tasks.map((t) => ({ ...t, approved: num(t.row, "approvedTotal"), spent: num(t.row, "spent") }));
}

/** Collects blank-cell writes, and knows each task row's amounts after them (for rates and sums). */
class RowWriter {
  readonly writes: RollupWrite[] = [];
  private readonly written = new Map<string, number>();
  private readonly filledRows: number[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly rows: TaskRows,
  ) {}

  fill(row: number, p: ProjectFacts, withName: boolean): void {
    if (withName) this.put(row, "name", p.name);
    const values: [TaskColumn, number | undefined][] = [
      ["approvedTotal", p.budget],
      ["approvedFiscal", p.fiscal],
      ["approvedOther", p.other],
      ["spent", p.spent],
    ];
    for (const [col, v] of values) if (v !== undefined) this.put(row, col, v, MONEY);
    const rate = this.rateOf(row);
    if (rate !== undefined) this.put(row, "rate", rate, RATE);
    // A reason is the project form's own words, never ours; without one the check asks for it.
    if (rate !== undefined && rate < 1 - 1e-9 && p.reason) this.put(row, "reason", p.reason);
    this.filledRows.push(row);
  }

  /** The 合计 row: Σ of every task row (typed or filled), in its blank cells. */
  fillSums(): void {
    const s = this.rows.sumRow;
    if (s === undefined) return;
    const taskRows = [...new Set([...this.rows.tasks.map((t) => t.row), ...this.filledRows])];
    for (const col of AMOUNT_COLUMNS) {
      const parts = taskRows.map((r) => this.amount(r, col)).filter((v): v is number => v !== undefined);
      if (parts.length > 0) this.put(s, col, Math.round(parts.reduce((a, b) => a + b, 0) * 1e6) / 1e6, MONEY);
    }
    const rate = this.rateOf(s);
    if (rate !== undefined) this.put(s, "rate", rate, RATE);
  }

  private rateOf(row: number): number | undefined {
    const total = this.amount(row, "approvedTotal");
    const spent = this.amount(row, "spent");
    return total !== undefined && spent !== undefined && total > 0 ? spent / total : undefined;
  }

  private amount(row: number, col: TaskColumn): number | undefined {
    const c = this.rows.columns[col];
    if (c === undefined) return undefined;
    const w = this.written.get(a1(row, c));
    if (w !== undefined) return w;
    const n = readNumber(this.view, row, c);
    return n.kind === "number" ? n.value : undefined;
  }

  /** Writes only into a blank cell that holds no formula (a formula computes itself). */
  private put(row: number, column: TaskColumn, value: CellValue, format?: string): void {
    const col = this.rows.columns[column];
    if (col === undefined || this.view.formula(row, col) !== null || this.view.isMergedCovered(row, col)) return;
    const v = this.view.raw(row, col);
    if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return;
    const cell = a1(row, col);
    const w: RollupWrite = { row, col, cell, column, value };
    if (format && isGeneralFormat(this.view.numberFormat(row, col))) w.numberFormat = format;
    this.writes.push(w);
    if (typeof value === "number") this.written.set(cell, value);
  }
}
