/** Progress of the running operation and the last error, shared by every panel. */
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import { usePane } from "../host";

export function StatusArea() {
  const { op, strings } = usePane();
  return (
    <>
      {op.busy && (
        // Determinate once the operation reports how far it is; indeterminate (no value) before that.
        <div role="status" aria-live="polite">
          <ProgressBar
            thickness="large"
            value={op.progress && op.progress.total > 0 ? Math.min(1, op.progress.done / op.progress.total) : undefined}
          />
          <Text size={300}>{op.progress?.label || strings.working}</Text>
        </div>
      )}
      {op.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.failed}</MessageBarTitle>
            {op.error.text}
            {op.error.detail && (
              <div>
                <Text size={300}>
                  {strings.errDetail}
                  {op.error.detail}
                </Text>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
