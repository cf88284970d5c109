/**
 * Lists functions longer than a limit (default 60 lines) under a folder (default src/engine):
 * the team rule "no function over ~60 lines", checked. Exit 1 when any is found.
 * Run: npx tsx scripts/long-functions.ts [dir] [limit]
 * longFunctions() is exported so a test keeps src/ within the rule in CI.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

function files(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** "file:line name N lines" for each function with a body longer than `limit` lines in `file`. */
function longInFile(file: string, limit: number): string[] {
  const long: string[] = [];
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const name = (node as ts.FunctionDeclaration).name?.getText(src) ?? "(anonymous)";
        long.push(`${file}:${start + 1} ${name} ${lines} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return long;
}

/** Every function over `limit` lines in the .ts/.tsx files under `dir`. */
export function longFunctions(dir: string, limit = 60): string[] {
  return files(dir).flatMap((file) => longInFile(file, limit));
}

function main(): void {
  const dir = process.argv[2] ?? "src/engine";
  const limit = Number(process.argv[3] ?? 60);
  const long = longFunctions(dir, limit);
  console.log(long.length ? long.join("\n") : `no function over ${limit} lines in ${dir}`);
  process.exit(long.length ? 1 : 0);
}

// Run as a script (npx tsx scripts/long-functions.ts), not when a test imports it.
if (require.main === module) main();
