import { parseNature, parseValue } from "../../../src/engine/value/parse";

type Row = [raw: unknown, fmt: string | null, want: Record<string, unknown>];

// Every format under "Values people type" in domain.md, plus the marks and errors around them.
const numbers: Row[] = [
  ["≥95%", null, { kind: "number", value: 0.95, percent: true, op: ">=" }],
  // An extra "=" typed after the sign.
  ["≥=90%", null, { kind: "number", value: 0.9, percent: true, op: ">=" }],
  ["≤=5", null, { kind: "number", value: 5, op: "<=" }],
  ["≤1%", null, { kind: "number", value: 0.01, percent: true, op: "<=" }],
  ["=17个", null, { kind: "number", value: 17, unit: "个", op: "=" }],
  ["≥20次", null, { kind: "number", value: 20, unit: "次", op: ">=" }],
  ["≤760万元", null, { kind: "number", value: 760, unit: "万元", op: "<=" }],
  [">90%", null, { kind: "number", value: 0.9, percent: true, op: ">" }],
  ["≥100百分比", null, { kind: "number", value: 1, percent: true, op: ">=" }],
  [95, null, { kind: "number", value: 95, percent: false }],
  ["95", null, { kind: "number", value: 95, percent: false }],
  [" 95 ", null, { kind: "number", value: 95, percent: false }],
  ["９５％", null, { kind: "number", value: 0.95, percent: true }],
  [0.95, "0.00%", { kind: "number", value: 0.95, percent: true }],
  [1, "0%", { kind: "number", value: 1, percent: true }],
  [0.95, "General", { kind: "number", value: 0.95, percent: false }],
  ["﹦5", null, { kind: "number", value: 5, op: "=" }],
  ["＝5", null, { kind: "number", value: 5, op: "=" }],
  ["≧5", null, { kind: "number", value: 5, op: ">=" }],
  ["≦5", null, { kind: "number", value: 5, op: "<=" }],
  ["＞5", null, { kind: "number", value: 5, op: ">" }],
  ["＜5", null, { kind: "number", value: 5, op: "<" }],
  [">=5", null, { kind: "number", value: 5, op: ">=" }],
  ["<=5", null, { kind: "number", value: 5, op: "<=" }],
  ["≥ 95 %", null, { kind: "number", value: 0.95, percent: true, op: ">=" }],
  ["-5", null, { kind: "number", value: -5 }],
  [-5, null, { kind: "number", value: -5 }],
  ["95%以上", null, { kind: "number", value: 0.95, percent: true, op: ">=" }],
  ["不低于90%", null, { kind: "number", value: 0.9, percent: true, op: ">=" }],
  ["不超过5万元", null, { kind: "number", value: 5, unit: "万元", op: "<=" }],
  ["满意度≥90%", null, { kind: "number", value: 0.9, percent: true, op: ">=" }],
  ["1,000元", null, { kind: "number", value: 1000, unit: "元" }],
  ["28.8万元", null, { kind: "number", value: 28.8, unit: "万元" }],
  ["100.00%", null, { kind: "number", value: 1, percent: true }],
  // seeds/002 targets
  ["≥20篇", null, { kind: "number", value: 20, unit: "篇", op: ">=" }],
  ["≥3个", null, { kind: "number", value: 3, unit: "个", op: ">=" }],
  ["≥0%", null, { kind: "number", value: 0, percent: true, op: ">=" }],
  ["≤440万元", null, { kind: "number", value: 440, unit: "万元", op: "<=" }],
  ["≥97%", null, { kind: "number", value: 0.97, percent: true, op: ">=" }],
];

const ranges: Row[] = [
  ["1-2次", null, { kind: "range", low: 1, high: 2, unit: "次" }],
  ["1～2", null, { kind: "range", low: 1, high: 2 }],
  ["1~2", null, { kind: "range", low: 1, high: 2 }],
  ["1至2", null, { kind: "range", low: 1, high: 2 }],
  ["1%-2%", null, { kind: "range", low: 0.01, high: 0.02, percent: true }],
  ["≥1-2次", null, { kind: "range", low: 1, high: 2, op: ">=" }],
  ["5-3", null, { kind: "range", low: 3, high: 5 }],
];

const deadlines: Row[] = [
  ["2024年12月底之前完成", null, { kind: "deadline", year: 2024, month: 12 }],
  ["2024年12月", null, { kind: "deadline", year: 2024, month: 12 }],
  ["2024年6月30日前", null, { kind: "deadline", year: 2024, month: 6, day: 30 }],
  ["2024年底前完成", null, { kind: "deadline", year: 2024, month: 12 }],
  ["2024-12-31", null, { kind: "deadline", year: 2024, month: 12, day: 31 }],
  ["12月底前", null, { kind: "deadline", month: 12 }],
  ["12个月", null, { kind: "deadline", months: 12 }],
  ["按时完成", null, { kind: "deadline", onTime: true }],
  ["及时", null, { kind: "deadline", onTime: true }],
  [45658, "yyyy-mm-dd", { kind: "deadline", year: 2025, month: 1, day: 1 }],
];

