/**
 * Document settings the add-in keeps in the workbook, so the next person who opens it gets the
 * same rules. The task pane writes them; the custom functions read them (shared runtime).
 */
export const RULE_SET_SETTING = "jx.ruleSet";
