/**
 * A rule set's parts as plain Excel expressions (IF/AND/OR/MIN/MAX/ROUND), for the native
 * formula style: bands with explicit bounds, rounding, the positive and execution rules, caps and
 * grade bands. Each mirrors one function of src/engine/scoring, which stays the truth; what plain
 * formulas cannot say (truncation, grading the unrounded total) is listed by `nativeGaps`, and a
 * template under such rules uses the add-in's JX functions instead of printing another number.
 */
import { rulesOf, type GradeBands, type Round } from "../engine/rules/resolve";
import type { Band, Bound } from "../engine/rules/bands";
import type { RuleSet } from "../engine/rules/schema";

/** `x` against one edge of a band, as the engine's inBounds reads it. */
function edge(x: string, b: Bound, side: "lo" | "hi"): string {
  if (side === "lo") return `${x}${b.incl ? ">=" : ">"}${b.v}`;
  return `${x}${b.incl ? "<=" : "<"}${b.v}`;
}

/** The condition "x lies in the band" (TRUE for an unbounded band). */
export function inBand(x: string, lo?: Bound, hi?: Bound): string {
  const parts = [lo && edge(x, lo, "lo"), hi && edge(x, hi, "hi")].filter((p): p is string => !!p);
  if (parts.length === 0) return "1=1";
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/** The first band holding x gives `out(band)`; none gives `otherwise` (the engine's findBand order). */
export function bandChain<T extends { lo?: Bound; hi?: Bound }>(
  x: string,
  bands: readonly T[],
  out: (b: T) => string,
  otherwise: string,
): string {
  let f = otherwise;
  for (let i = bands.length - 1; i >= 0; i--) f = `IF(${inBand(x, bands[i].lo, bands[i].hi)},${out(bands[i])},${f})`;
  return f;
}

/** applyRound: ROUND is Excel's half away from zero, as the engine's excelRound. */
export function rnd(x: string, round: Round): string {
  return round.mode === "none" ? x : `ROUND(${x},${round.places})`;
}

/** roundClamp: rounded first, then within [0, max] (max omitted: no upper bound). */
export function roundClamp(x: string, round: Round, max?: string): string {
  const r = rnd(x, round);
  return max === undefined ? `MAX(0,${r})` : `MAX(0,MIN(${max},${r}))`;
}

/** What plain formulas cannot reproduce under these rules (empty: the native style is exact). */
export function nativeGaps(ruleSet: RuleSet): string[] {
  const r = rulesOf(ruleSet).rounding;
  const gaps: string[] = [];
  for (const [what, round] of [
    ["指标得分", r.indicator],
    ["执行率得分", r.execution],
    ["总分", r.total],
  ] as const) {
    if (round.mode === "truncate") gaps.push(`${what}按截尾取舍`);
  }
  if (r.gradeOn === "raw" && r.total.mode !== "none") gaps.push("等级按未取舍的总分评定");
  return gaps;
}

/** More is better below the target (0 ≤ r = B/A < 1): the rule set's positive rule, as moreIsBetter. */
export function positiveBelow(r: string, w: string, ruleSet: RuleSet): string {
  const rules = rulesOf(ruleSet);
  const p = rules.positive;
  const round = rules.rounding.indicator;
  if (p.kind === "passMark") {
    const below = p.pass.incl ? `${r}<${p.pass.v}` : `${r}<=${p.pass.v}`;
    return `IF(${below},0,${roundClamp(`(${r}-${p.pass.v})/(1-${p.pass.v})*${w}`, round, w)})`;
  }
  if (p.kind === "bands") return bandChain(r, p.bands, (b: Band) => roundClamp(`${b.out}*${w}`, round, w), "0");
  return roundClamp(`${w}*${r}`, round, w);
}

/** The execution score from spent ÷ budget (budget > 0), as scoreExecution's proportional / banded. */
export function executionFromRate(rate: string, w: string, ruleSet: RuleSet): string {
  const rules = rulesOf(ruleSet);
  const e = rules.execution;
  const round = rules.rounding.execution;
  if (e.kind === "banded") return bandChain(rate, e.bands, (b) => roundClamp(`${w}*${b.out}`, round, w), '""');
  const cap = e.cap === undefined ? 1 : e.cap;
  if (cap === null) return roundClamp(`${w}*${rate}`, round);
  return roundClamp(`${w}*MIN(${rate},${cap})`, round, w);
}

/** A budget of exactly 0, by the rule set's policy ("" where the engine reports an error). */
export function executionAtZeroBudget(spent: string, w: string, ruleSet: RuleSet): string {
  const rules = rulesOf(ruleSet);
  const e = rules.execution;
  const policy = e.zeroBudget ?? "error";
  if (policy === "error") return '""';
  if (policy === "zero") return "0";
  if (policy === "full") return w;
  const uncapped = e.kind === "proportional" && e.cap === null;
  return roundClamp(`${w}*${spent}`, rules.rounding.execution, uncapped ? undefined : w);
}

/** The grade of a total `t` by the rule set's grade bands and gap policy, as gradeWithSteps. */
export function gradeOf(t: string, ruleSet: RuleSet): string {
  const rules = rulesOf(ruleSet);
  const gb: GradeBands = rules.gradeBands;
  const graded = rules.rounding.gradeOn === "raw" ? t : rnd(t, rules.rounding.total);
  let gap = '"未定级"';
  if (gb.gapPolicy === "lowerGrade") {
    // A total in a gap takes the band whose upper edge is the highest at or under it.
    const below = gb.bands.filter((b) => b.hi).sort((a, b) => a.hi!.v - b.hi!.v);
    for (const b of below) gap = `IF(${graded}>=${b.hi!.v},"${b.grade}",${gap})`;
  }
  return bandChain(graded, gb.bands, (b) => `"${b.grade}"`, gap);
}

/** Total caps by execution rate (D33): the lowest cap whose band holds the rate, else no cap. */
export function cappedTotal(sum: string, rate: string | undefined, ruleSet: RuleSet): string {
  const round = rulesOf(ruleSet).rounding.total;
  const caps = ruleSet.totalCaps;
  if (!caps || !rate) return rnd(sum, round);
  const cap = bandChain(rate, caps.bands, (b) => String(b.out), `${sum}`);
  return rnd(`IF(ISNUMBER(${rate}),MIN(${sum},${cap}),${sum})`, round);
}
