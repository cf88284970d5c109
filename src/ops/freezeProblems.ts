/**
 * Why a JX cell could not be frozen within bounds, as data (a code, the limit, the cell), and
 * its wording in both languages, typed over every code: each front says it in its language.
 */
export type ResolveLimit =
  { code: "chain-too-deep"; limit: number; via: string } | { code: "sum-too-large"; limit: number };

/** A cell left as it was, and why. "Sheet!A1". */
export type FreezeProblem = ResolveLimit & { cell: string };

type Messages = {
  readonly [C in ResolveLimit["code"]]: (p: Extract<FreezeProblem, { code: C }>) => string;
};

const count = (n: number) => n.toLocaleString("en-US");

const ZH: Messages = {
  "chain-too-deep": (p) => `${p.cell}：引用链超过 ${p.limit} 层（经过 ${p.via}），无法求值，保持原样`,
  "sum-too-large": (p) => `${p.cell}：求和区域合计超过 ${count(p.limit)} 个单元格，无法求值，保持原样`,
};

const EN: Messages = {
  "chain-too-deep": (p) =>
    `${p.cell}: the chain of references is deeper than ${p.limit} (through ${p.via}); it cannot be valued and is left as it was`,
  "sum-too-large": (p) =>
    `${p.cell}: the summed ranges exceed ${count(p.limit)} cells; it cannot be valued and is left as it was`,
};

export function freezeProblemText(p: FreezeProblem, locale: "zh-CN" | "en"): string {
  const m = locale === "en" ? EN : ZH;
  return (m[p.code] as (p: FreezeProblem) => string)(p);
}
