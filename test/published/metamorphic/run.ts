/**
 * The metamorphic check itself: every corpus form (and the seeds) read once, checked once, then
 * each transformation's sheet checked and its findings compared with the original's at the moved
 * addresses. Also two forms stacked on one sheet and two side by side.
 */
import * as fs from "fs";
import * as path from "path";
import { detectForms, getRuleSet, type Finding, type SheetSnapshot } from "../../../src/engine";
import { a1, parseA1 } from "../../../src/engine/sheet/snapshot";
import { validateSheet } from "../../../src/engine/validate/validate";
import { ExcelJsPort } from "../../../src/host/exceljs";
import { jxFunctions } from "../../../src/ops/formulaFunctions";
import { seedDepartmentForm, seedProjectForms } from "../../fixtures/seed001";
import { seedDepartment002 } from "../../fixtures/seed002";
import { TRANSFORMS, type Base, type Variant } from "./transforms";
import { Work } from "./work";

const RULES = getRuleSet("mof-2020");
const FUNCTIONS = jxFunctions(undefined);
const CORPUS = path.join(__dirname, "..");

export interface Form extends Base {
  findings: Finding[];
}

/** A finding as compared: severity, code, cell. */
export const keyOf = (f: Finding, cell = f.cell ?? "-"): string => `${f.severity} ${f.code} ${cell}`;

/**
 * The 等级 cell of a 总分 row with no 等级 written is a guess among empty cells (the first one right
 * of 得分, inside the table): an inserted empty column is as good a place, and with 得分 moved to the
 * table's last column there is none. That it is empty is said or not; it is no finding to compare.
 */
const isGradeGuess = (f: Finding) => f.code === "computed-empty" && (f.data as { what?: string }).what === "grade";

export function check(s: SheetSnapshot): Finding[] {
  return validateSheet(s, RULES, { functions: FUNCTIONS }).findings;
}

/** The findings compared (grade guesses left out). */
export const findingsOf = (s: SheetSnapshot): Finding[] => check(s).filter((f) => !isGradeGuess(f));

export function formOf(id: string, snapshot: SheetSnapshot): Form {
  return { id, snapshot, forms: detectForms(snapshot), findings: check(snapshot) };
}

/** Every sheet of every corpus workbook, and the seed forms. */
export async function loadForms(): Promise<Form[]> {
  const index = JSON.parse(fs.readFileSync(path.join(CORPUS, "index.json"), "utf8")) as { file: string }[];
  const out: Form[] = [];
  for (const { file } of index) {
    const port = await ExcelJsPort.fromFile(path.join(CORPUS, file), { readOnly: true });
    for (const sheet of await port.listSheets()) {
      const s = await port.readSheet(sheet);
      out.push(formOf(file.replace(/\.xlsx$/, ""), s));
    }
  }
  seedProjectForms().forEach((s, i) => out.push(formOf(`seed001-project-${i + 1}`, s)));
  out.push(formOf("seed001-department", seedDepartmentForm()));
  out.push(formOf("seed002-department", seedDepartment002()));
  return out;
}

export interface Difference {
  form: string;
  variant: string;
  lost: string[];
  gained: string[];
}

/** Multiset difference of finding keys. */
export function compare(form: string, variant: string, expected: string[], got: string[]): Difference | null {
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  const gained: string[] = [];
  for (const k of got) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else gained.push(k);
  }
  const lost = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  return lost.length || gained.length ? { form, variant, lost, gained } : null;
}

export function runVariant(form: Form, v: Variant): Difference | null {
  const expected = form.findings.filter((f) => !isGradeGuess(f)).map((f) => keyOf(f, v.work.moved(f.cell)));
  const got = findingsOf(v.work.snapshot(v.trim)).map((f) => keyOf(f));
  return compare(form.id, v.name, expected, got);
}

export function runTransforms(forms: Form[], names = Object.keys(TRANSFORMS)): Difference[] {
  const out: Difference[] = [];
  for (const form of forms)
    for (const name of names)
      for (const v of TRANSFORMS[name](form)) {
        const d = runVariant(form, v);
        if (d) out.push({ ...d, variant: `${name}: ${d.variant}` });
      }
  return out;
}

/**
 * Two rewrites one after the other (the second reads the first's sheet afresh): the findings must
 * still be the original's, at the twice-moved addresses. Each transform's first two variants.
 */
