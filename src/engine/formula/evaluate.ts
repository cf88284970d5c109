/**
 * Evaluating a parsed formula the way Excel does for the functions forms use: IF, AND, OR, NOT,
 * ISNUMBER, ISTEXT, ISBLANK, ISERROR, IFERROR, MIN, MAX, SUM, COUNT, COUNTA, ROUND, ABS, SEARCH,
 * FIND, LEN, TRIM, AVERAGE. Blank reads as 0 in arithmetic and as "" beside text; ranges inside
 * SUM/MIN/MAX/COUNT skip text, as Excel's do. Extra functions (the add-in's JX.*) come from the
 * caller, so the engine stays free of them. Unknown functions give #NAME?.
 */
import { excelRound } from "../round";
import { isCellError, type CellError, type CellValue } from "../sheet/snapshot";
import type { Node } from "./parse";

/** A value while evaluating: a cell value, or the cells of a range (row-major). */
export type Val = CellValue | { range: CellValue[] };

export interface EvalEnv {
  cell(row: number, col: number): CellValue;
  /** Functions beyond the built-ins, by upper-case name ("JX.GRADE"). Args arrive evaluated. */
  functions?: Record<string, (args: Val[]) => CellValue>;
  /** True: a function nobody knows gives #NAME? (as in Excel); false (default): the value is unknown. */
  unknownIsName?: boolean;
  /** Largest range a formula may read (cells); larger ones give #VALUE!. */
  maxRangeCells?: number;
}

const VALUE: CellError = { error: "#VALUE!" };
const DIV0: CellError = { error: "#DIV/0!" };
const NAME: CellError = { error: "#NAME?" };

const isRange = (v: Val): v is { range: CellValue[] } => typeof v === "object" && v !== null && "range" in v;

/** One value out of a range used where a single value is wanted (Excel's implicit intersection, simplified). */
function scalar(v: Val): CellValue {
  return isRange(v) ? (v.range.length === 1 ? v.range[0] : VALUE) : v;
}

function num(v: Val): number | CellError {
  const s = scalar(v);
  if (isCellError(s)) return s;
  if (s === null || s === "") return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  // Excel reads "215,457.6" as a number too: thousands separators in groups of three.
  const t = s.trim();
  const plain = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/.test(t) ? t.replace(/,/g, "") : t;
  const n = plain === "" ? NaN : Number(plain.replace(/%$/, ""));
  return Number.isFinite(n) ? (plain.endsWith("%") ? n / 100 : n) : VALUE;
}

function bool(v: Val): boolean | CellError {
  const s = scalar(v);
  if (isCellError(s)) return s;
  if (typeof s === "boolean") return s;
  if (s === null) return false;
  if (typeof s === "number") return s !== 0;
  const t = s.trim().toUpperCase();
  return t === "TRUE" ? true : t === "FALSE" ? false : VALUE;
}

function text(v: Val): string | CellError {
  const s = scalar(v);
  if (isCellError(s)) return s;
  if (s === null) return "";
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  return typeof s === "number" ? String(Number(s.toPrecision(15))) : s;
}

/** Excel orders numbers < text < booleans; text compares without case; blank is 0 or "". */
function compare(a: CellValue, b: CellValue): number {
  const rank = (x: CellValue) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return Math.abs(x - y) < 1e-12 * Math.max(1, Math.abs(x), Math.abs(y)) ? 0 : x < y ? -1 : 1;
}

function binary(op: string, av: Val, bv: Val): CellValue {
  const a = scalar(av);
  const b = scalar(bv);
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  if (op === "&") return (text(a) as string) + (text(b) as string);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    return op === "="
      ? c === 0
      : op === "<>"
        ? c !== 0
        : op === "<"
          ? c < 0
          : op === ">"
            ? c > 0
            : op === "<="
              ? c <= 0
              : c >= 0;
  }
  const x = num(a);
  const y = num(b);
  if (isCellError(x)) return x;
  if (isCellError(y)) return y;
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  if (op === "/") return y === 0 ? DIV0 : x / y;
  if (op === "^") return Math.pow(x, y);
  return VALUE;
}

export function evaluateNode(n: Node, env: EvalEnv): Val {
  switch (n.k) {
    case "num":
      return n.v;
    case "str":
      return n.v;
    case "bool":
      return n.v;
    case "ref":
      return env.cell(n.row, n.col);
    case "range":
      return readRange(n, env);
    case "neg": {
      const x = num(evaluateNode(n.x, env));
      return isCellError(x) ? x : -x;
    }
    case "pct": {
      const x = num(evaluateNode(n.x, env));
      return isCellError(x) ? x : x / 100;
    }
    case "bin":
      return binary(n.op, evaluateNode(n.a, env), evaluateNode(n.b, env));
    case "call":
      return callFunction(n.name, n.args, env);
  }
}

function readRange(n: Extract<Node, { k: "range" }>, env: EvalEnv): Val {
  const cells = (n.r2 - n.r1 + 1) * (n.c2 - n.c1 + 1);
  if (cells > (env.maxRangeCells ?? 200_000)) return VALUE;
  const out: CellValue[] = [];
  for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push(env.cell(r, c));
  return { range: out };
}

