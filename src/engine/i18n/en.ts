/** English message templates; same keys and placeholders as ./zh-CN.ts. */
import type { FindingCode } from "./catalogue";

export const EN_MESSAGES: Record<FindingCode, string> = {
  "weights-total":
    "Weights add up to {stated} (execution {execWeight} + indicators {indicatorWeight}); they must total {expected}.",
  "total-weight-mismatch": "The total's weight is {stated}, but the weights add up to {expected}.",
  "level1-weight-differs":
    'Level-1 "{level1}" carries {stated}; rule set "{ruleSet}" gives it {expected} in principle. Ignore if adjusted on purpose.',
  "level1-unknown": 'Level-1 "{level1}" is not in rule set "{ruleSet}"; its weight was not compared.',
  "exec-reason-required":
    'The execution rate {rate|pct} is below {threshold|pct}: rule set "{ruleSet}" asks for a reason.',
  "exec-weight-differs": 'The execution-rate weight is {stated}; rule set "{ruleSet}" gives {expected} in principle.',
  "weights-total-unfinished":
    "Weights add up to {stated} (execution {execWeight} + indicators {indicatorWeight}), not {expected}; the table has no total row and may be incomplete: please check.",
  "exec-weight-from-form":
    'Scored with the form\'s own execution weight {stated} (rule set "{ruleSet}" gives {expected}).',
  "level1-weight-from-form":
    'Level-1 "{level1}" checked against the form\'s own weight {stated} (rule set "{ruleSet}" gives {expected}).',
  "level1-label-mismatch":
    '"{label}" states {stated} points; the {column|word} of its indicators add up to {expected}.',
  "block-score-over": '"{label}" states {weight} points; its indicators\' scores add up to {stated}, more than that.',
  "weights-unknown":
    "The table has no weight column: indicator scores cannot be checked one by one; block weights, subtotals, the total and the grade are checked.",
  "score-above-weight": "Score {stated} is above the weight {weight}.",
  "score-mismatch": "Score is {stated}; the rules give {expected} ({explanation}).",
  "score-out-of-band":
    "Qualitative result is {level|word}: the score must lie between {low} and {high}, but it is {stated}.",
  "sum-mismatch": "Subtotal ({column|word}) is {stated}; its rows add up to {expected}.",
  "total-mismatch": "Total score is {stated}; execution score plus indicator scores is {expected}.",
  "grade-mismatch": 'Grade is "{stated}"; a total of {total} means "{expected}".',
  "grade-word-ambiguous":
    'Grade is "{stated}": on a four-step scale (优秀/良好/合格/不合格) a total of {total} is "{expected}"; on a three-step scale (优秀/合格/不合格) it is right. Please check.',
  "grade-bands-from-form": "The grade is checked against the bands the form states ({bands}).",
  "rate-mismatch": "Execution rate is {stated|pct}; {spent} ÷ {budget} gives {expected|pct}.",
  "exec-score-mismatch": "Execution score is {stated}; it should be {expected} ({explanation}).",
  "score-direction-assumed":
    "Score is {stated}; the form states no direction for this target, so it was scored as more-is-better (≥): {expected} ({explanation}). Neither ≤ nor = gives the stated score either: check the direction and the score.",
  "score-rounded":
    "Score is {stated}; the rules give {expected} ({explanation}). The form writes scores to {decimals} decimals and the two differ by less than one unit there: read as rounding; check that your rules round this way.",
  "rate-over-100": '"{label}" is a rate; {stated|pct} is above 100%.',
  "exec-rate-over-100": "Spent {spent} exceeds the budget {budget} (rate {rate|pct}); please check.",
  "funds-sum-mismatch": "Annual total {column|word} is {stated}; its sub-rows add up to {expected}.",
  "task-sum-mismatch": "Approved total is {stated}; fiscal plus other funds is {expected}.",
  "budget-not-positive": "Budget is {budget}: the execution rate needs a budget above 0.",
  "error-cell": "The cell holds the error {value}; fix it first.",
  "actual-missing": 'Indicator "{label}" has no actual value; it cannot be scored.',
  "target-missing": 'Indicator "{label}" has no target; it cannot be scored.',
  "weight-missing": 'Indicator "{label}" has no weight.',
  "spent-missing": "The amount spent is missing; the execution rate cannot be computed.",
  "budget-missing": "{spent} was spent but the budget is empty; the execution rate cannot be computed.",
  "unit-missing": "Target {value} is a number without a unit of measure.",
  "unit-mismatch": '"{value}" is in {valueUnit}, which contradicts the unit "{unit}".',
  "value-unreadable": 'Cannot read "{value}": enter a number, a range or a qualitative result.',
  "nature-unreadable": 'Cannot read the indicator type "{value}" (use ≥, ≤, =, 正向, 反向, 定量 or 定性).',
  "reason-missing": "Score {score} is below the weight {weight}: a reason for the shortfall is required.",
  "shortfall-reason-missing": "The actual falls short of the target: a reason for the shortfall is required.",
  "task-reason-missing": "Execution rate {rate|pct} is below 100%: a reason is required.",
  "cost-positive": 'Cost indicator "{label}" is marked "{nature}" (more is better); costs are normally "≤".',
  "over-achievement":
    "The actual is {ratio|pct} of the target, above {limit|pct}: please explain the over-achievement.",
  "total-incomplete": "Cannot compute the {what|word}: row {rows} has no value or cannot be scored.",
  "review-score-outpaces-spending":
    "Indicator score rate {scoreRate|pct} exceeds the execution rate {execRate|pct} by more than 5% (platform red flag): please check.",
  "review-zero-budget": "The budget is 0 (platform yellow flag): please check the project funds.",
  "review-unspent": "Execution rate {execRate|pct}: more than 20% of the budget is unspent (platform yellow flag).",
  "task-project-mismatch":
    'Task "{task}": the {column|word} is {stated}, but the project form "{project}" ({source}) says {expected}.',
  "task-project-split-mismatch":
    'Task "{task}": the {column|word} is {stated}, but the project form "{project}" ({source}) says {expected}; check how the funds are split.',
  "rollup-no-room":
    'Project "{project}" ({source}) has no task row of its name and no blank row left in the key-task table: insert rows, or rename its task after the project, then roll up again.',
  "rollup-matched": 'Task "{task}" is the project form "{project}" ({source}, {how|word}).',
  "rollup-filled": 'This row now holds project "{project}" ({source}).',
  "computed-empty": "The {what|word} is empty; Calculate would fill in {expected}.",
  "formula-misses": "The {what|word} formula {formula} leaves out {cells}, so it comes out too low.",
  "formula-extra": "The {what|word} formula {formula} also adds {cells}, which do not belong in it.",
  "formula-grade-cutoffs":
    'The grade formula {formula} uses other bands than rule set "{ruleSet}": at a total of {at} it gives "{got}", the rules give "{expected}" (excellent ≥ {excellent}, good ≥ {good}, pass ≥ {pass}).',
  "formula-no-result":
    'The {what|word} formula shows no number ("{stated}"); the rules give {expected}. A plain formula cannot read text such as "≥95%" or "1-2次": type the target and actual as numbers, or use the JX functions.',
  "no-form": "No performance self-evaluation form was found on this sheet.",
  "check-failed": "Checking this form failed ({detail}); results may be incomplete.",
};

export const EN_WORDS: Record<string, string> = {
  met: "met",
  partial: "partly met",
  unmet: "not met",
  initial: "initial budget",
  budget: "full-year budget",
  spent: "amount spent",
  weight: "weight",
  score: "score",
  execRate: "execution rate",
  execScore: "execution score",
  indicatorScore: "score",
  sumWeight: "subtotal weight",
  sumScore: "subtotal score",
  totalWeight: "total weight",
  totalScore: "total score",
  grade: "grade",
  taskRate: "execution rate",
  taskApproved: "approved total",
  taskFiscal: "approved fiscal funds",
  taskOther: "approved other funds",
  taskSpent: "amount spent",
  "match-exact": "same name",
  "match-contains": "one name contains the other",
  "match-amounts": "different name, same approved and spent amounts",
};

export const EN_UNKNOWN = "Finding ({code}).";
