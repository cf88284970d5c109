/**
 * The four tab panels, wired to their tabs by id. Panels stay mounted once shown, so a check's
 * findings are still there after a look at another tab.
 *
 * Each panel's code is its own chunk (with the operations and engine parts only it needs), loaded
 * after the pane's first paint: taskpane.html's first scripts hold the shell only (bench
 * bundle.taskpane.initial_gzip_kb).
 */
import { Component, Suspense, useEffect, type ReactNode } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { usePane } from "../host";
import type { TabId } from "../host";
import { loadOps } from "../loadOps";
import { preloadable, type Preloadable } from "../preloadable";
import { panelId, tabId } from "./PaneTabs";

const PANELS: Record<TabId, Preloadable<object>> = {
  insert: preloadable(() => import("./InsertPanel").then((m) => m.InsertPanel)),
  check: preloadable(() => import("./CheckPanel").then((m) => m.CheckPanel)),
  calculate: preloadable(() => import("./CalculatePanel").then((m) => m.CalculatePanel)),
  freeze: preloadable(() => import("./FreezePanel").then((m) => m.FreezePanel)),
  report: preloadable(() => import("./ReportPanel").then((m) => m.ReportPanel)),
};

const IDS = Object.keys(PANELS) as TabId[];

/**
 * Load every panel's code (the selected one first) and the operations they call; resolves when
 * all panels can render at once and a first 校验 needs no fetch.
 */
export function preloadPanels(first?: TabId): Promise<void> {
  const order = first ? [first, ...IDS.filter((id) => id !== first)] : IDS;
  return Promise.all([...order.map((id) => PANELS[id].preload()), loadOps()]).then(() => undefined);
}

export function Panels({ selected }: { selected: TabId }) {
  useEffect(() => {
    // After the first paint: a failed chunk shows when its panel renders, not here.
    preloadPanels(selected).catch(() => undefined);
  }, []); // Once, on mount: a later tab change needs no new preload.

  return (
    <>
      {IDS.map((id) => {
        const Panel = PANELS[id].Component;
        return (
          <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={id !== selected}>
            <PanelFailed>
              <Suspense fallback={null}>
                <Panel />
              </Suspense>
            </PanelFailed>
          </div>
        );
      })}
    </>
  );
}

/** A panel whose code could not be fetched (the add-in's server went away): say so in its place. */
class PanelFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { strings } = usePane();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{strings.failedGeneric}</MessageBarBody>
    </MessageBar>
  );
}
