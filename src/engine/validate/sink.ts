/** Collects findings for one sheet, each with its A1 address, 1-based row and default severity. */
import { severityOf } from "../i18n/catalogue";
import { a1 } from "../sheet/snapshot";
import type { Finding, FindingCode, FindingData, FindingOf, Severity } from "./finding";

export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string | undefined) {}

  /** Build a finding about (row, col) — 0-based absolute — without recording it. */
  make<C extends FindingCode>(
    code: C,
    row: number | null,
    col: number | null,
    data: FindingData[C],
    severity?: Severity,
  ): Finding {
    const at = row !== null && col !== null;
    const f = {
      code,
      severity: severity ?? severityOf(code),
      cell: at ? a1(row, col) : null,
      row: at ? row + 1 : null,
      data,
    } as FindingOf<C>;
    if (this.sheet !== undefined) f.sheet = this.sheet;
    // FindingOf<C> is one member of the Finding union; TypeScript cannot see that for a generic C.
    return f as unknown as Finding;
  }

  /** Build and record a finding. */
  add<C extends FindingCode>(
    code: C,
    row: number | null,
    col: number | null,
    data: FindingData[C],
    severity?: Severity,
  ): Finding {
    const f = this.make(code, row, col, data, severity);
    this.findings.push(f);
    return f;
  }
}
