/**
 * 先复制工作表: an option beside 替换 and 固化. When ticked, each sheet about to change is first
 * copied as it is (ops.copySheets), outside the undo record, so 撤销 stays exact and the copy stays.
 */
import { useState } from "react";
import { Checkbox, Text } from "@fluentui/react-components";
import { copySheets } from "../../ops";
import { usePane } from "../host";
import { markStringsFor } from "../markStrings";
import { usePaneStyles } from "../styles";

export interface CopyFirst {
  checked: boolean;
  setChecked(on: boolean): void;
  /** Copy the sheets when ticked; the copies' names ([] when not ticked). */
  copy(sheets: string[]): Promise<string[]>;
}

export function useCopyFirst(): CopyFirst {
  const { host } = usePane();
  const [checked, setChecked] = useState(false);
  const suffix = markStringsFor(host.locale).copySuffix;
  return {
    checked,
    setChecked,
    copy: async (sheets) => (checked ? copySheets(host.port, [...new Set(sheets)], suffix) : []),
  };
}

export function CopyFirstOption({ option }: { option: CopyFirst }) {
  const { host, op } = usePane();
  const styles = usePaneStyles();
  const words = markStringsFor(host.locale);
  const can = host.port.copySheet !== undefined && host.port.canCopySheet?.() !== false;
  return (
    <div>
      <Checkbox
        checked={can && option.checked}
        disabled={!can || op.busy}
        onChange={(_, d) => option.setChecked(d.checked === true)}
        label={words.copyFirst}
        aria-describedby={can ? undefined : "copy-why"}
      />
      {!can && (
        <Text id="copy-why" size={300} className={styles.hint} block>
          {words.copyUnsupported}
        </Text>
      )}
    </div>
  );
}

/** The sentence that says where the copies went, in the pane's language. */
export function copiedText(
  locale: Parameters<typeof markStringsFor>[0],
  names: string[],
  quote: (s: string) => string,
  sep: string,
) {
  return markStringsFor(locale).copiedTo(names.map(quote).join(sep));
}
