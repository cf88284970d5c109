/**
 * A small parser for the plain Excel formulas forms use (ours and the users'): numbers, strings,
 * TRUE/FALSE, A1 references and ranges on the same sheet, function calls (JX.NAME too), unary
 * +/-, postfix %, and ^ * / + - & = <> < > <= >=. Anything else (other sheets, names, arrays)
 * is not parsed: `parseFormula` returns null and the formula is simply not evaluated.
 */
import { parseA1 } from "../sheet/snapshot";

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "ref"; row: number; col: number }
  | { k: "range"; r1: number; c1: number; r2: number; c2: number }
  | { k: "call"; name: string; args: Node[] }
  | { k: "neg"; x: Node }
  | { k: "pct"; x: Node }
  | { k: "bin"; op: string; a: Node; b: Node };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?![\w.(])|([A-Za-z_][\w.]*)\s*(?=\()|(TRUE|FALSE)\b|(<=|>=|<>|[-+*/^&=<>%(),]))/iy;

type Tok = { t: "num" | "str" | "ref" | "fn" | "bool" | "op"; v: string };

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) return null;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: "num", v: m[1] });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: "ref", v: m[3].replace(/\$/g, "").toUpperCase() });
    else if (m[4] !== undefined) out.push({ t: "fn", v: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ t: "bool", v: m[5].toUpperCase() });
    else out.push({ t: "op", v: m[6] });
  }
  return out;
}

const BINARY: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  done(): boolean {
    return this.i >= this.toks.length;
  }
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const p = this.peek();
    return p !== undefined && p.t === "op" && p.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new SyntaxError(v);
    this.i++;
  }

  expr(minPrec = 1): Node {
    let a = this.unary();
    for (;;) {
      const p = this.peek();
      const prec = p && p.t === "op" ? BINARY[p.v] : undefined;
      if (prec === undefined || prec < minPrec) return a;
      this.i++;
      // ^ binds to the right in maths; Excel evaluates it left to right, as here.
      const b = this.expr(prec + 1);
      a = { k: "bin", op: p!.v, a, b };
    }
  }

  private unary(): Node {
    if (this.isOp("-")) {
      this.i++;
      return { k: "neg", x: this.unary() };
    }
    if (this.isOp("+")) {
      this.i++;
      return this.unary();
    }
    let x = this.primary();
    while (this.isOp("%")) {
      this.i++;
      x = { k: "pct", x };
    }
    return x;
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new SyntaxError("end");
    if (t.t === "num") return { k: "num", v: Number(t.v) };
    if (t.t === "str") return { k: "str", v: t.v };
    if (t.t === "bool") return { k: "bool", v: t.v === "TRUE" };
    if (t.t === "ref") return refNode(t.v);
    if (t.t === "fn") return this.call(t.v);
    if (t.v === "(") {
      const x = this.expr();
      this.expect(")");
      return x;
    }
    throw new SyntaxError(t.v);
  }

  private call(name: string): Node {
    this.expect("(");
    const args: Node[] = [];
    if (this.isOp(")")) {
      this.i++;
      return { k: "call", name: name.replace(/^_XLDUDF_JX_/, "JX."), args };
    }
    for (;;) {
      // An omitted argument (",,") reads as blank.
      args.push(this.isOp(",") || this.isOp(")") ? { k: "str", v: "" } : this.expr());
      if (this.isOp(",")) {
        this.i++;
        continue;
      }
      this.expect(")");
      return { k: "call", name: name.replace(/^_XLDUDF_JX_/, "JX."), args };
    }
  }
}

function refNode(text: string): Node {
  const [a, b] = text.split(":");
  const p = parseA1(a)!;
  if (b === undefined) return { k: "ref", row: p.row, col: p.col };
  const q = parseA1(b)!;
  return {
    k: "range",
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/** The formula (with or without its leading "=") as a tree, or null when it is beyond this parser. */
export function parseFormula(formula: string): Node | null {
  const body = formula.trim().replace(/^=/, "");
  const toks = tokenize(body);
  if (!toks || toks.length === 0) return null;
  try {
    const p = new Parser(toks);
    const node = p.expr();
    return p.done() ? node : null;
  } catch {
    return null;
  }
}
