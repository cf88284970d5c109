/**
 * Number-format scanning in one pass. A format is user data: a regex such as
 * `/\[[^\]]*\]/g` rescans the rest of the text at every unclosed `[`, which made a 300k-character
 * `[[[…` format run for minutes. This scanner finds each closing character once.
 */

/**
 * The format with quoted text (`"元"`), escaped characters (`\%`) and, when asked, bracketed
 * parts (`[Red]`, `[$-804]`) removed. An unclosed quote or bracket is kept as a plain character,
 * exactly as the regex `/"[^"]*"|\\.|\[[^\]]*\]/g` this replaces read it.
 */
export function formatSkeleton(fmt: string, dropBrackets: boolean): string {
  const next = nextFinder(fmt);
  const kept: string[] = [];
  let start = 0; // the first character not yet copied to `kept`
  for (let i = 0; i < fmt.length;) {
    const ch = fmt[i];
    const close = ch === '"' ? '"' : ch === "[" && dropBrackets ? "]" : ch === "\\" ? "" : null;
    const end = close === null ? -1 : close === "" ? (i + 1 < fmt.length ? i + 1 : -1) : next(close, i + 1);
    if (end < 0) i++;
    else {
      kept.push(fmt.slice(start, i));
      i = start = end + 1;
    }
  }
  kept.push(fmt.slice(start));
  return kept.join("");
}

/**
 * `indexOf` that remembers its last answer per character: once no `]` follows position p, none
 * follows any later position, so a run of unclosed `[` costs one search, not one each.
 */
function nextFinder(text: string): (ch: string, from: number) => number {
  const last = new Map<string, number>();
  return (ch, from) => {
    const known = last.get(ch);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const at = text.indexOf(ch, from);
    last.set(ch, at);
    return at;
  };
}

/**
 * `text.replace(/O[^C]*C/g, "")` for one opening and one closing character, in linear time: an
 * opening character with no closing one after it stays, as with the regex.
 */
export function removeDelimited(text: string, open: string, close: string): string {
  const next = nextFinder(text);
  const kept: string[] = [];
  let start = 0;
  for (let i = text.indexOf(open); i >= 0;) {
    const end = next(close, i + 1);
    if (end < 0) break; // no closing character after this one, so none after any later one
    kept.push(text.slice(start, i));
    start = end + 1;
    i = text.indexOf(open, start);
  }
  kept.push(text.slice(start));
  return kept.join("");
}
