/**
 * The numbers a report states: amounts (万元, 元, 亿元 — all held in 万元, the forms' unit),
 * percentages (held as fractions), scores (…分) and grades (优/良/中/差). Each keeps the text as
 * written and how many decimals it was written with, so it is compared at the precision it shows.
 */

export type QuantityKind = "amount" | "percent" | "score" | "grade";

export interface Quantity {
  kind: QuantityKind;
  /** 万元 for amounts, a fraction for percents, points for scores, 优/良/中/差 for grades. */
  value: number | string;
  /** Decimals as written, in the unit written (148.5万元 → 1; 95.33% → 2). */
  decimals: number;
  /** Multiplier from the written unit to the held value (元 → 0.0001, 亿元 → 10000, % → 0.01). */
  scale: number;
  /** The quantity as written, e.g. "148万元". */
  text: string;
  /** Where it starts and ends in its clause. */
  start: number;
  end: number;
}

const NUMBER_UNIT = /(\d+(?:\.\d+)?)(亿元|万元|元|%|分(?![值配类钟别之项档析级解]))/g;
const GRADE =
  /(?:等级|等次|评价结果|评价结论|结果|评定|评为|定为|档次)(?:为|是|：|:|评定为|评定|属于|达到)?\s*[“"「『]?(优秀|良好|中等|较差|优|良|中|差)(?![化质势])/g;

const SCALE: Record<string, number> = { 亿元: 10000, 万元: 1, 元: 0.0001, "%": 0.01, 分: 1 };
const GRADE_WORD: Record<string, string> = { 优秀: "优", 良好: "良", 中等: "中", 较差: "差" };

/** Every quantity in a clause, in order of appearance. */
export function quantitiesIn(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(NUMBER_UNIT)) {
    const unit = m[2];
    const digits = m[1];
    const dot = digits.indexOf(".");
    const kind: QuantityKind = unit === "%" ? "percent" : unit === "分" ? "score" : "amount";
    const start = m.index ?? 0;
    out.push({
      kind,
      value: Number(digits) * SCALE[unit],
      decimals: dot < 0 ? 0 : digits.length - dot - 1,
      scale: SCALE[unit],
      text: m[0],
      start,
      end: start + m[0].length,
    });
  }
  for (const m of clause.matchAll(GRADE)) {
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    const value = GRADE_WORD[m[1]] ?? m[1];
    out.push({ kind: "grade", value, decimals: 0, scale: 1, text: m[1], start, end: start + m[1].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Half a unit of the last written digit, in the held unit: "60万元" agrees with 59.8, "59.80万元"
 * does not. A rounded figure in prose is not a contradiction; a different figure is.
 */
export function toleranceOf(q: Quantity): number {
  return (Math.pow(10, -q.decimals) / 2) * q.scale + 1e-9;
}

/** True when `value` reads as `q` at the precision `q` was written with. */
export function agrees(q: Quantity, value: number): boolean {
  return typeof q.value === "number" && Math.abs(q.value - value) <= toleranceOf(q);
}
