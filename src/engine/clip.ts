/**
 * Cell text quoted in a message is clipped: a finding that quoted a whole 19 KB cell made a 1 MB
 * output line. Clipping happens where data is rendered, never on the data itself.
 */

/** How many characters of a cell's text a message quotes. */
export const QUOTE_MAX_CHARS = 60;

/** `text` cut to `max` characters (code points, so no half emoji) plus "…" when it was longer. */
export function clipText(text: string, max = QUOTE_MAX_CHARS): string {
  // Fast path: most texts are short; a UTF-16 length within max is within max code points too.
  if (text.length <= max) return text;
  let end = 0;
  for (let n = 0; n < max && end < text.length; n++) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}
