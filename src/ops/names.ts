/** Sheet names: Excel forbids []:*?/\ and more than 31 characters; a taken name gets " (2)", " (3)"… */
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX = 31;

export function cleanSheetName(wanted: string): string {
  const s = wanted
    .replace(FORBIDDEN, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (s || "Sheet").slice(0, MAX);
}

/** The first free name: `wanted`, else `wanted (2)`, `wanted (3)`… (case-insensitive, as Excel compares). */
export function freeSheetName(existing: string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
