/**
 * No merge-conflict markers left in the tree: several engineers land on main in parallel, and a
 * conflict resolved in a hurry once left `<<<<<<< HEAD` blocks in docs/engine.md for a whole session.
 * Text files tracked by git only (node_modules, dist and binaries are not ours to check).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const TEXT = /\.(ts|tsx|js|json|md|html|css|yml|yaml|sh|txt)$/i;
const MARKER = /^(<{7} |={7}$|>{7} )/m;

function trackedTextFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  return out.split("\0").filter((f) => TEXT.test(f));
}

test("no tracked text file holds a merge-conflict marker", () => {
  const files = trackedTextFiles();
  expect(files.length).toBeGreaterThan(100);
  const withMarkers = files.filter((f) => {
    const full = path.join(root, f);
    return fs.existsSync(full) && MARKER.test(fs.readFileSync(full, "utf8"));
  });
  expect(withMarkers).toEqual([]);
});
