/** 插入模板: a blank form on a new sheet (the operation picks a free name; nothing is overwritten). */
import { useState } from "react";
import { Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { findRuleSet, type RuleSet } from "../../engine";
import type { FormulaStyle, TemplateKind } from "../../ops";
import { usePane } from "../host";
import { loadOps } from "../loadOps";
import { usePaneStyles } from "../styles";
import { Notice, type NoticeState } from "./Notice";

export function InsertPanel() {
  const { host, strings, op, ruleSet } = usePane();
  const styles = usePaneStyles();
  // The kind is the clerk's choice alone: the rule set never changes it (the template's rows follow the kind).
  const [kind, setKind] = useState<TemplateKind>("project");
  const [formulaStyle, setFormulaStyle] = useState<FormulaStyle>("native");
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const kindLabel: Record<TemplateKind, string> = {
    project: strings.kindProject,
    department: strings.kindDepartment,
    "department-gs": strings.kindDepartmentGs,
  };

  async function onInsert() {
    setNotice(null);
    const result = await op.run(
      // The operations load on the click (or earlier, when the pointer reached the panel): the
      // panel itself is the first thing a clerk without a form sees, and stays small.
      async (onProgress) =>
        (await loadOps()).insertTemplate(host.port, { kind, ruleSetId: ruleSet.id, formulaStyle, onProgress }),
      strings.progressInsert,
    );
    if (!result) return;
    const used = result.ruleSetId && result.ruleSetId !== ruleSet.id ? findRuleSet(result.ruleSetId) : undefined;
    const label = (r: RuleSet) => (host.locale === "zh-CN" ? r.label : r.labelEn);
    setNotice({
      intent: "success",
      text: strings.inserted(result.sheet),
      // The chosen rules do not fit this kind: say which rules drew it rather than draw the wrong rows.
      ...(used ? { title: strings.insertedUnder(kindLabel[kind], label(used), label(ruleSet)) } : {}),
    });
  }

  return (
    <div className={styles.panel}>
      <Field label={strings.formKind}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as TemplateKind)}>
          {(Object.keys(kindLabel) as TemplateKind[]).map((k) => (
            <Radio key={k} value={k} label={kindLabel[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={strings.formulaStyle}>
        <RadioGroup value={formulaStyle} onChange={(_, d) => setFormulaStyle(d.value as FormulaStyle)}>
          <Radio value="native" label={strings.styleNative} />
          <Radio value="custom" label={strings.styleCustom} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.busy} onClick={onInsert}>
          {strings.insert}
        </Button>
      </div>
      <Notice notice={notice} />
    </div>
  );
}
