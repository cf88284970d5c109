/** A panel's last result: a success, or a warning when the operation could not do everything. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function Notice({ text, intent = "success" }: { text: string | null; intent?: "success" | "warning" }) {
  if (!text) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
