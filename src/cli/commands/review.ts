/**
 * ziping review: one summary workbook (and optionally one HTML page) for a folder of forms, for
 * the 财政局 reviewer. .xlsx files are read directly; .xls and WPS .et through LibreOffice. Every
 * input ends up either as rows of 汇总 / 问题明细 or as a line of 未能读取 — never silently lost.
 * Inputs are never modified; outputs never overwrite an existing file.
 */
import * as fs from "fs/promises";
import * as path from "path";
import type { Locale } from "../../engine";
import { RULE_SET_SETTING } from "../../host/settings";
import { reviewWorkbook } from "../../ops";
import { UsageError, type ParsedArgs } from "../args";
import { expandInputs } from "../files";
import { EXIT, type CliIo } from "../io";
import { convertLegacy, LEGACY_EXTENSIONS, TempFolder, type LegacyResult } from "../legacy";
import { describeError, openForCheck, DEFAULT_TIMEOUT_SECONDS } from "../open";
import { runPool } from "../pool";
import { buildReviewHtml } from "../review/html";
import { layoutReview, type ReviewedFile, type UnreadFile } from "../review/model";
import { reviewProgress } from "../review/progress";
import { buildReviewWorkbook } from "../review/workbook";
import { ruleSetFor, ruleSetFromFlag, rulesForWorkers } from "../rules";

const NO_FORM = { "zh-CN": "文件中未找到绩效自评表", en: "no self-evaluation form found in the file" };

async function newOutput(
  value: string | undefined,
  ext: RegExp,
  what: { zh: string; en: string },
  io: CliIo,
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const out = path.resolve(io.cwd, value);
  if (!ext.test(out))
    throw new UsageError(`${what.zh}的扩展名不对：${value}`, `the ${what.en} has the wrong extension: ${value}`);
  if (await fs.lstat(out).catch(() => null))
    throw new UsageError(
      `输出文件已存在：${value}（不会覆盖已有文件）`,
      `the output file exists: ${value} (an existing file is never overwritten)`,
    );
  return out;
}

type Outcome = { reviewed: ReviewedFile } | { unread: UnreadFile };

/** One file's review as pool work: plain data in and out (it crosses a worker boundary). */
export interface ReviewInput {
  /** The .xlsx to read (for .xls / .et: LibreOffice's copy). */
  file: string;
  display: string;
  /** The --rules flag as typed: the worker resolves it again. */
  rules?: string;
  locale: Locale;
  timeoutSeconds?: number;
}

export async function reviewTask(input: ReviewInput): Promise<Outcome> {
  const { file, display, locale } = input;
  const opened = await openForCheck(file, { timeoutSeconds: input.timeoutSeconds, lang: locale });
  if (!opened.ok) return { unread: { display, reason: opened.message } };
  try {
    const flagRules = ruleSetFromFlag(input.rules);
    const ruleSet = await ruleSetFor(opened.port, flagRules);
    // As check does: a rule set somebody chose makes the form's other weights warnings.
    const explicitRules = flagRules !== undefined || (await opened.port.getSetting(RULE_SET_SETTING)) !== undefined;
    const forms = (await reviewWorkbook(opened.port, ruleSet, { explicitRules })).flatMap((s) => s.forms);
    if (forms.length === 0) return { unread: { display, reason: NO_FORM[locale] } };
    return { reviewed: { display, forms } };
  } catch (e) {
    return { unread: { display, reason: describeError(e, locale) } };
  }
}

async function convertInputs(files: string[], temp: TempFolder): Promise<Map<string, LegacyResult>> {
  const legacy = files.filter((f) => LEGACY_EXTENSIONS.test(f));
  return legacy.length > 0 ? convertLegacy(legacy, temp) : new Map();
}

/**
 * Every file in the worker pool the check uses (src/cli/pool.ts): a file stuck past --timeout or
 * its memory budget is stopped from outside and listed as 超时 / 过大, the others go on.
 */
