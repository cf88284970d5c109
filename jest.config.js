/** Every jest test: engine and CLI in node, task-pane components in jsdom (per-file docblock). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
    // ESM-only packages some dependencies pull in.
    "^.+\\.m?js$": ["babel-jest", { presets: [["@babel/preset-env", { targets: { node: "current" } }]] }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(strip-bom|uuid)/)"],
  testTimeout: 60000,
};
