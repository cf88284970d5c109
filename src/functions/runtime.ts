/**
 * The one place the custom functions touch Office globals. Everything else in src/functions is
 * plain TypeScript, so jest and HyperFormula can call the very same functions in node.
 *
 * `CustomFunctions` and `Office` are globals that exist only inside Excel; both are guarded so
 * that importing this module anywhere else is harmless.
 */
import { RULE_SET_DATA_SETTING, RULE_SET_SETTING } from "../host/settings";

/** The part of Excel's `CustomFunctions.Error` the functions rely on. */
export interface ExcelValueError {
  code: string;
  message?: string;
}

interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => ExcelValueError;
  ErrorCode: { invalidValue: string };
}

// Ambient: present in Excel's custom-functions runtime only.
declare const CustomFunctions: CustomFunctionsGlobal | undefined;

/** What `#VALUE!` looks like outside Excel (jest, HyperFormula): the same two fields. */
export class ValueErrorOutsideExcel implements ExcelValueError {
  readonly code = "#VALUE!";
  constructor(readonly message: string) {}
}

/**
 * `#VALUE!` carrying a Chinese message. Excel shows custom messages only for #VALUE! and #N/A,
 * which is why every failure the functions report is a #VALUE!.
 */
export function valueError(message: string): ExcelValueError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions?.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
  return new ValueErrorOutsideExcel(message);
}

/** True for what `valueError` returns, in or out of Excel. */
export function isValueError(x: unknown): x is ExcelValueError {
  if (x instanceof ValueErrorOutsideExcel) return true;
  return typeof x === "object" && x !== null && (x as { code?: unknown }).code === "#VALUE!";
}

/**
 * The rule set the task pane stored in this workbook, or undefined. Under the shared runtime the
 * functions see the same document settings as the pane; elsewhere (tests, a host without a
 * document) there is nothing to read and the engine's default applies.
 */
export function workbookRuleSetId(): string | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    const settings = Office.context?.document?.settings;
    const id: unknown = settings?.get(RULE_SET_SETTING);
    return typeof id === "string" && id.trim() !== "" ? id.trim() : undefined;
  } catch {
    // A host that throws on settings access must not break every formula in the workbook.
    return undefined;
  }
}

/**
 * The workbook's rules: the stored id and, when the pane imported a rule file, its JSON — so a
 * formula scores by the rule set the next person sees in the pane. Undefined outside Excel.
 */
export function workbookRules(): { id?: string; data?: string } | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    const settings = Office.context?.document?.settings;
    const data: unknown = settings?.get(RULE_SET_DATA_SETTING);
    const id = workbookRuleSetId();
    return { ...(id ? { id } : {}), ...(typeof data === "string" && data !== "" ? { data } : {}) };
  } catch {
    return undefined;
  }
}
