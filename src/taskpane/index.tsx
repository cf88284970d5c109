/**
 * The only place the pane meets Office: wait for Office.js, build the Office adapter, render.
 * Everything below <App> works through the WorkbookPort it is handed.
 */
import { createRoot } from "react-dom/client";
import { createOfficePort, officeLocale, selectCell } from "../host/office";
import { App } from "./App";
import type { PaneHost } from "./host";
import { pickLocale } from "./strings";

Office.onReady(() => {
  const host: PaneHost = {
    port: createOfficePort(),
    selectCell,
    locale: pickLocale(officeLocale()),
  };
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App host={host} />);
});
