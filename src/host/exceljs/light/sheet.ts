/**
 * One worksheet part (xl/worksheets/sheetN.xml) read into plain cells, following exceljs's
 * worksheet, row and cell xforms step by step (node_modules/exceljs/lib/xlsx/xform/sheet): which
 * nodes it reads in read-only mode, how a <c> becomes a typed cell, which cells it keeps. What
 * it would read differently or fail on throws Unsupported.
 */
import { decodeEscapes } from "./parts";
import { attributesOf, decodeText, scanXml, unsupported, type XmlHandler } from "./xml";

/** A <c> as exceljs's cell xform leaves it after parsing (before the workbook reconcile). */
export interface RawCell {
  /** The r attribute; undefined for an r-less cell. */
  address: string | undefined;
  row: number;
  col: number;
  styleId: number;
  t: string | undefined;
  value: string | { richText: { text?: string }[] } | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

export interface RawRow {
  number: number;
  styleId: number;
  cells: RawCell[];
}

export interface RawSheet {
  rows: RawRow[];
  cols: { min: number; max: number; styleId: number }[];
  merges: string[];
  /** Every r attribute seen on a <c>, kept or not (notes on other cells get a cell of their own). */
  addresses: Set<string>;
  hasRlessCells: boolean;
}

/** Nodes exceljs's worksheet xform reads in read-only mode; the others' children are looked at too. */
const OWNED = new Set(["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells"]);
/** The owned nodes that hold lists the snapshot reads. */
const LISTS = new Set(["cols", "sheetData", "mergeCells"]);
const ADDRESS = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function intAttr(value: string | undefined): number {
  return value ? parseInt(value, 10) : NaN;
}

class SheetScanner implements XmlHandler {
  readonly sheet: RawSheet = { rows: [], cols: [], merges: [], addresses: new Set(), hasRlessCells: false };
  private depth = 0;
  private owner: string | undefined;
  private ownerDepth = 0;
  private row: RawRow | undefined;
  private cell: RawCell | undefined;
  private previousCol = 0;
  /** Inside a <c>: the node whose text counts ("f", "v", "t"), and rich-text state. */
  private current: string | undefined;
  private run: { text?: string } | undefined;
  private runText: string[] | undefined;
  private inIs = false;
  private rowNumbers = new Set<number>();
  private seenOwners = new Set<string>();

  open(name: string, attrs: string): void {
    this.depth++;
    if (this.owner === undefined) {
      if (this.depth > 1 && OWNED.has(name)) {
        // exceljs starts a list again at a second <cols>/<sheetData>/<mergeCells>; this scanner would add to it.
        if (this.seenOwners.has(name) && LISTS.has(name)) unsupported(`second ${name}`);
        this.seenOwners.add(name);
        this.owner = name;
        this.ownerDepth = this.depth;
      }
      return;
    }
    const level = this.depth - this.ownerDepth;
    if (this.owner === "sheetData") this.openInSheetData(name, attrs, level);
    else if (this.owner === "cols" && level === 1) this.openCol(name, attrs);
    else if (this.owner === "mergeCells" && level === 1) {
      if (name !== "mergeCell") unsupported("mergeCells child");
      this.sheet.merges.push(attributesOf(attrs).ref ?? "");
    }
  }

  private openCol(name: string, attrs: string): void {
    if (name !== "col") unsupported("cols child");
    const a = attributesOf(attrs);
    const min = parseInt(a.min || "0", 10);
    const max = parseInt(a.max || "0", 10);
    if (Number.isNaN(min) || Number.isNaN(max)) unsupported("col range");
    this.sheet.cols.push({ min, max, styleId: a.style ? parseInt(a.style, 10) : NaN });
  }

  private openInSheetData(name: string, attrs: string, level: number): void {
    if (level === 1) return this.openRow(name, attrs);
    if (level === 2) return this.openCell(name, attrs);
    this.openInCell(name, attrs, level);
  }

