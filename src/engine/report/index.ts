/** The 文表一致 check (report text vs forms). See docs/engine.md. */
export { checkReport, type ReportCheck } from "./check";
export { subjectsOfSheet, type Subject, type Fact } from "./facts";
export { REPORT_CODES, type ReportCode, type ReportFinding } from "./findings";
export { splitParagraphs, normalizeText, type Paragraph, type Sentence } from "./text";
export { quantitiesIn, type Quantity } from "./quantities";
export { claimsOf, type Claim, type Metric } from "./claims";
