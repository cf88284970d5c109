/**
 * The rule set every operation scores with; the choice is stored in the workbook by <App>.
 * A choice is committed when it is made — with the mouse, or with Enter / leaving the field after
 * moving through the list with arrow keys — never at every arrow press (each commit saves the
 * setting and recalculates the workbook).
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { Field, Select, Text } from "@fluentui/react-components";
import type { RuleSet } from "../../engine";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

const BROWSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

export function RuleSetPicker(props: { ruleSets: RuleSet[]; value: string; onChange(id: string): void }) {
  const { strings, host, op } = usePane();
  const styles = usePaneStyles();
  const [pending, setPending] = useState<string | null>(null);
  // True after a key moved the selection: the change waits for Enter or blur.
  const browsing = useRef(false);
  const labelOf = (r: RuleSet | undefined) => (r ? (host.locale === "zh-CN" ? r.label : r.labelEn) : "");
  const shown = pending ?? props.value;

  function commit(id: string | null) {
    browsing.current = false;
    setPending(null);
    if (id !== null && id !== props.value) props.onChange(id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLSelectElement>) {
    if (BROWSING_KEYS.has(e.key) || e.key.length === 1) browsing.current = true;
    else if (e.key === "Enter") commit(pending);
    else if (e.key === "Escape") commit(null);
  }

  return (
    <Field label={strings.ruleSet} hint={strings.ruleSetHint} className={styles.field}>
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={shown}
        disabled={op.busy}
        onKeyDown={onKeyDown}
        onBlur={() => commit(pending)}
        onChange={(_, d) => (browsing.current ? setPending(d.value) : commit(d.value))}
      >
        {props.ruleSets.map((r) => (
          <option key={r.id} value={r.id}>
            {labelOf(r)}
          </option>
        ))}
      </Select>
      {/* At 320 px the select cuts a long label: the whole one, wrapped, below it. */}
      <Text size={300} className={styles.fullLabel}>
        {labelOf(props.ruleSets.find((r) => r.id === shown))}
      </Text>
    </Field>
  );
}
