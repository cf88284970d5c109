/** Open a workbook file for a command, with the size guard and a timeout; errors become zh-CN text. */
import { ExcelJsPort, WorkbookReadError } from "../host/exceljs";
import { TimeoutError, withTimeout } from "./files";

export const DEFAULT_TIMEOUT_SECONDS = 120;

export type Opened = { ok: true; port: ExcelJsPort } | { ok: false; message: string };

export async function openWorkbook(
  file: string,
  options: { readOnly?: boolean; timeoutSeconds?: number } = {},
): Promise<Opened> {
  try {
    const port = await withTimeout(
      ExcelJsPort.fromFile(file, { readOnly: options.readOnly }),
      (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    );
    return { ok: true, port };
  } catch (e) {
    return { ok: false, message: describeError(e) };
  }
}

/** Any failure as one zh-CN line: our own errors carry their message; anything else is wrapped. */
export function describeError(e: unknown): string {
  if (e instanceof WorkbookReadError) return e.message;
  if (e instanceof TimeoutError) return new WorkbookReadError("timeout").message;
  const text = e instanceof Error ? e.message : String(e);
  return `处理失败：${text.split("\n")[0].slice(0, 200)}`;
}
