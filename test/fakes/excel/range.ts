/**
 * Fake Range and what hangs off it: formats, data validation, conditional formats, merged areas.
 * Every read goes through a load + sync; every write is a command run at sync.
 */
import type { CellRange } from "../../../src/engine/sheet/snapshot";
import { FakeCollection, FakeObject, FakeOfficeError, type FakeRequestContext, type PropDef } from "./core";
import {
  addressOf,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeValue,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  qualify,
  writeCellValue,
} from "./state";

/** Excel refuses to read more than this many cells in one range. */
export const CELLS_PER_READ = 5_000_000;
/** getMergedAreasOrNullObject fails on a range with more merged areas than this. */
export const MERGED_AREAS_MAX = 512;

export interface RangeTarget {
  sheet: FakeSheet;
  box: CellRange;
}

const rows = (b: CellRange): number => b.r2 - b.r1 + 1;
const cols = (b: CellRange): number => b.c2 - b.c1 + 1;

export class FakeRange extends FakeObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null, nullable = false) {
    super(ctx, "Range", resolve, nullable);
  }

  private _grid<V>(read: (cell: FakeCell | undefined) => V): V[][] {
    const { sheet, box } = this._must();
    const limit = this.context.wb.limits.cellsPerRead ?? CELLS_PER_READ;
    if (rows(box) * cols(box) > limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The range ${addressOf(box)} has ${rows(box) * cols(box)} cells; at most ${limit} can be read at once.`,
      );
    }
    const out: V[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const line: V[] = [];
      for (let c = box.c1; c <= box.c2; c++) line.push(read(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  /** Write a rectangle (or one scalar to every cell), checking the shape as Excel does. */
  private _write(input: unknown, what: string, put: (cell: FakeCell, v: unknown, r: number, c: number) => void): void {
    const { sheet, box } = this._must();
    const grid = Array.isArray(input) ? (input as unknown[][]) : null;
    if (grid && (grid.length !== rows(box) || grid.some((line) => !Array.isArray(line) || line.length !== cols(box)))) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range ${addressOf(box)}.`,
      );
    }
    for (let r = box.r1; r <= box.r2; r++) {
      for (let c = box.c1; c <= box.c2; c++) {
        const v = grid ? grid[r - box.r1][c - box.c1] : input;
        // Office skips null in an input array: the cell keeps what it had.
        if (v === null || v === undefined) continue;
        put(sheet.cellForWrite(r, c), v, r, c);
      }
    }
  }

  override _scalars(): Record<string, PropDef> {
    const wb = this.context.wb;
    return {
      address: { get: () => qualify(this._must().sheet.name, addressOf(this._must().box)) },
      addressLocal: { get: () => qualify(this._must().sheet.name, addressOf(this._must().box)) },
      rowIndex: { get: () => this._must().box.r1 },
      columnIndex: { get: () => this._must().box.c1 },
      rowCount: { get: () => rows(this._must().box) },
      columnCount: { get: () => cols(this._must().box) },
      cellCount: { get: () => rows(this._must().box) * cols(this._must().box) },
      values: {
        get: () => this._grid((cell) => displayValue(cell)),
        set: (v) =>
          this._write(v, "values", (_cell, x, r, c) =>
            writeCellValue(wb, this._must().sheet, r, c, x as FakeValue, true),
          ),
      },
      formulas: {
        get: () => this._grid((cell) => (cell?.formula !== undefined ? cell.formula : displayValue(cell))),
        set: (v) =>
          this._write(v, "formulas", (_cell, x, r, c) =>
            writeCellValue(wb, this._must().sheet, r, c, x as FakeValue, true),
          ),
      },
      numberFormat: {
        get: () => this._grid((cell) => cell?.numberFormat ?? "General"),
        set: (v) =>
          this._write(v, "numberFormat", (cell, x) => {
            cell.numberFormat = String(x);
          }),
      },
      valueTypes: { get: () => this._grid((cell) => valueType(cell)) },
      text: { get: () => this._grid((cell) => textOf(cell)) },
    };
  }

  override _nav(): Record<string, () => FakeObject<unknown>> {
    return {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      conditionalFormats: () => this.conditionalFormats,
    };
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => new FakeRangeFormat(this.context, () => this._t()));
  }

  get dataValidation(): FakeDataValidation {
    return this._child("dataValidation", () => new FakeDataValidation(this.context, () => this._t()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child("cf", () => new FakeConditionalFormatCollection(this.context, () => this._t()));
  }

  /** A range derived from this one when the sync runs. */
  private _derived(box: (t: RangeTarget) => CellRange): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._t();
      return t === null ? null : { sheet: t.sheet, box: box(t) };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived(({ box }) => ({
      r1: box.r1 + row,
      c1: box.c1 + column,
      r2: box.r1 + row,
      c2: box.c1 + column,
    }));
  }

  getEntireColumn(): FakeRange {
    return this._derived(({ box }) => ({ r1: 0, r2: MAX_ROWS - 1, c1: box.c1, c2: box.c2 }));
  }

  getEntireRow(): FakeRange {
    return this._derived(({ box }) => ({ r1: box.r1, r2: box.r2, c1: 0, c2: MAX_COLS - 1 }));
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(
      this.context,
      () => {
        const t = this._t();
        if (t === null) return null;
        const hits = t.sheet.merges.filter((m) => intersects(m, t.box));
        // Documented: "if the merged areas count in this range is more than 512, then this method
        // will fail to return the result".
        if (hits.length > MERGED_AREAS_MAX) {
          throw new FakeOfficeError("GeneralException", `The range has ${hits.length} merged areas (more than 512).`);
        }
        return hits.length ? { sheet: t.sheet, boxes: hits } : null;
      },
      true,
    );
    areas._bindAtSync();
    return areas;
  }

  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, box } = this._must();
      if (sheet.merges.some((m) => intersects(m, box))) {
        throw new FakeOfficeError("InvalidOperation", `Cannot merge ${addressOf(box)}: it overlaps a merged area.`);
      }
      if (across) {
        for (let r = box.r1; r <= box.r2; r++) sheet.merges.push({ r1: r, r2: r, c1: box.c1, c2: box.c2 });
      } else sheet.merges.push({ ...box });
    });
  }

  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this._must();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, box));
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this._must();
      if (this.context.wb.activeSheetName !== sheet.name) {
        throw new FakeOfficeError("InvalidSelection", "The range to select is not on the active sheet.");
      }
      sheet.selection = addressOf(box);
    });
  }

  clear(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this._must();
      for (let r = box.r1; r <= box.r2; r++)
        for (let c = box.c1; c <= box.c2; c++) sheet.cells.delete(r * MAX_COLS + c);
    });
  }
}

