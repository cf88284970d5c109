/** Findings as clickable rows: clicking one selects its cell in Excel. Messages come from the engine. */
import { mergeClasses, Text } from "@fluentui/react-components";
import { formatFinding, type Finding } from "../../engine";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

/** Enough to scroll through; a sheet with thousands of findings needs marks, not a list. */
const MAX_SHOWN = 300;

export function FindingList(props: { findings: Finding[]; sheet: string }) {
  const { host, strings, op } = usePane();
  const styles = usePaneStyles();
  const shown = props.findings.slice(0, MAX_SHOWN);

  function select(f: Finding) {
    if (!f.cell) return;
    const cell = f.cell;
    void op.run(() => host.selectCell(f.sheet ?? props.sheet, cell));
  }

  return (
    <ul className={styles.list}>
      {shown.map((f, i) => (
        <li key={`${f.code}-${f.cell ?? ""}-${i}`}>
          <button
            type="button"
            className={mergeClasses(styles.item, styles[f.severity])}
            title={f.cell ? strings.clickToSelect : undefined}
            onClick={() => select(f)}
            disabled={!f.cell}
            data-cell={f.cell ?? ""}
          >
            <span className={styles.cell}>{f.cell ?? strings.formLevel}</span>
            {formatFinding(f, host.locale)}
          </button>
        </li>
      ))}
      {props.findings.length > MAX_SHOWN && (
        <li>
          <Text size={200}>… +{props.findings.length - MAX_SHOWN}</Text>
        </li>
      )}
    </ul>
  );
}
