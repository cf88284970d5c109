/** @jest-environment jsdom */
/**
 * The pane in English, with the real operations and engine over a published form: findings, the
 * verdict, every 得分说明 (why each score), conflicts and notices read in English. The only Chinese
 * left is the user's own data: sheet names and the cell texts a message quotes.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/engine";
import { seedProjectFormsWithLayout } from "../fixtures/seed001";
import { MemoryPort } from "./memoryPort";
import { renderPane } from "./renderPane";

/** Han characters and CJK punctuation (，。：（）「」、…). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function seedPort(): { port: MemoryPort; userTexts: string[] } {
  const { sheet, layout } = seedProjectFormsWithLayout()[0];
  const values = sheet.values.map((r) => r.slice());
  const ic = layout.indicators.columns;
  // One score typed wrong (a conflict with its explanation) and one left blank (calculate fills and explains it).
  const rows = layout.indicators.rows;
  values[rows[0]][ic.score!] = 1;
  values[rows[1]][ic.score!] = null;
  // 时效 rows left to calculate: their explanations quote dates and months, which English says its own way.
  Object.assign(values[rows[2]], {
    [ic.target!]: "2024年12月底前",
    [ic.actual!]: "2024年11月30日完成",
    [ic.score!]: null,
  });
  Object.assign(values[rows[3]], { [ic.nature!]: "", [ic.target!]: "≤12个月", [ic.actual!]: "14个月", [ic.unit!]: "" });
  values[rows[3]][ic.score!] = null;
  const userTexts = [sheet.name, ...values.flat().filter((v): v is string => typeof v === "string")];
  return { port: new MemoryPort({ sheets: { [sheet.name]: values as CellValue[][] } }), userTexts };
}

/** The pane's own words: what is left once the user's texts (longest first) and quoted text are taken out. */
function ownWords(text: string, userTexts: string[]): string[] {
  let out = text;
  for (const s of [...new Set(userTexts)].filter((t) => t.trim() !== "").sort((a, b) => b.length - a.length)) {
    out = out.split(s.trim()).join(" ");
  }
  out = out.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, " ");
  return out.split(/(?<=[.:;!?])\s+/).filter((s) => CJK.test(s));
}

test("check and calculate in English: findings, verdict and every explanation without Chinese", async () => {
  const { port, userTexts } = seedPort();
  const { container } = renderPane({ port, locale: "en" });
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: "Check this sheet" }));
  await waitFor(() => expect(container.textContent).toMatch(/Score (is )?1\b/));
  expect(ownWords(container.textContent ?? "", userTexts)).toEqual([]);

  fireEvent.click(screen.getByRole("tab", { name: "Calculate" }));
  fireEvent.click(screen.getByRole("button", { name: "Calculate" }));
  await waitFor(() => expect(container.textContent).toMatch(/Why each score/));
  const text = container.textContent ?? "";
  // The explanations are there, in English: an execution rate, indicator scores, the sums and the grade.
  expect(text).toMatch(/execution rate [\d.]+ ÷ [\d.]+ = [\d.]+%/);
  expect(text).toMatch(/scores \d/);
  expect(text).toMatch(/timeliness: done 30 November 2024, not later than December 2024/);
  expect(text).toMatch(/\(14 months − 12 months\) ÷ 12 months/);
  expect(text).toMatch(/Wrote 3 cells\b/);
  expect(ownWords(text, userTexts)).toEqual([]);
});

test("a whole-workbook check reports its progress in English, naming the sheet", async () => {
  const { port, userTexts } = seedPort();
  // Each sheet's read waits until the test has seen the progress line.
  let release: () => void = () => undefined;
  const read = port.readSheet.bind(port);
  port.readSheet = (name) => new Promise((resolve) => (release = () => resolve(read(name))));
  const { container } = renderPane({ port, locale: "en" });
  release(); // the first step's look at the active sheet
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: "Check the whole workbook" }));
  const sheet = userTexts[0];
  await screen.findByText(`Checking sheet “${sheet}”`);
  expect(ownWords(container.textContent ?? "", userTexts)).toEqual([]);
  port.readSheet = read;
  release();
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
});
