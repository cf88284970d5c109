/**
 * What exceljs resets in parts it writes afresh, put back from the input package after the
 * write (as carry.ts does for parts it drops): the default cell style, auto-fit row heights
 * and sheet-view attributes. Returns what was restored, in words for tests and logs.
 */
import type JSZip from "jszip";
import { keepDefaultStyle } from "./defaultStyle";
import { partText } from "./opc";
import { sheetPartsByName } from "./sheetParts";
import { keepAutoRowHeights, keepViewAttributes } from "./sheetXml";

const STYLES = "xl/styles.xml";

async function keepSheets(input: JSZip, output: JSZip, done: string[]): Promise<void> {
  const outParts = await sheetPartsByName(output);
  for (const [name, inPart] of await sheetPartsByName(input)) {
    const outPart = outParts.get(name);
    if (!outPart) continue;
    const from = await partText(input, inPart);
    const rows = keepAutoRowHeights(from, await partText(output, outPart));
    const views = keepViewAttributes(from, rows.xml);
    if (rows.count + views.count === 0) continue;
    output.file(outPart, views.xml);
    if (rows.count) done.push(`${name}: ${rows.count} auto-height rows`);
    if (views.count) done.push(`${name}: ${views.count} view settings`);
  }
}

/** Patch `output` in place; the list says what was put back ([] = nothing needed). */
export async function keepWhatExcelJsResets(input: JSZip, output: JSZip): Promise<string[]> {
  const done: string[] = [];
  const styles = keepDefaultStyle(await partText(input, STYLES), await partText(output, STYLES));
  if (styles) {
    output.file(STYLES, styles);
    done.push("default cell style");
  }
  await keepSheets(input, output, done);
  return done;
}
