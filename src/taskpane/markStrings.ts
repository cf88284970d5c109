/**
 * The pane's words about marks, their notes, results kept fresh and grouped (zh-CN and English). Kept apart
 * from strings.ts so the mark features can grow without touching the main catalogue.
 */
import type { Locale } from "../engine";

const zh = {
  /** Between two sentences of one notice. */
  sentenceSep: "",
  notesAdded: "每个标记的单元格附有说明（鼠标移到单元格上即可查看）。",
  notesUnsupported: "此版本的 Excel 不支持在单元格上添加批注（需要 ExcelApi 1.18），标记未附说明；请看下方列表。",
  legendNotes: "标记的单元格附有本加载项的说明；清除标记会一并删除，您自己的批注不受影响。",
  remarked: (sheet: string, n: number) => `已按新结果重新标记工作表“${sheet}”：${n} 个单元格。`,
  unmarked: (sheet: string) => `工作表“${sheet}”已没有需要标记的单元格，原有标记已清除。`,
  /** A severity heading over its findings: 错误（4）. */
  groupHeading: (label: string, n: number) => `${label}（${n}）`,
  copyFirst: "先复制工作表（在旁边保留一份原样的副本）",
  copyUnsupported: "此版本的 Excel 不能复制工作表（需要 ExcelApi 1.7）。",
  copySuffix: "副本",
  copiedTo: (names: string) => `已先把原样复制到${names}；撤销只恢复原工作表，副本保留。`,
};

export type MarkStrings = typeof zh;

const en: MarkStrings = {
  sentenceSep: " ",
  notesAdded: "Each marked cell carries a note saying why (hover over the cell to read it).",
  notesUnsupported:
    "This version of Excel cannot add notes to cells (ExcelApi 1.18 is needed), so the marks carry no notes; see the list below.",
  legendNotes: "Marked cells carry this add-in's notes; Clear marks removes them too, and never your own notes.",
  remarked: (sheet: string, n: number) =>
    `Marked "${sheet}" again from the new results: ${n} cell${n === 1 ? "" : "s"}.`,
  unmarked: (sheet: string) => `Nothing on "${sheet}" needs a mark any more; its marks were cleared.`,
  groupHeading: (label: string, n: number) => `${label} (${n})`,
  copyFirst: "Copy the sheet first (keep an unchanged copy next to it)",
  copyUnsupported: "This version of Excel cannot copy sheets (ExcelApi 1.7 is needed).",
  copySuffix: "copy",
  copiedTo: (names: string) =>
    `Copied first, unchanged, to ${names}; Undo restores the original sheet and keeps the copy.`,
};

export function markStringsFor(locale: Locale): MarkStrings {
  return locale === "zh-CN" ? zh : en;
}
