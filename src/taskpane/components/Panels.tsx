/**
 * The four tab panels, wired to their tabs by id. Panels stay mounted once shown, so a check's
 * findings are still there after a look at another tab.
 */
import type { ReactNode } from "react";
import type { TabId } from "../host";
import { CalculatePanel } from "./CalculatePanel";
import { CheckPanel } from "./CheckPanel";
import { FreezePanel } from "./FreezePanel";
import { InsertPanel } from "./InsertPanel";
import { panelId, tabId } from "./PaneTabs";
import { ReportPanel } from "./ReportPanel";

const PANELS: Record<TabId, () => ReactNode> = {
  insert: () => <InsertPanel />,
  check: () => <CheckPanel />,
  calculate: () => <CalculatePanel />,
  freeze: () => <FreezePanel />,
  report: () => <ReportPanel />,
};

export function Panels({ selected }: { selected: TabId }) {
  return (
    <>
      {(Object.keys(PANELS) as TabId[]).map((id) => (
        <div key={id} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={id !== selected}>
          {PANELS[id]()}
        </div>
      ))}
    </>
  );
}
