/**
 * The four sections as a tab row that looks and behaves like one: labels on a line with the
 * selected one underlined, role tablist/tab/tabpanel wired by id, arrow keys, Home and End move
 * between tabs (focus follows the selection). Plain buttons rather than Fluent's TabList, which
 * costs about 22 KB gzip for the same behaviour.
 */
import type { KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    flexGrow: 1,
    minWidth: "0",
    padding: "8px 4px 6px",
    border: "none",
    borderBottom: "3px solid transparent",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

export const tabId = (id: string) => `pane-tab-${id}`;
export const panelId = (id: string) => `pane-panel-${id}`;

/** The tab a key moves to from `index`, or -1 for a key tabs do not handle. */
export function targetIndex(key: string, index: number, count: number): number {
  if (key === "ArrowRight") return (index + 1) % count;
  if (key === "ArrowLeft") return (index - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return -1;
}

export function PaneTabs<T extends string>(props: {
  tabs: TabDef<T>[];
  selected: T;
  onSelect(id: T): void;
  /** The pointer is over a tab or it has focus: the clerk may open it next (its code can start loading). */
  onIntent?(id: T): void;
  label: string;
}) {
  const styles = useStyles();
  const index = props.tabs.findIndex((t) => t.id === props.selected);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = targetIndex(e.key, index, props.tabs.length);
    if (target < 0) return;
    e.preventDefault();
    props.onSelect(props.tabs[target].id);
    e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=tab]")[target]?.focus();
  }

  return (
    <div role="tablist" aria-label={props.label} className={styles.row} onKeyDown={onKeyDown}>
      {props.tabs.map((t) => {
        const selected = t.id === props.selected;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-controls={panelId(t.id)}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => props.onSelect(t.id)}
            onPointerEnter={() => props.onIntent?.(t.id)}
            onFocus={() => props.onIntent?.(t.id)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
