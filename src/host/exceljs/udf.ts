/**
 * How a file stores our custom functions. Excel saves a JavaScript custom function under a
 * prefix of its own — `=JX.GRADE(I18)` is written to the .xlsx as `_xldudf_JX_GRADE(I18)`, the
 * namespace's dot turned into an underscore (occasionally behind an external-link marker such as
 * `[2]!`) — and recognises the function on open only in that form. The workbook port speaks the
 * form users see (`JX.GRADE`), so this adapter translates on the way in and on the way out.
 */

/** `_xldudf_JX_GRADE(` / `[2]!_xldudf_JX_GRADE(` as Excel stores it → `JX.GRADE(`. */
const STORED = /(?:\[\d+\]!)?_xldudf_JX_([A-Za-z]+)\s*\(/gi;
/** `JX.GRADE(` as users type it, not inside a longer name (`XJX.A(`, `MY.JX.A(`). */
const TYPED = /(^|[^A-Za-z0-9_.])JX\.([A-Za-z]+)\s*\(/gi;

/** A formula read from a file, in the form the engine and the operations know. */
export function fromStoredFormula(formula: string): string {
  return formula.includes("_xldudf_") ? formula.replace(STORED, (_m, name: string) => `JX.${name}(`) : formula;
}

/** A formula about to be written to a file, in the form Excel loads as our custom function. */
export function toStoredFormula(formula: string): string {
  return /JX\./i.test(formula)
    ? formula.replace(TYPED, (_m, before: string, name: string) => `${before}_xldudf_JX_${name}(`)
    : formula;
}
