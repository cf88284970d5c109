/** Open a workbook file for a command, with the size guard and a timeout; errors become zh-CN text. */
import { ExcelJsPort, WorkbookReadError } from "../host/exceljs";
import { ExceljsElsewhere } from "../host/exceljs/lib";
import { openForReading, type ReadablePort } from "../host/exceljs/light/port";
import { TimeoutError, withTimeout } from "./files";

export const DEFAULT_TIMEOUT_SECONDS = 120;

export type Opened = { ok: true; port: ExcelJsPort } | { ok: false; message: string };

export async function openWorkbook(
  file: string,
  options: { readOnly?: boolean; timeoutSeconds?: number; lang?: "zh-CN" | "en" } = {},
): Promise<Opened> {
  try {
    const port = await withTimeout(
      ExcelJsPort.fromFile(file, { readOnly: options.readOnly }),
      (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    );
    return { ok: true, port };
  } catch (e) {
    return { ok: false, message: describeError(e, options.lang) };
  }
}

export type OpenedForReading = { ok: true; port: ReadablePort } | { ok: false; message: string };

/**
 * Open a workbook only to read it (check, review): the light reader (src/host/exceljs/light),
 * which reads exactly what exceljs reads, or exceljs itself for a file the light reader leaves to it.
 */
export async function openForCheck(
  file: string,
  options: { timeoutSeconds?: number; lang?: "zh-CN" | "en" } = {},
): Promise<OpenedForReading> {
  try {
    const port = await withTimeout(openForReading(file), (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
    return { ok: true, port };
  } catch (e) {
    if (e instanceof ExceljsElsewhere) throw e; // not a verdict on the file: the light worker hands it on
    return { ok: false, message: describeError(e, options.lang) };
  }
}

/** File-system failures a user can act on, said in their words (Node's own text is English and technical). */
const FS_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: "找不到该文件或文件夹", en: "no such file or folder" },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
  EISDIR: { zh: "这是一个文件夹，不是文件", en: "it is a folder, not a file" },
  EACCES: { zh: "没有访问权限", en: "permission denied" },
  EPERM: { zh: "没有访问权限", en: "permission denied" },
  EROFS: { zh: "该位置只读，无法写入", en: "the location is read-only" },
  ENOSPC: { zh: "磁盘空间不足", en: "no space left on the disk" },
  EBUSY: { zh: "文件正被其他程序占用", en: "the file is in use by another program" },
};

/** mkdir's EEXIST: a file stands where a folder of the path should be. */
const FILE_IN_PATH = { zh: "路径中的这一段是文件，不是文件夹", en: "this part of the path is a file, not a folder" };

function fsErrorText(e: unknown, lang: "zh-CN" | "en"): string | undefined {
  const { code, path: where, syscall } = (e ?? {}) as NodeJS.ErrnoException;
  const words = code === "EEXIST" && syscall === "mkdir" ? FILE_IN_PATH : code ? FS_ERRORS[code] : undefined;
  if (!words) return undefined;
  if (lang === "en") return `${words.en}${where ? `: ${where}` : ""} (${code})`;
  return `${words.zh}${where ? `：${where}` : ""}（${code}）`;
}

/** Any failure as one line (zh-CN unless --lang en): our own errors carry their message; anything else is wrapped. */
export function describeError(e: unknown, lang: "zh-CN" | "en" = "zh-CN"): string {
  const read = e instanceof TimeoutError ? new WorkbookReadError("timeout") : e;
  if (read instanceof WorkbookReadError) return lang === "en" ? read.messageEn : read.message;
  const fsText = fsErrorText(e, lang);
  if (fsText) return fsText;
  const text = (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200);
  return lang === "en" ? `failed: ${text}` : `处理失败：${text}`;
}
