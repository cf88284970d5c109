/**
 * checkReport: the 文表一致 check. A report's text and the subjects its forms hold →
 * contradictions between them, and inside the prose itself. Pure; never throws.
 */
import type { RuleSet } from "../rules/schema";
import { attributeClaims } from "./attribute";
import type { Subject } from "./facts";
import type { ReportFinding } from "./findings";
import { withProjectFormSums } from "./projectTotals";
import { checkProse } from "./prose";
import { checkAgainstTables } from "./table";
import { splitParagraphs } from "./text";

export interface ReportCheck {
  findings: ReportFinding[];
  /** How many figures the text states, and how many of them were matched to a form's subject. */
  claims: number;
  attributed: number;
}

export function checkReport(text: string, subjects: Subject[], ruleSet: RuleSet): ReportCheck {
  const paragraphs = splitParagraphs(text);
  const claims = attributeClaims(paragraphs, withProjectFormSums(subjects));
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const findings = [...checkAgainstTables(claims), ...checkProse(sentences, ruleSet)];
  findings.sort((a, b) => a.paragraph - b.paragraph);
  return {
    findings,
    claims: claims.filter((c) => c.metric !== "other").length,
    attributed: claims.filter((c) => c.subject && c.metric !== "other").length,
  };
}
