/**
 * Which subject a sentence speaks of. Reports shorten names: "2023年曲靖市人大代表履职能力提升
 * 专项资金" becomes "人大代表履职能力提升专项资金", "人大会议经费项目" drops "项目". Each name yields
 * a few variants (year, place prefix and generic suffix removed); the longest variant found wins.
 */
import type { Subject } from "./facts";

const YEAR = /^(?:\d{4}年(?:度)?)/;
const PLACE = /^(?:[^\s，。]{1,6}?[省市区县州旗镇乡])+/;
const SUFFIX = /(?:项目|专项资金|专项经费|工作经费|资金|经费)$/;
/** A shortened variant shorter than this matches too much ("会议经费", "建设项目"). */
const MIN_VARIANT = 5;

export function nameVariants(name: string): string[] {
  const set = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t.length >= MIN_VARIANT) set.add(t);
  };
  const full = name.replace(/\s+/g, "");
  if (full.length >= 2) set.add(full);
  const noYear = full.replace(YEAR, "");
  add(noYear);
  const noPlace = noYear.replace(PLACE, "");
  add(noPlace);
  for (const s of [full, noYear, noPlace]) add(s.replace(SUFFIX, ""));
  return [...set].sort((a, b) => b.length - a.length);
}

export interface NameIndex {
  variants: { text: string; subject: Subject }[];
}

export function indexNames(subjects: Subject[]): NameIndex {
  const variants: NameIndex["variants"] = [];
  for (const subject of subjects) for (const text of nameVariants(subject.name)) variants.push({ text, subject });
  variants.sort((a, b) => b.text.length - a.text.length);
  return { variants };
}

/**
 * The subject whose longest variant appears in `text`, or null. A project form and the 重点工作任务
 * row of the same name: the project form (it holds more). Any other tie is ambiguous → null.
 */
export function subjectIn(text: string, index: NameIndex): Subject | null {
  const flat = text.replace(/\s+/g, "");
  let found: { len: number; subjects: Subject[] } | null = null;
  for (const v of index.variants) {
    if (found && v.text.length < found.len) break;
    if (!flat.includes(v.text)) continue;
    found = found ?? { len: v.text.length, subjects: [] };
    if (!found.subjects.includes(v.subject)) found.subjects.push(v.subject);
  }
  if (!found) return null;
  const mains = found.subjects.filter((s) => s.kind !== "task");
  const pick = mains.length > 0 ? mains : found.subjects;
  return pick.length === 1 ? pick[0] : null;
}
