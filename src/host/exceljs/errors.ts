/**
 * Why a workbook file could not be read, as data: the CLI prints `message` (zh-CN) and exits 2;
 * nothing here ever reaches a user as a stack trace.
 */
export type ReadFailure =
  | "not-found"
  | "too-large"
  | "empty-file"
  | "encrypted"
  | "old-xls"
  | "encrypted-or-xls"
  | "not-xlsx"
  | "corrupt"
  | "no-sheets"
  | "timeout";

const MESSAGES: Record<ReadFailure, { zh: string; en: string }> = {
  "not-found": { zh: "找不到文件", en: "file not found" },
  "too-large": { zh: "文件过大，超过允许的上限", en: "file is larger than the allowed limit" },
  "empty-file": { zh: "文件是空的（0 字节）", en: "file is empty (0 bytes)" },
  encrypted: {
    zh: "文件已加密（设置了打开密码）；请在 Excel 或 WPS 中取消密码后再试",
    en: "file is encrypted (password to open); remove the password and try again",
  },
  "old-xls": {
    zh: "文件是旧版 .xls 格式；请用 ziping review 读取（需要 LibreOffice），或在 Excel / WPS 中另存为 .xlsx",
    en: "file is an old .xls workbook; read it with ziping review (needs LibreOffice) or save it as .xlsx",
  },
  "encrypted-or-xls": {
    zh: "文件已加密（设置了打开密码）或是旧版 .xls 格式；请在 Excel 中取消密码或另存为 .xlsx 后再试",
    en: "file is encrypted (password to open) or an old .xls; remove the password or save as .xlsx",
  },
  "not-xlsx": { zh: "不是 .xlsx 工作簿文件", en: "not an .xlsx workbook" },
  corrupt: { zh: "工作簿已损坏或缺少必要部分，无法读取", en: "workbook is damaged or incomplete" },
  "no-sheets": { zh: "工作簿中没有任何工作表", en: "workbook has no worksheets" },
  timeout: { zh: "读取超时：文件过于复杂或已损坏", en: "reading timed out: file too complex or damaged" },
};

export class WorkbookReadError extends Error {
  readonly reason: ReadFailure;
  readonly messageEn: string;
  /** `detail` is said in the zh-CN message; `detailEn` (else `detail`, for numbers and names) in the English one. */
  constructor(reason: ReadFailure, detail?: string, detailEn?: string) {
    const m = MESSAGES[reason];
    super(detail ? `${m.zh}（${detail}）` : m.zh);
    this.reason = reason;
    const en = detailEn ?? detail;
    this.messageEn = en ? `${m.en} (${en})` : m.en;
    this.name = "WorkbookReadError";
  }
}

/**
 * A workbook path's stat as both readers report it: not found, not a plain file, or too large —
 * refused before reading a byte, so a huge file does not cost its size in memory.
 */
export function sizeToRead(stat: { isFile(): boolean; size: number } | undefined, maxBytes: number): number {
  if (!stat) throw new WorkbookReadError("not-found");
  if (!stat.isFile()) throw new WorkbookReadError("not-xlsx", "不是普通文件", "not a regular file");
  if (stat.size > maxBytes) throw new WorkbookReadError("too-large", `${(stat.size / 1048576).toFixed(1)} MB`);
  return stat.size;
}
