/** What the marks' colours mean (the same fills the sheet shows, the severity in words), and that they carry notes. */
import { mergeClasses, Text } from "@fluentui/react-components";
import type { Severity } from "../../engine";
import { usePane } from "../host";
import { markStringsFor } from "../markStrings";
import { usePaneStyles } from "../styles";

const ORDER: Severity[] = ["error", "warning", "info"];

export function MarkLegend() {
  const { strings, host } = usePane();
  const styles = usePaneStyles();
  return (
    <div>
      <div className={styles.legend} aria-label={strings.legendTitle} role="group">
        <Text size={300}>{strings.legendTitle}</Text>
        {ORDER.map((sev) => (
          <span key={sev} className={mergeClasses(styles.badge, styles[`badge${sev}`])}>
            {strings.badge[sev]}
          </span>
        ))}
      </div>
      <Text size={300} className={styles.hint}>
        {markStringsFor(host.locale).legendNotes}
      </Text>
    </div>
  );
}
