// The pane's Fluent theme, trimmed to what the built scripts use (bench bundle.taskpane.initial_gzip_kb).
//
// Fluent's styles name theme tokens as `tokens.colorNeutralForeground1`, i.e. the CSS variable
// the FluentProvider defines from the theme. The whole web light theme (459 tokens, palettes of
// 30 colours) and the 470-entry `tokens` object were ~15 KB gzip of the pane's first scripts.
// This plugin:
// - swaps @fluentui/tokens' `tokens` object for src/taskpane/theme/tokenVars.ts (name → var(--name)),
//   and the pane's theme module for src/taskpane/theme/trimmed.ts (a placeholder);
// - after minification, when every chunk is final, writes into the placeholder the tokens of
//   webLightTheme whose names occur in any emitted script (all chunks, lazy ones included).
// Fluent's property names survive minification, so a token a style uses is found by its name.
// A style reaching a token by a computed name (tokens[`colorPalette${c}…`], as Badge does) would
// not be found: none of the components the pane uses does (checked by scanning their sources
// for `tokens[`), and the build fails if the placeholder is missing or the theme comes out
// implausibly small.
const path = require("path");
const webpack = require("webpack");
const { webLightTheme } = require("@fluentui/tokens");

const PLACEHOLDER = "__JX_PANE_THEME__";
const src = path.resolve(__dirname, "..", "..", "src", "taskpane", "theme");
const NAME = "TrimThemePlugin";

/** The theme's tokens whose names appear as words in the given scripts. */
function usedTheme(scripts) {
  const words = new Set();
  for (const text of scripts) for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]+/g)) words.add(m[0]);
  return Object.fromEntries(Object.entries(webLightTheme).filter(([name]) => words.has(name)));
}

class TrimThemePlugin {
  apply(compiler) {
    // By request, before resolving, so the swapped-in modules get the TypeScript loader.
    compiler.hooks.normalModuleFactory.tap(NAME, (factory) => {
      factory.hooks.beforeResolve.tap(NAME, (data) => {
        if (data.request === "./tokens.js" && /[\\/]@fluentui[\\/]tokens[\\/]lib$/.test(data.context))
          data.request = path.join(src, "tokenVars.ts");
        else if (data.request === "./theme" && data.context === path.dirname(src))
          data.request = path.join(src, "trimmed.ts");
      });
    });
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // Right after minification (OPTIMIZE_SIZE), before source maps (DEV_TOOLING).
      const stage = webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1;
      compilation.hooks.processAssets.tap({ name: NAME, stage }, (assets) => fillPlaceholder(compilation, assets));
    });
  }
}

function fillPlaceholder(compilation, assets) {
  const scripts = Object.keys(assets).filter((f) => f.endsWith(".js"));
  const holders = scripts.filter((f) => assets[f].source().toString().includes(PLACEHOLDER));
  if (holders.length === 0) throw new Error(`${NAME}: no script holds ${PLACEHOLDER}; is the pane's theme imported?`);
  const theme = usedTheme(scripts.map((f) => assets[f].source().toString()));
  if (Object.keys(theme).length < 40) throw new Error(`${NAME}: only ${Object.keys(theme).length} theme tokens found`);
  const literal = JSON.stringify(JSON.stringify(theme));
  for (const file of holders) {
    compilation.updateAsset(file, (old) => {
      const text = old.source().toString();
      const out = new webpack.sources.ReplaceSource(old);
      for (let at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, at + 1)) {
        // The placeholder sits inside a string literal: replace it with its quotes.
        out.replace(at - 1, at + PLACEHOLDER.length, literal);
      }
      return out;
    });
  }
}

module.exports = { TrimThemePlugin, usedTheme };
