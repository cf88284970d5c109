/**
 * zh-CN messages for what the functions themselves reject (argument shapes, unknown rule sets).
 * What the engine rejects is rendered by the engine's formatMessage; these cover only the
 * argument adaptation that happens before an engine call.
 */
export const FN_MESSAGES = {
  shapeMismatch: (shapes: string) =>
    `区域大小不一致（${shapes}）：前四个参数要么是单个单元格，要么是同样行列数的区域。`,
  unknownRuleSet: (id: string, known: string) => `未知的规则集“${id}”。可用的规则集：${known || "（无）"}。`,
  ruleSetUnavailable: "规则集不可用：评分引擎没有加载任何规则集。",
  importedRulesUnavailable:
    "无法读取本工作簿导入的规则集：加载项的文件没有加载完整。请确认能访问加载项所在的服务器，然后重新计算。",
  totalEmpty: "总分为空：请引用填好的总分单元格。",
  totalNotNumber: (raw: string) => `总分“${raw}”不是数字。`,
  internal: (detail: string) => `计算出错：${detail}`,
  /** EXPLAIN's text for a row that cannot be scored; engine messages that already say so keep their wording. */
  cannotScore: (reason: string) => (/无法(评|计)分/.test(reason) ? reason : `无法评分：${reason}`),
  /** Why PARSEVALUE could not read a value, by the parser's InvalidReason. */
  invalidValue: {
    unreadable: (raw: string) => `读不出“${raw}”：不是数字、区间、期限或定性描述。`,
    "error-value": (raw: string) => `单元格是错误值 ${raw}，请先修正它引用的单元格。`,
    "not-finite": (raw: string) => `“${raw}”不是有限的数字。`,
    boolean: (raw: string) => `“${raw}”是逻辑值（TRUE/FALSE），这里需要数值或文字。`,
  },
} as const;
