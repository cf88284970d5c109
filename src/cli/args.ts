/**
 * Command-line parsing into a typed command, or a UsageError with a zh-CN message.
 * Hand-written (no dependency): the grammar is four verbs and a few flags.
 */
/** A command used wrongly: said in both languages where it is found; `--lang` picks one. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export type Verb =
  | "template"
  | "check"
  | "calc"
  | "freeze"
  | "review"
  | "report"
  | "report-check"
  | "rollup"
  | "rules"
  | "help"
  | "version";

export interface ParsedArgs {
  verb: Verb;
  positional: string[];
  out?: string;
  /** review: also write the summary as one self-contained HTML page. */
  html?: string;
  rules?: string;
  /** rules --show: the rule set (id or .json file) to print. */
  show?: string;
  formulas?: string;
  format: "text" | "json";
  lang: "zh-CN" | "en";
  jobs?: number;
  replace: string[];
  native: boolean;
  protect: boolean;
  /** calc/freeze: write the output even though it will lack charts, pivot tables … of the input. */
  force: boolean;
  /** Seconds allowed per file. */
  timeout?: number;
  /** report: the sheet whose forms the report is drafted from; rollup --into: the sheet holding the 部门整体 form. */
  sheet?: string;
  /** rollup: fill the 部门整体 form of this existing workbook (a copy of it goes to -o). */
  into?: string;
  /** help: the command whose help was asked for (`ziping check --help`, `ziping help check`). */
  topic?: Verb;
}

const VERBS = new Set(["template", "check", "calc", "freeze", "review", "report", "report-check", "rollup", "rules"]);
const VALUE_FLAGS = new Set([
  "-o",
  "--out",
  "--html",
  "--rules",
  "--formulas",
  "--format",
  "--lang",
  "--jobs",
  "--replace",
  "--timeout",
  "--into",
  "--show",
  "--sheet",
]);
const BOOL_FLAGS = new Set(["--native", "--protect", "--force"]);

/** Which options each command takes: an option that belongs to another command is a usage error. */
export const FLAGS_OF: Record<Exclude<Verb, "help" | "version">, ReadonlySet<string>> = {
  template: new Set(["-o", "--out", "--rules", "--formulas", "--protect", "--lang"]),
  check: new Set(["--format", "--rules", "--jobs", "--lang", "--timeout"]),
  calc: new Set(["-o", "--out", "--rules", "--formulas", "--replace", "--format", "--lang", "--timeout", "--force"]),
  freeze: new Set(["-o", "--out", "--native", "--lang", "--timeout", "--force"]),
  review: new Set(["-o", "--out", "--html", "--rules", "--jobs", "--lang", "--timeout"]),
  report: new Set(["-o", "--out", "--sheet", "--rules", "--lang", "--timeout"]),
  "report-check": new Set(["--format", "--rules", "--lang", "--timeout"]),
  rollup: new Set([
    "-o",
    "--out",
    "--into",
    "--sheet",
    "--rules",
    "--formulas",
    "--format",
    "--lang",
    "--timeout",
    "--force",
  ]),
  rules: new Set(["--lang", "--show"]),
};

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = {
    verb: "help",
    positional: [],
    format: "text",
    lang: "zh-CN",
    replace: [],
    native: false,
    protect: false,
    force: false,
  };
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    const named = argv[0] === "help" ? argv[1] : argv[0];
    return VERBS.has(named) ? { ...out, topic: named as Verb } : out;
  }
  if (argv.includes("--version") || argv.includes("-v")) return { ...out, verb: "version" };
  const [verb, ...rest] = argv;
  if (verb.startsWith("-")) throw optionBeforeCommand(argv);
  if (!VERBS.has(verb))
    throw new UsageError(
      `未知的命令：${verb}（可用：template、check、calc、freeze、review、report、report-check、rollup、rules）`,
      `unknown command: ${verb} (available: template, check, calc, freeze, review, report, report-check, rollup, rules)`,
    );
  out.verb = verb as Verb;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if ((BOOL_FLAGS.has(flag) || VALUE_FLAGS.has(flag)) && !FLAGS_OF[out.verb as keyof typeof FLAGS_OF].has(flag)) {
      throw new UsageError(`${verb} 不接受选项 ${flag}`, `${verb} does not take the option ${flag}`);
    }
    if (BOOL_FLAGS.has(flag)) {
      if (flag === "--native") out.native = true;
      else if (flag === "--force") out.force = true;
      else out.protect = true;
      continue;
    }
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? rest[++i];
      if (value === undefined || (inline === undefined && value.startsWith("-") && value !== "-")) {
        throw new UsageError(`选项 ${flag} 需要一个值`, `the option ${flag} needs a value`);
      }
      setValue(out, flag, value);
      continue;
    }
    if (a.startsWith("-") && a !== "-") throw new UsageError(`未知的选项：${a}`, `unknown option: ${a}`);
    out.positional.push(a);
  }
  return out;
}

