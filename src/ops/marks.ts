/** markFindings / clearMarks: highlights that change no value and no format (see the port's addMarks). */
import type { Finding } from "../engine";
import type { WorkbookPort } from "../host/port";

export async function markFindingsImpl(
  port: WorkbookPort,
  sheet: string,
  findings: Finding[],
): Promise<{ marked: number }> {
  // One mark per cell, in the colour of its worst finding.
  const rank = { error: 3, warning: 2, info: 1 } as const;
  const worst = new Map<string, Finding["severity"]>();
  for (const f of findings) {
    if (!f.cell || (f.sheet && f.sheet !== sheet)) continue;
    const prev = worst.get(f.cell);
    if (!prev || rank[f.severity] > rank[prev]) worst.set(f.cell, f.severity);
  }
  const marks = [...worst].map(([cell, severity]) => ({ cell, severity }));
  // Old marks go first, so marking twice never stacks highlights.
  await port.apply({
    sheet,
    ops: [{ kind: "clearMarks" }, ...(marks.length ? [{ kind: "addMarks" as const, marks }] : [])],
  });
  return { marked: marks.length };
}

export async function clearMarksImpl(port: WorkbookPort, sheet: string): Promise<void> {
  await port.apply({ sheet, ops: [{ kind: "clearMarks" }] });
}
