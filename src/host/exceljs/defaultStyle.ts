/**
 * The workbook's default cell style, put back after exceljs writes. exceljs reads a cell with
 * style 0 as having no style and writes its own style 0 (Calibri 11), so every plain cell of a
 * workbook whose default font is 等线, 宋体 or LibreOffice's own would change font after calc.
 * The input's style-0 font, fill, border, number format and alignment are appended to the
 * output's tables and the output's style 0 (and the Normal cell style) pointed at them; the
 * output's font 0 itself is left alone, since exceljs also uses it for cells that really are
 * Calibri 11.
 */

type Xml = string;

const FIRST = (xml: Xml, tag: string): RegExpMatchArray | null =>
  xml.match(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`));

/** The items of a table (`<fonts>` → each `<font>…</font>`), as written. */
function items(styles: Xml, table: string, item: string): string[] {
  const block = FIRST(styles, table)?.[0] ?? "";
  return [...block.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((m) => m[0]);
}

const num = (tag: string, name: string): number | undefined => {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*"(\\d+)"`));
  return m ? Number(m[1]) : undefined;
};

/** `styles` with `item` appended to table `table` (count updated); returns its index too. */
function append(styles: Xml, table: string, item: string): { xml: Xml; index: number } | null {
  const open = styles.match(new RegExp(`<${table}\\b[^>]*>`));
  const close = styles.indexOf(`</${table}>`);
  if (!open || close < 0) return null;
  const count = (num(open[0], "count") ?? 0) + 1;
  const head = open[0].replace(/\bcount\s*=\s*"\d+"/, `count="${count}"`);
  const xml =
    styles.slice(0, open.index) + head + styles.slice(open.index! + open[0].length, close) + item + styles.slice(close);
  return { xml, index: count - 1 };
}

/** The first `<xf>` inside `<cellXfs>` / `<cellStyleXfs>`, with its position in `styles`. */
function firstXf(styles: Xml, table: string): { tag: string; at: number } | null {
  const block = FIRST(styles, table);
  const xf = block ? FIRST(block[0], "xf") : null;
  return block && xf ? { tag: xf[0], at: block.index! + xf.index! } : null;
}

/** An xf pointing at `ids` (fontId …), its children replaced by `children`. */
function repoint(xf: string, ids: Record<string, number>, children: string): string {
  let open = xf.match(/^<xf\b[^>]*?(?=\/?>)/)![0];
  for (const [name, id] of Object.entries(ids)) {
    open = new RegExp(`\\b${name}=`).test(open)
      ? open.replace(new RegExp(`\\b${name}\\s*=\\s*"[^"]*"`), `${name}="${id}"`)
      : `${open} ${name}="${id}"`;
  }
  return children ? `${open}>${children}</xf>` : `${open}/>`;
}

const TABLES = [
  { id: "fontId", table: "fonts", item: "font" },
  { id: "fillId", table: "fills", item: "fill" },
  { id: "borderId", table: "borders", item: "border" },
] as const;

const squash = (xml: string | undefined): string => (xml ?? "").replace(/>\s+</g, "><").trim();

/** The output id that shows what the input's `xf` shows for one table (appending when needed). */
function matchItem(
  input: Xml,
  out: { xml: Xml },
  inXf: string,
  outXf: string,
  t: (typeof TABLES)[number],
): number | null {
  const want = items(input, t.table, t.item)[num(inXf, t.id) ?? 0];
  const outId = num(outXf, t.id) ?? 0;
  if (want === undefined || squash(want) === squash(items(out.xml, t.table, t.item)[outId])) return outId;
  const added = append(out.xml, t.table, want);
  if (!added) return null;
  out.xml = added.xml;
  return added.index;
}

/** The output number-format id for the input xf's format (a custom code appended when new). */
function matchNumFmt(input: Xml, out: { xml: Xml }, inXf: string): number | null {
  const id = num(inXf, "numFmtId") ?? 0;
  if (id < 164) return id;
  const code = items(input, "numFmts", "numFmt")
    .find((f) => num(f, "numFmtId") === id)
    ?.match(/formatCode\s*=\s*"([^"]*)"/)?.[1];
  if (code === undefined || code === "General") return 0;
  const have = items(out.xml, "numFmts", "numFmt");
  const same = have.find((f) => f.includes(`formatCode="${code}"`));
  if (same) return num(same, "numFmtId") ?? null;
  const fresh = Math.max(163, ...have.map((f) => num(f, "numFmtId") ?? 0)) + 1;
  const tag = `<numFmt numFmtId="${fresh}" formatCode="${code}"/>`;
  const added =
    append(out.xml, "numFmts", tag) ??
    (/<fonts\b/.test(out.xml)
      ? { xml: out.xml.replace(/<fonts\b/, `<numFmts count="1">${tag}</numFmts><fonts`), index: 0 }
      : null);
  if (!added) return null;
  out.xml = added.xml;
  return fresh;
}

const childrenOf = (xf: string): string => xf.match(/^<xf\b[^>]*[^/]>([\s\S]*)<\/xf>$/)?.[1] ?? "";

/** `output` with the first xf of `table` showing what the input's first xf shows; null when it already does or cannot be read. */
function restoreFirstXf(input: Xml, output: Xml, table: string): Xml | null {
  const inXf = firstXf(input, table);
  const outXf = firstXf(output, table);
  if (!inXf || !outXf) return null;
  const out = { xml: output };
  const ids: Record<string, number> = {};
  for (const t of TABLES) {
    const id = matchItem(input, out, inXf.tag, outXf.tag, t);
    if (id === null) return null;
    ids[t.id] = id;
  }
  const fmt = matchNumFmt(input, out, inXf.tag);
  if (fmt === null) return null;
  ids.numFmtId = fmt;
  const children = squash(childrenOf(inXf.tag));
  const same =
    Object.entries(ids).every(([k, v]) => (num(outXf.tag, k) ?? 0) === v) && children === squash(childrenOf(outXf.tag));
  if (same) return null;
  const at = firstXf(out.xml, table)!;
  return out.xml.slice(0, at.at) + repoint(at.tag, ids, children) + out.xml.slice(at.at + at.tag.length);
}

/**
 * exceljs's styles part made to show plain cells as the input did: its style 0 and its Normal
 * style take the input's. Null when nothing needs to change or either part cannot be read.
 */
export function keepDefaultStyle(input: Xml, output: Xml): Xml | null {
  if (!input || !output) return null;
  const cell = restoreFirstXf(input, output, "cellXfs");
  const normal = restoreFirstXf(input, cell ?? output, "cellStyleXfs");
  return normal ?? cell;
}
