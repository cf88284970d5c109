/**
 * The 自评报告 draft as data: headings, paragraphs of runs, the form as a table. A run is text the
 * engine knows (every number from the evaluated form) or a placeholder (【请填写：项目背景】) for
 * what only the unit can write — never invented prose. Renderers (the docx writer, a sheet) read
 * this model; nothing here knows Word.
 */

export type Run = { text: string } | { placeholder: string };

export interface TableCellModel {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** The engine's value replaced what the cell stated (a slip) or filled an empty computed cell. */
  computed?: boolean;
}

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "table"; caption: string; rows: (TableCellModel | null)[][] };

export interface ReportDraft {
  title: string;
  /** 项目名称 / 部门名称. */
  subject: string;
  kind: "project" | "department";
  blocks: Block[];
  /** How many placeholders the draft leaves for the user. */
  placeholders: number;
}

export const text = (t: string): Run => ({ text: t });
export const placeholder = (what: string): Run => ({ placeholder: what });
export const paragraph = (...runs: Run[]): Block => ({ kind: "paragraph", runs });
export const heading = (level: 1 | 2, t: string): Block => ({ kind: "heading", level, text: t });

/** How a placeholder reads in the document: 【请填写：项目背景】. */
export function placeholderText(what: string): string {
  return `【请填写：${what}】`;
}
