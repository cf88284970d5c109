/**
 * The only place the pane meets Office: wait for Office.js, hand the pane the Office adapter
 * (loaded on its first use: src/host/office/lazy.ts), render.
 * Everything below <App> works through the WorkbookPort it is handed.
 */
import { createRoot } from "react-dom/client";
import { lazyOfficeHost } from "../host/office/lazy";
import { App } from "./App";
import type { PaneHost } from "./host";
import { pickLocale } from "./strings";

const container = document.getElementById("container");

function start() {
  // The adapter itself loads with the pane's first read, after its first paint.
  const office = lazyOfficeHost();
  const host: PaneHost = { ...office, locale: pickLocale(office.locale) };
  if (container) createRoot(container).render(<App host={host} />);
}

if (typeof Office === "undefined") {
  // office.js did not load (no network to Microsoft's CDN, or the page was opened outside Excel).
  if (container) {
    container.textContent =
      "无法加载 Office.js：请在 Excel 中打开本加载项，并确认能访问 appsforoffice.microsoft.com。" +
      " / Office.js could not be loaded: open this add-in inside Excel.";
  }
} else {
  Office.onReady(start);
}
