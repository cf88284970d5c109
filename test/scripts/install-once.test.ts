/** scripts/install-once.js: npm ci runs only when node_modules does not match package-lock.json. */
import * as fs from "fs";
import * as path from "path";

const { firstMismatch } = require("../../scripts/install-once.js");

const lock = {
  packages: {
    "": { name: "jixiao-ziping" },
    "node_modules/react": { version: "18.3.1" },
    "node_modules/@esbuild/win32-x64": { version: "0.28.2", optional: true },
  },
};

test("matching node_modules: nothing to install (a foreign platform's optional package may be absent)", () => {
  expect(firstMismatch(lock, { packages: { "node_modules/react": { version: "18.3.1" } } })).toBeUndefined();
});

test("a fresh clone, a missing or outdated package: install", () => {
  expect(firstMismatch(lock, undefined)).toBe("node_modules");
  expect(firstMismatch(lock, { packages: {} })).toBe("node_modules/react");
  expect(firstMismatch(lock, { packages: { "node_modules/react": { version: "18.2.0" } } })).toBe("node_modules/react");
});

test("this checkout's node_modules matches its lock file", () => {
  const root = path.resolve(__dirname, "..", "..");
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8"));
  expect(firstMismatch(read("package-lock.json"), read("node_modules/.package-lock.json"))).toBeUndefined();
});
