/**
 * An operation that cannot proceed for a reason the user can act on: a code and the data its
 * message quotes, like a finding. Both languages' messages are here, typed over every code;
 * `message` is the zh-CN one (logs, the CLI's default) and each front renders `messageIn(locale)`.
 */
export interface OperationErrorData {
  "unknown-template": { kind: string };
  "unknown-rules": { ruleSetId: string };
  "no-sheet": { sheet: string; sheets?: string[] };
  "no-projects": Record<string, never>;
  "no-department": { sheet: string };
  "copy-unsupported": Record<string, never>;
}

export type OperationErrorCode = keyof OperationErrorData;

type Messages = { readonly [C in OperationErrorCode]: (d: OperationErrorData[C]) => string };

const ZH: Messages = {
  "unknown-template": (d) => `未知的模板类型：${d.kind}`,
  "unknown-rules": (d) => `未知的评分规则：${d.ruleSetId}`,
  "no-sheet": (d) => `找不到工作表“${d.sheet}”${d.sheets?.length ? `（工作簿中有：${d.sheets.join("、")}）` : ""}`,
  "no-projects": () => "没有找到项目支出绩效自评表（需要“项目名称”和“项目资金”区块）",
  "no-department": (d) => `工作表“${d.sheet}”上没有带“部门年度重点工作任务”表的部门整体自评表`,
  "copy-unsupported": () => "此版本的 Excel 不能复制工作表（需要 ExcelApi 1.7），未做任何更改。",
};

const EN: Messages = {
  "unknown-template": (d) => `Unknown template kind: ${d.kind}`,
  "unknown-rules": (d) => `Unknown rule set: ${d.ruleSetId}`,
  "no-sheet": (d) =>
    `There is no sheet “${d.sheet}”${d.sheets?.length ? ` (the workbook has: ${d.sheets.join(", ")})` : ""}`,
  "no-projects": () => "No project self-evaluation form was found (it needs a project name and a project funds block)",
  "no-department": (d) => `Sheet “${d.sheet}” holds no department form with a table of the year's key tasks`,
  "copy-unsupported": () => "This version of Excel cannot copy sheets (it needs ExcelApi 1.7); nothing was changed.",
};

export class OperationError<C extends OperationErrorCode = OperationErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly data: OperationErrorData[C],
  ) {
    super(ZH[code](data));
    this.name = "OperationError";
  }

  /** The message in a front's language. */
  messageIn(locale: "zh-CN" | "en"): string {
    return (locale === "en" ? EN : ZH)[this.code](this.data);
  }
}
