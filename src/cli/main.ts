/** Entry of the bundled `ziping` binary (dist/cli/ziping.js). */
import { processIo } from "./io";
import { run } from "./run";

// An error escaping everything (a bug) still ends as one line and exit 2, never a stack trace.
process.on("uncaughtException", (e) => {
  process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
