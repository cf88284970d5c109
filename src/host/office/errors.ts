/**
 * Office errors → a clear zh-CN message for the person at the keyboard, keeping Office's code
 * for the code paths that react to it (payload limits → split and retry).
 */
export class OfficeHostError extends Error {
  readonly code: string;
  /** What Excel or the runtime said, in its own words (often English): for IT, not the headline. */
  readonly detail?: string;
  constructor(code: string, message: string, detail?: string) {
    super(message);
    this.name = "OfficeHostError";
    this.code = code;
    if (detail) this.detail = detail;
  }
}

export function errorCode(e: unknown): string {
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return "";
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** True when Office refused a batch for its size: split it and try again. */
export function isPayloadLimit(e: unknown): boolean {
  return PAYLOAD_CODES.has(errorCode(e));
}

/** Wrap whatever Excel threw into an OfficeHostError with a Chinese message. */
export function describeOfficeError(e: unknown, sheet?: string): OfficeHostError {
  if (e instanceof OfficeHostError) return e;
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const where = sheet ? `工作表“${sheet}”` : "工作表";
  switch (code) {
    case "ItemNotFound":
      return new OfficeHostError(code, `找不到${where}，可能已被重命名或删除。`);
    case "ItemAlreadyExists":
      return new OfficeHostError(code, `${where}已存在，未做任何更改。`);
    case "InvalidOperationInCellEditMode":
      return new OfficeHostError(code, "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再重试。");
    case "AccessDenied":
    case "InsertDeleteConflict":
      return new OfficeHostError(code, `${where}受保护或被占用，无法写入。请取消工作表保护后重试。`);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new OfficeHostError(code, `${where}数据量超过 Excel 单次传输上限，请缩小表格后重试。`);
    default:
      // No Office code: our own mistake, not Excel's refusal — say so, and keep the words for IT.
      if (!code)
        return new OfficeHostError(
          "Internal",
          "操作未能完成：加载项内部出错。请重试；若仍出错，请把技术信息告诉 IT。",
          detail,
        );
      return new OfficeHostError(code, `Excel 未能完成这次操作（${code}）。请重试。`, detail);
  }
}

/** The pane opened in a plain browser tab has no Excel: say so instead of "Excel is not defined". */
export function assertExcelHost(): void {
  const g = globalThis as { Excel?: unknown; Office?: unknown };
  if (g.Excel === undefined || g.Office === undefined) {
    throw new OfficeHostError("NoHost", "未检测到 Excel：请在 Excel 中通过“开始 → 绩效自评”打开本加载项。");
  }
}
