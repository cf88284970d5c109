// Lint: eslint-plugin-office-addins' rules (load-before-read, sync-before-read, no sync in loops, …)
// over every TypeScript file, React rules over the task pane.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

const react = officeAddins.configs.react;
// The plugin's shared block covers .ts but not .tsx: reuse its rules for both.
const shared = react.find((c) => c.rules && c.rules["office-addins/load-object-before-read"]);

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.d.ts", "test-artifacts/**", ".tmp/**"] },
  ...react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: shared.plugins,
    languageOptions: { ...shared.languageOptions, parser: tsParser, ecmaVersion: 2022 },
    rules: {
      ...shared.rules,
      "no-undef": "off", // TypeScript checks names
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off", // react-jsx transform
      "react/prop-types": "off", // TypeScript types the props
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
  },
];
