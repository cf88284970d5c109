/**
 * Document settings the add-in keeps in the workbook, so the next person who opens it gets the
 * same rules. The task pane writes them; the custom functions read them (shared runtime).
 */
export const RULE_SET_SETTING = "jx.ruleSet";
/** The JSON of a rule set the user imported (its id is then in RULE_SET_SETTING). */
export const RULE_SET_DATA_SETTING = "jx.ruleSetData";
