/**
 * Progress steps and freeze problems are data the fronts word: every code reads in both
 * languages, the English without Chinese outside the sheet names it quotes. The example tables
 * are typed over the codes, so a new code without an example does not compile.
 */
import { freezeProblemText, type FreezeProblem } from "../../src/ops/freezeProblems";
import { progressStep, progressText, type ProgressCode, type ProgressData } from "../../src/ops/progress";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const SHEET = "项目1";
const own = (text: string) => text.split(`“${SHEET}”`).join("");

const STEPS: { [C in ProgressCode]: ProgressData[C] } = {
  "template-preparing": {},
  "template-inserted": { sheet: SHEET },
  "calculate-planned": { sheet: SHEET },
  "calculate-written": { sheet: SHEET },
  "check-sheet": { sheet: SHEET },
  "check-done": {},
  "freeze-sheet": { sheet: SHEET },
};

test.each(Object.keys(STEPS) as ProgressCode[])("progress %s reads in both languages", (code) => {
  const s = progressStep(code, STEPS[code] as never);
  const zh = progressText(s, "zh-CN");
  const en = progressText(s, "en");
  expect(zh).toMatch(CJK);
  expect(own(en)).not.toMatch(CJK);
  if ("sheet" in STEPS[code]) {
    expect(zh).toContain(`“${SHEET}”`);
    expect(en).toContain(`“${SHEET}”`);
  }
});

const PROBLEMS: FreezeProblem[] = [
  { code: "chain-too-deep", limit: 500, via: "A501", cell: "Sheet1!B1" },
  { code: "sum-too-large", limit: 2_000_000, cell: "Sheet1!B1" },
];

test.each(PROBLEMS)("freeze problem $code names the cell in both languages", (p) => {
  const zh = freezeProblemText(p, "zh-CN");
  const en = freezeProblemText(p, "en");
  expect(zh.startsWith("Sheet1!B1：")).toBe(true);
  expect(zh).toMatch(/保持原样$/);
  expect(en.startsWith("Sheet1!B1: ")).toBe(true);
  expect(en).not.toMatch(CJK);
  expect(en).toContain(p.code === "chain-too-deep" ? "A501" : "2,000,000");
});
