/** Asks before a write that changes what is there: what will change, then confirm or cancel. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { usePane } from "../host";
import { usePaneStyles } from "../styles";

/** Enough lines to judge by; the count in the title says how many there are in all. */
const MAX_LINES = 30;

export function ConfirmBox(props: {
  title: string;
  lines: string[];
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { strings, op } = usePane();
  const styles = usePaneStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={props.title}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={styles.plainList}>
          {props.lines.slice(0, MAX_LINES).map((l) => (
            <li key={l}>{l}</li>
          ))}
          {props.lines.length > MAX_LINES && <li>… +{props.lines.length - MAX_LINES}</li>}
        </ul>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={op.busy} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
          <Button onClick={props.onCancel}>{strings.cancel}</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
