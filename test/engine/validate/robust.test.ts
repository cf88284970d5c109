/**
 * Whatever people type into a form's cells, validation and calculation planning never throw,
 * never change the snapshot, and every finding they return is well formed and renders.
 */
import fc from "fast-check";
import { planCalculation } from "../../../src/engine/calculate/plan";
import { FINDING_CODES, formatFinding } from "../../../src/engine/i18n/messages";
import { getRuleSet } from "../../../src/engine/rules";
import type { CellValue } from "../../../src/engine/sheet/snapshot";
import type { Finding } from "../../../src/engine/validate/finding";
import { validateSheet } from "../../../src/engine/validate/validate";
import { departmentSeed, projectSeed } from "./tamper";

const TYPED = [
  "≥95%",
  "—",
  "-",
  "/",
  "1-2次",
  "28.8万元",
  "按时完成",
  "部分达成",
  "优",
  "#DIV/0!",
  "１００％",
  "＝17个",
  "",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...TYPED),
  fc.boolean(),
  fc.constantFrom({ error: "#DIV/0!" }, { error: "#NAME?" }, { error: "#VALUE!" }),
);

function wellFormed(f: Finding): void {
  expect(typeof f.code).toBe("string");
  expect(["error", "warning", "info"]).toContain(f.severity);
  if (f.cell !== null) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
  expect(f.row === null ? f.cell : f.row).not.toBeUndefined();
  if (f.code in FINDING_CODES) expect(f.severity).toBe(FINDING_CODES[f.code as keyof typeof FINDING_CODES]);
  // No placeholder left unrendered; text the user typed (a 一级 named "{0}") may hold braces of its own.
  const typed = Object.values(f.data).filter((v): v is string => typeof v === "string" && v.includes("{"));
  for (const locale of ["zh-CN", "en"] as const) {
    const shown = typed.reduce((m, t) => m.split(t).join(""), formatFinding(f, locale));
    expect(shown).not.toMatch(/\{\w+(\|\w+)?\}/);
  }
}

const RULE_SETS = ["mof-2020", "exec20", "dept-gs"].map((id) => getRuleSet(id));

describe("validation and planning never throw on what people type", () => {
  it("project form: any value in any indicator, funds or total cell", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), cellValue), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...RULE_SETS),
        (edits, ruleSet) => {
          const t = projectSeed(0);
          const { indicators, funds, total } = t.layout;
          const rows = [...indicators.rows, ...Object.values(funds.rows), total.row];
          const cols = [...Object.values(indicators.columns), ...Object.values(funds.columns)].filter(
            (c): c is number => c !== undefined,
          );
          for (const [r, c, v] of edits) t.set(rows[r % rows.length], cols[c % cols.length], v);
          const before = structuredClone(t.sheet);
          const check = validateSheet(t.sheet, ruleSet);
          const plan = planCalculation(t.sheet, ruleSet);
          expect(t.sheet).toEqual(before);
          check.findings.forEach(wellFormed);
          [...plan.conflicts, ...plan.problems].forEach(wellFormed);
          // A typed value is never in the plan's writes.
          for (const w of plan.writes) {
            const v = t.get(w.row, w.col);
            expect(v === null || (typeof v === "string" && v.trim() === "") || w.formula !== undefined).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("department form: any value in the task table and the indicators", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), cellValue), { minLength: 1, maxLength: 12 }), (edits) => {
        const t = departmentSeed();
        const rows = [...t.layout.tasks.rows, ...t.layout.indicators.rows];
        const cols = [...Object.values(t.layout.tasks.columns), ...Object.values(t.layout.indicators.columns)].filter(
          (c): c is number => c !== undefined,
        );
        for (const [r, c, v] of edits) t.set(rows[r % rows.length], cols[c % cols.length], v);
        validateSheet(t.sheet, RULE_SETS[0]).findings.forEach(wellFormed);
        planCalculation(t.sheet, RULE_SETS[0]).problems.forEach(wellFormed);
      }),
      { numRuns: 100 },
    );
  });
});

test.each([null, undefined, {}, { name: "x" }, { name: 1, values: "x", merges: 3 }])(
  "validateSheet(%p) reports instead of throwing",
  (bad) => {
    const out = validateSheet(bad as never, RULE_SETS[0]);
    expect(out.findings.map((f) => f.code)).toEqual(["check-failed"]);
  },
);
