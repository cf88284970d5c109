/**
 * The commands of the CLI's heavy half (./full.ts): template, calc, freeze, rollup, report and
 * report-check. Their failures are reported here, by the error classes of the bundle they were
 * thrown in: bundled, the front (./run.ts) has its own copies of UsageError and the rest, and an
 * `instanceof` across the two bundles would turn a usage error into 内部错误.
 */
import type { ParsedArgs } from "./args";
import { runBounded } from "./commands/bounded";
import { runReport } from "./commands/report";
import { runReportCheck } from "./commands/reportCheck";
import { runRollup } from "./commands/rollup";
import { runTemplate } from "./commands/write";
import { reportFailure } from "./failure";
import type { HeavyVerb } from "./heavy";
import type { CliIo } from "./io";

const COMMANDS: Record<HeavyVerb, (args: ParsedArgs, argv: string[], io: CliIo) => Promise<number>> = {
  template: (args, _argv, io) => runTemplate(args, io),
  calc: runBounded,
  freeze: runBounded,
  rollup: (args, _argv, io) => runRollup(args, io),
  report: (args, _argv, io) => runReport(args, io),
  "report-check": (args, _argv, io) => runReportCheck(args, io),
};

export async function runHeavy(
  args: ParsedArgs & { verb: HeavyVerb },
  argv: string[],
  io: CliIo,
  lang: "zh-CN" | "en",
): Promise<number> {
  try {
    return await COMMANDS[args.verb](args, argv, io);
  } catch (e) {
    return reportFailure(e, io, lang);
  }
}
