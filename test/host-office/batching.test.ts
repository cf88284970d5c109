/**
 * The adapter's pure planning: operation order, payload splitting, read bands, mark grouping,
 * snapshot conversion and merged-area parsing. Table-driven.
 */
import type { WriteOp } from "../../src/host/port";
import {
  estimateOpBytes,
  groupCells,
  jsonBytes,
  orderOps,
  planReadBands,
  planWriteBatches,
  splitOp,
} from "../../src/host/office/batching";
import { charsToPoints, needsTextPrefix, officeValue } from "../../src/host/office/apply";
import { localeFromDisplayLanguage } from "../../src/host/office/ui";
import { joinBandMerges, joinBands, parseAreas, toCellValue, toSnapshot } from "../../src/host/office/snapshot";

describe("orderOps", () => {
  test("formats before values, marks after content, protection last, stable within a phase", () => {
    const ops: WriteOp[] = [
      { kind: "protectSheet" },
      { kind: "values", range: "A1", values: [[1]] },
      { kind: "addMarks", marks: [] },
      { kind: "merge", range: "A1:B1" },
      { kind: "formulas", range: "B2", formulas: [["=1"]] },
      { kind: "numberFormat", range: "A1", format: "0" },
      { kind: "clearMarks" },
      { kind: "freezePanes", rows: 1, cols: 0 },
    ];
    expect(orderOps(ops).map((o) => o.kind)).toEqual([
      "clearMarks",
      "merge",
      "numberFormat",
      "values",
      "formulas",
      "addMarks",
      "freezePanes",
      "protectSheet",
    ]);
  });
});

describe("jsonBytes", () => {
  test.each([
    [1, 1],
    ["a", 3],
    ["得分", 8], // two CJK characters: 3 bytes each in UTF-8, plus the quotes
    [[["x"]], 7],
  ])("%j → %i bytes", (v, n) => expect(jsonBytes(v)).toBe(n));
});

describe("splitOp", () => {
  const rows = Array.from({ length: 100 }, (_, i) => [`第${i}行的一段较长文字`, i]);
  const op: WriteOp = { kind: "values", range: "B11:C110", values: rows };

  test("a small op is not split", () => {
    expect(splitOp(op, 1_000_000)).toEqual([op]);
  });

  test("a large op becomes contiguous row bands that each fit and together cover it", () => {
    const budget = 1000;
    const parts = splitOp(op, budget);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(estimateOpBytes(p)).toBeLessThanOrEqual(budget);
    expect(parts[0]).toMatchObject({ range: expect.stringMatching(/^B11:C\d+$/) });
    expect(parts[parts.length - 1]).toMatchObject({ range: expect.stringMatching(/:C110$/) });
    expect(parts.flatMap((p) => (p.kind === "values" ? p.values : []))).toEqual(rows);
  });

  test.each<WriteOp>([
    { kind: "merge", range: "A1:B2" },
    { kind: "formulas", range: "A1", formulas: [["=1"]] },
  ])("%j is left whole", (small) => expect(splitOp(small, 10)).toEqual([small]));
});

describe("planWriteBatches", () => {
  test("everything in one batch when it fits", () => {
    const ops: WriteOp[] = [
      { kind: "values", range: "A1", values: [[1]] },
      { kind: "style", range: "A1", style: { bold: true } },
    ];
    expect(planWriteBatches(ops)).toHaveLength(1);
  });

  test("over budget: several batches, order kept, nothing lost", () => {
    const values = Array.from({ length: 50 }, (_, i) => ["文字".repeat(20), i]);
    const ops: WriteOp[] = [
      { kind: "values", range: "A1:B50", values },
      { kind: "numberFormat", range: "B1:B50", format: "0.00" },
      { kind: "protectSheet" },
    ];
    const batches = planWriteBatches(ops, 2000);
    expect(batches.length).toBeGreaterThan(1);
    const flat = batches.flat();
    expect(flat[0].kind).toBe("numberFormat");
    expect(flat[flat.length - 1].kind).toBe("protectSheet");
    expect(flat.flatMap((o) => (o.kind === "values" ? o.values : []))).toEqual(values);
  });

  test("no ops, no batches", () => expect(planWriteBatches([])).toEqual([]));
});

describe("planReadBands", () => {
  test.each([
    [10, 5, 100, [{ row: 0, count: 10 }]],
    [
      10,
      5,
      20,
      [
        { row: 0, count: 4 },
        { row: 4, count: 4 },
        { row: 8, count: 2 },
      ],
    ],
    [
      3,
      1000,
      10,
      [
        { row: 0, count: 1 },
        { row: 1, count: 1 },
        { row: 2, count: 1 },
      ],
    ],
    [0, 5, 100, []],
  ])("%i rows × %i cols, %i cells a band", (rows, cols, max, expected) => {
    expect(planReadBands(rows, cols, max)).toEqual(expected);
  });
});

