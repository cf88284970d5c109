/**
 * Bad input: detection answers [] or what it can read, and never throws.
 */
import fc from "fast-check";
import type { CellValue, SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import { detectForms } from "../../../src/engine/detect/detect";
import { EXPECTED_HEADERS, INDICATOR_SYNONYMS } from "../../../src/engine/detect/headers";
import { buildSheet } from "../../fixtures/sheetBuilder";
import { seedProjectForms } from "../../fixtures/seed001";
import { INDICATOR_HEADER_TO_SCORE } from "../../fixtures/indicatorHeader";

const HEADER: CellValue[] = [...INDICATOR_HEADER_TO_SCORE];

describe("nothing to find", () => {
  const cases: [string, SheetSnapshot][] = [
    ["empty sheet", { name: "s", origin: { row: 0, col: 0 }, values: [], merges: [] }],
    ["one empty row", { name: "s", origin: { row: 0, col: 0 }, values: [[]], merges: [] }],
    [
      "only numbers",
      buildSheet({
        rows: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ],
    ["a title and nothing else", buildSheet({ rows: [["2023年度项目支出绩效自评表"], ["项目名称", "某项目"]] })],
    ["error cells only", buildSheet({ rows: [[{ error: "#N/A" }, { error: "#REF!" }]] })],
    [
      "prose",
      buildSheet({
        rows: [["一、部门基本情况", "曲靖市沾益区人大常委会的主要职责是围绕宪法和法律赋予的职能开展工作"]],
      }),
    ],
  ];
  test.each(cases)("%s → []", (_n, sheet) => expect(detectForms(sheet)).toEqual([]));
});

describe("malformed snapshots never throw", () => {
  const broken: [string, unknown][] = [
    ["null", null],
    ["values not an array", { name: "s", origin: { row: 0, col: 0 }, values: "x", merges: [] }],
    ["rows not arrays", { name: "s", origin: { row: 0, col: 0 }, values: [null, 5], merges: [] }],
    [
      "merges missing",
      {
        name: "s",
        origin: { row: 0, col: 0 },
        values: [HEADER, ["产出指标", "数量指标", "a", "≥", 1, "次", 1, 10, 10]],
      },
    ],
    ["origin missing", { name: "s", values: [HEADER], merges: [] }],
    ["ragged rows", { name: "s", origin: { row: 0, col: 0 }, values: [HEADER, ["产出指标"], []], merges: [] }],
    ["objects in cells", { name: "s", origin: { row: 0, col: 0 }, values: [[{}, [], { a: 1 }]], merges: [] }],
  ];
  test.each(broken)("%s", (_n, sheet) => {
    expect(() => detectForms(sheet as SheetSnapshot)).not.toThrow();
    expect(Array.isArray(detectForms(sheet as SheetSnapshot))).toBe(true);
  });

  test("merges missing still finds the table", () => {
    const [, sheet] = broken[3];
    expect(detectForms(sheet as SheetSnapshot)[0]?.indicators?.rows).toHaveLength(1);
  });
});

describe("partial reads", () => {
  test("error cells inside a table keep the table", () => {
    const f = detectForms(
      buildSheet({
        rows: [
          [...HEADER.slice(0, 4), { error: "#N/A" }, ...HEADER.slice(5)],
          ["产出指标", "数量指标", "a", "≥", { error: "#DIV/0!" }, "次", { error: "#VALUE!" }, 10, { error: "#REF!" }],
        ],
      }),
    );
    expect(f).toHaveLength(1);
    expect(f[0].indicators!.columns.target).toBeUndefined();
    expect(f[0].indicators!.rows.map((r) => r.row)).toEqual([1]);
  });

  test("a merge of a whole sheet (a million rows) over a real form", () => {
    const sheet = seedProjectForms()[0];
    sheet.merges.push({ r1: 200, c1: 0, r2: 1_048_575, c2: 16_383 });
    const f = detectForms(sheet);
    expect(f).toHaveLength(1);
    expect(f[0].indicators!.rows).toHaveLength(4);
  });

  test("a merge from inside the sheet to XFD1048576 is clipped, the table above still read", () => {
    const sheet = buildSheet({
      rows: [HEADER, ["产出指标", "数量指标", "a", "≥", 1, "次", 1, 10, 10], [null, null], [null]],
    });
    expect(sheet.values).toHaveLength(4);
    sheet.merges.push({ r1: 2, c1: 0, r2: 1_048_575, c2: 16_383 });
    const f = detectForms(sheet);
    expect(f).toHaveLength(1);
    expect(f[0].indicators!.rows.map((r) => r.row)).toEqual([1]);
  });

  test("very wide sheet: columns beyond the scan window are ignored, not read", () => {
    const row: CellValue[] = new Array(5000).fill("x");
    const f = detectForms(buildSheet({ rows: [row, HEADER, ["产出指标", "数量指标", "a", "≥", 1, "次", 1, 10, 10]] }));
    expect(f[0].indicators!.rows).toHaveLength(1);
  });
});

describe("property: any grid of cells", () => {
  const words = Object.values(INDICATOR_SYNONYMS).flat();
  const cell = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(
      ...words,
      "合计",
      "小计",
      "总分",
      "其他需要说明事项",
      "项目名称",
      "年度资金总额",
      "2023年度项目支出绩效自评表",
    ),
    fc.record({ error: fc.constantFrom("#N/A", "#REF!", "#DIV/0!") }),
  );
  test("never throws, and every detected row lies inside the sheet", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }),
        fc.nat(50),
        fc.nat(20),
        (rows, r0, c0) => {
          const sheet = buildSheet({ rows: rows as CellValue[][], origin: { row: r0, col: c0 } });
          const forms = detectForms(sheet);
          for (const f of forms) {
            expect(f.range.r1).toBeGreaterThanOrEqual(sheet.origin.row);
            for (const r of f.indicators?.rows ?? []) expect(r.row).toBeLessThanOrEqual(sheet.origin.row + rows.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("EXPECTED_HEADERS", () => {
  test("lists each block's canonical headers with their synonyms", () => {
    const ind = EXPECTED_HEADERS.find((b) => b.block === "绩效指标表")!;
    expect(ind.headers.find((h) => h.name === "度量单位")?.synonyms).toContain("计量单位");
    expect(EXPECTED_HEADERS.map((b) => b.block)).toEqual(["绩效指标表", "项目资金", "部门年度重点工作任务"]);
  });
});

describe("header keys", () => {
  // Whatever spacing, brackets or full-width forms a header is typed with, it reads as its word.
  const entries = Object.entries(INDICATOR_SYNONYMS).flatMap(([k, ws]) => ws.map((w) => [k, w] as const));
  const pool = [
    ["level1", "一级指标"],
    ["level3", "三级指标"],
    ["score", "得分"],
    ["weight", "分值"],
  ] as const;
  test("property: spaces, line breaks, full-width forms and bracketed notes do not change the column", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.array(fc.constantFrom(" ", "\n", "\u3000", "\t"), { maxLength: 3 }),
        fc.nat(10),
        fc.constantFrom("", "（A）", "(B)", "（万元）", "【注】"),
        ([key, word], spaces, at, note) => {
          const pos = Math.min(at, word.length);
          const typed = word.slice(0, pos) + spaces.join("") + word.slice(pos) + note;
          // Three other headers that name different columns, so the table is usable.
          const others = pool.filter(([k]) => k !== key && !(key === "direction" && k === "level1")).slice(0, 3);
          const row: CellValue[] = [...others.map(([, w]) => w), typed];
          const forms = detectForms(buildSheet({ rows: [row, ["产出指标", "a", 1, 1]] }));
          const cols: Record<string, number | undefined> = forms[0]?.indicators?.columns ?? {};
          // 指标方向 alone is read as the nature column.
          expect(cols[key === "direction" ? "nature" : key]).toBe(3);
        },
      ),
      { numRuns: 200 },
    );
  });
});
