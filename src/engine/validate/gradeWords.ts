/**
 * The words forms grade with. The 2020 rules say 优/良/中/差; units also write 优秀/良好/中等/较差,
 * 优秀/良好/合格/不合格, 好/较好/一般/差. One word may stand for more than one grade: 合格 is 中
 * (60–80) on a four-step scale but 60–90 on the three-step 优秀/合格/不合格, so it is read as either.
 * Used by the grade comparison and the grade-formula audit alike.
 */
import type { Grade } from "../scoring/total";

const WORD_GRADES: Record<string, readonly Grade[]> = {
  优: ["优"],
  优秀: ["优"],
  好: ["优"],
  良: ["良"],
  良好: ["良"],
  较好: ["良"],
  中: ["中"],
  中等: ["中"],
  一般: ["中"],
  合格: ["中", "良"],
  差: ["差"],
  较差: ["差"],
  不合格: ["差"],
};

/** Families of words, best first: a grade is shown in the family of the word the form used. */
const FAMILIES: readonly (readonly string[])[] = [
  ["优", "良", "中", "差"],
  ["优秀", "良好", "中等", "较差"],
  ["优秀", "良好", "合格", "不合格"],
  ["好", "较好", "一般", "差"],
];
const RANK: Record<Grade, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };

export function compactGradeWord(raw: unknown): string {
  return String(raw ?? "")
    .replace(/\s+/g, "")
    .replace(/^(?:等级|评价等级|评价结果|自评等级)[:：]?/, "");
}

/** The grades a word may stand for; undefined for a word that is no grade. */
export function gradesOfWord(word: string): readonly Grade[] | undefined {
  return WORD_GRADES[compactGradeWord(word)];
}

/** True when the stated word may mean the grade (优秀 means 优; 合格 means 中 or 良). */
export function wordMeans(word: string, grade: string): boolean {
  const w = compactGradeWord(word);
  if (w === grade) return true;
  return (WORD_GRADES[w] as readonly string[] | undefined)?.includes(grade) ?? false;
}

/** True when the word is read as this grade only on one of the scales it belongs to (合格 as 良). */
export function meansOnlyOnSomeScale(word: string, grade: string): boolean {
  const grades = gradesOfWord(word);
  return grades !== undefined && grades.length > 1 && grades.includes(grade as Grade) && grades[0] !== grade;
}

/** The grade in the family of the word the form wrote: 优 for 良好 → 优秀; 良 for 合格 → 良好. */
export function gradeInWordsOf(word: string, grade: string): string {
  const w = compactGradeWord(word);
  const rank = RANK[grade as Grade];
  if (rank === undefined) return grade;
  const family = FAMILIES.find((f) => f.includes(w) && w.length === f[0].length) ?? FAMILIES.find((f) => f.includes(w));
  return family ? family[rank] : grade;
}
