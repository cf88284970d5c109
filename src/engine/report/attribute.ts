/**
 * Which subject each claim speaks of. A name mentioned in a clause holds for the rest of its
 * sentence and paragraph; a heading that names a subject ("（一）人大会议经费项目") holds until the
 * next heading. A workbook with one form only gives that form to claims that name nothing.
 */
import { claimsOf, type Claim } from "./claims";
import type { Subject } from "./facts";
import { indexNames, subjectIn } from "./names";
import { splitClauses, type Paragraph } from "./text";

/** A section heading ("三、", "（三）"), not a numbered item inside one ("2、"). */
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

export interface AttributedClaim extends Claim {
  subject: Subject | null;
}

const HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[部章节])/;

export function attributeClaims(paragraphs: Paragraph[], subjects: Subject[]): AttributedClaim[] {
  const index = indexNames(subjects);
  const mains = subjects.filter((s) => s.kind !== "task");
  const fallback = mains.length === 1 && subjects.length === 1 ? mains[0] : null;
  const departments = subjects.filter((s) => s.kind === "department" && s.projects);
  const soleDepartment = departments.length === 1 ? departments[0] : null;
  const out: AttributedClaim[] = [];
  let section: Subject | null = null;
  let heading = "";
  for (const p of paragraphs) {
    if (HEADING.test(p.text)) section = subjectIn(firstClause(p.text), index);
    // "（三）部门整体收支情况" holds over its numbered items ("2、支出合计…").
    if (SECTION.test(p.text)) heading = p.text;
    let carried = section;
    for (const sentence of p.sentences) {
      const clauses = splitClauses(sentence.text);
      const mentioned = clauses.map((c) => subjectIn(c, index));
      for (const claim of claimsOf(sentence)) {
        const subject = lastMention(mentioned, claim.clause) ?? carried ?? fallback;
        out.push(toProjectTotals({ ...claim, subject }, `${heading}\n${p.text}`, soleDepartment));
      }
      const last = lastMention(mentioned, clauses.length - 1);
      if (last) carried = last;
    }
  }
  return out;
}

/**
 * A claim about 项目支出 as a whole goes to the department's 项目支出 totals: when it speaks of the
 * department, or of nothing named in a paragraph or section about the department ("部门整体收支情况") of the one
 * 部门整体 form checked. A bare "项目支出81.94万元" states what was spent.
 */
function toProjectTotals(c: AttributedClaim, paragraph: string, sole: Subject | null): AttributedClaim {
  if (c.scope !== "projects") return c;
  const dept = c.subject?.kind === "department" ? c.subject : !c.subject && /部门/.test(paragraph) ? sole : null;
  if (!dept?.projects) return c;
  const metric = c.metric === "other" && c.keyword === "项目支出" ? "spent" : c.metric;
  return { ...c, subject: dept.projects, metric };
}

function lastMention(mentioned: (Subject | null)[], upTo: number): Subject | null {
  for (let i = upTo; i >= 0; i--) if (mentioned[i]) return mentioned[i];
  return null;
}

/** The heading's words after its numbering ("（一）人大会议经费项目" → "人大会议经费项目"). */
function firstClause(text: string): string {
  const rest = text.replace(HEADING, "");
  return splitClauses(rest)[0] ?? rest;
}
