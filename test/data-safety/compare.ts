/**
 * Input vs written package: every difference that is not one the write plan asked for, as
 * readable lines ([] = none). Cells outside the plan must keep value, formula and full style;
 * cells in the plan keep everything but value and number format; sheet and workbook settings
 * the input had are still there with the same values; every part is in the output (byte for
 * byte unless exceljs rewrites that kind of part), except caches Excel rebuilds.
 */
import { canonical, readPackage, type CellRecord, type PackageModel, type SheetModel } from "./xlsxModel";

/** Parts exceljs writes afresh from its model; their content is compared through the model. */
const REWRITTEN =
  /(^|\/)_rels\/|^\[Content_Types\]\.xml$|^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/(theme|worksheets|drawings|media|tables)\/|^xl\/comments[^/]*\.xml$|^docProps\/(app|core)\.xml$/;
/** Caches Excel rebuilds: the only parts allowed to go. */
const LET_GO = /^xl\/calcChain\.xml$|^xl\/printerSettings\//;

/** Every value in `a` is in `b` (numbers compared as numbers): `b` may only add defaults. */
function missingFrom(a: unknown, b: unknown, at: string, out: string[]): void {
  if (a && typeof a === "object") {
    if (!b || typeof b !== "object") {
      out.push(`${at}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      return;
    }
    if (Array.isArray(a) && (!Array.isArray(b) || a.length !== b.length)) {
      out.push(`${at}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      return;
    }
    for (const k of Object.keys(a))
      missingFrom((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
    return;
  }
  if (a === b) return;
  if (typeof a === "string" && typeof b === "string" && a.trim() !== "" && Number(a) === Number(b)) return;
  out.push(`${at}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
}

const withoutNumFmt = (style: string): string => {
  const s = JSON.parse(style || "{}") as Record<string, unknown>;
  delete s.numFmt;
  return JSON.stringify(s);
};

function compareCells(
  sheet: string,
  a: SheetModel,
  b: SheetModel,
  dflt: [string, string],
  written: Set<string>,
  out: string[],
): void {
  const addrs = new Set([...a.cells.keys(), ...b.cells.keys()]);
  for (const addr of addrs) {
    const x: CellRecord = a.cells.get(addr) ?? { value: null, formula: null, style: dflt[0] };
    const y: CellRecord = b.cells.get(addr) ?? { value: null, formula: null, style: dflt[1] };
    const key = `${sheet}!${addr}`;
    if (written.has(key)) {
      if (withoutNumFmt(x.style) !== withoutNumFmt(y.style)) out.push(`${key} (written) style ${x.style} → ${y.style}`);
      continue;
    }
    if (x.value !== y.value) out.push(`${key} value ${x.value} → ${y.value}`);
    if (x.formula !== y.formula) out.push(`${key} formula ${x.formula} → ${y.formula}`);
    if (x.style !== y.style) out.push(`${key} style ${x.style} → ${y.style}`);
  }
}

/** Rows that carry a setting (height, style, hidden …); a row element with nothing but its number says nothing. */
function rowSettings(s: SheetModel): [string, Record<string, unknown>][] {
  return (s.features.rows as Record<string, unknown>[])
    .map((r): [string, Record<string, unknown>] => {
      const { "@r": n, ...rest } = r;
      delete rest["@dyDescent"];
      return [String(n), rest];
    })
    .filter(([, rest]) => Object.keys(rest).length > 0);
}

/** OOXML defaults some writers spell out (LibreOffice) and exceljs leaves out. */
const SETTING_DEFAULTS: Record<string, Record<string, string>> = {
  pageSetup: { "@cellComments": "none", "@pageOrder": "downThenOver", "@orientation": "default" },
  printOptions: { "@gridLinesSet": "1" },
};

/**
 * What a sheet view says about the moment of saving, not about the sheet: which tab was
 * selected (exceljs marks the active tab in the workbook view instead) and a selection's pane
 * when it is the default one; an empty conditional-format text attribute.
 */
function forgetViewState(out: Record<string, unknown>): void {
  const views = (out.sheetViews as { sheetView?: Record<string, unknown>[] } | undefined)?.sheetView ?? [];
  for (const view of views) {
    delete view["@tabSelected"];
    for (const sel of (view.selection as Record<string, unknown>[] | undefined) ?? [])
      if (sel["@pane"] === "topLeft") delete sel["@pane"];
  }
  for (const cf of (out.conditionalFormatting as { cfRule?: Record<string, unknown>[] }[] | undefined) ?? [])
    for (const rule of cf.cfRule ?? []) if (rule["@text"] === "") delete rule["@text"];
}

/** Sheet settings, canonical: merges as a set, defaults and empty elements left out. */
function sheetSettings(f: Record<string, unknown>): Record<string, unknown> {
  const out = canonical(f) as Record<string, Record<string, unknown>>;
  for (const [el, defaults] of Object.entries(SETTING_DEFAULTS)) {
    if (!out[el]) continue;
    for (const [k, v] of Object.entries(defaults)) if (out[el][k] === v) delete out[el][k];
    if (Object.keys(out[el]).length === 0) delete out[el];
  }
  for (const [k, v] of Object.entries(out))
    if (v && typeof v === "object" && Object.keys(v).length === 0) delete out[k];
  forgetViewState(out);
  const merges = (out.mergeCells as { mergeCell?: { "@ref": string }[] } | undefined)?.mergeCell;
  if (merges) out.mergeCells = { refs: merges.map((m) => m["@ref"]).sort() } as never;
  return out;
}

const fixed = (row: Record<string, unknown> | undefined) => ["1", "true"].includes(String(row?.["@customHeight"]));

/** A row Excel sized to its text must stay so: a fixed height would cut wrapped text. */
function fixedRowsAdded(
  a: Record<string, Record<string, unknown>>,
  b: Record<string, Record<string, unknown>>,
  at: string,
  out: string[],
): void {
  for (const [n, row] of Object.entries(b))
    if (fixed(row) && !fixed(a[n])) out.push(`${at}.${n}: height fixed (customHeight) where it was automatic`);
}

function compareSheets(a: PackageModel, b: PackageModel, written: Set<string>, out: string[]): void {
  const names = (m: PackageModel) => m.sheets.map((s) => `${s.name}:${s.state}`);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) out.push(`sheets ${names(a)} → ${names(b)}`);
  missingFrom(a.definedNames, b.definedNames, "definedNames", out);
  for (const sa of a.sheets) {
    const sb = b.sheets.find((s) => s.name === sa.name);
    if (!sb) continue;
    compareCells(sa.name, sa, sb, [a.defaultStyle, b.defaultStyle], written, out);
    const rows = (s: SheetModel) => Object.fromEntries(rowSettings(s));
    const fa = { ...sa.features };
    delete fa.rows;
    const fb = { ...sb.features };
    delete fb.rows;
    missingFrom(rows(sa), rows(sb), `${sa.name}!rows`, out);
    fixedRowsAdded(rows(sa), rows(sb), `${sa.name}!rows`, out);
    missingFrom(sheetSettings(fa), sheetSettings(fb), `${sa.name}!`, out);
  }
}

function compareParts(a: PackageModel, b: PackageModel, out: string[]): void {
  for (const [name, bytes] of a.parts) {
    if (REWRITTEN.test(name)) continue;
    const other = b.parts.get(name);
    if (!other) {
      if (!LET_GO.test(name)) out.push(`part ${name} lost`);
    } else if (!other.equals(bytes)) out.push(`part ${name} changed`);
  }
}

/** Differences between input and output outside the written cells (`Sheet!A1` keys). */
export async function unintendedDifferences(
  input: Uint8Array,
  output: Uint8Array,
  written: Set<string>,
): Promise<string[]> {
  const [a, b] = await Promise.all([readPackage(input), readPackage(output)]);
  const out: string[] = [];
  compareParts(a, b, out);
  compareSheets(a, b, written, out);
  return out;
}