/** The numbers an aggregate sees: ranges skip text, blanks and booleans; direct arguments are coerced. */
function numbersOf(args: Val[], countText = false): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const v of a.range) {
        if (isCellError(v)) return v;
        if (typeof v === "number") out.push(v);
        else if (countText && v !== null && v !== "") out.push(0);
      }
      continue;
    }
    if (a === null) continue;
    const x = num(a);
    if (isCellError(x)) return x;
    out.push(x);
  }
  return out;
}

type Fn = (args: Node[], env: EvalEnv) => Val;

const ev = (n: Node | undefined, env: EvalEnv): Val => (n ? evaluateNode(n, env) : null);
const aggregate =
  (f: (xs: number[]) => CellValue): Fn =>
  (args, env) => {
    const xs = numbersOf(args.map((a) => ev(a, env)));
    return isCellError(xs) ? xs : f(xs);
  };

const BUILTIN: Record<string, Fn> = {
  IF: (args, env) => {
    const c = bool(ev(args[0], env));
    if (isCellError(c)) return c;
    return c ? (ev(args[1], env) ?? true) : args.length > 2 ? ev(args[2], env) : false;
  },
  IFERROR: (args, env) => {
    const v = scalar(ev(args[0], env));
    return isCellError(v) ? ev(args[1], env) : v;
  },
  AND: (args, env) => logical(args, env, true),
  OR: (args, env) => logical(args, env, false),
  NOT: (args, env) => {
    const b = bool(ev(args[0], env));
    return isCellError(b) ? b : !b;
  },
  ISNUMBER: (args, env) => typeof scalar(ev(args[0], env)) === "number",
  ISTEXT: (args, env) => typeof scalar(ev(args[0], env)) === "string" && scalar(ev(args[0], env)) !== null,
  ISBLANK: (args, env) => scalar(ev(args[0], env)) === null,
  ISERROR: (args, env) => isCellError(scalar(ev(args[0], env))),
  SUM: aggregate((xs) => xs.reduce((s, x) => s + x, 0)),
  MIN: aggregate((xs) => (xs.length ? Math.min(...xs) : 0)),
  MAX: aggregate((xs) => (xs.length ? Math.max(...xs) : 0)),
  COUNT: (args, env) => countOf(args, env, (v) => typeof v === "number"),
  COUNTA: (args, env) => countOf(args, env, (v) => v !== null),
  AVERAGE: aggregate((xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : DIV0)),
  ROUND: (args, env) => {
    const x = num(ev(args[0], env));
    const d = num(ev(args[1], env));
    if (isCellError(x)) return x;
    if (isCellError(d)) return d;
    return excelRound(x, Math.trunc(d));
  },
  ABS: (args, env) => {
    const x = num(ev(args[0], env));
    return isCellError(x) ? x : Math.abs(x);
  },
  SEARCH: (args, env) => find(args, env, true),
  FIND: (args, env) => find(args, env, false),
  LEN: (args, env) => {
    const t = text(ev(args[0], env));
    return isCellError(t) ? t : t.length;
  },
  TRIM: (args, env) => {
    const t = text(ev(args[0], env));
    return isCellError(t) ? t : t.trim().replace(/ +/g, " ");
  },
};

function logical(args: Node[], env: EvalEnv, all: boolean): CellValue {
  for (const a of args) {
    const b = bool(ev(a, env));
    if (isCellError(b)) return b;
    if (b !== all) return !all;
  }
  return all;
}

function countOf(args: Node[], env: EvalEnv, counts: (v: CellValue) => boolean): number {
  let n = 0;
  for (const a of args) {
    const v = ev(a, env);
    for (const x of isRange(v) ? v.range : [v]) if (counts(x)) n++;
  }
  return n;
}

function find(args: Node[], env: EvalEnv, ignoreCase: boolean): CellValue {
  const needle = text(ev(args[0], env));
  const hay = text(ev(args[1], env));
  if (isCellError(needle)) return needle;
  if (isCellError(hay)) return hay;
  const i = ignoreCase ? hay.toLowerCase().indexOf(needle.toLowerCase()) : hay.indexOf(needle);
  return i < 0 ? VALUE : i + 1;
}

/**
 * Thrown for a function this evaluator does not have (an add-in's, when no extra functions were
 * given): the formula's value is unknown, which is not the same as an error.
 */
export class UnknownValue extends Error {}

function callFunction(name: string, args: Node[], env: EvalEnv): Val {
  const builtin = BUILTIN[name];
  if (builtin) return builtin(args, env);
  const extra = env.functions?.[name];
  if (!extra) {
    if (name.startsWith("JX.") || !env.unknownIsName) throw new UnknownValue(name);
    return NAME;
  }
  return extra(args.map((a) => evaluateNode(a, env)));
}

/** A formula's result as a cell shows it (a range result shows its first cell). */
export function resultOf(v: Val): CellValue {
  return isRange(v) ? (v.range[0] ?? null) : v;
}
