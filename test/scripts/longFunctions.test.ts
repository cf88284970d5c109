/**
 * The team rule "no function over ~60 lines", kept true over all of src/ in CI, with the same
 * check the script runs (npx tsx scripts/long-functions.ts src).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { longFunctions } from "../../scripts/long-functions";

describe("long-functions", () => {
  it("finds no function over 60 lines in src/", () => {
    expect(longFunctions(path.join(__dirname, "../../src"))).toEqual([]);
  });

  it("does report a function over the limit (the check can fail)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "long-fn-"));
    try {
      const body = Array.from({ length: 61 }, (_, i) => `  const v${i} = ${i};`).join("\n");
      fs.writeFileSync(
        path.join(dir, "big.ts"),
        `export function big() {\n${body}\n}\nexport const small = () => 1;\n`,
      );
      expect(longFunctions(dir)).toEqual([`${path.join(dir, "big.ts")}:1 big 63 lines`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