export function runCompositions(forms: Form[], names: string[]): Difference[] {
  const out: Difference[] = [];
  for (const form of forms)
    for (const a of names)
      for (const first of TRANSFORMS[a](form).slice(0, 2)) {
        const s1 = first.work.snapshot(first.trim);
        const mid: Base = { id: form.id, snapshot: s1, forms: detectForms(s1) };
        for (const b of names) {
          if (b <= a || NOT_COMPOSABLE.has(`${a} ${b}`)) continue;
          for (const second of TRANSFORMS[b](mid).slice(0, 2)) {
            const expected = form.findings
              .filter((f) => !isGradeGuess(f))
              .map((f) => keyOf(f, second.work.moved(first.work.moved(f.cell))));
            const got = findingsOf(second.work.snapshot(second.trim)).map((f) => keyOf(f));
            const d = compare(form.id, `${a}: ${first.name} ∘ ${b}: ${second.name}`, expected, got);
            if (d) out.push(d);
          }
        }
      }
  return out;
}

/**
 * Three rewrites in a row, picked by a fixed pseudo-random sequence (the same sheets every run):
 * `count` of them over random forms. Rewrites of numbers into text are left out (see NOT_COMPOSABLE).
 */
export function runTriples(forms: Form[], count: number, seed = 7): Difference[] {
  const names = Object.keys(TRANSFORMS).filter(
    (n) => !["formulas", "numbersAsText", "numbersAsFullWidthText"].includes(n),
  );
  let state = seed;
  const pick = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const out: Difference[] = [];
  for (let k = 0; k < count; k++) {
    const form = forms[pick(forms.length)];
    let base: Base = form;
    const steps: Variant[] = [];
    for (let j = 0; j < 3; j++) {
      const variants = TRANSFORMS[names[pick(names.length)]](base);
      if (variants.length === 0) break;
      const v = variants[pick(variants.length)];
      steps.push(v);
      const s = v.work.snapshot(v.trim);
      base = { id: form.id, snapshot: s, forms: detectForms(s) };
    }
    if (steps.length < 3) continue;
    const moved = (cell: string | null) => steps.reduce((c, v) => (c === "-" ? c : v.work.moved(c)), cell ?? "-");
    const expected = form.findings.filter((f) => !isGradeGuess(f)).map((f) => keyOf(f, moved(f.cell)));
    const got = findingsOf(base.snapshot).map((f) => keyOf(f));
    const d = compare(form.id, steps.map((v) => v.name).join(" ∘ "), expected, got);
    if (d) out.push(d);
  }
  return out;
}

/**
 * Pairs that together change what the sheet shows: a SUM over numbers typed as text adds nothing
 * in Excel (the formulas, saved without results, are read as Excel would calculate them).
 */
const NOT_COMPOSABLE = new Set(["formulas numbersAsText"]);

/** Two forms on one sheet: `b` below `a` after `gap` blank rows, or beside it after `gap` blank columns. */
export function twoForms(a: Form, b: Form, gap: number, beside: boolean): Difference | null {
  const top = Work.of(a.snapshot);
  const other = Work.of(b.snapshot);
  // The used range may end before the merges do (exceljs reads values): the form ends with both.
  const height = Math.max(top.cells.length, ...top.merges.map((m) => m.r2 + 1));
  const width = Math.max(top.width, ...top.merges.map((m) => m.c2 + 1));
  const dr = beside ? 0 : height + gap;
  const dc = beside ? width + gap : 0;
  other.cells.forEach((row, r) => row.forEach((cell, c) => Object.assign(top.at(r + dr, c + dc), cell)));
  top.merges.push(...other.merges.map((m) => ({ r1: m.r1 + dr, r2: m.r2 + dr, c1: m.c1 + dc, c2: m.c2 + dc })));
  const expected = [
    ...a.findings.filter((f) => !isGradeGuess(f)).map((f) => keyOf(f)),
    ...b.findings.filter((f) => !isGradeGuess(f)).map((f) => keyOf(f, f.cell ? shift(f.cell, dr, dc) : "-")),
  ].filter((k) => !k.endsWith(" no-form -"));
  const got = findingsOf(top.snapshot())
    .map((f) => keyOf(f))
    .filter((k) => !k.endsWith(" no-form -"));
  return compare(
    `${a.id} + ${b.id}`,
    beside ? `side by side, ${gap} columns apart` : `stacked, ${gap} rows apart`,
    expected,
    got,
  );
}

function shift(cell: string, dr: number, dc: number): string {
  const p = parseA1(cell);
  return p ? a1(p.row + dr, p.col + dc) : cell;
}

export function describe(d: Difference): string {
  return [
    `${d.form} — ${d.variant}`,
    ...d.lost.map((k) => `   lost   ${k}`),
    ...d.gained.map((k) => `   gained ${k}`),
  ].join("\n");
}
