/**
 * calc and freeze run in a worker thread the parent can stop, like check and review: --timeout
 * (default 120 s) and the memory budget bound the whole command — reading, computing and writing
 * — not only the reading. A stopped command leaves no half-written output behind.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, type ParsedArgs } from "../args";
import { reportFailure } from "../failure";
import { EXIT, type CliIo } from "../io";
import { DEFAULT_TIMEOUT_SECONDS } from "../open";
import { runPool } from "../pool";
import { runCalc, runFreeze } from "./write";

/** The command line and folder, as plain data (it crosses a worker boundary). */
export interface CommandInput {
  argv: string[];
  cwd: string;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** --lang en anywhere in argv (a usage error may come before parsing ends). */
function langOfArgv(argv: string[]): "zh-CN" | "en" {
  const i = argv.indexOf("--lang");
  return argv.includes("--lang=en") || (i >= 0 && argv[i + 1] === "en") ? "en" : "zh-CN";
}

/** The worker side: run calc or freeze with its output captured. */
export async function commandTask(input: CommandInput): Promise<CommandOutput> {
  const out: CommandOutput = { code: EXIT.failure, stdout: "", stderr: "" };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), cwd: input.cwd };
  try {
    const args = parseArgs(input.argv);
    out.code = await (args.verb === "freeze" ? runFreeze(args, io) : runCalc(args, io));
  } catch (e) {
    out.code = reportFailure(e, io, langOfArgv(input.argv));
  }
  return out;
}

const STOPPED = {
  "zh-CN": (input: string, why: string) => `${input}：${why}；未写入任何文件。\n`,
  en: (input: string, why: string) => `${input}: ${why}; nothing was written.\n`,
};

export async function runBounded(args: ParsedArgs, argv: string[], io: CliIo): Promise<number> {
  const out = args.out ? path.resolve(io.cwd, args.out) : undefined;
  const existed = out !== undefined && fs.existsSync(out);
  const [outcome] = await runPool({ name: "command", run: commandTask }, [{ argv, cwd: io.cwd }], {
    jobs: 1,
    timeoutSeconds: args.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    lang: args.lang,
  });
  if (outcome.ok) {
    io.stdout(outcome.value.stdout);
    io.stderr(outcome.value.stderr);
    return outcome.value.code;
  }
  // The worker was stopped, perhaps while writing: what it left at a path that was free is ours.
  if (out && !existed && fs.existsSync(out)) fs.rmSync(out, { force: true });
  io.stderr(STOPPED[args.lang](args.positional[0] ?? "", outcome.message));
  return EXIT.failure;
}