/** `ziping --lang en check …`: the command must come first; say so, naming it when it is there. */
function optionBeforeCommand(argv: string[]): UsageError {
  const verb = argv.find((a) => VERBS.has(a));
  if (verb)
    return new UsageError(
      `命令应写在最前面，选项放在其后：ziping ${verb} … ${argv[0]}`,
      `the command comes first, options after it: ziping ${verb} … ${argv[0]}`,
    );
  return new UsageError(
    `缺少命令（template、check、calc、freeze、review、report、report-check、rollup、rules），选项放在命令之后`,
    `a command is missing (template, check, calc, freeze, review, report, report-check, rollup, rules); options come after it`,
  );
}

/** Refuses a second -o/--html/--into: silently keeping one of two output paths would write where the user did not expect. */
function once(flag: string, current: string | undefined): void {
  if (current === undefined) return;
  if (flag === "-o" || flag === "--out")
    throw new UsageError(
      `输出文件只能指定一次（已有 ${current}）`,
      `the output file can be given once (already ${current})`,
    );
  throw new UsageError(`${flag} 只能指定一次（已有 ${current}）`, `${flag} can be given once (already ${current})`);
}

function setOut(out: ParsedArgs, value: string, flag: string): void {
  once(flag, out.out);
  out.out = value;
}

function setFormat(out: ParsedArgs, value: string): void {
  if (value !== "text" && value !== "json")
    throw new UsageError(`--format 只能是 text 或 json，而不是 ${value}`, `--format is text or json, not ${value}`);
  out.format = value;
}

function setLang(out: ParsedArgs, value: string): void {
  if (!/^(zh|zh-CN|en)$/.test(value))
    throw new UsageError(`--lang 只能是 zh 或 en，而不是 ${value}`, `--lang is zh or en, not ${value}`);
  out.lang = value === "en" ? "en" : "zh-CN";
}

function setJobs(out: ParsedArgs, value: string): void {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(
      `--jobs 应为 1 到 64 之间的整数，而不是 ${value}`,
      `--jobs is a whole number from 1 to 64, not ${value}`,
    );
  out.jobs = n;
}

function setTimeoutSeconds(out: ParsedArgs, value: string): void {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(
      `--timeout 应为正数（秒），而不是 ${value}`,
      `--timeout is a positive number of seconds, not ${value}`,
    );
  out.timeout = n;
}

/** --replace may repeat and each may list several cells: all of them accumulate. */
function addReplace(out: ParsedArgs, value: string): void {
  const cells = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // "Sheet!A1" or "A1" ($ allowed): anything else is a typo no cell will ever match.
  const bad = cells.find((c) => !/^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/.test(c.slice(c.lastIndexOf("!") + 1)));
  if (bad !== undefined)
    throw new UsageError(
      `--replace 的单元格应写成 工作表!A1 或 A1，而不是 ${bad}`,
      `--replace takes cells as Sheet!A1 or A1, not ${bad}`,
    );
  out.replace.push(...cells);
}

type Setter = (out: ParsedArgs, value: string, flag: string) => void;

/** How each value flag lands in ParsedArgs (checked and converted where the value has a fixed form). */
const SETTERS: Record<string, Setter> = {
  "-o": setOut,
  "--out": setOut,
  "--html": (out, value, flag) => {
    once(flag, out.html);
    out.html = value;
  },
  "--into": (out, value, flag) => {
    once(flag, out.into);
    out.into = value;
  },
  "--rules": (out, value) => void (out.rules = value),
  "--show": (out, value) => void (out.show = value),
  "--sheet": (out, value) => void (out.sheet = value),
  "--formulas": (out, value) => void (out.formulas = value),
  "--format": setFormat,
  "--lang": setLang,
  "--jobs": setJobs,
  "--timeout": setTimeoutSeconds,
  "--replace": addReplace,
};

function setValue(out: ParsedArgs, flag: string, value: string): void {
  SETTERS[flag]?.(out, value, flag);
}
