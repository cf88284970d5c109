/**
 * English messages of every finding code, typed over FindingData: a code without a message here
 * does not compile. Values are shown by ./show.ts (numbers, percents, words, lists, explanations).
 */
import type { FindingMessages } from "./catalogue";
import { execLeftOut, showFor } from "./show";
import { EN_WORDS } from "./words";

export { EN_WORDS };

const { v, pct, word, list, cells, explain, is, reason } = showFor("en", EN_WORDS);

/** Cell texts as a list, each in quotes (they are the user's words, often Chinese). */
const quotedList = (xs: readonly string[] | undefined) => list((xs ?? []).map((x) => `"${v(x)}"`));

/** What to do when a plain score formula cannot read the row (FindingData "formula-no-result".cannot). */
const EN_NO_RESULT_HINT = {
  qualitative:
    "A plain formula cannot score a qualitative (定性) indicator: type the score the rules give, or use the JX functions.",
  text: 'A plain formula cannot read text such as "≥95%" or "1-2次": type the target and actual as numbers, or use the JX functions.',
  nature:
    "The 指标性质 is none of ≥, ≤, =, so the formula cannot tell how to score: choose one, or use the JX functions.",
  other: "Check the formula, or use the JX functions.",
} as const;

export const EN_MESSAGES: FindingMessages = {
  "weights-total": (d) =>
    `Weights add up to ${v(d.stated)} (execution ${v(d.execWeight)} + indicators ${v(d.indicatorWeight)}); they must total ${v(d.expected)}.`,
  "total-weight-mismatch": (d) =>
    `The total's weight ${is(d)} ${v(d.stated)}, but the weights add up to ${v(d.expected)}.`,
  "level1-weight-differs": (d) =>
    `Level-1 "${v(d.level1)}" carries ${v(d.stated)}; rule set "${v(d.ruleSet)}" gives it ${v(d.expected)} in principle. Ignore if adjusted on purpose.`,
  "level1-unknown": (d) =>
    `Level-1 "${v(d.level1)}" is not in rule set "${v(d.ruleSet)}"; its weight was not compared.`,
  "exec-reason-required": (d) =>
    `The execution rate ${pct(d.rate)} is below ${pct(d.threshold)}: rule set "${v(d.ruleSet)}" asks for a reason.`,
  "exec-reason-missing": (d) =>
    `The execution rate ${pct(d.rate)} is below ${pct(d.threshold)} and rule set "${v(d.ruleSet)}" requires a reason, but the reason cell is empty.`,
  "exec-weight-differs": (d) =>
    `The execution-rate weight ${is(d)} ${v(d.stated)}; rule set "${v(d.ruleSet)}" gives ${v(d.expected)} in principle.`,
  "weights-total-unfinished": (d) =>
    `Weights add up to ${v(d.stated)} (execution ${v(d.execWeight)} + indicators ${v(d.indicatorWeight)}), not ${v(d.expected)}; the table has no total row and may be incomplete: please check.`,
  "exec-weight-from-form": (d) =>
    `Scored with the form's own execution weight ${v(d.stated)} (rule set "${v(d.ruleSet)}" gives ${v(d.expected)}).`,
  "level1-weight-from-form": (d) =>
    `Level-1 "${v(d.level1)}" checked against the form's own weight ${v(d.stated)} (rule set "${v(d.ruleSet)}" gives ${v(d.expected)}).`,
  "level1-label-mismatch": (d) =>
    `"${v(d.label)}" states ${v(d.stated)} points; the ${word(d.column)} of its indicators add up to ${v(d.expected)}.`,
  "block-score-over": (d) =>
    `"${v(d.label)}" states ${v(d.weight)} points; its indicators' scores add up to ${v(d.stated)}, more than that.`,
  "weights-unknown": () =>
    `The table has no weight column: indicator scores cannot be checked one by one; block weights, subtotals, the total and the grade are checked.`,
  "score-above-weight": (d) => `Score ${v(d.stated)} is above the weight ${v(d.weight)}.`,
  "score-mismatch": (d) =>
    `Score ${is(d)} ${v(d.stated)}; the rules give ${v(d.expected)} (${explain(d.explanation)}).`,
  "score-out-of-band": (d) =>
    `Qualitative result is ${word(d.level)}: the score must lie between ${v(d.low)} and ${v(d.high)}, but it ${is(d)} ${v(d.stated)}.`,
  "sum-mismatch": (d) => `Subtotal (${word(d.column)}) ${is(d)} ${v(d.stated)}; its rows add up to ${v(d.expected)}.`,
  "total-mismatch": (d) =>
    `Total score ${is(d)} ${v(d.stated)}; execution score plus indicator scores is ${v(d.expected)}.` +
    (execLeftOut(d)
      ? ` The gap of ${v(d.execScore)} is exactly the execution score: the total may have left it out.`
      : ""),
  "grade-mismatch": (d) => `Grade is "${v(d.stated)}"; a total of ${v(d.total)} means "${v(d.expected)}".`,
  "grade-word-ambiguous": (d) =>
    `Grade ${is(d)} "${v(d.stated)}": on a four-step scale ("优秀/良好/合格/不合格") a total of ${v(d.total)} is "${v(d.expected)}"; on a three-step scale ("优秀/合格/不合格") it is right. Please check.`,
  "grade-bands-from-form": (d) => `The grade is checked against the bands the form states (“${v(d.bands)}”).`,
  "score-direction-assumed": (d) =>
    `Score ${is(d)} ${v(d.stated)}; the form states no direction for this target, so it was scored as more-is-better (≥): ${v(d.expected)} (${explain(d.explanation)}). Neither ≤ nor = gives the stated score either: check the direction and the score.`,
  "score-rounded": (d) =>
    `Score ${is(d)} ${v(d.stated)}; the rules give ${v(d.expected)} (${explain(d.explanation)}). The form writes scores to ${v(d.decimals)} decimals and the two differ by less than one unit there: read as rounding; check that your rules round this way.`,
  "rate-mismatch": (d) =>
    `Execution rate ${is(d)} ${pct(d.stated)}; ${v(d.spent)} ÷ ${v(d.budget)} gives ${pct(d.expected)}.`,
  "rate-rounded": (d) =>
    `Execution rate ${is(d)} ${pct(d.stated)}; ${v(d.spent)} ÷ ${v(d.budget)} is ${pct(d.expected)}. The amounts are written to the places shown, and amounts before that rounding could give the stated rate: please check.`,
  "exec-score-rounded": (d) =>
    `Execution score ${is(d)} ${v(d.stated)}; ${v(d.spent)} ÷ ${v(d.budget)} gives ${v(d.expected)}. The amounts are written to the places shown, and amounts before that rounding could give the stated score: please check.`,
  "exec-score-mismatch": (d) =>
    `Execution score ${is(d)} ${v(d.stated)}; it should be ${v(d.expected)} (${explain(d.explanation)}).`,
  "layout-unsure": (d) =>
    `What the column(s) under "${v(d.label)}" hold (${quotedList(d.words)}) could not be told, so they were not checked.`,
  "column-unlabelled": (d) =>
    `This column has no header but holds numbers (${quotedList(d.values)}…); what they mean could not be told, so it was not checked.`,
  "rate-over-100": (d) => `"${v(d.label)}" is a rate; ${pct(d.stated)} is above 100%.`,
  "exec-rate-over-100": (d) =>
    `Spent ${v(d.spent)} exceeds the budget ${v(d.budget)} (rate ${pct(d.rate)}); please check.`,
  "funds-sum-mismatch": (d) =>
    `Annual total ${word(d.column)} ${is(d)} ${v(d.stated)}; its sub-rows add up to ${v(d.expected)}.`,
  "task-sum-mismatch": (d) => `Approved total ${is(d)} ${v(d.stated)}; fiscal plus other funds is ${v(d.expected)}.`,
  "budget-not-positive": (d) => `Budget is ${v(d.budget)}: the execution rate needs a budget above 0.`,
  "error-cell": (d) => `The cell holds the error ${v(d.value)}; fix it first.`,
  "actual-missing": (d) => `Indicator "${v(d.label)}" has no actual value; it cannot be scored.`,
  "target-missing": (d) => `Indicator "${v(d.label)}" has no target; it cannot be scored.`,
  "weight-missing": (d) => `Indicator "${v(d.label)}" has no weight.`,
  "spent-missing": () => `The amount spent is missing; the execution rate cannot be computed.`,
  "budget-missing": (d) => `${v(d.spent)} was spent but the budget is empty; the execution rate cannot be computed.`,
  "unit-missing": (d) => `Target ${v(d.value)} is a number without a unit of measure.`,
  "unit-mismatch": (d) => `"${v(d.value)}" is in ${v(d.valueUnit)}, which contradicts the unit "${v(d.unit)}".`,
  "value-unreadable": (d) => `Cannot read "${v(d.value)}": enter a number, a range or a qualitative result.`,
  "nature-unreadable": (d) =>
    `Cannot read the indicator type "${v(d.value)}" (use ≥, ≤, =, "正向", "反向", "定量" or "定性").`,
  "reason-missing": (d) =>
    `Score ${v(d.score)} is below the weight ${v(d.weight)}: a reason for the shortfall is required.`,
  "shortfall-reason-missing": () => `The actual falls short of the target: a reason for the shortfall is required.`,
  "task-reason-missing": (d) => `Execution rate ${pct(d.rate)} is below 100%: a reason is required.`,
  "cost-positive": (d) =>
    `Cost indicator "${v(d.label)}" is marked "${v(d.nature)}" (more is better); costs are normally "≤".`,
  "over-achievement": (d) =>
    `The actual is ${pct(d.ratio)} of the target, above ${pct(d.limit)}: please explain the over-achievement.`,
  "header-total-mismatch": (d) =>
    d.what === "total"
      ? `The total stated in the header, ${v(d.stated)}, differs from the total row's score ${v(d.expected)}.`
      : `The total stated in the header is ${v(d.stated)}; the execution score and the indicator scores add up to ${v(d.expected)}.`,
  "header-total-rounded": (d) =>
    `The total stated in the header is ${v(d.stated)}; ${d.what === "total" ? "the total row's score" : "the scores add up to"} ${v(d.expected)}. The header keeps ${v(d.decimals)} decimals: read as rounding, please confirm.`,
  "header-total-unchecked": (d) =>
    `The total stated in the header is ${v(d.stated)}; the scores read in the table add up to ${v(d.expected)}, ` +
    (d.weight === null
      ? "but the table has no weight column"
      : `but the weights read add up to ${v(d.weight)}, not full marks`) +
    `: the table may be incomplete or partly unread, so the header total is not checked.`,
  "total-incomplete": (d) =>
    `Cannot compute the ${word(d.what)}: row ${list(d.rows)} has no value or cannot be scored.`,
  "spent-negative": (d) => `The spending cannot be negative (it is ${v(d.spent)}).`,
  "rate-overflow": (d) =>
    `The spending ${v(d.spent)} and the budget ${v(d.budget)} differ too much for an execution rate.`,
  "weight-invalid": (d) => `The weight must be a number greater than 0 (it is “${v(d.weight)}”).`,
  "nature-conflict": (d) =>
    `The nature "${v(d.nature)}" contradicts the operator inside the target "${v(d.target)}"; more-is-better or less-is-better is unclear.`,
  "rate-in-no-band": (d) =>
    `The execution rate ${pct(d.rate)} falls in none of the execution bands of "${v(d.ruleSet)}"; it cannot be scored.`,
  unscorable: (d) => `Cannot score: ${reason(d.reason)} (target “${v(d.target)}”, actual “${v(d.actual)}”).`,
  "review-score-outpaces-spending": (d) =>
    `Indicator score rate ${pct(d.scoreRate)} exceeds the execution rate ${pct(d.execRate)} by more than 5% (platform red flag): please check.`,
  "review-zero-budget": () => `The budget is 0 (platform yellow flag): please check the project funds.`,
  "review-unspent": (d) =>
    `Execution rate ${pct(d.execRate)}: more than 20% of the budget is unspent (platform yellow flag).`,
  "task-project-mismatch": (d) =>
    `Task "${v(d.task)}": the ${word(d.column)} ${is(d)} ${v(d.stated)}, but the project form "${v(d.project)}" (${v(d.source)}) says ${v(d.expected)}.`,
  "task-project-split-mismatch": (d) =>
    `Task "${v(d.task)}": the ${word(d.column)} ${is(d)} ${v(d.stated)}, but the project form "${v(d.project)}" (${v(d.source)}) says ${v(d.expected)}; check how the funds are split.`,
  "rollup-no-room": (d) =>
    `Project "${v(d.project)}" (${v(d.source)}) has no task row of its name and no blank row left in the key-task table: insert rows, or rename its task after the project, then roll up again.`,
  "rollup-matched": (d) =>
    `Task "${v(d.task)}" is the project form "${v(d.project)}" (${v(d.source)}, ${word(d.how)}).`,
  "rollup-filled": (d) => `This row now holds project "${v(d.project)}" (${v(d.source)}).`,
  "computed-empty": (d) => `The ${word(d.what)} is empty; Calculate would fill in ${v(d.expected)}.`,
  "formula-misses": (d) =>
    `The ${word(d.what)} formula ${v(d.formula)} leaves out ${cells(d.cells)}, so it comes out too low.`,
  "formula-extra": (d) =>
    `The ${word(d.what)} formula ${v(d.formula)} also adds ${cells(d.cells)}, which do not belong in it.`,
  "formula-grade-cutoffs": (d) =>
    `The grade formula ${v(d.formula)} uses other bands than rule set "${v(d.ruleSet)}": at a total of ${v(d.at)} it gives "${v(d.got)}", the rules give "${v(d.expected)}" (excellent ≥ ${v(d.excellent)}, good ≥ ${v(d.good)}, pass ≥ ${v(d.pass)}).`,
  "formula-no-result": (d) =>
    `The ${word(d.what)} formula shows no number ("${v(d.stated)}"); the rules give ${v(d.expected)}. ${EN_NO_RESULT_HINT[d.cannot ?? "other"]}`,
  "no-form": () => `No performance self-evaluation form was found on this sheet.`,
  "check-failed": (d) => `Checking this form failed (${v(d.detail)}); results may be incomplete.`,
};
