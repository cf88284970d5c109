/** Issue 8 §6: a message quotes at most ~60 characters of a cell's text, never the whole cell. */
import { clipText, formatMessage, listRuleSets, scoreIndicator, QUOTE_MAX_CHARS } from "../../src/engine";

const huge = "很长的说明".repeat(4000); // 20,000 characters, like the 19 KB cell of the issue

test("clipText keeps short text and cuts long text at whole characters with an ellipsis", () => {
  expect(clipText("达成")).toBe("达成");
  expect(clipText("a".repeat(QUOTE_MAX_CHARS))).toBe("a".repeat(QUOTE_MAX_CHARS));
  expect(clipText("a".repeat(QUOTE_MAX_CHARS + 1))).toBe(`${"a".repeat(QUOTE_MAX_CHARS)}…`);
  // An emoji is two UTF-16 units: it is kept whole or left out, never halved.
  const emoji = clipText("😀".repeat(100));
  expect(emoji).toBe(`${"😀".repeat(QUOTE_MAX_CHARS)}…`);
});

test("a finding quoting a 20,000-character cell renders a short line", () => {
  const line = formatMessage("value-unreadable", { value: huge });
  expect(line.length).toBeLessThan(150);
  expect(line).toContain("很长的说明");
  expect(line).toContain("…");
  expect(formatMessage("value-unreadable", { value: huge }, "en").length).toBeLessThan(150);
});

test("scoring explanations and errors quote clipped text", () => {
  const rs = listRuleSets()[0];
  const withUnit = scoreIndicator({ target: 5, actual: 4, weight: 10, unit: huge }, rs);
  expect(withUnit.ok && withUnit.explanation.length).toBeLessThan(200);
  const unreadable = scoreIndicator({ target: `#${huge}`, actual: 4, weight: 10 }, rs);
  expect(unreadable.ok).toBe(false);
  if (!unreadable.ok) expect(formatMessage(unreadable.code, unreadable.data).length).toBeLessThan(300);
});
