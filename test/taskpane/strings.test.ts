import * as fs from "fs";
import * as path from "path";
import { loadStrings, pickLocale, stringsFor } from "../../src/taskpane/strings";
import { en } from "../../src/taskpane/strings.en";

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

test("the English table loads on demand, once; the Chinese one is there from the start", async () => {
  expect(() => stringsFor("en")).toThrow(/not loaded/);
  expect(stringsFor("zh-CN").title).toBe("绩效自评助手");
  expect(await loadStrings("en")).toBe(en);
  expect(stringsFor("en")).toBe(en);
  expect(await loadStrings("zh-CN")).toBe(stringsFor("zh-CN"));
});

/** The pane's sources other than the tables themselves. */
function paneSources(dir = path.join(__dirname, "..", "..", "src", "taskpane")): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return paneSources(file);
      return /\.tsx?$/.test(e.name) && !/^strings(\.en)?\.ts$/.test(e.name) ? fs.readFileSync(file, "utf8") : "";
    })
    .join("\n");
}

test("every string is used by the pane: no leftover wording (such as a notice that names no sheet)", () => {
  const sources = paneSources();
  const unused = Object.keys(stringsFor("zh-CN")).filter((key) => !new RegExp(`\\b${key}\\b`).test(sources));
  expect(unused).toEqual([]);
});

describe("English counts agree with their number", () => {
  it.each([
    ["markedOn", en.markedOn(1, '"S"')],
    ["replacedOn", en.replacedOn(1, "S")],
    ["notFrozen", en.notFrozen(1, "A1")],
    ["writtenOn", en.writtenOn(1, "S")],
    ["frozenOn", en.frozenOn(1, "S")],
    ["verdict", en.verdict("99", "优", 1, 1)],
  ])("%s with 1", (_key, text) => {
    expect(text).not.toMatch(/\b1 (cells|formulas|JX formulas|errors|warnings)\b/);
  });
  it("and plural with 2", () => {
    expect(en.markedOn(2, '"S"')).toMatch(/2 cells/);
    expect(en.frozenOn(2, "S")).toMatch(/2 JX formulas/);
  });
});
