/**
 * The pane's theme as the build ships it: webLightTheme's tokens that some built script names,
 * written in after minification by scripts/webpack/trimTheme.js (the placeholder below). The
 * whole theme and the code that derives it (palettes of 30 colours the pane never shows) were
 * ~15 KB gzip of the first scripts (bench bundle.taskpane.initial_gzip_kb).
 */
import type { Theme } from "@fluentui/react-components";

export const paneTheme = JSON.parse("__JX_PANE_THEME__") as Theme;