const qualitative: Row[] = [
  ["有效促进", null, { kind: "qualitative", text: "有效促进", level: "met" }],
  ["长期有效", null, { kind: "qualitative", level: "met" }],
  ["规范", null, { kind: "qualitative", level: "met" }],
  ["健全", null, { kind: "qualitative", level: "met" }],
  ["显著", null, { kind: "qualitative", level: "met" }],
  ["优", null, { kind: "qualitative", grade: "优", level: "met" }],
  ["良", null, { kind: "qualitative", grade: "良", level: "met" }],
  ["中", null, { kind: "qualitative", grade: "中", level: "partial" }],
  ["差", null, { kind: "qualitative", grade: "差", level: "unmet" }],
  ["达成预期指标", null, { kind: "qualitative", level: "met" }],
  ["部分达成", null, { kind: "qualitative", level: "partial" }],
  ["基本完成", null, { kind: "qualitative", level: "partial" }],
  ["有所促进", null, { kind: "qualitative", level: "partial" }],
  ["较好", null, { kind: "qualitative", level: "met" }],
  ["有效改善", null, { kind: "qualitative", level: "met" }],
  ["未达成", null, { kind: "qualitative", level: "unmet" }],
  ["未按时完成", null, { kind: "qualitative", level: "unmet" }],
  ["  有效  促进 ", null, { kind: "qualitative", text: "有效 促进" }],
];

const emptiesAndErrors: Row[] = [
  ["—", null, { kind: "empty" }],
  ["-", null, { kind: "empty" }],
  ["/", null, { kind: "empty" }],
  ["*", null, { kind: "empty" }],
  ["－", null, { kind: "empty" }],
  ["——", null, { kind: "empty" }],
  ["", null, { kind: "empty" }],
  ["   ", null, { kind: "empty" }],
  [null, null, { kind: "empty" }],
  [undefined, null, { kind: "empty" }],
  [{ error: "#DIV/0!" }, null, { kind: "invalid", reason: "error-value" }],
  ["#DIV/0!", null, { kind: "invalid", reason: "error-value" }],
  ["#N/A", null, { kind: "invalid", reason: "error-value" }],
  [true, null, { kind: "invalid", reason: "boolean" }],
  [NaN, null, { kind: "invalid", reason: "not-finite" }],
  [Infinity, null, { kind: "invalid", reason: "not-finite" }],
  ["???", null, { kind: "invalid", reason: "unreadable" }],
  [{ foo: 1 }, null, { kind: "invalid", reason: "unreadable" }],
];

const exceljsShapes: Row[] = [
  [{ richText: [{ text: "≥9" }, { text: "5%" }] }, null, { kind: "number", value: 0.95, percent: true }],
  [{ formula: "B2/A2", result: 0.5 }, "0%", { kind: "number", value: 0.5, percent: true }],
];

describe.each([
  ["numbers", numbers],
  ["ranges", ranges],
  ["deadlines", deadlines],
  ["qualitative", qualitative],
  ["empties and errors", emptiesAndErrors],
  ["exceljs cell shapes", exceljsShapes],
])("parseValue: %s", (_name, rows) => {
  test.each(rows)("%p (format %p)", (raw, fmt, want) => {
    const got = parseValue(raw, fmt);
    expect(got).toMatchObject(want);
    expect(got.raw).toBe(raw);
  });
});

test("a text reporting one thing up and another down states no level (江西 蚕茶卫生院 2021)", () => {
  const mixed = parseValue("签约率提高1%体检率下降1%");
  expect(mixed).toMatchObject({ kind: "qualitative" });
  expect(mixed).not.toHaveProperty("level");
  // Either movement alone still reads as the words say.
  expect(parseValue("签约率提高1%")).toMatchObject({ kind: "qualitative", level: "met" });
  expect(parseValue("体检率下降1%,未达成")).toMatchObject({ kind: "qualitative", level: "unmet" });
});

test("a plain number carries no operator or unit", () => {
  const v = parseValue("95");
  expect(v).not.toHaveProperty("op");
  expect(v).not.toHaveProperty("unit");
});

test.each([
  ["≥", { op: ">=" }],
  ["≧", { op: ">=" }],
  [">=", { op: ">=" }],
  ["正向", { op: ">=" }],
  ["大于等于", { op: ">=" }],
  ["≤", { op: "<=" }],
  ["≦", { op: "<=" }],
  ["反向", { op: "<=" }],
  ["逆向", { op: "<=" }],
  ["小于等于", { op: "<=" }],
  [">", { op: ">" }],
  ["＞", { op: ">" }],
  ["大于", { op: ">" }],
  ["<", { op: "<" }],
  ["小于", { op: "<" }],
  ["=", { op: "=" }],
  ["﹦", { op: "=" }],
  ["＝", { op: "=" }],
  ["等于", { op: "=" }],
  ["定量", { nature: "quantitative", empty: false, unreadable: false }],
  ["定性", { nature: "qualitative", unreadable: false }],
  ["定量/正向", { nature: "quantitative", op: ">=" }],
  [" ≥ ", { op: ">=" }],
  ["—", { empty: true, unreadable: false }],
  ["", { empty: true }],
  [null, { empty: true }],
  ["abc", { empty: false, unreadable: true }],
  [5, { empty: false, unreadable: true }],
])("parseNature(%p)", (raw, want) => {
  expect(parseNature(raw)).toMatchObject(want);
});

test("parseNature states no operator for 定量/定性 alone", () => {
  expect(parseNature("定性").op).toBeUndefined();
});
