/** 汇总: project forms → a 部门整体 form's 重点工作任务 table, and the cross-sheet check. */
export { projectFacts, projectFactsOfSheet, type ProjectFacts } from "./facts";
export { matchTasks, normaliseName, type MatchHow, type Pair, type TaskKey } from "./match";
export { scanTaskRows, type TaskRow, type TaskRows } from "./taskRows";
export { planRollup, departmentFormsOf, type RollupPlan, type RollupWrite, type Placement } from "./plan";
export { crossCheckSheets, type SheetForms } from "./cross";
