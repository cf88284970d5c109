/**
 * Fake Workbook, worksheets and the sheet-level parts (protection, freeze panes, page layout, notes).
 */
import { FakeCollection, FakeObject, FakeOfficeError, type FakeRequestContext, type PropDef } from "./core";
import { FakeRange, type RangeTarget } from "./range";
import {
  addressOf,
  type FakeNote,
  type FakePageLayout,
  type FakeSheet,
  type FakeWorkbook,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
} from "./state";

/** Parse an address inside a sync, so a bad address fails the sync as InvalidArgument. */
function boxOf(address: string): RangeTarget["box"] {
  try {
    return parseAddress(address);
  } catch {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: address "${address}".`);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null, nullable = false) {
    super(ctx, "Worksheet", resolve, nullable);
  }

  override _scalars(): Record<string, PropDef> {
    const wb = this.context.wb;
    return {
      name: {
        get: () => this._must().name,
        set: (v) => {
          const name = String(v);
          const clash = wb.sheet(name);
          if (clash && clash !== this._must())
            throw new FakeOfficeError("InvalidArgument", `Sheet name "${name}" is taken.`);
          if (wb.activeSheetName === this._must().name) wb.activeSheetName = name;
          this._must().name = name;
        },
      },
      id: { get: () => this._must().id },
      position: { get: () => wb.sheets.indexOf(this._must()) },
      visibility: { get: () => "Visible" },
    };
  }

  override _nav(): Record<string, () => FakeObject<unknown>> {
    return {
      protection: () => this.protection,
      freezePanes: () => this.freezePanes,
      pageLayout: () => this.pageLayout,
    };
  }

  private _range(box: (sheet: FakeSheet) => RangeTarget["box"]): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._t();
      return s === null ? null : { sheet: s, box: box(s) };
    });
  }

  getRange(address?: string): FakeRange {
    if (address === undefined || address === "")
      return this._range(() => ({ r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 }));
    const r = this._range(() => boxOf(address));
    r._bindAtSync();
    return r;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const r = this._range(() => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError("InvalidArgument", "getRangeByIndexes: bad size");
      }
      return { r1: startRow, c1: startColumn, r2: startRow + rowCount - 1, c2: startColumn + columnCount - 1 };
    });
    r._bindAtSync();
    return r;
  }

  private _used(valuesOnly: boolean, nullable: boolean): FakeRange {
    const r = new FakeRange(
      this.context,
      () => {
        const s = this._t();
        if (s === null) return null;
        const box = s.usedRange(valuesOnly);
        // An empty sheet: getUsedRange answers A1, the OrNullObject variant a null object.
        if (box === null) return nullable ? null : { sheet: s, box: { r1: 0, c1: 0, r2: 0, c2: 0 } };
        return { sheet: s, box };
      },
      nullable,
    );
    r._bindAtSync(); // the used range is what it is at this point of the batch
    return r;
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this._used(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._used(valuesOnly, true);
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.wb.activeSheetName = this._must().name;
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const wb = this.context.wb;
      const s = this._must();
      if (wb.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook needs at least one sheet.");
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.activeSheetName === s.name) wb.activeSheetName = wb.sheets[0].name;
    });
  }

  /** ExcelApi 1.7. The copy goes right after this sheet (the only position the adapter asks for). */
  copy(positionType?: string, relativeTo?: FakeWorksheet): FakeWorksheet {
    const copy = new FakeWorksheet(this.context, () => {
      throw new FakeOfficeError("GeneralException", "worksheet not copied");
    });
    this.context.enqueue(() => {
      const wb = this.context.wb;
      if (wb.unsupportedSets.has("ExcelApi 1.7"))
        throw new FakeOfficeError("ApiNotFound", "Worksheet.copy needs ExcelApi 1.7.");
      const source = this._must();
      if (positionType !== "After" || (relativeTo && relativeTo._must() !== source))
        throw new FakeOfficeError("InvalidArgument", "The fake copies only right after the source sheet.");
      copy._target = wb.copySheet(source);
    });
    return copy;
  }

  get protection(): FakeProtection {
    return this._child("protection", () => new FakeProtection(this.context, () => this._t()));
  }

  get freezePanes(): FakeFreezePanes {
    return this._child("freezePanes", () => new FakeFreezePanes(this.context, () => this._t()));
  }

  get pageLayout(): FakePageLayoutObject {
    return this._child("pageLayout", () => new FakePageLayoutObject(this.context, () => this._t()));
  }

  get notes(): FakeNotes {
    return this._child("notes", () => new FakeNotes(this.context, () => this._t()));
  }
}

export class FakeProtection extends FakeObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null) {
    super(ctx, "WorksheetProtection", resolve);
  }
  override _scalars(): Record<string, PropDef> {
    return { protected: { get: () => this._must().protected } };
  }
  protect(options?: unknown, password?: string): void {
    void password;
    this.context.enqueue(() => {
      const s = this._must();
      if (s.protected) throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.");
      s.protected = true;
      s.protectionOptions = { ...((options as Record<string, boolean> | undefined) ?? {}) };
    });
  }
  unprotect(password?: string): void {
    void password;
    this.context.enqueue(() => {
      this._must().protected = false;
    });
  }
}

export class FakeFreezePanes extends FakeObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null) {
    super(ctx, "WorksheetFreezePanes", resolve);
  }
  override _scalars(): Record<string, PropDef> {
    return {};
  }
  private _set(rows: number, cols: number): void {
    this.context.enqueue(() => {
      this._must().freeze = rows === 0 && cols === 0 ? null : { rows, cols };
    });
  }
  freezeRows(count = 1): void {
    this._set(count, 0);
  }
  freezeColumns(count = 1): void {
    this._set(0, count);
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this.context.enqueue(() => {
      const box = typeof frozenRange === "string" ? boxOf(frozenRange) : frozenRange._must().box;
      this._must().freeze = { rows: box.r2 + 1, cols: box.c2 + 1 };
    });
  }
  unfreeze(): void {
    this._set(0, 0);
  }
}

export class FakePageLayoutObject extends FakeObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null) {
    super(ctx, "PageLayout", resolve);
  }
  override _scalars(): Record<string, PropDef> {
    const layout = () => this._must().pageLayout;
    return {
      orientation: { get: () => layout().orientation ?? "Portrait", set: (v) => (layout().orientation = String(v)) },
      paperSize: { get: () => layout().paperSize ?? "Letter", set: (v) => (layout().paperSize = String(v)) },
      zoom: { get: () => layout().zoom ?? {}, set: (v) => (layout().zoom = v as FakePageLayout["zoom"]) },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.context.enqueue(() => {
      const box = boxOf(rows);
      this._must().pageLayout.printTitleRows = `$${box.r1 + 1}:$${box.r2 + 1}`;
    });
  }
  setPrintArea(area: string): void {
    this.context.enqueue(() => {
      boxOf(area); // Excel refuses an address it cannot read.
      this._must().pageLayout.printArea = area;
    });
  }
}

/** Where a note or comment goes: a Range, or "Sheet!B7" (the sheet defaults to `fallback`). */
function noteTarget(ctx: FakeRequestContext, cellAddress: FakeRange | string, fallback?: FakeSheet): RangeTarget {
  if (typeof cellAddress !== "string") return cellAddress._must();
  const bang = cellAddress.lastIndexOf("!");
  const sheetName = bang >= 0 ? cellAddress.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
  const sheet = sheetName !== undefined ? ctx.wb.sheet(sheetName) : fallback;
  if (!sheet) throw new FakeOfficeError("InvalidArgument", `No sheet for "${cellAddress}".`);
  return { sheet, box: boxOf(cellAddress) };
}

/** Notes need ExcelApi 1.18: a workbook set up without it fails every notes call at sync. */
function assertNotesSupported(ctx: FakeRequestContext): void {
  if (ctx.wb.unsupportedSets.has("ExcelApi 1.18"))
    throw new FakeOfficeError("ApiNotFound", "Notes need ExcelApi 1.18.");
}

/** A sheet's notes (ExcelApi 1.18): add, list with `items/content`, look up by cell address. */
export class FakeNotes extends FakeCollection<FakeSheet, FakeNote> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null) {
    super(ctx, "NoteCollection", resolve);
  }
  override _list(): FakeNote[] {
    assertNotesSupported(this.context);
    return this._must().notes.filter((n) => n.kind === "note");
  }
  override _makeItem(target: FakeNote): FakeObject<FakeNote> {
    return new FakeNoteObject(
      this.context,
      () => target,
      () => this._must(),
    );
  }
  add(cellAddress: FakeRange | string, content: string): FakeNoteObject {
    let created: FakeNote | undefined;
    const note = new FakeNoteObject(
      this.context,
      () => created ?? null,
      () => this._must(),
    );
    this.context.enqueue(() => {
      assertNotesSupported(this.context);
      const t = noteTarget(this.context, cellAddress, this._must());
      created = addNote(t, content, "note");
      note._target = created;
    }, content.length);
    return note;
  }
  /** By cell address ("B7"): a null object when the cell has no note. */
  getItemOrNullObject(key: string): FakeNoteObject {
    const note = new FakeNoteObject(
      this.context,
      () => {
        assertNotesSupported(this.context);
        const cell = addressOf(boxOf(key));
        return this._must().notes.find((n) => n.kind === "note" && n.cell === cell) ?? null;
      },
      () => this._must(),
      true,
    );
    note._bindAtSync();
    return note;
  }
}

export class FakeNoteObject extends FakeObject<FakeNote> {
  constructor(
    ctx: FakeRequestContext,
    resolve: () => FakeNote | null,
    private readonly _sheet: () => FakeSheet,
    nullable = false,
  ) {
    super(ctx, "Note", resolve, nullable);
  }
  override _scalars(): Record<string, PropDef> {
    return {
      content: { get: () => this._must().text, set: (v) => (this._must().text = String(v)) },
    };
  }
  delete(): void {
    this.context.enqueue(() => {
      const note = this._must();
      const sheet = this._sheet();
      sheet.notes = sheet.notes.filter((n) => n !== note);
    });
  }
}

function addNote(t: RangeTarget, text: string, kind: "note" | "comment"): FakeNote {
  const cell = addressOf({ ...t.box, r2: t.box.r1, c2: t.box.c1 });
  if (t.sheet.notes.some((n) => n.cell === cell)) {
    throw new FakeOfficeError("InvalidOperation", `Cell ${cell} already has a ${kind}.`);
  }
  const note: FakeNote = { cell, text, kind };
  t.sheet.notes.push(note);
  return note;
}

export class FakeComments extends FakeObject<FakeWorkbook> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "CommentCollection", () => ctx.wb);
  }
  override _scalars(): Record<string, PropDef> {
    return {};
  }
  add(cellAddress: FakeRange | string, content: string): void {
    this.context.enqueue(() => addNote(noteTarget(this.context, cellAddress), content, "comment"), content.length);
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeSheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorksheetCollection", () => ctx.wb);
  }
  override _list(): FakeSheet[] {
    return this.context.wb.sheets;
  }
  override _makeItem(target: FakeSheet): FakeObject<FakeSheet> {
    return new FakeWorksheet(this.context, () => target);
  }
  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => {
      const s = this.context.wb.sheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${key}".`);
      return s;
    });
    ws._bindAtSync();
    return ws;
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.context.wb.sheet(key) ?? null, true);
    ws._bindAtSync();
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.context.wb.mustSheet(this.context.wb.activeSheetName));
    ws._bindAtSync();
    return ws;
  }
  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => {
      throw new FakeOfficeError("GeneralException", "worksheet not created");
    });
    this.context.enqueue(() => {
      const wb = this.context.wb;
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (wb.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (wb.sheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${n}" already exists.`);
      if (n.length > 31 || /[\\/?*[\]:]/.test(n))
        throw new FakeOfficeError("InvalidArgument", `Bad sheet name "${n}".`);
      ws._target = wb.addSheet(n);
    });
    return ws;
  }
}

