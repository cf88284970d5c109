/**
 * Reading a JX.* formula well enough to freeze it: the whole formula must be one call
 * `=JX.NAME(arg, …)` whose arguments are cell references, numbers, strings or omitted.
 * Anything else (a JX call nested in IF, a range argument) is "complex": it is frozen to its
 * cached value only.
 */
export type JxArg =
  | { kind: "ref"; ref: string }
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "omitted" };

export interface JxCall {
  name: string;
  args: JxArg[];
}

export const JX_PATTERN = /(^|[^A-Za-z0-9_.])JX\./i;

export function hasJx(formula: string | null): formula is string {
  return typeof formula === "string" && JX_PATTERN.test(formula);
}

/** Split on commas outside quotes and parentheses (slices, not one string per character). */
function splitArgs(body: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (depth < 0) return null;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted || depth !== 0) return null;
  out.push(body.slice(start));
  return out;
}

function parseArg(text: string): JxArg | null {
  const t = text.trim();
  if (t === "") return { kind: "omitted" };
  if (/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(t)) return { kind: "ref", ref: t.replace(/\$/g, "").toUpperCase() };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: "number", value: Number(t) };
  const s = /^"((?:[^"]|"")*)"$/.exec(t);
  if (s) return { kind: "string", value: s[1].replace(/""/g, '"') };
  return null;
}

/** The single JX call the formula is, or null when it is anything more complex. */
export function parseJxCall(formula: string): JxCall | null {
  const m = /^=\s*JX\.([A-Za-z]+)\s*\((.*)\)\s*$/i.exec(formula);
  if (!m) return null;
  const parts = splitArgs(m[2]);
  if (!parts) return null;
  const args: JxArg[] = [];
  for (const p of parts) {
    const a = parseArg(p);
    if (!a) return null;
    args.push(a);
  }
  if (args.length === 1 && args[0].kind === "omitted") args.length = 0;
  return { name: m[1].toUpperCase(), args };
}
