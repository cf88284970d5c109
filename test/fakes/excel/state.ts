/**
 * The workbook state behind the strict Excel fake: plain data that tests (and the browser
 * end-to-end page) inspect directly, without going through the Office-shaped proxies.
 * No Node APIs: this file is bundled into a browser page too.
 */
import type { CellRange, SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import { a1, columnLetters } from "../../../src/engine/sheet/snapshot";

export type FakeValue = string | number | boolean | null | { error: string };

export interface FakeBorder {
  style: string;
  weight: string;
}

/** The per-cell formats the adapter can write. Absent means "Excel default". */
export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  locked?: boolean;
  borders?: Record<string, FakeBorder>;
}

export interface FakeCell {
  value: FakeValue;
  /** Written with a leading apostrophe: text on purpose. */
  quotePrefix?: boolean;
  /** Formula text with its leading "=", when the cell holds one. */
  formula?: string;
  numberFormat?: string;
  format: FakeCellFormat;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  range: CellRange;
  /** Custom rule formula (type "Custom"). */
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeValidation {
  range: CellRange;
  /** A list rule's source, or "" for a custom rule. */
  list: string;
  /** A custom rule's formula. */
  custom?: string;
  /** The Stop alert's message, once errorAlert is set. */
  message?: string;
}

export interface FakeNote {
  cell: string;
  text: string;
  /** "note" (ExcelApi 1.18 notes) or "comment" (threaded comments). */
  kind: "note" | "comment";
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  printTitleRows?: string;
  printArea?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const key = (row: number, col: number): number => row * MAX_COLS + col;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: FakeValidation[] = [];
  notes: FakeNote[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  protected = false;
  /** The options the sheet was protected with (allowInsertRows …). */
  protectionOptions: Record<string, boolean> = {};
  freeze: { rows: number; cols: number } | null = null;
  pageLayout: FakePageLayout = {};
  /** The selected range's A1 address. */
  selection = "A1";

  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty on first write. */
  cellForWrite(row: number, col: number): FakeCell {
    let c = this.cells.get(key(row, col));
    if (!c) {
      c = { value: null, format: {} };
      this.cells.set(key(row, col), c);
    }
    return c;
  }

  /** Bounding box of cells holding a value or formula (or, unless valuesOnly, any format). */
  usedRange(valuesOnly: boolean): CellRange | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== null || cell.formula !== undefined;
      const hasFormat = cell.numberFormat !== undefined || Object.keys(cell.format).length > 0;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      r1 = Math.min(r1, row);
      c1 = Math.min(c1, col);
      r2 = Math.max(r2, row);
      c2 = Math.max(c2, col);
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }
}

/** Optional formula evaluator, so a page or test can see computed values for written formulas. */
export type FakeEvaluator = (sheet: string, row: number, col: number, formula: string) => FakeValue;

export interface FakeWorkbookInit {
  /** Sheets in order; each a grid of values written from A1 (strings starting with "=" become formulas). */
  sheets?: Record<string, FakeValue[][]>;
  displayLanguage?: string;
  settings?: Record<string, string>;
  /** What Office.context.diagnostics.platform reports (default "OfficeOnline"). */
  platform?: string;
}

/** Limits the real hosts enforce; the fake enforces them only when set. */
export interface FakeLimits {
  /** Bytes of JSON a single sync may send (Excel on the web: 5 MB). */
  requestPayloadBytes?: number;
  /** Bytes of JSON a single sync may return (Excel on the web: 5 MB). */
  responsePayloadBytes?: number;
  /** Cells one range read may cover (Excel: 5,000,000). */
  cellsPerRead?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheetName = "";
  /** Document settings as last saved with saveAsync (what survives save + reopen). */
  savedSettings: Record<string, string> = {};
  /** Document settings in memory (set() without saveAsync). */
  settings: Record<string, string> = {};
  displayLanguage = "zh-CN";
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC", "Mac" … */
  platform = "OfficeOnline";
  /** Round trips: every context.sync, including the implicit one at the end of Excel.run. */
  syncCount = 0;
  /** How many times suspendApiCalculationUntilNextSync was queued. */
  suspendCalculationCount = 0;
  /** Every application.calculate(type) that reached Excel, in order ("Full", "Recalculate" …). */
  calculations: string[] = [];
  limits: FakeLimits = {};
  evaluate?: FakeEvaluator;
  /** Requirement sets reported as supported, e.g. "ExcelApi 1.18". Default: everything. */
  unsupportedSets = new Set<string>();
  /** The next object id (sheets, conditional formats); kept when the workbook is reopened. */
  nextId = 1;

