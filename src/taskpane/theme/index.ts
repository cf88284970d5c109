/**
 * The pane's Fluent theme: web light. The webpack build swaps this module for ./trimmed.ts, which
 * carries only the tokens the built scripts name (scripts/webpack/trimTheme.js); tests and the
 * dev tools see the whole theme. Either way the values are webLightTheme's.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

export const paneTheme: Theme = webLightTheme;
