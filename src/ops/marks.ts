/**
 * markFindings / clearMarks: highlights that change no value and no format (see the port's
 * addMarks), each with a note saying why where the host can add notes.
 */
import { formatFinding, type Finding, type Locale } from "../engine";
import { markNoteText } from "../host/markIdentity";
import type { MarkSpec, WorkbookPort } from "../host/port";

export interface MarkOptions {
  /** The language of the notes (default zh-CN). */
  locale?: Locale;
}

export interface MarkResult {
  /** Cells highlighted. */
  marked: number;
  /** Whether the marks carry notes (false where the host cannot add notes). */
  notes: boolean;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;
/** A note is read in a hover box: a few findings, then how many more. */
const NOTE_LINES = 6;

/** One mark per cell, in the colour of its worst finding, with every finding of the cell in its note. */
export function planMarks(sheet: string, findings: Finding[], locale: Locale, withNotes: boolean): MarkSpec[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell || (f.sheet && f.sheet !== sheet)) continue;
    byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  }
  return [...byCell].map(([cell, list]) => {
    const sorted = [...list].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    const mark: MarkSpec = { cell, severity: sorted[0].severity };
    if (withNotes) mark.note = noteFor(sorted, locale);
    return mark;
  });
}

function noteFor(findings: Finding[], locale: Locale): string {
  const lines = findings.slice(0, NOTE_LINES).map((f) => formatFinding(f, locale));
  if (findings.length > NOTE_LINES) lines.push(`… +${findings.length - NOTE_LINES}`);
  return markNoteText(lines);
}

export async function markFindingsImpl(
  port: WorkbookPort,
  sheet: string,
  findings: Finding[],
  options: MarkOptions = {},
): Promise<MarkResult> {
  const notes = port.supportsNotes?.() ?? false;
  const marks = planMarks(sheet, findings, options.locale ?? "zh-CN", notes);
  // Old marks (and our old notes) go first, so marking twice never stacks highlights.
  await port.apply({
    sheet,
    ops: [{ kind: "clearMarks" }, ...(marks.length ? [{ kind: "addMarks" as const, marks }] : [])],
  });
  return { marked: marks.length, notes };
}

export async function clearMarksImpl(port: WorkbookPort, sheet: string): Promise<void> {
  await port.apply({ sheet, ops: [{ kind: "clearMarks" }] });
}
