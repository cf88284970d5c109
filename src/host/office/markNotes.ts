/**
 * Notes on marked cells (Excel's notes, ExcelApi 1.18). Read in the same sync as our marks'
 * conditional formats: which notes are ours (to delete), and which marked cells already hold a
 * note of the user's (left alone: a cell has one note, and it is theirs).
 */
import { isOurNote } from "../markIdentity";
import type { WritePlan } from "../port";

export interface NoteState {
  /** Our notes on the sheet, to delete when the plan clears marks. */
  ours: Excel.Note[];
  /** Marked cells ("B7") that will still hold a note, where ours is not added. */
  taken: Set<string>;
}

export const NO_NOTES: NoteState = { ours: [], taken: new Set() };

/** "$b$7" → "B7", the form getItemOrNullObject and the taken set use. */
export function noteKey(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}

/** Cells of the plan's marks that come with a note. */
export function notedCells(plan: WritePlan): string[] {
  const cells: string[] = [];
  for (const op of plan.ops) {
    if (op.kind !== "addMarks") continue;
    for (const m of op.marks) if (m.note) cells.push(noteKey(m.cell));
  }
  return cells;
}

/** Queue the reads; the returned function gives the state once the sync has run. */
export function queueNoteRead(sheet: Excel.Worksheet, cells: string[], clears: boolean): () => NoteState {
  const all = sheet.notes;
  if (clears) all.load("items/content");
  const onCells = cells.map((cell) => {
    const note = sheet.notes.getItemOrNullObject(cell);
    note.load("content");
    return { cell, note };
  });
  return () => {
    const ours = clears ? all.items.filter((n) => isOurNote(n.content)) : [];
    const taken = new Set<string>();
    for (const { cell, note } of onCells) {
      // Ours is deleted first when the plan clears, so the cell is free again.
      if (!note.isNullObject && !(clears && isOurNote(note.content))) taken.add(cell);
    }
    return { ours, taken };
  };
}