  constructor(init: FakeWorkbookInit = {}) {
    for (const [name, rows] of Object.entries(init.sheets ?? { Sheet1: [] })) {
      const s = this.addSheet(name);
      this.setGrid(s.name, 0, 0, rows);
    }
    this.activeSheetName = this.sheets[0]?.name ?? "";
    if (init.displayLanguage) this.displayLanguage = init.displayLanguage;
    if (init.platform) this.platform = init.platform;
    if (init.settings) {
      this.settings = { ...init.settings };
      this.savedSettings = { ...init.settings };
    }
  }

  newId(prefix: string): string {
    return `${prefix}{${this.nextId++}}`;
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    // Excel sheet names are case-insensitive.
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet, or an Error naming it (for tests). */
  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake workbook has no sheet "${name}"`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet "${name}" exists`);
    const s = new FakeSheet(name, this.newId("sheet"));
    this.sheets.push(s);
    return s;
  }

  /**
   * Worksheet.copy: a new sheet with everything of `source` (cells, formats, merges, conditional
   * formats, validations, notes, sizes, layout), placed right after it, named as Excel does.
   */
  copySheet(source: FakeSheet): FakeSheet {
    let n = 2;
    while (this.sheet(`${source.name} (${n})`)) n++;
    const copy = new FakeSheet(`${source.name} (${n})`, this.newId("sheet"));
    const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    for (const [k, c] of source.cells) copy.cells.set(k, clone(c));
    copy.merges = clone(source.merges);
    copy.conditionalFormats = source.conditionalFormats.map((cf) => ({ ...clone(cf), id: this.newId("cf") }));
    copy.validations = clone(source.validations);
    copy.notes = clone(source.notes);
    copy.columnWidths = new Map(source.columnWidths);
    copy.rowHeights = new Map(source.rowHeights);
    copy.protected = source.protected;
    copy.protectionOptions = { ...source.protectionOptions };
    copy.freeze = source.freeze ? { ...source.freeze } : null;
    copy.pageLayout = clone(source.pageLayout);
    this.sheets.splice(this.sheets.indexOf(source) + 1, 0, copy);
    return copy;
  }

  /** Write a grid of values from (row, col); "=…" strings become formulas; null leaves a cell empty. */
  setGrid(sheetName: string, row: number, col: number, rows: FakeValue[][]): void {
    const s = this.mustSheet(sheetName);
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        writeCellValue(this, s, row + i, col + j, v);
      }),
    );
  }

  /**
   * Put an engine snapshot (values, formulas, number formats, merges) on a sheet, creating it
   * when missing: how tests and benchmarks load a fixture form into the fake.
   */
  putSnapshot(snapshot: SheetSnapshot, sheetName = snapshot.name): FakeSheet {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, col } = snapshot.origin;
    snapshot.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const f = snapshot.formulas?.[i]?.[j];
        const nf = snapshot.numberFormats?.[i]?.[j];
        if (v === null && !f && !nf) return;
        const cell = s.cellForWrite(row + i, col + j);
        cell.value = v;
        if (f) cell.formula = f;
        if (nf && nf !== "General") cell.numberFormat = nf;
      }),
    );
    s.merges.push(...snapshot.merges.map((m) => ({ ...m })));
    return s;
  }

  /** The value of one cell by A1 ("B7"); null when empty. */
  value(sheetName: string, ref: string): FakeValue {
    const p = parseCellRef(ref);
    return this.mustSheet(sheetName).cell(p.row, p.col)?.value ?? null;
  }

  formula(sheetName: string, ref: string): string | undefined {
    const p = parseCellRef(ref);
    return this.mustSheet(sheetName).cell(p.row, p.col)?.formula;
  }

  cell(sheetName: string, ref: string): FakeCell | undefined {
    const p = parseCellRef(ref);
    return this.mustSheet(sheetName).cell(p.row, p.col);
  }

  /** The values of a rectangle, row-major, empty cells as null. */
  values(sheetName: string, range: string): FakeValue[][] {
    const r = parseAddress(range);
    const s = this.mustSheet(sheetName);
    const out: FakeValue[][] = [];
    for (let row = r.r1; row <= r.r2; row++) {
      const line: FakeValue[] = [];
      for (let col = r.c1; col <= r.c2; col++) line.push(s.cell(row, col)?.value ?? null);
      out.push(line);
    }
    return out;
  }

  /** Custom conditional formats on a sheet whose formula contains `marker`. */
  conditionalFormatsWith(sheetName: string, marker: string): FakeConditionalFormat[] {
    return this.mustSheet(sheetName).conditionalFormats.filter((cf) => (cf.formula ?? "").includes(marker));
  }
}

