/**
 * Fluent's `tokens` as the build ships it (in place of @fluentui/tokens/lib/tokens.js): every
 * token is the CSS variable of its name, which the FluentProvider defines from the theme. The
 * original is a 470-entry object spelling each name twice (~30 KB before gzip, all of it in the
 * first scripts); this answers any name with its variable. Only the z-index tokens carry a
 * fallback value, as in the original.
 */
const Z_INDEX: Record<string, string> = {
  zIndexBackground: "var(--zIndexBackground, 0)",
  zIndexContent: "var(--zIndexContent, 1)",
  zIndexOverlay: "var(--zIndexOverlay, 1000)",
  zIndexPopup: "var(--zIndexPopup, 2000)",
  zIndexMessages: "var(--zIndexMessages, 3000)",
  zIndexFloating: "var(--zIndexFloating, 4000)",
  zIndexPriority: "var(--zIndexPriority, 5000)",
  zIndexDebug: "var(--zIndexDebug, 6000)",
};

export const tokens = new Proxy(Z_INDEX, {
  get: (zIndex, name) => (typeof name === "string" ? (zIndex[name] ?? `var(--${name})`) : undefined),
}) as Record<string, string>;
