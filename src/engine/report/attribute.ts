/**
 * Which subject each claim speaks of. A name mentioned in a clause holds for the rest of its
 * sentence and paragraph; a heading that names a subject ("（一）人大会议经费项目") holds until the
 * next heading. A workbook with one form only gives that form to claims that name nothing.
 */
import { claimsOf, type Claim } from "./claims";
import type { Subject } from "./facts";
import { indexNames, subjectIn } from "./names";
import { splitClauses, type Paragraph } from "./text";

export interface AttributedClaim extends Claim {
  subject: Subject | null;
}

const HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[部章节])/;

export function attributeClaims(paragraphs: Paragraph[], subjects: Subject[]): AttributedClaim[] {
  const index = indexNames(subjects);
  const mains = subjects.filter((s) => s.kind !== "task");
  const fallback = mains.length === 1 && subjects.length === 1 ? mains[0] : null;
  const out: AttributedClaim[] = [];
  let section: Subject | null = null;
  for (const p of paragraphs) {
    if (HEADING.test(p.text)) section = subjectIn(firstClause(p.text), index);
    let carried = section;
    for (const sentence of p.sentences) {
      const clauses = splitClauses(sentence.text);
      const mentioned = clauses.map((c) => subjectIn(c, index));
      for (const claim of claimsOf(sentence)) {
        const subject = lastMention(mentioned, claim.clause) ?? carried ?? fallback;
        out.push({ ...claim, subject });
      }
      const last = lastMention(mentioned, clauses.length - 1);
      if (last) carried = last;
    }
  }
  return out;
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
