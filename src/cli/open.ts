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

/** Any failure as one line (zh-CN unless --lang en): our own errors carry their message; anything else is wrapped. */
export function describeError(e: unknown, lang: "zh-CN" | "en" = "zh-CN"): string {
  const read = e instanceof TimeoutError ? new WorkbookReadError("timeout") : e;
  if (read instanceof WorkbookReadError) return lang === "en" ? read.messageEn : read.message;
  const text = (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 200);
  return lang === "en" ? `failed: ${text}` : `处理失败：${text}`;
}
