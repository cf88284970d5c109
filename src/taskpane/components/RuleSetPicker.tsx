/** The rule set every operation scores with; the choice is stored in the workbook by <App>. */
import { Field, Select } from "@fluentui/react-components";
import type { RuleSet } from "../../engine";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

export function RuleSetPicker(props: { ruleSets: RuleSet[]; value: string; onChange(id: string): void }) {
  const { strings, host, op } = usePane();
  const styles = usePaneStyles();
  return (
    <Field label={strings.ruleSet} hint={strings.ruleSetHint} className={styles.field}>
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={props.value}
        disabled={op.busy}
        // At 320 px a long label is cut off: the full one shows on hover.
        title={props.ruleSets.find((r) => r.id === props.value)?.[host.locale === "zh-CN" ? "label" : "labelEn"]}
        onChange={(_, d) => props.onChange(d.value)}
      >
        {props.ruleSets.map((r) => (
          <option key={r.id} value={r.id}>
            {host.locale === "zh-CN" ? r.label : r.labelEn}
          </option>
        ))}
      </Select>
    </Field>
  );
}
