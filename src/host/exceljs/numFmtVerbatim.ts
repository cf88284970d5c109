/**
 * exceljs removes every backslash from a number format it reads (`formatCode.replace(/[\\](.)/g,
 * "$1")`) and writes the result back. A backslash makes the next character literal, so a
 * user's `0.0\%` (95 shown as "95.0%") came back as `0.0%` (shown as "9500.0%") after calc,
 * and the engine read the cell as a percent. Formats are now read and written as written.
 */
interface NumFmtNode {
  name: string;
  attributes: { numFmtId?: string; formatCode?: string };
}

type NumFmtXformClass = { prototype: { parseOpen(this: { model: unknown }, node: NumFmtNode): boolean } };

function parseOpenVerbatim(this: { model: unknown }, node: NumFmtNode): boolean {
  if (node.name !== "numFmt") return false;
  this.model = { id: parseInt(node.attributes.numFmtId ?? "", 10), formatCode: node.attributes.formatCode ?? "" };
  return true;
}

/** Read number formats with their backslashes; idempotent. */
export function installVerbatimNumberFormats(): void {
  // Required here, not at the top: exceljs loads on first use (./lib.ts).
  const NumFmtXform = require("exceljs/lib/xlsx/xform/style/numfmt-xform") as NumFmtXformClass;
  NumFmtXform.prototype.parseOpen = parseOpenVerbatim;
}
