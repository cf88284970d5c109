/** A panel's last success message. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
