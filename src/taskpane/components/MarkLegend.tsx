/** What the marks' colours mean: the same fills the sheet shows, with the severity in words. */
import { mergeClasses, Text } from "@fluentui/react-components";
import type { Severity } from "../../engine";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

const ORDER: Severity[] = ["error", "warning", "info"];

export function MarkLegend() {
  const { strings } = usePane();
  const styles = usePaneStyles();
  return (
    <div className={styles.legend} aria-label={strings.legendTitle} role="group">
      <Text size={300}>{strings.legendTitle}</Text>
      {ORDER.map((sev) => (
        <span key={sev} className={mergeClasses(styles.badge, styles[`badge${sev}`])}>
          {strings.badge[sev]}
        </span>
      ))}
    </div>
  );
}