async function reviewAll(files: string[], args: ParsedArgs, io: CliIo, temp: TempFolder): Promise<Outcome[]> {
  const rules = rulesForWorkers(args.rules, io.cwd);
  const legacy = files.filter((f) => LEGACY_EXTENSIONS.test(f)).length;
  // LibreOffice takes seconds per batch: say so, and start the ETA's clock once it is done.
  if (legacy > 0) {
    io.stderr(
      args.lang === "en"
        ? `converting ${legacy} .xls / .et file(s) with LibreOffice…\n`
        : `正在用 LibreOffice 转换 ${legacy} 个 .xls / .et 文件…\n`,
    );
  }
  const converted = await convertInputs(files, temp);
  const progress = reviewProgress(files.length, io, args.lang);
  const display = (file: string) => path.relative(io.cwd, file) || file;
  const outcomes: (Outcome | undefined)[] = files.map((file) => {
    const legacy = converted.get(file);
    return legacy && !legacy.ok ? { unread: { display: display(file), reason: legacy.message } } : undefined;
  });
  const todo = files.flatMap((file, i) => (outcomes[i] ? [] : [i]));
  const inputs: ReviewInput[] = todo.map((i) => {
    const legacy = converted.get(files[i]);
    const file = legacy?.ok ? legacy.xlsx : files[i];
    return { file, display: display(files[i]), rules, locale: args.lang, timeoutSeconds: args.timeout };
  });
  for (let i = 0; i < files.length - todo.length; i++) progress.tick();
  const settled = await runPool({ name: "review", run: reviewTask }, inputs, {
    jobs: args.jobs,
    timeoutSeconds: args.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    lang: args.lang,
    onSettled: () => progress.tick(),
  });
  settled.forEach((o, k) => {
    outcomes[todo[k]] = o.ok ? o.value : { unread: { display: inputs[k].display, reason: o.message } };
  });
  return outcomes as Outcome[];
}

function writeError(e: unknown, lang: Locale): string {
  const { code, syscall } = (e ?? {}) as NodeJS.ErrnoException;
  if (code !== "EEXIST" || syscall === "mkdir") return describeError(e, lang);
  const file = (e as NodeJS.ErrnoException).path ?? "";
  return lang === "en"
    ? `${file} appeared while the review ran (an existing file is never overwritten)`
    : `${file} 在审核期间被创建（不会覆盖已有文件）`;
}

function closingLine(reviewed: ReviewedFile[], unread: UnreadFile[], out: string, args: ParsedArgs): string {
  const forms = reviewed.flatMap((f) => f.forms);
  const n = (a: string) => forms.filter((f) => f.advice.action === a).length;
  return args.lang === "en"
    ? `${reviewed.length + unread.length} file(s), ${forms.length} form(s): return ${n("return")}, verify ${n("verify")}, pass ${n("pass")}; unreadable ${unread.length}. Wrote ${out}\n`
    : `共 ${reviewed.length + unread.length} 个文件、${forms.length} 张自评表：建议退回 ${n("return")}，请核实 ${n("verify")}，通过 ${n("pass")}；未能读取 ${unread.length}。已写入 ${out}\n`;
}

export async function runReview(args: ParsedArgs, io: CliIo & { isTTY?: boolean }): Promise<number> {
  if (args.positional.length === 0)
    throw new UsageError("review 需要至少一个文件或文件夹", "review needs at least one file or folder");
  if (!args.out)
    throw new UsageError(
      "review 需要用 -o 指定汇总工作簿（.xlsx）",
      "review needs -o with the summary workbook (.xlsx)",
    );
  const out = (await newOutput(args.out, /\.xlsx$/i, { zh: "汇总工作簿", en: "summary workbook" }, io))!;
  const html = await newOutput(args.html, /\.html?$/i, { zh: "HTML 报告", en: "HTML report" }, io);
  const { files, missing } = await expandInputs(args.positional, io.cwd, args.lang, true);
  const temp = await TempFolder.create();
  let outcomes: Outcome[];
  try {
    outcomes = await reviewAll(files, args, io, temp);
  } finally {
    await temp.remove();
  }
  const reviewed = outcomes.flatMap((o) => ("reviewed" in o ? [o.reviewed] : []));
  const unread = [
    ...missing.map((m) => ({ display: m.input, reason: m.message })),
    ...outcomes.flatMap((o) => ("unread" in o ? [o.unread] : [])),
  ];
  const { summary, details } = layoutReview(reviewed, args.lang);
  try {
    await fs.mkdir(path.dirname(out), { recursive: true });
    // "wx": create only. The review takes minutes; a file put at -o meanwhile is refused, not replaced.
    const bytes = buildReviewWorkbook(summary, details, unread, args.lang);
    await fs.writeFile(out, bytes, { flag: "wx" });
    if (html) await fs.writeFile(html, buildReviewHtml(summary, unread, files.length, args.lang), { flag: "wx" });
  } catch (e) {
    io.stderr(`${args.lang === "en" ? "cannot write the output" : "无法写入输出文件"}：${writeError(e, args.lang)}\n`);
    return EXIT.failure;
  }
  io.stdout(closingLine(reviewed, unread, path.relative(io.cwd, out) || out, args));
  if (unread.length > 0) return EXIT.failure;
  return summary.some((r) => r.review.advice.action === "return") ? EXIT.findings : EXIT.ok;
}
