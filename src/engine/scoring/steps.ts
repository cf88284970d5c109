/**
 * An explanation as data: the steps a score went through, each a code from the explanation
 * catalogue (../i18n/explain.ts) with the numbers it quotes. The fronts render them in zh-CN or
 * English; `Outcome.explanation` is the zh-CN rendering, kept for callers that want one line.
 */
export type StepData = Record<string, string | number | boolean | null>;

export interface Step {
  code: string;
  data: StepData;
}

export function step(code: string, data: StepData = {}): Step {
  return { code, data };
}

/** Band edges as step data: `band` placeholders render them per locale (80%–100%, ≥ 90%, > 90). */
export function bandData(
  lo: { v: number; incl: boolean } | undefined,
  hi: { v: number; incl: boolean } | undefined,
  unit: "pct" | "num",
): StepData {
  return {
    lo: lo?.v ?? null,
    loIncl: lo?.incl ?? null,
    hi: hi?.v ?? null,
    hiIncl: hi?.incl ?? null,
    bandUnit: unit,
  };
}
