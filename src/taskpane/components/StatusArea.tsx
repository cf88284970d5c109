/** Progress of the running operation and the last error, shared by every panel. */
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text } from "@fluentui/react-components";
import { usePane } from "../host";

export function StatusArea() {
  const { op, strings } = usePane();
  return (
    <>
      {op.busy && op.progress && op.progress.total > 0 ? (
        <div role="status" aria-live="polite">
          <ProgressBar value={Math.min(1, op.progress.done / op.progress.total)} thickness="large" />
          <Text size={200}>{op.progress.label || strings.working}</Text>
        </div>
      ) : op.busy ? (
        <Spinner size="tiny" label={strings.working} />
      ) : null}
      {op.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.failed}</MessageBarTitle>
            {op.error.text}
            {op.error.detail && (
              <div>
                <Text size={200}>
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