/** What Office returns in `values`: "" for an empty cell, the error text for an error. */
function displayValue(cell: FakeCell | undefined): string | number | boolean {
  const v = cell?.value ?? null;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value ?? null;
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  return "String";
}

function textOf(cell: FakeCell | undefined): string {
  return String(displayValue(cell));
}

interface AreasTarget {
  sheet: FakeSheet;
  boxes: CellRange[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => AreasTarget | null, nullable: boolean) {
    super(ctx, "RangeAreas", resolve, nullable);
  }
  override _scalars(): Record<string, PropDef> {
    return {
      address: {
        get: () => {
          const t = this._must();
          return t.boxes.map((b) => qualify(t.sheet.name, addressOf(b))).join(",");
        },
      },
      areaCount: { get: () => this._must().boxes.length },
    };
  }
}

/** Apply `f` to every cell of a range target (only cells inside the sheet's real rows when a whole column). */
function eachCell(t: RangeTarget, f: (cell: FakeCell) => void): void {
  const { sheet, box } = t;
  for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) f(sheet.cellForWrite(r, c));
}

function topLeft(t: RangeTarget): FakeCell | undefined {
  return t.sheet.cell(t.box.r1, t.box.c1);
}

/** A cell-format property: set on every cell, read from the top-left cell. */
function formatProp<K extends keyof FakeCell["format"]>(
  target: () => RangeTarget,
  key: K,
  toState: (v: unknown) => FakeCell["format"][K] = (v) => v as FakeCell["format"][K],
  fromState: (v: FakeCell["format"][K] | undefined) => unknown = (v) => v ?? null,
): PropDef {
  return {
    get: () => fromState(topLeft(target())?.format[key]),
    set: (v) => eachCell(target(), (cell) => (cell.format[key] = toState(v))),
  };
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx, "RangeFormat", resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    const t = (): RangeTarget => this._must();
    return {
      horizontalAlignment: formatProp(t, "horizontal", String, (v) => v ?? "General"),
      verticalAlignment: formatProp(t, "vertical", String, (v) => v ?? "Bottom"),
      wrapText: formatProp(t, "wrap", Boolean, (v) => v ?? false),
      columnWidth: {
        get: () => t().sheet.columnWidths.get(t().box.c1) ?? 48,
        set: (v) => {
          for (let c = t().box.c1; c <= t().box.c2; c++) t().sheet.columnWidths.set(c, Number(v));
        },
      },
      rowHeight: {
        get: () => t().sheet.rowHeights.get(t().box.r1) ?? 15,
        set: (v) => {
          for (let r = t().box.r1; r <= t().box.r2; r++) t().sheet.rowHeights.set(r, Number(v));
        },
      },
    };
  }
  override _nav(): Record<string, () => FakeObject<unknown>> {
    return { font: () => this.font, fill: () => this.fill, protection: () => this.protection };
  }
  get font(): FakeFormatPart {
    return this._child("font", () => new FakeFormatPart(this.context, "RangeFont", () => this._t(), fontProps));
  }
  get fill(): FakeFill {
    return this._child("fill", () => new FakeFill(this.context, () => this._t()));
  }
  get protection(): FakeFormatPart {
    return this._child(
      "protection",
      () =>
        new FakeFormatPart(
          this.context,
          "FormatProtection",
          () => this._t(),
          (t) => ({
            locked: formatProp(t, "locked", Boolean, (v) => v ?? true),
          }),
        ),
    );
  }
  get borders(): FakeBorders {
    return this._child("borders", () => new FakeBorders(this.context, () => this._t()));
  }
  autofitColumns(): void {
    this.context.enqueue(() => void this._must());
  }
  autofitRows(): void {
    this.context.enqueue(() => void this._must());
  }
}

