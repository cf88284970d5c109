/**
 * What a 一级 cell says: its name and the weight some forms write into it ("产出指标（50分）",
 * "效益指标⏎30分)", a bare "(50分)"), and the 一级 a 二级 belongs to when the 一级 cell says
 * nothing usable (a bare weight, or 效益 rows left without a 一级 label of their own).
 */
import { statedWeightIn } from "./headers";

export interface Level1Label {
  /** The name without spaces, line breaks or the weight: "产出指标"; "" for a bare "(50分)". */
  name: string;
  /** The weight written in the label. */
  weight?: number;
}

/** "(50分)", "（50分）", "50分", "(50)" at the end of a label, line breaks already removed. */
const WEIGHT_PART = /[(（]?\s*\d+(?:\.\d+)?\s*分?\s*[)）]?$/;

export function readLevel1Label(text: string): Level1Label {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  const weight = statedWeightIn(t) ?? bracketedNumber(t);
  if (weight === undefined) return { name: t };
  return { name: t.replace(WEIGHT_PART, ""), weight };
}

/** "产出指标(50)": a bare number in brackets at the end is a weight too. */
function bracketedNumber(t: string): number | undefined {
  const m = /[(（](\d+(?:\.\d+)?)[)）]$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n <= 100 ? n : undefined;
}

/** The usual 二级 under each 一级 (domain.md): enough to name the 一级 a 二级 belongs to. */
const LEVEL2_FAMILY: readonly [RegExp, string][] = [
  [/^(?:数量|质量|时效|成本指标$|成本$)/, "产出指标"],
  // 经济成本 / 社会成本 / 生态环境成本: the newer forms' 成本指标 一级.
  [/成本/, "成本指标"],
  [/^(?:经济效益|社会效益|生态效益|可持续影响|经济|社会|生态|可持续)/, "效益指标"],
  [/满意度/, "满意度指标"],
];

/** The 一级 a 二级 name belongs to ("社会效益指标" → 效益指标), or undefined. */
export function level1OfLevel2(level2: string): string | undefined {
  const t = level2.replace(/\s+/g, "");
  if (t === "") return undefined;
  for (const [re, name] of LEVEL2_FAMILY) if (re.test(t)) return name;
  return undefined;
}

/** 产出 ≈ 产出指标: the family a 一级 name belongs to, for comparing names. */
export function level1Family(name: string): string {
  return name.replace(/指标$/, "");
}

/** 产出 / 效益 / 满意度 / 成本 (with or without 指标): the 一级 whose 二级 are known. */
export function isStandardLevel1(name: string): boolean {
  return LEVEL2_FAMILY.some(([, n]) => level1Family(n) === level1Family(name));
}
