/**
 * The grade under the form's own words: word families (优秀/良好/合格/不合格 …), bands a form states
 * in a note, and words that are no grade. docs/engine.md, "precision as a rule".
 */
import { getRuleSet } from "../../../src/engine/rules";
import { validateSheet } from "../../../src/engine/validate/validate";
import { gradeBandsInText } from "../../../src/engine/validate/parts/formGrades";
import { a1 } from "../../../src/engine/sheet/snapshot";
import { projectSeed } from "./tamper";

const RULES = getRuleSet("mof-2020");
type Seed = ReturnType<typeof projectSeed>;

/** Seed project 1 (总分 100) with its 等级 and optionally a note; the findings on the 等级 cell. */
function gradeFindings(grade: string, edit: (t: Seed) => void = () => {}, explicitRules = false) {
  const t = projectSeed(0);
  const { row, gradeCol } = t.layout.total;
  t.set(row, gradeCol, grade);
  edit(t);
  const cell = a1(row, gradeCol);
  return validateSheet(t.sheet, RULES, { explicitRules }).findings.filter((f) => f.cell === cell);
}

/** 总分 86 (视察 ≥2 次: 1.3 done → 26 of 40). */
const total86 = (t: Seed) => {
  const ind = t.layout.indicators;
  t.set(ind.rows[0], ind.columns.actual!, 1.3);
  t.set(ind.rows[0], ind.columns.score!, 26);
  t.set(t.layout.total.row, t.layout.total.scoreCol, 86);
};
const note = (text: string) => (t: Seed) => t.set(t.layout.otherRow, 3, text);

test.each(["优", "优秀", "好", " 优 秀 "])("总分 100 is 优: %s is right", (word) => {
  expect(gradeFindings(word)).toEqual([]);
});

test("a wrong grade is named in the form's own words", () => {
  const [f] = gradeFindings("良好");
  expect(f).toMatchObject({ code: "grade-mismatch", severity: "error" });
  expect(f.data).toMatchObject({ stated: "良好", expected: "优秀" });
});

test("a word that is no grade is unreadable, not wrong", () => {
  expect(gradeFindings("A").map((f) => `${f.severity} ${f.code}`)).toEqual(["warning value-unreadable"]);
});

describe("bands the form states", () => {
  const bands85 = "注：85分（含）以上为优秀，75（含）-85分为良好，60（含）-75分为合格，60分以下为不合格。";

  test("are read from a note", () => {
    expect(gradeBandsInText(bands85)).toEqual([
      { word: "优秀", lo: 85 },
      { word: "良好", lo: 75 },
      { word: "合格", lo: 60 },
      { word: "不合格", lo: 0 },
    ]);
    expect(
      gradeBandsInText("评价等级分为优（90分以上）、良（80-90分）、中（60-80分）、差（60分以下）")?.map((b) => b.lo),
    ).toEqual([90, 80, 60, 0]);
    expect(gradeBandsInText("本项目自评得分95分，等级为优")).toBeUndefined();
  });

  test("grade the form by its own cut-offs, and say so", () => {
    const found = gradeFindings("优秀", (t) => {
      total86(t);
      note(bands85)(t);
    });
    expect(found.map((f) => `${f.severity} ${f.code}`)).toEqual(["info grade-bands-from-form"]);
  });

  test("a grade wrong under them is an error in their words", () => {
    const found = gradeFindings("良好", (t) => {
      total86(t);
      note(bands85)(t);
    });
    expect(found.find((f) => f.code === "grade-mismatch")?.data).toMatchObject({ stated: "良好", expected: "优秀" });
  });

  test("a rule set the user chose grades by its own cut-offs", () => {
    const found = gradeFindings(
      "优秀",
      (t) => {
        total86(t);
        note(bands85)(t);
      },
      true,
    );
    expect(found.map((f) => `${f.severity} ${f.code}`)).toEqual(["error grade-mismatch"]);
  });
});
