/**
 * exceljs attaches a sheet's notes (comments1.xml) to the cells it read from sheetData; a note
 * on a cell with no `<c>` element (an empty, unformatted cell — a reviewer's remark next to
 * the form) had nowhere to go and was dropped, so calc and freeze lost a user's note. After
 * exceljs's own reconcile, each note left over gets an empty cell of its own.
 */
interface CommentModel {
  ref?: string;
}
interface RowModel {
  number: number;
  cells: { address?: string; type?: number; comment?: CommentModel }[];
}
interface SheetModel {
  rows: RowModel[];
}
/** exceljs leaves the sheet's notes by cell in the options (it deletes model.comments). */
interface ReconcileOptions {
  commentsMap?: Record<string, CommentModel>;
}
type Reconcile = (this: unknown, model: SheetModel, options: ReconcileOptions) => void;

type WorkSheetXformClass = { prototype: { reconcile: Reconcile & { keepsNotes?: true } } };

/** exceljs's ValueType.Null */
const NULL_TYPE = 0;

function placeLeftoverNotes(model: SheetModel, options: ReconcileOptions): void {
  const comments = Object.values(options.commentsMap ?? {});
  if (comments.length === 0) return;
  const seen = new Set<string>();
  const rows = new Map<number, RowModel>();
  for (const row of model.rows) {
    rows.set(row.number, row);
    for (const cell of row.cells) if (cell.address) seen.add(cell.address);
  }
  for (const comment of comments) {
    const m = comment.ref?.match(/^[A-Z]{1,3}([1-9]\d{0,6})$/);
    if (!m || seen.has(comment.ref!)) continue;
    let row = rows.get(Number(m[1]));
    if (!row) {
      row = { number: Number(m[1]), cells: [] };
      rows.set(row.number, row);
      model.rows.push(row);
    }
    row.cells.push({ address: comment.ref, type: NULL_TYPE, comment });
    seen.add(comment.ref!);
  }
}

/** Keep notes on empty cells when loading; idempotent. */
export function installNotesOnEmptyCells(): void {
  // Required here, not at the top: exceljs loads on first use (./lib.ts).
  const WorkSheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as WorkSheetXformClass;
  const original = WorkSheetXform.prototype.reconcile;
  if (original.keepsNotes) return;
  const patched: Reconcile & { keepsNotes?: true } = function (this: unknown, model, options) {
    original.call(this, model, options);
    placeLeftoverNotes(model, options);
  };
  patched.keepsNotes = true;
  WorkSheetXform.prototype.reconcile = patched;
}
