/**
 * The four tab panels, wired to their tabs by id. Panels stay mounted once shown, so a check's
 * findings are still there after a look at another tab.
 *
 * Each panel's code is its own chunk, loaded when its tab is first shown or looks about to be (the
 * pointer over its tab, focus on it): taskpane.html's first scripts hold the shell only (bench
 * bundle.taskpane.initial_gzip_kb), and a pane left alone loads the first panel and nothing more
 * (bench bundle.taskpane.gzip_kb). The operations load when the pointer or focus reaches a panel,
 * before its button is pressed.
 */
import { Component, Suspense, useRef, type ReactNode } from "react";
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
 * all panels can render at once (tests call it before rendering the pane).
 */
export function preloadPanels(first?: TabId): Promise<void> {
  const order = first ? [first, ...IDS.filter((id) => id !== first)] : IDS;
  const findings = import("./CheckPanel").then((m) => m.preloadFindings());
  return Promise.all([...order.map((id) => PANELS[id].preload()), loadOps(), findings]).then(() => undefined);
}

/** Start loading a panel's code (once); a failure shows when the panel renders. */
export function preloadPanel(id: TabId): void {
  PANELS[id].preload().catch(() => undefined);
}

const preloadOps = () => void loadOps().catch(() => undefined);

/**
 * `ready`: the first tab is decided (the active sheet was looked at, or the clerk chose one);
 * until then no panel renders, so the pane does not load a panel it is about to leave.
 */
export function Panels({ selected, ready }: { selected: TabId; ready: boolean }) {
  // Panels shown once stay mounted (hidden); the others are not rendered, so their code is not loaded.
  const shown = useRef(new Set<TabId>());
  if (ready) shown.current.add(selected);

  return (
    <>
      {IDS.map((id) => {
        const Panel = PANELS[id].Component;
        return (
          <div
            key={id}
            role="tabpanel"
            id={panelId(id)}
            aria-labelledby={tabId(id)}
            hidden={id !== selected}
            onPointerOver={preloadOps}
            onFocus={preloadOps}
          >
            {shown.current.has(id) && (
              <PanelFailed>
                <Suspense fallback={null}>
                  <Panel />
                </Suspense>
              </PanelFailed>
            )}
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
