/**
 * A rule set imported into the workbook arrives as JSON that only the schema (zod) can vet. The
 * functions load that validator the first time a workbook carries such a rule set, not with
 * functions.js: most workbooks score by a built-in, and functions.js stays small (bench
 * bundle.functions.gzip_kb). Until it has loaded, a workbook's imported rules are not readable.
 */
import { findRuleSet, getRuleSet, type RuleSet, type StoredRules } from "../engine";

type StoredModule = typeof import("../engine/rules/stored");

let stored: StoredModule | undefined;
let loading: Promise<void> | undefined;

/** Load the validator for imported rule sets (once); resolves when scoring by them can start. */
export function loadImportedRules(): Promise<void> {
  return (loading ??= import(/* webpackChunkName: "imported-rules" */ "../engine/rules/stored").then((m) => {
    stored = m;
  }));
}

/** True when the workbook carries an imported rule set and the validator has not loaded yet. */
export function awaitsImportedRules(rules: StoredRules | undefined): boolean {
  return stored === undefined && typeof rules?.data === "string" && rules.data.trim() !== "";
}

/** A rule set by id: the workbook's imported one when the id is its id, else a built-in, else undefined. */
export function findWorkbookRuleSet(id: string, rules: StoredRules | undefined): RuleSet | undefined {
  return stored ? stored.findStoredRuleSet(id, rules) : findRuleSet(id);
}

/** The rule set a workbook scores with: its imported one, or the built-in its id names, or the default. */
export function workbookRuleSet(rules: StoredRules | undefined): RuleSet {
  return stored ? stored.storedRuleSet(rules) : getRuleSet(rules?.id);
}