/**
 * Store one value the way Excel does: "=…" is a formula, "" empties the cell. Written through
 * the API (`typed`), a string is parsed as if typed — a leading apostrophe keeps the rest as
 * text, a number, percentage or ISO date becomes a number — so code that writes text without
 * the apostrophe sees what Excel would do to it.
 */
export function writeCellValue(
  wb: FakeWorkbook,
  sheet: FakeSheet,
  row: number,
  col: number,
  v: FakeValue,
  typed = false,
): void {
  const cell = sheet.cellForWrite(row, col);
  delete cell.quotePrefix;
  if (typeof v === "string" && typed && v.startsWith("'")) {
    delete cell.formula;
    cell.value = v.slice(1) === "" ? null : v.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (typeof v === "string" && v.startsWith("=") && v.length > 1) {
    cell.formula = v;
    cell.value = wb.evaluate ? wb.evaluate(sheet.name, row, col, v) : null;
    return;
  }
  delete cell.formula;
  cell.value = v === "" ? null : typed && typeof v === "string" ? parseTyped(v) : v;
}

/** The conversions Excel applies to typed text that matter for our forms (a subset, on purpose). */
function parseTyped(s: string): FakeValue {
  const t = s.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  const pct = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return Math.round((Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) - Date.UTC(1899, 11, 30)) / 86400000);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return s;
}

/** "B7", "$B$7", "Sheet1!B7" → 0-based row/col. Throws on anything else. */
export function parseCellRef(ref: string): { row: number; col: number } {
  const r = parseAddress(ref);
  return { row: r.r1, col: r.c1 };
}

/**
 * An A1 address as Excel accepts it: "B7", "B7:D9", whole columns "A:C", whole rows "3:5",
 * with optional `$` anchors and a sheet prefix ("'My sheet'!B7"). Throws on anything else,
 * as Excel rejects a bad address (the fake turns that into an InvalidArgument at sync).
 */
export function parseAddress(ref: string): CellRange {
  const body = (ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref).replace(/\$/g, "").trim();
  const parts = body.split(":");
  if (parts.length > 2 || parts[0] === "") throw new Error(`bad address "${ref}"`);
  const ends = parts.map((p) => parseEnd(p, ref));
  const [p, q] = [ends[0], ends[ends.length - 1]];
  if (p.kind !== q.kind) throw new Error(`bad address "${ref}"`);
  if (p.kind === "col") return { r1: 0, r2: MAX_ROWS - 1, c1: Math.min(p.n, q.n), c2: Math.max(p.n, q.n) };
  if (p.kind === "row") return { r1: Math.min(p.n, q.n), r2: Math.max(p.n, q.n), c1: 0, c2: MAX_COLS - 1 };
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

type End = { kind: "cell"; row: number; col: number; n: number } | { kind: "col" | "row"; n: number; row: 0; col: 0 };

function parseEnd(s: string, whole: string): End {
  const m = /^([A-Za-z]{0,3})(\d{0,7})$/.exec(s);
  if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad address "${whole}"`);
  const col = m[1] === "" ? -1 : lettersToCol(m[1]);
  const row = m[2] === "" ? -1 : Number(m[2]) - 1;
  if (col >= MAX_COLS || row >= MAX_ROWS || (m[2] !== "" && row < 0)) throw new Error(`bad address "${whole}"`);
  if (col < 0) return { kind: "row", n: row, row: 0, col: 0 };
  if (row < 0) return { kind: "col", n: col, row: 0, col: 0 };
  return { kind: "cell", row, col, n: 0 };
}

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** A range → "A1:B2" (or "A1"), the way Excel prints addresses. */
export function addressOf(r: CellRange): string {
  const start = a1(r.r1, r.c1);
  if (r.r1 === r.r2 && r.c1 === r.c2) return start;
  if (r.r1 === 0 && r.r2 === MAX_ROWS - 1) return `${columnLetters(r.c1)}:${columnLetters(r.c2)}`;
  if (r.c1 === 0 && r.c2 === MAX_COLS - 1) return `${r.r1 + 1}:${r.r2 + 1}`;
  return `${start}:${a1(r.r2, r.c2)}`;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** Sheet names that need quoting in an address get single quotes, as Excel prints them. */
export function qualify(sheet: string, address: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}