export class FakeApplication extends FakeObject<FakeWorkbook> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Application", () => ctx.wb);
  }
  override _scalars(): Record<string, PropDef> {
    return { calculationMode: { get: () => "Automatic" } };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => {
      this.context.wb.suspendCalculationCount++;
    });
  }
  calculate(calculationType: string): void {
    this.context.enqueue(() => {
      this.context.wb.calculations.push(calculationType);
    });
  }
}

export class FakeWorkbookObject extends FakeObject<FakeWorkbook> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook", () => ctx.wb);
  }
  override _scalars(): Record<string, PropDef> {
    return { name: { get: () => "Book1.xlsx" } };
  }
  override _nav(): Record<string, () => FakeObject<unknown>> {
    return { worksheets: () => this.worksheets, application: () => this.application };
  }
  get worksheets(): FakeWorksheetCollection {
    return this._child("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  get application(): FakeApplication {
    return this._child("application", () => new FakeApplication(this.context));
  }
  get comments(): FakeComments {
    return this._child("comments", () => new FakeComments(this.context));
  }
  getSelectedRange(): FakeRange {
    const wb = this.context.wb;
    const r = new FakeRange(this.context, () => {
      const sheet = wb.mustSheet(wb.activeSheetName);
      return { sheet, box: parseAddress(sheet.selection) };
    });
    r._bindAtSync();
    return r;
  }
}
