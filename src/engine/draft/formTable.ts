/**
 * The form itself as a Word table: every cell of the form's rectangle as the report shows it
 * (computed values where the engine computes), merged areas as spans, covered cells as null.
 */
import type { DetectedForm } from "../detect/form";
import type { CellRange } from "../sheet/snapshot";
import type { FormCells } from "./cells";
import type { TableCellModel } from "./model";

export function formTable(cells: FormCells, form: DetectedForm): (TableCellModel | null)[][] {
  const r = form.range;
  const merges = cells.view.snapshot.merges.filter((m) => m.r1 >= r.r1 && m.c1 >= r.c1 && m.r1 <= r.r2 && m.c1 <= r.c2);
  const covered = coveredCells(merges, r);
  const rows: (TableCellModel | null)[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: (TableCellModel | null)[] = [];
    for (let col = r.c1; col <= r.c2; col++) {
      if (covered.has(`${row},${col}`)) {
        line.push(null);
        continue;
      }
      const m = merges.find((x) => x.r1 === row && x.c1 === col);
      line.push({
        text: cells.show(row, col),
        colSpan: m ? Math.min(m.c2, r.c2) - col + 1 : 1,
        rowSpan: m ? Math.min(m.r2, r.r2) - row + 1 : 1,
        computed: cells.replaced(row, col) || undefined,
      });
    }
    rows.push(line);
  }
  return rows;
}

function coveredCells(merges: CellRange[], r: CellRange): Set<string> {
  const out = new Set<string>();
  for (const m of merges) {
    for (let row = m.r1; row <= Math.min(m.r2, r.r2); row++) {
      for (let col = m.c1; col <= Math.min(m.c2, r.c2); col++)
        if (row !== m.r1 || col !== m.c1) out.add(`${row},${col}`);
    }
  }
  return out;
}
