/**
 * Findings as clickable rows: clicking one selects its cell in Excel. Each row shows its severity
 * in words (not only by colour, and still visible under the focus ring), and "新" when the last
 * re-check found it for the first time. Messages come from the engine.
 */
import { mergeClasses, Text } from "@fluentui/react-components";
import { formatFinding, type Finding } from "../../engine";
import { findingKey } from "../checks";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

/** Enough to scroll through; a sheet with thousands of findings needs marks, not a list. */
const MAX_SHOWN = 300;

export function FindingList(props: {
  findings: Finding[];
  sheet: string;
  fresh?: Set<string>;
  currentKey?: string | null;
  onSelect?(f: Finding): void;
}) {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const shown = props.findings.slice(0, MAX_SHOWN);

  function select(f: Finding) {
    if (!f.cell) return;
    const cell = f.cell;
    props.onSelect?.(f);
    void op.run(() => host.selectCell(f.sheet ?? props.sheet, cell));
  }

  return (
    <ul className={styles.list}>
      {shown.map((f, i) => {
        const key = findingKey(f);
        return (
          <li key={`${key}-${i}`}>
            <button
              type="button"
              className={mergeClasses(styles.item, styles[f.severity], props.currentKey === key && styles.current)}
              title={f.cell ? strings.clickToSelect : undefined}
              onClick={() => select(f)}
              disabled={!f.cell}
              data-cell={f.cell ?? ""}
              data-key={key}
              aria-current={props.currentKey === key ? "true" : undefined}
            >
              <span className={mergeClasses(styles.badge, styles[`badge${f.severity}`])}>
                {strings.badge[f.severity]}
              </span>
              <span className={styles.cell}>{f.cell ?? strings.formLevel}</span>
              {formatFinding(f, host.locale)}
              {props.fresh?.has(key) && <span className={styles.fresh}>{strings.newTag}</span>}
            </button>
          </li>
        );
      })}
      {props.findings.length > MAX_SHOWN && (
        <li>
          <Text size={300}>… +{props.findings.length - MAX_SHOWN}</Text>
        </li>
      )}
    </ul>
  );
}
