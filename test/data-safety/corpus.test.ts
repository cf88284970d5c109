/**
 * The data-safety round trip: 36 workbooks as Excel, WPS and LibreOffice-like writers save them
 * (corpus.ts), each calculated as `ziping calc` does. Every cell the write plan does not name
 * keeps its value, formula and full style; every sheet and workbook setting and every package
 * part is kept — or the file holds something exceljs cannot keep and calc refuses to write it.
 */
import { buildFile, corpusSpecs } from "./corpus";
import { unintendedDifferences } from "./compare";
import { calcRecorded } from "./roundtrip";

const specs = corpusSpecs();

test("the corpus has 30+ files", () => expect(specs.length).toBeGreaterThanOrEqual(30));

test.each(specs.map((s) => [s.name, s]))("%s: calc changes nothing outside its write plan", async (_name, spec) => {
  const file = await buildFile(spec);
  const result = await calcRecorded(file.buffer);
  expect(result.written.size).toBeGreaterThan(0);
  expect(result.lost).toEqual(file.expectLost);
  if (file.expectLost.length > 0) return; // calc refuses to write it (see package.test.ts)
  const diffs = await unintendedDifferences(file.buffer, result.buffer, result.written);
  expect(diffs.length ? [`${diffs.length} differences`, ...diffs.slice(0, 8)] : []).toEqual([]);
});
