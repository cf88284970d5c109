/**
 * The JX.* custom functions as a HyperFormula FunctionPlugin, so tests can evaluate them as real
 * formulas (references, recalculation, spilled columns). Every method calls the SAME exports of
 * src/functions/functions.ts that Excel calls; this file only converts HyperFormula's values.
 *
 * HyperFormula accepts dotted names (its ProcedureName token allows `.`), so formulas are written
 * exactly as in Excel: `=JX.INDICATORSCORE(D13,E13,G13,H13)`. Test code only (GPL, dev dependency).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import * as JX from "../../src/functions/functions";
import { isValueError } from "../../src/functions/runtime";

type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type State = Parameters<FunctionPlugin["evaluateAst"]>[1];
type ProcedureAst = { args: Ast[] };

/** A HyperFormula value as Excel would hand it to a custom function. */
function toExcelArg(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcelArg));
  if (v instanceof CellError) return `#${v.type}!`;
  // HyperFormula wraps formatted numbers (percent, currency…) in an object with `val`.
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return v;
}

/** Excel-side values back into HyperFormula: #VALUE! keeps its Chinese message. */
function toHf(v: unknown): unknown {
  if (isValueError(v)) return new CellError(ErrorType.VALUE, v.message);
  if (Array.isArray(v)) {
    const grid = (v as unknown[][]).map((row) => row.map(toHf));
    if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
    return SimpleRangeValue.onlyValues(grid as never);
  }
  return v;
}

/** The optional 一级 / 二级 / 三级 arguments, as Excel hands them (a cell as a 1×1 matrix). */
const names = (...xs: unknown[]) =>
  xs.map((x) => (x === undefined ? undefined : Array.isArray(x) ? x : [[x]])) as never[];

const any = { argumentType: FunctionArgumentType.ANY };
const optionalAny = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

export class JxPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "JX.EXECRATE": { method: "execRate", parameters: [any, any] },
    "JX.EXECSCORE": { method: "execScore", parameters: [any, any, optionalAny, optionalAny] },
    "JX.INDICATORSCORE": {
      method: "indicatorScore",
      sizeOfResultArrayMethod: "rowsSize",
      vectorizationForbidden: true,
      parameters: [any, any, any, any, optionalAny, optionalAny, optionalAny, optionalAny, optionalAny],
    },
    "JX.GRADE": { method: "grade", parameters: [any, optionalAny] },
    "JX.PARSEVALUE": {
      method: "parseValue",
      sizeOfResultArrayMethod: "oneByThree",
      vectorizationForbidden: true,
      parameters: [any],
    },
    "JX.EXPLAIN": {
      method: "explain",
      sizeOfResultArrayMethod: "rowsSize",
      vectorizationForbidden: true,
      parameters: [any, any, any, any, optionalAny, optionalAny, optionalAny, optionalAny, optionalAny],
    },
  };

  private call(ast: ProcedureAst, state: State, name: string, fn: (...args: unknown[]) => unknown) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (...args: unknown[]) => toHf(fn(...args.map(toExcelArg))) as never,
    ) as never;
  }

  execRate(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.EXECRATE", (b, s) => JX.EXECRATE(b, s));
  }
  execScore(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.EXECSCORE", (b, s, w, r) => JX.EXECSCORE(b, s, w, r as never));
  }
  indicatorScore(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.INDICATORSCORE", (n, t, a, w, u, r, l1, l2, l3) =>
      JX.INDICATORSCORE(n as never, t as never, a as never, w as never, u as never, r as never, ...names(l1, l2, l3)),
    );
  }
  grade(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.GRADE", (t, r) => JX.GRADE(t, r as never));
  }
  parseValue(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.PARSEVALUE", (v) => JX.PARSEVALUE(v));
  }
  explain(ast: ProcedureAst, state: State) {
    return this.call(ast, state, "JX.EXPLAIN", (n, t, a, w, u, r, l1, l2, l3) =>
      JX.EXPLAIN(n as never, t as never, a as never, w as never, u as never, r as never, ...names(l1, l2, l3)),
    );
  }

  /** The spill size of a row-wise function: the largest of its first four arguments. */
  rowsSize(ast: ProcedureAst, state: State): ArraySize {
    const sizes = ast.args.slice(0, 4).map((arg) => this.arraySizeForAst(arg, state));
    return new ArraySize(Math.max(1, ...sizes.map((s) => s.width)), Math.max(1, ...sizes.map((s) => s.height)));
  }
  oneByThree(): ArraySize {
    return new ArraySize(3, 1);
  }
}

const NAMES = Object.keys(JxPlugin.implementedFunctions);

let registered = false;
/** Registers the plugin once per process (HyperFormula's registry is global). */
export function registerJx(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(JxPlugin, { enGB: Object.fromEntries(NAMES.map((n) => [n, n])) });
  registered = true;
}

/** A HyperFormula instance with the JX functions, over the given sheets. */
export function buildJxWorkbook(sheets: Record<string, unknown[][]>): HyperFormula {
  registerJx();
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
}
