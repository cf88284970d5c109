/** 插入模板: a blank form on a new sheet (the operation picks a free name; nothing is overwritten). */
import { useState } from "react";
import { Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { insertTemplate, type FormulaStyle, type TemplateKind } from "../../ops";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";
import { Notice } from "./Notice";

export function InsertPanel() {
  const { host, strings, op, ruleSet } = usePane();
  const styles = usePaneStyles();
  // A department rule set most likely means a department form.
  const [kind, setKind] = useState<TemplateKind>(ruleSet.form === "department" ? "department" : "project");
  const [formulaStyle, setFormulaStyle] = useState<FormulaStyle>("native");
  const [notice, setNotice] = useState<string | null>(null);

  async function onInsert() {
    setNotice(null);
    const result = await op.run((onProgress) =>
      insertTemplate(host.port, { kind, ruleSetId: ruleSet.id, formulaStyle, onProgress }),
    );
    if (result) setNotice(strings.inserted(result.sheet));
  }

  return (
    <div className={styles.panel}>
      <Field label={strings.formKind}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as TemplateKind)}>
          <Radio value="project" label={strings.kindProject} />
          <Radio value="department" label={strings.kindDepartment} />
          <Radio value="department-gs" label={strings.kindDepartmentGs} />
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
      <Notice text={notice} />
    </div>
  );
}
