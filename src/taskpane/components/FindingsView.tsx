/**
 * The findings of the sheets last checked: a severity filter, 上一条 / 下一条 through the shown
 * findings in the order they are listed (each selects its cell in Excel), and the list grouped by
 * sheet, then under 错误 / 警告 / 提示 headings with their counts.
 */
import { useId, useState } from "react";
import { Button, Text, ToggleButton } from "@fluentui/react-components";
import type { Finding, Severity } from "../../engine";
import { findingKey, type CheckedSheet } from "../checks";
import { usePane } from "../host";
import { markStringsFor } from "../markStrings";
import { usePaneStyles } from "../styles";
import { FindingList } from "./FindingList";
import { countBy, listedFindings } from "./verdict";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Errors, then warnings, then notes; the engine's order within each. */
function bySeverity(findings: Finding[]): Finding[] {
  return SEVERITIES.flatMap((sev) => findings.filter((f) => f.severity === sev));
}

export function FindingsView({ results }: { results: CheckedSheet[] }) {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const [hidden, setHidden] = useState<Set<Severity>>(new Set());
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const all = results.flatMap(listedFindings);
  if (all.length === 0) return null;
  // The order they are listed in: sheet by sheet, errors first — next/previous follow it.
  const shown = results.flatMap((r) => bySeverity(listedFindings(r)).filter((f) => !hidden.has(f.severity)));
  const navigable = shown.filter((f) => f.cell);
  const index = navigable.findIndex((f) => findingKey(f) === currentKey);
  const label: Record<Severity, string> = {
    error: strings.severityError,
    warning: strings.severityWarning,
    info: strings.severityInfo,
  };

  function toggle(sev: Severity) {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  }

  function go(step: number) {
    if (navigable.length === 0) return;
    const target = navigable[(index + step + navigable.length) % navigable.length];
    const key = findingKey(target);
    setCurrentKey(key);
    const row = [...document.querySelectorAll<HTMLElement>("[data-key]")].find((el) => el.dataset.key === key);
    row?.scrollIntoView?.({ block: "nearest" });
    void op.run(() => host.selectCell(target.sheet ?? "", target.cell ?? "A1"));
  }

  return (
    <section aria-label={strings.filter} className={styles.panel}>
      <SeverityFilter all={all} hidden={hidden} label={label} toggle={toggle} />
      <FindingNav count={navigable.length} index={index} anyFinding={all.length > 0} go={go} />
      {results.map((r) => (
        <SheetFindings
          key={r.sheet}
          sheet={r}
          shown={shown}
          several={results.length > 1}
          label={label}
          currentKey={currentKey}
          onSelect={(f: Finding) => setCurrentKey(findingKey(f))}
        />
      ))}
    </section>
  );
}

/** One toggle per severity, with its count over all findings: pressed shows it. */
function SeverityFilter(props: {
  all: Finding[];
  hidden: Set<Severity>;
  label: Record<Severity, string>;
  toggle(sev: Severity): void;
}) {
  const { strings } = usePane();
  const styles = usePaneStyles();
  return (
    <div className={styles.toolbar} role="group" aria-label={strings.filter}>
      <Text size={300}>{strings.filter}</Text>
      {SEVERITIES.map((sev) => (
        <ToggleButton key={sev} checked={!props.hidden.has(sev)} onClick={() => props.toggle(sev)}>
          {props.label[sev]} {countBy(props.all, sev)}
        </ToggleButton>
      ))}
    </div>
  );
}

/** One sheet's shown findings under 错误 / 警告 / 提示 headings (nothing when none is shown). */
function SheetFindings(props: {
  sheet: CheckedSheet;
  shown: Finding[];
  several: boolean;
  label: Record<Severity, string>;
  currentKey: string | null;
  onSelect(f: Finding): void;
}) {
  const { host, strings } = usePane();
  const { groupHeading } = markStringsFor(host.locale);
  const r = props.sheet;
  const mine = props.shown.filter((f) => (f.sheet ?? r.sheet) === r.sheet);
  if (mine.length === 0) return null;
  return (
    <section aria-label={strings.sheetWhere(r.sheet)}>
      {props.several && (
        <Text as="h2" weight="semibold" size={300} block>
          {strings.sheetWhere(r.sheet)}
        </Text>
      )}
      {SEVERITIES.map((sev) => {
        const group = mine.filter((f) => f.severity === sev);
        if (group.length === 0) return null;
        return (
          <section key={sev} aria-label={groupHeading(props.label[sev], group.length)} data-severity={sev}>
            <Text as={props.several ? "h3" : "h2"} size={300} weight="semibold" block>
              {groupHeading(props.label[sev], group.length)}
            </Text>
            <FindingList
              findings={group}
              sheet={r.sheet}
              fresh={r.fresh}
              currentKey={props.currentKey}
              onSelect={props.onSelect}
            />
          </section>
        );
      })}
    </section>
  );
}

/** 上一条 / 下一条 through the shown findings that have a cell, with the position and why when there is none. */
function FindingNav(props: { count: number; index: number; anyFinding: boolean; go(step: number): void }) {
  const { strings } = usePane();
  const styles = usePaneStyles();
  const navWhy = useId();
  return (
    <div className={styles.toolbar}>
      <Button
        disabled={props.count === 0}
        aria-describedby={props.count === 0 ? navWhy : undefined}
        onClick={() => props.go(-1)}
      >
        {strings.previous}
      </Button>
      <Button
        disabled={props.count === 0}
        aria-describedby={props.count === 0 ? navWhy : undefined}
        onClick={() => props.go(1)}
      >
        {strings.next}
      </Button>
      {props.index >= 0 && <Text size={300}>{strings.position(props.index + 1, props.count)}</Text>}
      {props.count === 0 && props.anyFinding && (
        <Text id={navWhy} size={300} className={styles.hint}>
          {strings.navNeedsShown}
        </Text>
      )}
    </div>
  );
}