const fontProps = (t: () => RangeTarget): Record<string, PropDef> => ({
  bold: formatProp(t, "bold", Boolean, (v) => v ?? false),
  italic: formatProp(t, "italic", Boolean, (v) => v ?? false),
  size: formatProp(t, "fontSize", Number, (v) => v ?? 11),
  name: formatProp(t, "fontName", String, (v) => v ?? "Calibri"),
  color: formatProp(t, "fontColor", String, (v) => v ?? "#000000"),
});

/** A format object whose scalars are given as a table (font, protection). */
export class FakeFormatPart extends FakeObject<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    typeName: string,
    resolve: () => RangeTarget | null,
    private readonly _props: (t: () => RangeTarget) => Record<string, PropDef>,
  ) {
    super(ctx, typeName, resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    return this._props(() => this._must());
  }
}

export class FakeFill extends FakeObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx, "RangeFill", resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    return {
      color: formatProp(
        () => this._must(),
        "fill",
        String,
        (v) => v ?? "#FFFFFF",
      ),
    };
  }
  clear(): void {
    this.context.enqueue(() => eachCell(this._must(), (cell) => delete cell.format.fill));
  }
}

const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);

export class FakeBorders extends FakeObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx, "RangeBorderCollection", resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    return {};
  }
  getItem(index: string): FakeFormatPart {
    if (!BORDER_INDEXES.has(index)) throw new Error(`Fake Excel: unknown border index ${index}`);
    const borderProp = (field: "style" | "weight"): PropDef => ({
      get: () => topLeft(this._must())?.format.borders?.[index]?.[field] ?? (field === "style" ? "None" : "Thin"),
      set: (v) =>
        eachCell(this._must(), (cell) => {
          const borders = (cell.format.borders ??= {});
          const b = (borders[index] ??= { style: "None", weight: "Thin" });
          b[field] = String(v);
        }),
    });
    return new FakeFormatPart(
      this.context,
      "RangeBorder",
      () => this._t(),
      () => ({
        style: borderProp("style"),
        weight: borderProp("weight"),
        color: { get: () => "#000000", set: () => undefined },
      }),
    );
  }
}

export class FakeDataValidation extends FakeObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx, "DataValidation", resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    const t = (): RangeTarget => this._must();
    const hit = () => t().sheet.validations.find((v) => intersects(v.range, t().box));
    return {
      type: { get: () => (hit() ? (hit()!.custom !== undefined ? "Custom" : "List") : "None") },
      rule: {
        get: () => {
          const h = hit();
          if (!h) return {};
          return h.custom !== undefined
            ? { custom: { formula: h.custom } }
            : { list: { inCellDropDown: true, source: h.list } };
        },
        set: (v) => {
          const rule = v as { list?: { source?: unknown }; custom?: { formula?: unknown } };
          const custom = rule.custom && typeof rule.custom.formula === "string" ? rule.custom.formula : undefined;
          if (custom === undefined && (!rule.list || typeof rule.list.source !== "string")) {
            throw new FakeOfficeError("InvalidArgument", "The fake supports list and custom validation rules only.");
          }
          if (custom !== undefined && (!custom.startsWith("=") || custom.length > 256))
            throw new FakeOfficeError(
              "InvalidArgument",
              "A custom rule's formula starts with = and has at most 255 characters.",
            );
          if (hit())
            throw new FakeOfficeError("InvalidOperation", "The range already has data validation; clear it first.");
          const list = custom === undefined ? (rule.list!.source as string) : "";
          t().sheet.validations.push({ range: { ...t().box }, list, ...(custom !== undefined ? { custom } : {}) });
        },
      },
      errorAlert: {
        get: () => (hit()?.message !== undefined ? { showAlert: true, style: "Stop", message: hit()!.message } : {}),
        set: (v) => {
          const h = hit();
          if (!h) throw new FakeOfficeError("InvalidOperation", "Set a rule before its error alert.");
          h.message = String((v as { message?: unknown }).message ?? "");
        },
      },
    };
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this._must();
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.range, t.box));
    });
  }
}

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx, "ConditionalFormatCollection", resolve, true);
  }
  override _list(): FakeConditionalFormat[] {
    const t = this._must();
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.range, t.box));
  }
  override _makeItem(target: FakeConditionalFormat): FakeObject<FakeConditionalFormat> {
    return new FakeConditionalFormatObject(
      this.context,
      () => target,
      () => this._must().sheet,
    );
  }
  add(type: string): FakeConditionalFormatObject {
    let created: FakeConditionalFormat | undefined;
    const cf = new FakeConditionalFormatObject(
      this.context,
      () => {
        if (!created) throw new FakeOfficeError("InvalidOperation", "conditional format not created");
        return created;
      },
      () => this._must().sheet,
    );
    this.context.enqueue(() => {
      const t = this._must();
      created = { id: this.context.wb.newId("cf"), type, range: { ...t.box } };
      t.sheet.conditionalFormats.push(created);
      cf._target = created;
    });
    return cf;
  }
  clearAll(): void {
    this.context.enqueue(() => {
      const t = this._must();
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.range, t.box));
    });
  }
}

