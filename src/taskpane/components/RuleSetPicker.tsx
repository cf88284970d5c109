/** The rule set every operation scores with; the choice is stored in the workbook by <App>. */
import { Field, Select } from "@fluentui/react-components";
import type { RuleSet } from "../../engine";
import { usePane } from "../host";

export function RuleSetPicker(props: { ruleSets: RuleSet[]; value: string; onChange(id: string): void }) {
  const { strings, host, op } = usePane();
  return (
    <Field label={strings.ruleSet} hint={strings.ruleSetHint}>
      <Select value={props.value} disabled={op.busy} onChange={(_, d) => props.onChange(d.value)}>
        {props.ruleSets.map((r) => (
          <option key={r.id} value={r.id}>
            {host.locale === "zh-CN" ? r.label : r.labelEn}
          </option>
        ))}
      </Select>
    </Field>
  );
}
