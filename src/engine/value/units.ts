/**
 * Units of measure, one rule for the scorer and the validator: when do a value's own unit and
 * the 度量单位 column contradict each other?
 */

/** Units that mean the number is a percentage. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set([
  "%",
  "％",
  "百分比",
  "百分率",
  "百分点",
  "比例",
  "比率",
  "率",
]);

/** Characters that change the scale of a unit: 万元 is not 元. */
const SCALE_CHARS = /[万千亿百十兆]/g;

const SPACE = /\s/;
const GLOSS = /[（(][^（()）]*[)）]/g;

/** No spaces, and no gloss in brackets when a unit stands outside it: `%(百分比)` is `%`. */
function compact(u: string): string {
  const bare = SPACE.test(u) ? u.replace(/\s+/g, "") : u;
  if (!bare.includes("(") && !bare.includes("（")) return bare;
  const unglossed = bare.replace(GLOSS, "");
  return unglossed === "" ? bare : unglossed;
}

export function isPercentUnit(u: string): boolean {
  return PERCENT_UNITS.has(compact(u));
}

/**
 * Only contradictions that change the number's meaning count: percent against a count or an
 * amount (`28.8万元` with `%`), money against a count (`760万元` with `次`), or another scale of the
 * same unit (`万元` with `元`, `人` with `万人`). Count words that differ (`个` / `项`, `次` / `人次`)
 * still compare.
 */
export function unitsCompatible(a: string, b: string): boolean {
  const x = compact(a);
  const y = compact(b);
  if (x === y) return true;
  const px = PERCENT_UNITS.has(x);
  const py = PERCENT_UNITS.has(y);
  if (px || py) return px && py;
  const mx = x.includes("元");
  const my = y.includes("元");
  if (mx !== my) return false;
  // Same stem, different scale: 元 vs 万元, 人 vs 万人.
  if (x.replace(SCALE_CHARS, "") === y.replace(SCALE_CHARS, "")) return false;
  return !(mx && my);
}
