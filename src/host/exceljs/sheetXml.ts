/**
 * Sheet settings exceljs resets when it writes, put back from the input sheet's XML:
 * - row heights: exceljs marks every row with a height `customHeight="1"`, so rows Excel or
 *   WPS sized to fit their text (wrapped 指标 names) become fixed and cut the text after calc;
 * - sheet-view attributes exceljs does not model (page-layout zoom, grid colour …).
 * Only start tags are touched, with one linear pass each; nothing is added that the input
 * did not have.
 */

const ROW_TAG = /<row\b[^>]*>/g;
const VIEW_TAG = /<sheetView\b[^>]*>/g;
const TRUE = new Set(["1", "true"]);

/** `name="value"` of one start tag, in order. */
function attributes(tag: string): [string, string][] {
  return [...tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

const attr = (tag: string, name: string): string | undefined => attributes(tag).find(([k]) => k === name)?.[1];

/** Row numbers of the input whose height Excel may fit to the content (no customHeight). */
function autoHeightRows(input: string): Set<string> {
  const rows = new Set<string>();
  for (const m of input.matchAll(ROW_TAG)) {
    const r = attr(m[0], "r");
    if (r && !TRUE.has(attr(m[0], "customHeight") ?? "0")) rows.add(r);
  }
  return rows;
}

/** `output` with customHeight taken off rows the input let Excel size; and how many. */
export function keepAutoRowHeights(input: string, output: string): { xml: string; count: number } {
  const auto = autoHeightRows(input);
  let count = 0;
  const xml = output.replace(ROW_TAG, (tag) => {
    if (!auto.has(attr(tag, "r") ?? "") || !TRUE.has(attr(tag, "customHeight") ?? "0")) return tag;
    count++;
    return tag.replace(/\s+customHeight\s*=\s*"[^"]*"/, "");
  });
  return { xml, count };
}

/**
 * View attributes not carried: tabSelected follows the workbook's active tab (a second
 * selected tab would group the sheets, and an edit would then change both).
 */
const VIEW_STATE = new Set(["tabSelected", "workbookViewId"]);

/** `output` with each sheetView given the attributes its input counterpart had and it lacks. */
export function keepViewAttributes(input: string, output: string): { xml: string; count: number } {
  const views = [...input.matchAll(VIEW_TAG)].map((m) => attributes(m[0]));
  let index = 0;
  let count = 0;
  const xml = output.replace(VIEW_TAG, (tag) => {
    const from = views[index++];
    if (!from) return tag;
    const have = new Set(attributes(tag).map(([k]) => k));
    const add = from.filter(([k]) => !have.has(k) && !VIEW_STATE.has(k) && !k.includes(":"));
    count += add.length;
    if (add.length === 0) return tag;
    const extra = add.map(([k, v]) => ` ${k}="${v}"`).join("");
    return tag.endsWith("/>") ? `${tag.slice(0, -2)}${extra}/>` : `${tag.slice(0, -1)}${extra}>`;
  });
  return { xml, count };
}
