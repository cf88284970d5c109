/** 自评报告 drafts from evaluated forms. See docs/engine.md. */
export { draftReport, draftReports, type DraftInput } from "./draft";
export { placeholderText, type Block, type Run, type ReportDraft, type TableCellModel } from "./model";
