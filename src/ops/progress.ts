/**
 * Progress of a long operation as data: a code and what it quotes, like a finding or an
 * OperationError. Each front renders it in its language (`progressText`); both languages'
 * words are here, typed over every code, so a new code without its wording does not compile.
 */
export interface ProgressData {
  /** A template is being prepared (rule set resolved, plan drawn). */
  "template-preparing": Record<never, never>;
  "template-inserted": { sheet: string };
  /** A sheet's values are computed; writing follows. */
  "calculate-planned": { sheet: string };
  "calculate-written": { sheet: string };
  /** A whole-workbook check reached this sheet. */
  "check-sheet": { sheet: string };
  "check-done": Record<never, never>;
  /** A freeze finished this sheet. */
  "freeze-sheet": { sheet: string };
}

export type ProgressCode = keyof ProgressData;

export type ProgressStep = { [C in ProgressCode]: { code: C; data: ProgressData[C] } }[ProgressCode];

/** Called as work advances: `done` of `total` units, and the step just reached. */
export type OnProgress = (done: number, total: number, step: ProgressStep) => void;

export function progressStep<C extends ProgressCode>(code: C, data: ProgressData[C]): ProgressStep {
  return { code, data } as ProgressStep;
}

type Messages = { readonly [C in ProgressCode]: (d: ProgressData[C]) => string };

const ZH: Messages = {
  "template-preparing": () => "正在准备模板",
  "template-inserted": (d) => `已插入模板“${d.sheet}”`,
  "calculate-planned": (d) => `已算出工作表“${d.sheet}”的值，正在写入`,
  "calculate-written": (d) => `已写入工作表“${d.sheet}”`,
  "check-sheet": (d) => `正在校验工作表“${d.sheet}”`,
  "check-done": () => "校验完成",
  "freeze-sheet": (d) => `已固化工作表“${d.sheet}”`,
};

const EN: Messages = {
  "template-preparing": () => "Preparing the template",
  "template-inserted": (d) => `Template inserted as “${d.sheet}”`,
  "calculate-planned": (d) => `Values of “${d.sheet}” computed, writing them`,
  "calculate-written": (d) => `Written to “${d.sheet}”`,
  "check-sheet": (d) => `Checking sheet “${d.sheet}”`,
  "check-done": () => "Check finished",
  "freeze-sheet": (d) => `Froze sheet “${d.sheet}”`,
};

/** A progress step in a front's language. */
export function progressText(step: ProgressStep, locale: "zh-CN" | "en"): string {
  const messages = locale === "en" ? EN : ZH;
  return (messages[step.code] as (d: ProgressStep["data"]) => string)(step.data);
}