describe("groupCells", () => {
  test.each([
    ["one cell", [{ row: 4, col: 2 }], [{ r1: 4, r2: 4, c1: 2, c2: 2 }]],
    [
      "a run and a gap in one column",
      [
        { row: 1, col: 0 },
        { row: 2, col: 0 },
        { row: 3, col: 0 },
        { row: 6, col: 0 },
      ],
      [
        { r1: 1, r2: 3, c1: 0, c2: 0 },
        { r1: 6, r2: 6, c1: 0, c2: 0 },
      ],
    ],
    [
      "duplicates and two columns, any order",
      [
        { row: 2, col: 3 },
        { row: 1, col: 1 },
        { row: 2, col: 3 },
        { row: 1, col: 3 },
      ],
      [
        { r1: 1, r2: 1, c1: 1, c2: 1 },
        { r1: 1, r2: 2, c1: 3, c2: 3 },
      ],
    ],
    ["nothing", [], []],
  ])("%s", (_label, cells, expected) => expect(groupCells(cells)).toEqual(expected));
});

describe("snapshot conversion", () => {
  test.each([
    ["", "Empty", null],
    ["#DIV/0!", "Error", { error: "#DIV/0!" }],
    ["#DIV/0!", "String", "#DIV/0!"],
    [0.95, "Double", 0.95],
    [true, "Boolean", true],
    ["文字", "String", "文字"],
  ])("%j typed %s → %j", (v, type, expected) => expect(toCellValue(v, type)).toEqual(expected));

  test("formulas keep only real formulas; number formats pass through", () => {
    const snap = toSnapshot(
      "S",
      {
        rowIndex: 2,
        columnIndex: 1,
        values: [[1, ""]],
        valueTypes: [["Integer", "Empty"]],
        formulas: [["=A1", ""]],
        numberFormat: [["0.00%", "General"]],
      },
      [],
    );
    expect(snap).toEqual({
      name: "S",
      origin: { row: 2, col: 1 },
      values: [[1, null]],
      formulas: [["=A1", null]],
      numberFormats: [["0.00%", "General"]],
      merges: [],
    });
  });

  test("bands join into one snapshot", () => {
    const band = (v: number) => ({ rowIndex: 0, columnIndex: 0, values: [[v]], valueTypes: [["Integer"]] });
    expect(joinBands("S", [band(1), band(2)], []).values).toEqual([[1], [2]]);
  });
});

describe("parseAreas", () => {
  test.each([
    ["Sheet1!A1:B2", [{ r1: 0, c1: 0, r2: 1, c2: 1 }]],
    [
      "Sheet1!A1:B2,Sheet1!$C$3:$C$4",
      [
        { r1: 0, c1: 0, r2: 1, c2: 1 },
        { r1: 2, c1: 2, r2: 3, c2: 2 },
      ],
    ],
    ["'项目, 表'!D5:E6", [{ r1: 4, c1: 3, r2: 5, c2: 4 }]],
    ["'A1,B2'!C3", [{ r1: 2, c1: 2, r2: 2, c2: 2 }]],
    ["", []],
  ])("%s", (address, expected) => expect(parseAreas(address)).toEqual(expected));
});

describe("small conversions", () => {
  test.each([
    [8.43, 48],
    [20, 108.75],
  ])("%f characters → %f points", (chars, points) => expect(charsToPoints(chars)).toBeCloseTo(points, 0));

  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en"],
    ["de-DE", "en"],
    [undefined, "zh-CN"],
  ])("display language %s → %s", (lang, locale) => expect(localeFromDisplayLanguage(lang)).toBe(locale));
});

describe("joinBandMerges", () => {
  const whole = { r1: 95, c1: 0, r2: 110, c2: 0 };
  test.each([
    ["a whole area reported by two bands", [[whole], [whole]], [whole]],
    ["a whole area and a clipped piece of it", [[whole], [{ r1: 100, c1: 0, r2: 110, c2: 0 }]], [whole]],
    [
      "two one-row merges meeting at a band boundary stay two",
      [[{ r1: 99, c1: 0, r2: 99, c2: 1 }], [{ r1: 100, c1: 0, r2: 100, c2: 1 }]],
      [
        { r1: 99, c1: 0, r2: 99, c2: 1 },
        { r1: 100, c1: 0, r2: 100, c2: 1 },
      ],
    ],
    ["nothing", [[], []], []],
  ])("%s", (_label, perBand, expected) => expect(joinBandMerges(perBand)).toEqual(expected));
});

describe("needsTextPrefix / officeValue", () => {
  test.each([
    ["=17个", true],
    ["+5", true],
    ["-", true],
    ["95%", true],
    ["1,234.5", true],
    ["1e5", true],
    ["1-2", true],
    ["2024/12/31", true],
    ["12:30", true],
    ["2024年12月", true],
    ["true", true],
    ["≥95%", false],
    ["1-2次", false],
    ["2024年12月底之前完成", false],
    ["优", false],
    ["—", false],
    ["", false],
  ])("%j → %s", (s, expected) => expect(needsTextPrefix(s)).toBe(expected));

  test.each([
    [null, ""],
    [{ error: "#N/A" }, "#N/A"],
    [0.95, 0.95],
    [true, true],
    ["95%", "'95%"],
    ["得分", "得分"],
  ] as const)("%j → %j", (v, expected) => expect(officeValue(v)).toEqual(expected));
});
