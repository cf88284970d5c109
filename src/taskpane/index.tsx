/**
 * The only place the pane meets Office: register the JX functions (shared runtime), wait for
 * Office.js, hand the pane the Office adapter (loaded on its first use: src/host/office/lazy.ts),
 * render, then load the functions' code. Everything below <App> works through the WorkbookPort it
 * is handed.
 */
import { createRoot } from "react-dom/client";
import { registerWithExcel } from "../functions/onDemand";
import { lazyOfficeHost } from "../host/office/lazy";
import { App } from "./App";
import type { PaneHost } from "./host";
import { loadStrings, pickLocale } from "./strings";

const container = document.getElementById("container");

// At once, before any await: Excel may call a JX function as soon as Office is up.
const loadFunctions = registerWithExcel();

/**
 * After the next frame has painted (a timeout queued from requestAnimationFrame). A hidden page —
 * the shared runtime with the pane closed — gets no frames, hence the plain timeout as well.
 */
function afterFirstPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 1000);
}

async function start() {
  // The adapter itself loads with the pane's first read, after its first paint.
  const office = lazyOfficeHost();
  // English words are a chunk of their own; should it fail to load, the pane speaks Chinese rather than not at all.
  const locale = await loadStrings(pickLocale(office.locale)).then(
    (s) => s.locale,
    () => "zh-CN" as const,
  );
  const host: PaneHost = { ...office, locale };
  if (container) createRoot(container).render(<App host={host} />);
  // A failure here is retried at the first call, which then says so in its cell.
  if (loadFunctions) afterFirstPaint(() => void loadFunctions().catch(() => undefined));
}

if (typeof Office === "undefined") {
  // office.js did not load (no network to Microsoft's CDN, or the page was opened outside Excel).
  if (container) {
    container.textContent =
      "无法加载 Office.js：请在 Excel 中打开本加载项，并确认能访问 appsforoffice.microsoft.com。" +
      " / Office.js could not be loaded: open this add-in inside Excel.";
  }
} else {
  Office.onReady(() => void start());
}
