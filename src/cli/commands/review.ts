/**
 * ziping review: one summary workbook (and optionally one HTML page) for a folder of forms, for
 * the 财政局 reviewer. .xlsx files are read directly; .xls and WPS .et through LibreOffice. Every
 * input ends up either as rows of 汇总 / 问题明细 or as a line of 未能读取 — never silently lost.
 * Inputs are never modified; outputs never overwrite an existing file.
 */
import * as fs from "fs/promises";
import * as path from "path";
import type { RuleSet } from "../../engine";
import { reviewWorkbook } from "../../ops";
import { UsageError, type ParsedArgs } from "../args";
import { expandInputs, pool } from "../files";
import { EXIT, type CliIo } from "../io";
import { convertLegacy, LEGACY_EXTENSIONS, TempFolder, type LegacyResult } from "../legacy";
import { describeError, openWorkbook } from "../open";
import { buildReviewHtml } from "../review/html";
import { layoutReview, type ReviewedFile, type UnreadFile } from "../review/model";
import { reviewProgress } from "../review/progress";
import { buildReviewWorkbook } from "../review/workbook";
import { ruleSetFor, ruleSetFromFlag } from "../rules";

const NO_FORM = { "zh-CN": "文件中未找到绩效自评表", en: "no self-evaluation form found in the file" };

async function newOutput(value: string | undefined, ext: RegExp, what: string, io: CliIo): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const out = path.resolve(io.cwd, value);
  if (!ext.test(out)) throw new UsageError(`${what}的扩展名不对：${value}`);
  if (await fs.lstat(out).catch(() => null)) throw new UsageError(`输出文件已存在：${value}（不会覆盖已有文件）`);
  return out;
}

type Outcome = { reviewed: ReviewedFile } | { unread: UnreadFile };

async function reviewOne(
  file: string,
  display: string,
  flagRules: RuleSet | undefined,
  args: ParsedArgs,
): Promise<Outcome> {
  const opened = await openWorkbook(file, { readOnly: true, timeoutSeconds: args.timeout, lang: args.lang });
  if (!opened.ok) return { unread: { display, reason: opened.message } };
  try {
    const ruleSet = await ruleSetFor(opened.port, flagRules);
    const forms = (await reviewWorkbook(opened.port, ruleSet)).flatMap((s) => s.forms);
    if (forms.length === 0) return { unread: { display, reason: NO_FORM[args.lang] } };
    return { reviewed: { display, forms } };
  } catch (e) {
    return { unread: { display, reason: describeError(e, args.lang) } };
  }
}

async function convertInputs(files: string[], temp: TempFolder): Promise<Map<string, LegacyResult>> {
  const legacy = files.filter((f) => LEGACY_EXTENSIONS.test(f));
  return legacy.length > 0 ? convertLegacy(legacy, temp) : new Map();
}

async function reviewAll(files: string[], args: ParsedArgs, io: CliIo, temp: TempFolder): Promise<Outcome[]> {
  const flagRules = ruleSetFromFlag(args.rules, io.cwd);
  const converted = await convertInputs(files, temp);
  const progress = reviewProgress(files.length, io, args.lang);
  const display = (file: string) => path.relative(io.cwd, file) || file;
  return pool(files, args.jobs ?? 2, async (file) => {
    const legacy = converted.get(file);
    const outcome: Outcome =
      legacy && !legacy.ok
        ? { unread: { display: display(file), reason: legacy.message } }
        : await reviewOne(legacy?.ok ? legacy.xlsx : file, display(file), flagRules, args);
    progress.tick();
    return outcome;
  });
}

function closingLine(reviewed: ReviewedFile[], unread: UnreadFile[], out: string, args: ParsedArgs): string {
  const forms = reviewed.flatMap((f) => f.forms);
  const n = (a: string) => forms.filter((f) => f.advice.action === a).length;
  return args.lang === "en"
    ? `${reviewed.length + unread.length} file(s), ${forms.length} form(s): return ${n("return")}, verify ${n("verify")}, pass ${n("pass")}; unreadable ${unread.length}. Wrote ${out}\n`
    : `共 ${reviewed.length + unread.length} 个文件、${forms.length} 张自评表：建议退回 ${n("return")}，请核实 ${n("verify")}，通过 ${n("pass")}；未能读取 ${unread.length}。已写入 ${out}\n`;
}

export async function runReview(args: ParsedArgs, io: CliIo & { isTTY?: boolean }): Promise<number> {
  if (args.positional.length === 0) throw new UsageError("review 需要至少一个文件或文件夹");
  if (!args.out) throw new UsageError("review 需要用 -o 指定汇总工作簿（.xlsx）");
  const out = (await newOutput(args.out, /\.xlsx$/i, "汇总工作簿", io))!;
  const html = await newOutput(args.html, /\.html?$/i, "HTML 报告", io);
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
    await buildReviewWorkbook(summary, details, unread, args.lang).xlsx.writeFile(out);
    if (html) await fs.writeFile(html, buildReviewHtml(summary, unread, files.length, args.lang), { flag: "wx" });
  } catch (e) {
    io.stderr(
      `${args.lang === "en" ? "cannot write the output" : "无法写入输出文件"}：${describeError(e, args.lang)}\n`,
    );
    return EXIT.failure;
  }
  io.stdout(closingLine(reviewed, unread, path.relative(io.cwd, out) || out, args));
  if (unread.length > 0) return EXIT.failure;
  return summary.some((r) => r.review.advice.action === "return") ? EXIT.findings : EXIT.ok;
}
