/**
 * The CLI as a function: `run(argv, io)` → exit code. Every failure ends here as one zh-CN line
 * on stderr and exit 2; no stack trace ever reaches the user. help, rules, check and review run
 * here; the commands that need exceljs or docx are the heavy half's (./heavyRun.ts), loaded on
 * first need (./heavy.ts).
 */
import { parseArgs, UsageError } from "./args";
import { runCheck } from "./commands/check";
import { runReview } from "./commands/review";
import { reportFailure } from "./failure";
import { heavyCommands, isHeavyVerb } from "./heavy";
import { helpText } from "./help";
import { EXIT, type CliIo } from "./io";
import { ruleSetShown, rulesListing } from "./rules";

export const VERSION = "0.1.0";

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (isHeavyVerb(args.verb))
      return await heavyCommands().runHeavy({ ...args, verb: args.verb }, argv, io, langOf(argv));
    switch (args.verb) {
      case "help": {
        // --help --lang en (or zh) prints that language only; plain --help prints both.
        const lang = langFlag(argv);
        io.stdout(helpText(args.topic, /^en/i.test(lang) ? "en" : /^zh/i.test(lang) ? "zh" : "both"));
        return EXIT.ok;
      }
      case "version":
        io.stdout(`ziping ${VERSION}\n`);
        return EXIT.ok;
      case "rules":
        if (args.positional.length > 0)
          throw new UsageError(
            `rules 不接受文件参数（${args.positional[0]}）；查看一套规则用 ziping rules --show 规则`,
            `rules takes no file (${args.positional[0]}); to see one rule set: ziping rules --show ID`,
          );
        io.stdout(args.show !== undefined ? ruleSetShown(args.show, io.cwd) : rulesListing(args.lang));
        return EXIT.ok;
      case "check":
        return await runCheck(args, io);
      case "review":
        return await runReview(args, io);
    }
  } catch (e) {
    return reportFailure(e, io, langOf(argv));
  }
}

/** The --lang value as typed ("" when absent), read from argv itself: a usage error may come before parsing ends. */
function langFlag(argv: string[]): string {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  return i < 0 ? "" : argv[i].includes("=") ? argv[i].split("=")[1] : (argv[i + 1] ?? "");
}

function langOf(argv: string[]): "zh-CN" | "en" {
  return /^en/i.test(langFlag(argv)) ? "en" : "zh-CN";
}
