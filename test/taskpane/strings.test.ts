import { pickLocale, stringsFor } from "../../src/taskpane/strings";

describe("pickLocale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["ZH-hk", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "zh-CN"],
    [undefined, "zh-CN"],
  ])("%s → %s", (input, expected) => {
    expect(pickLocale(input)).toBe(expected);
  });
});

describe("string tables", () => {
  it("have the same keys in both languages and no empty text", () => {
    const zh = stringsFor("zh-CN");
    const en = stringsFor("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const table of [zh, en]) {
      for (const [key, value] of Object.entries(table)) {
        const text =
          typeof value === "function"
            ? (value as (...x: string[]) => string)("X", "Y", "Z")
            : typeof value === "object"
              ? Object.values(value).join("")
              : value;
        expect(`${key}:${text.trim().length > 0}`).toBe(`${key}:true`);
      }
    }
  });
});

describe("English counts agree with their number", () => {
  const en = stringsFor("en");
  it.each([
    ["marked", en.marked(1)],
    ["written", en.written(1)],
    ["replaced", en.replaced(1)],
    ["frozen", en.frozen(1)],
    ["notFrozen", en.notFrozen(1, "A1")],
    ["writtenOn", en.writtenOn(1, "S")],
    ["frozenOn", en.frozenOn(1, "S")],
    ["verdict", en.verdict("99", "优", 1, 1)],
  ])("%s with 1", (_key, text) => {
    expect(text).not.toMatch(/\b1 (cells|formulas|JX formulas|errors|warnings)\b/);
  });
  it("and plural with 2", () => {
    expect(en.marked(2)).toMatch(/2 cells/);
    expect(en.frozen(2)).toMatch(/2 formulas/);
  });
});
