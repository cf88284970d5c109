/**
 * The rule set every operation scores with; the choice is stored in the workbook by <App>.
 * A choice is committed when it is made — with the mouse, or with Enter / leaving the field after
 * moving through the list with arrow keys — never at every arrow press (each commit saves the
 * setting and recalculates the workbook).
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import type { RuleSet } from "../../engine";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

const BROWSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

export function RuleSetPicker(props: {
  ruleSets: RuleSet[];
  value: string;
  onChange(id: string): void;
  /** Import a rule file's text; resolves to the problems found (none: imported and chosen). */
  onImport?(text: string): Promise<string[]>;
}) {
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
    <Field
      label={strings.ruleSet}
      // Fluent's hint is 12 px: Chinese text needs 14.
      hint={{ children: strings.ruleSetHint, className: styles.hint }}
      className={styles.field}
    >
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
      <RuleSetNote ruleSet={props.ruleSets.find((r) => r.id === shown)} />
      {props.onImport && <RuleFileImport onImport={props.onImport} />}
    </Field>
  );
}

/** Where the chosen rules come from and what they leave open (version B's ungraded 90.00), in a line. */
function RuleSetNote({ ruleSet }: { ruleSet: RuleSet | undefined }) {
  const { strings, host } = usePane();
  if (!ruleSet || (!ruleSet.status && !ruleSet.note)) return null;
  const status = ruleSet.status ? strings.ruleStatus[ruleSet.status] : "";
  const note = host.locale === "zh-CN" ? ruleSet.note : (ruleSet.noteEn ?? ruleSet.note);
  return (
    <Text size={300} data-testid="rule-set-note">
      {[status, note].filter(Boolean).join(" · ")}
    </Text>
  );
}

/** A file's text: Blob.text where the webview has it, else a FileReader (older IE-based webviews). */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, "utf-8");
  });
}

/** A rule file picked from disk, validated by the engine; its problems are listed with their paths. */
function RuleFileImport({ onImport }: { onImport(text: string): Promise<string[]> }) {
  const { strings, op } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [issues, setIssues] = useState<string[]>([]);
  async function picked(file: File | undefined) {
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setIssues([strings.importRulesUnreadable]);
      return;
    }
    setIssues(await onImport(text));
    if (input.current) input.current.value = "";
  }
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="rule-file-input"
        onChange={(e) => void picked(e.target.files?.[0])}
      />
      <Button appearance="subtle" disabled={op.busy} onClick={() => input.current?.click()}>
        {strings.importRules}
      </Button>
      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {strings.importRulesFailed}
            <ul>
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
