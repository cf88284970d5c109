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
  setupFilesAfterEnv: ["<rootDir>/test/fixtures/domWaits.ts"],
  // On 2 cores jest's default (cores − 1 = 1) runs every file in jest's own process, where modules
  // of 100+ files pile up past Node's 4 GB heap. Two workers, each replaced once its heap passes
  // 1 GB after a file, keep memory bounded.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1GB",
  // At the end jest asks each worker to exit and force-kills it after this long, printing "A worker
  // process has failed to exit gracefully". Ours leak nothing: a worker's event loop is empty within
  // milliseconds of the request (traced with async_hooks). What takes time is Node tearing down the
  // worker's heap once the loop is empty: 200 MB of jsdom and React take 0.7–1.6 s on this shared
  // 2-core machine under load, past jest's 500 ms. A real leak (a live timer, server or child)
  // keeps a worker up for good and still gets the warning, five seconds later.
  workerGracefulExitTimeout: 5000,
};