export class FakeConditionalFormatObject extends FakeObject<FakeConditionalFormat> {
  constructor(
    ctx: FakeRequestContext,
    resolve: () => FakeConditionalFormat | null,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(ctx, "ConditionalFormat", resolve);
  }
  override _scalars(): Record<string, PropDef> {
    return {
      id: { get: () => this._must().id },
      type: { get: () => this._must().type },
      priority: { get: () => this._sheet().conditionalFormats.indexOf(this._must()) },
      stopIfTrue: { get: () => false, set: () => undefined },
    };
  }
  override _nav(): Record<string, () => FakeObject<unknown>> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get custom(): FakeCustomConditionalFormat {
    return this._child("custom", () => {
      const c = new FakeCustomConditionalFormat(this.context, () => {
        const cf = this._must();
        if (cf.type !== "Custom")
          throw new FakeOfficeError("InvalidOperation", "The conditional format is not custom.");
        return cf;
      });
      return c;
    });
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._child(
      "customOrNull",
      () =>
        new FakeCustomConditionalFormat(
          this.context,
          () => {
            const cf = this._must();
            return cf.type === "Custom" ? cf : null;
          },
          true,
        ),
    );
  }
  delete(): void {
    this.context.enqueue(() => {
      const cf = this._must();
      const sheet = this._sheet();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this._sheet(), box: this._must().range }));
  }
}

export class FakeCustomConditionalFormat extends FakeObject<FakeConditionalFormat> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeConditionalFormat | null, nullable = false) {
    super(ctx, "CustomConditionalFormat", resolve, nullable);
  }
  override _scalars(): Record<string, PropDef> {
    return {};
  }
  override _nav(): Record<string, () => FakeObject<unknown>> {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeCfPart {
    return this._child("rule", () => {
      const t = (): FakeConditionalFormat => this._must();
      return new FakeCfPart(this.context, "ConditionalFormatRule", () => this._t(), {
        formula: { get: () => t().formula ?? "", set: (v) => (t().formula = String(v)) },
        formulaLocal: { get: () => t().formula ?? "", set: (v) => (t().formula = String(v)) },
      });
    });
  }
  get format(): FakeCfFormat {
    return this._child("format", () => new FakeCfFormat(this.context, () => this._t()));
  }
}

export class FakeCfFormat extends FakeObject<FakeConditionalFormat> {
  constructor(ctx: FakeRequestContext, resolve: () => FakeConditionalFormat | null) {
    super(ctx, "ConditionalRangeFormat", resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    return {};
  }
  override _nav(): Record<string, () => FakeObject<unknown>> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeCfPart {
    const t = (): FakeConditionalFormat => this._must();
    return this._child(
      "fill",
      () =>
        new FakeCfPart(this.context, "ConditionalRangeFill", () => this._t(), {
          color: { get: () => t().fill ?? null, set: (v) => (t().fill = String(v)) },
        }),
    );
  }
  get font(): FakeCfPart {
    const t = (): FakeConditionalFormat => this._must();
    return this._child(
      "font",
      () =>
        new FakeCfPart(this.context, "ConditionalRangeFont", () => this._t(), {
          color: { get: () => t().fontColor ?? null, set: (v) => (t().fontColor = String(v)) },
        }),
    );
  }
}

export class FakeCfPart extends FakeObject<FakeConditionalFormat> {
  constructor(
    ctx: FakeRequestContext,
    typeName: string,
    resolve: () => FakeConditionalFormat | null,
    private readonly _props: Record<string, PropDef>,
  ) {
    super(ctx, typeName, resolve, true);
  }
  override _scalars(): Record<string, PropDef> {
    return this._props;
  }
}

export { parseAddress };
