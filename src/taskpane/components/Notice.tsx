/**
 * A panel's last result, announced to screen readers. Green (success) only when something
 * happened; info when there was nothing to do; warning when the operation could not do everything.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export type NoticeIntent = "success" | "info" | "warning";

export interface NoticeState {
  intent: NoticeIntent;
  text: string;
  title?: string;
}

export function Notice(props: { notice: NoticeState | null }) {
  const n = props.notice;
  return (
    <div role="status" aria-live="polite">
      {n && (
        <MessageBar intent={n.intent} layout="multiline" data-intent={n.intent}>
          <MessageBarBody>
            {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
            {n.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
