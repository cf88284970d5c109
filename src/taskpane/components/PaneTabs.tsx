/**
 * The four sections as a tab row. Built from Button rather than Fluent's TabList, which costs
 * about 22 KB gzip (its own keyboard and indicator machinery) in a bundle capped at 150 KB.
 * Keeps the tab semantics: role tablist/tab, aria-selected, arrow keys move between tabs.
 */
import type { KeyboardEvent } from "react";
import { Button, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "4px" },
  tab: { minWidth: "0", flexGrow: 1 },
});

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

export function PaneTabs<T extends string>(props: { tabs: TabDef<T>[]; selected: T; onSelect(id: T): void }) {
  const styles = useStyles();
  const index = props.tabs.findIndex((t) => t.id === props.selected);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    props.onSelect(next.id);
    const buttons = e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=tab]");
    buttons[props.tabs.indexOf(next)]?.focus();
  }

  return (
    <div role="tablist" className={styles.row} onKeyDown={onKeyDown}>
      {props.tabs.map((t) => {
        const selected = t.id === props.selected;
        return (
          <Button
            key={t.id}
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            size="small"
            appearance={selected ? "primary" : "subtle"}
            className={styles.tab}
            onClick={() => props.onSelect(t.id)}
          >
            {t.label}
          </Button>
        );
      })}
    </div>
  );
}