  private openRow(name: string, attrs: string): void {
    if (name !== "row") unsupported("sheetData child");
    const a = attributesOf(attrs);
    const number = Number(a.r);
    if (!/^[1-9]\d{0,6}$/.test(a.r ?? "") || number > 1048576 || this.rowNumbers.has(number)) unsupported("row r");
    this.rowNumbers.add(number);
    this.row = { number, styleId: intAttr(a.s), cells: [] };
    this.sheet.rows.push(this.row);
    this.previousCol = 0;
  }

  private openCell(name: string, attrs: string): void {
    if (name !== "c") unsupported("row child");
    const a = attributesOf(attrs);
    const row = this.row!.number;
    let col: number;
    if (a.r !== undefined) {
      const m = ADDRESS.exec(a.r);
      if (!m || Number(m[2]) !== row) unsupported("cell r");
      col = columnNumber(m[1]);
      this.sheet.addresses.add(a.r);
    } else {
      this.sheet.hasRlessCells = true;
      col = 0; // decided when the cell closes: the last kept cell's column + 1
    }
    if (col > 16384) unsupported("column");
    const styleId = intAttr(a.s);
    this.cell = { address: a.r, row, col, styleId, t: a.t, value: undefined, formula: undefined } as RawCell;
    this.current = undefined;
    this.inIs = false;
  }

  /** Inside a <c> (level 3), its inline string (4) and a rich-text run (5; 6+ inside <rPr>). */
  private openInCell(name: string, attrs: string, level: number): void {
    const cell = this.cell!;
    if (this.run) {
      if (level === 5 && name === "t") this.runText = [];
      else if ((level === 5 && name !== "rPr") || this.runText) unsupported("run child");
      return;
    }
    if (level === 3) {
      if (name === "f") {
        const a = attributesOf(attrs);
        cell.si = a.si;
        cell.shareType = a.t;
        cell.ref = a.ref;
        this.current = "f";
      } else if (name === "v") this.current = "v";
      else if (name === "is") this.inIs = true;
      else unsupported("cell child");
    } else if (level === 4 && this.inIs) {
      if (name === "t") this.current = "t";
      else if (name === "r") {
        if (typeof cell.value === "string") unsupported("inline shape");
        this.run = {};
      } else unsupported("inline string child");
    } else unsupported("cell nesting");
  }

  text(raw: string): void {
    if (!this.cell) return;
    if (this.run) {
      if (this.runText) this.runText.push(decodeText(raw));
      return;
    }
    if (!this.current) return;
    const text = decodeText(raw);
    const cell = this.cell;
    if (this.current === "f") cell.formula = cell.formula ? cell.formula + text : text;
    else if (typeof cell.value === "object") unsupported("text after runs");
    else cell.value = cell.value ? cell.value + text : text;
  }

  close(name: string): void {
    const level = this.depth - this.ownerDepth;
    this.depth--;
    if (this.owner === undefined) return;
    if (level === 0) {
      this.owner = undefined;
      return;
    }
    if (this.owner !== "sheetData") return;
    if (level === 2) this.closeCell();
    else if (this.run && level === 5 && name === "t") {
      this.run.text = decodeEscapes(this.runText!.join(""));
      this.runText = undefined;
    } else if (this.run && level === 4) {
      const cell = this.cell!;
      const value = (cell.value ?? { richText: [] }) as { richText: { text?: string }[] };
      value.richText.push(this.run);
      cell.value = value;
      this.run = undefined;
    } else if (level === 3 || (level === 4 && name === "t")) this.current = undefined;
  }

  private closeCell(): void {
    const cell = this.cell!;
    this.cell = undefined;
    if (cell.address === undefined) {
      if (this.previousCol === 0) unsupported("first cell without r");
      cell.col = this.previousCol + 1;
    }
    this.row!.cells.push(cell);
    // exceljs skips a cell with neither value nor style and does not count it as "previous".
    const kept = cell.formula || cell.shareType || cell.value !== undefined || cell.styleId;
    if (kept) this.previousCol = cell.col;
  }
}

export function scanSheet(xml: string): RawSheet {
  const scanner = new SheetScanner();
  scanXml(xml, "worksheet", scanner);
  return scanner.sheet;
}
