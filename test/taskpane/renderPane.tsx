/** Renders <App> over a MemoryPort and records the cells the pane asked Excel to select. */
import { render } from "@testing-library/react";
import type { Locale } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { preloadPanels } from "../../src/taskpane/components/Panels";
import type { PaneHost } from "../../src/taskpane/host";
import { loadStrings } from "../../src/taskpane/strings";
import { MemoryPort } from "./memoryPort";

// The pane loads each panel's code after its first paint; a clerk's first click finds it loaded.
// Tests click at once, so the panels are loaded before any test renders (see preloadable.ts); so is
// the English table, which index.tsx loads before an English pane renders.
beforeAll(() => Promise.all([preloadPanels(), loadStrings("en")]));

export function renderPane(
  options: { port?: MemoryPort; locale?: Locale; recalculate?: PaneHost["recalculate"] } = {},
) {
  const port = options.port ?? new MemoryPort();
  const selected: [string, string][] = [];
  const host: PaneHost = {
    port,
    locale: options.locale ?? "zh-CN",
    selectCell: async (sheet, cell) => {
      selected.push([sheet, cell]);
    },
    recalculate: options.recalculate,
  };
  const view = render(<App host={host} />);
  return { ...view, port, selected };
}
