/**
 * Text normalisation for cell values people type: full-width ASCII → half-width, odd operator
 * code points → the usual ones, every kind of space removed or collapsed.
 *
 * Kept cheap on purpose: the validator reads 10,000 rows in well under 50 ms, so the common
 * case (plain half-width text) costs one regex test and no allocation.
 */

/** Characters that need rewriting: full-width ASCII block, ideographic space, ﹦ ≧ ≦ ≥= etc. */
const NEEDS_MAP = /[\uFF01-\uFF5E\u3000\u00A0\uFE66\u2267\u2266\uFE64\uFE65\u2014\u2015\u2013\u2212]/;
const MAP_ALL = /[\uFF01-\uFF5E\u3000\u00A0\uFE66\u2267\u2266\uFE64\uFE65\u2014\u2015\u2013\u2212]/g;

/** Odd code points that mean an ASCII/standard character. */
const SPECIAL: Record<string, string> = {
  "\u3000": " ", // ideographic space
  "\u00A0": " ", // no-break space
  "\uFE66": "=", // ﹦ small equals
  "\u2267": "≥", // ≧
  "\u2266": "≤", // ≦
  "\uFE64": "<", // ﹤
  "\uFE65": ">", // ﹥
  "\u2014": "—", // em dash stays an em dash (a "nothing here" mark or a range dash)
  "\u2015": "—", // horizontal bar
  "\u2013": "—", // en dash
  "\u2212": "-", // minus sign
};

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return SPECIAL[ch] ?? ch;
}

/** Full-width → half-width, odd operators → ≥ ≤ = < >, trimmed, inner runs of spaces collapsed. */
export function normalizeText(s: string): string {
  const mapped = NEEDS_MAP.test(s) ? s.replace(MAP_ALL, mapChar) : s;
  return mapped.trim().replace(/\s+/g, " ");
}

/** Anything compactText would change: spaces or a character to map. */
const NEEDS_COMPACT = /[\s\uFF01-\uFF5E\u3000\u00A0\uFE66\u2267\u2266\uFE64\uFE65\u2014\u2015\u2013\u2212]/;

/** The same text with every space removed: `≥ 95 %` → `≥95%`. Chinese values carry no meaningful spaces. */
export function compactText(s: string): string {
  if (!NEEDS_COMPACT.test(s)) return s;
  const mapped = NEEDS_MAP.test(s) ? s.replace(MAP_ALL, mapChar) : s;
  return mapped.replace(/\s+/g, "");
}

/** Cells that mean "nothing here": — - / * －, a run of them, or nothing at all. */
const EMPTY_MARK = /^[-—/\\*_.·…~]*$/;

export function isEmptyMark(compact: string): boolean {
  return EMPTY_MARK.test(compact);
}
