/**
 * The commands that write a new file: template, calc, freeze. The input file is never modified:
 * the result always goes to -o, which must differ from the input.
 */
import * as fs from "fs/promises";
import * as path from "path";
import { ExcelJsPort } from "../../host/exceljs";
import {
  calculateSheet,
  freezeWorkbook,
  freezeProblemText,
  insertTemplate,
  type FilledCell,
  type FormulaStyle,
  type TemplateKind,
} from "../../ops";
import { explainWrite, type RuleSet } from "../../engine";
import { TEMPLATES } from "../../templates";
import { UsageError, type ParsedArgs } from "../args";
import { EXIT, type CliIo } from "../io";
import { describeError, openWorkbook } from "../open";
import { rowOf, textOf, type ReportRow } from "../report";
import { ruleSetFor, ruleSetFromFlag } from "../rules";

function outPath(args: ParsedArgs, io: CliIo, input?: string): string {
  if (!args.out)
    throw new UsageError(`${args.verb} 需要用 -o 指定输出文件`, `${args.verb} needs -o with the output file`);
  const out = path.resolve(io.cwd, args.out);
  if (!/\.xlsx$/i.test(out))
    throw new UsageError(`输出文件应以 .xlsx 结尾：${args.out}`, `the output file should end in .xlsx: ${args.out}`);
  if (input && path.resolve(io.cwd, input) === out) {
    throw new UsageError(
      "输出文件不能与输入文件相同：原文件保持不变，结果写入新文件",
      "the output file cannot be the input file: the input stays as it is and the result goes to a new file",
    );
  }
  return out;
}

/**
 * The output path, which must not exist yet: a command never overwrites a file. lstat, not stat:
 * a symbolic link (even one pointing nowhere) would send the write to wherever it points.
 */
export async function newOutPath(args: ParsedArgs, io: CliIo, input?: string): Promise<string> {
  const out = outPath(args, io, input);
  const st = await fs.lstat(out).catch(() => null);
  if (st?.isSymbolicLink()) {
    throw new UsageError(
      `输出路径是一个符号链接：${args.out}（不会写到链接指向的位置，请换一个新的文件名）`,
      `the output path is a symbolic link: ${args.out} (nothing is written where it points; choose a new file name)`,
    );
  }
  if (st)
    throw new UsageError(
      `输出文件已存在：${args.out}（不会覆盖已有文件）`,
      `the output file exists: ${args.out} (an existing file is never overwritten)`,
    );
  return out;
}

/** Something appeared at the output path after it was checked (a link, a file): never written through. */
function existsNow(e: unknown): boolean {
  // EEXIST from mkdir is a file where the output's folder should be: describeError says so.
  const { code, syscall } = (e ?? {}) as NodeJS.ErrnoException;
  return code === "EEXIST" && syscall !== "mkdir";
}

/**
 * Write the package, unless it lacks something the input had (see ExcelJsPort.toPackage) and
 * --force was not given: then nothing is written and the message says what would be lost.
 */
export async function save(
  port: ExcelJsPort,
  out: string,
  io: CliIo,
  args: ParsedArgs,
  input?: string,
): Promise<number> {
  const lang = args.lang ?? "zh-CN";
  try {
    const { buffer, lost } = await port.toPackage();
    // What the input check already named (and --force let through) is not said twice.
    const more = lost.filter((w) => !port.lostOnSave.includes(w));
    if (input && refuseLosing(more, input, args, io)) return EXIT.failure;
    await fs.mkdir(path.dirname(out), { recursive: true });
    // "wx": create only. A file or link put there since the check is refused, not followed.
    await fs.writeFile(out, buffer, { flag: "wx" });
    return EXIT.ok;
  } catch (e) {
    if (existsNow(e)) {
      io.stderr(
        lang === "en"
          ? `${out} appeared meanwhile; nothing was written.\n`
          : `输出路径 ${out} 已被占用（文件或链接），未写入任何内容。\n`,
      );
      return EXIT.failure;
    }
    io.stderr(
      lang === "en"
        ? `cannot write the output file ${out}: ${describeError(e, lang)}\n`
        : `无法写入输出文件 ${out}：${describeError(e)}\n`,
    );
    return EXIT.failure;
  }
}

export async function runTemplate(args: ParsedArgs, io: CliIo): Promise<number> {
  const kind = args.positional[0] as TemplateKind | undefined;
  if (!kind || !(kind in TEMPLATES)) {
    throw new UsageError(
      `template 需要模板类型：project、department 或 department-gs${kind ? `（而不是 ${kind}）` : ""}`,
      `template needs a kind: project, department or department-gs${kind ? ` (not ${kind})` : ""}`,
    );
  }
  if (args.positional.length > 1)
    throw new UsageError(
      `多余的参数：${args.positional.slice(1).join(" ")}`,
      `extra arguments: ${args.positional.slice(1).join(" ")}`,
    );
  const style = (args.formulas ?? "native") as FormulaStyle;
  if (style !== "native" && style !== "custom")
    throw new UsageError(
      `--formulas 只能是 native 或 custom，而不是 ${style}`,
      `--formulas is native or custom, not ${style}`,
    );
  const out = await newOutPath(args, io);
  const ruleSet = ruleSetFromFlag(args.rules, io.cwd);
  const port = new ExcelJsPort();
  const { sheet } = await insertTemplate(port, {
    kind,
    ruleSetId: ruleSet?.id ?? TEMPLATES[kind].defaultRuleSetId,
    ...(ruleSet ? { ruleSet } : {}),
    formulaStyle: style,
    protect: args.protect,
  });
  const code = await save(port, out, io, args);
  if (code === EXIT.ok)
    io.stderr(
      args.lang === "en" ? `Template “${sheet}” written: ${args.out}\n` : `已生成模板“${sheet}”：${args.out}\n`,
    );
  return code;
}

/**
 * exceljs cannot carry charts, pivot tables … into the file it writes. The input is never touched,
 * but an output quietly missing its charts is data lost all the same: refuse unless --force.
 */
export function refuseLosingParts(port: ExcelJsPort, input: string, args: ParsedArgs, io: CliIo): boolean {
  return refuseLosing(port.lostOnSave, input, args, io);
}

/** True (and says why) when `lost` is not empty and --force was not given; with --force, a warning. */
function refuseLosing(lost: string[], input: string, args: ParsedArgs, io: CliIo): boolean {
  if (lost.length === 0) return false;
  const what = lost.join(args.lang === "en" ? ", " : "、");
  if (args.force) {
    io.stderr(
      args.lang === "en"
        ? `${input}: the output will not contain its ${what} (--force).\n`
        : `${input}：输出文件将不含原文件中的${what}（已加 --force）。\n`,
    );
    return false;
  }
  io.stderr(
    args.lang === "en"
      ? `${input}: it contains ${what}, which the output file could not keep. Nothing was written. Add --force to write it without them, or use the task pane in Excel, which keeps everything.\n`
      : `${input}：文件中有${what}，输出文件无法保留它们，未写入任何文件。若可以不要它们，请加 --force；或在 Excel 中用任务窗格操作，那样会保留全部内容。\n`,
  );
  return true;
}

function singleInput(args: ParsedArgs): string {
  if (args.positional.length !== 1)
    throw new UsageError(`${args.verb} 需要恰好一个输入文件`, `${args.verb} needs exactly one input file`);
  return args.positional[0];
}

/** A cell calc wrote, as a report row (code `cell-filled` / `cell-replaced`, severity info). */
function filledRow(file: string, sheet: string, f: FilledCell, lang: "zh-CN" | "en"): ReportRow {
  const shown = f.formula ?? String(f.value ?? "");
  const explained = explainWrite(f, lang);
  const why = explained ? (lang === "en" ? ` — ${explained}` : `：${explained}`) : "";
  const verb =
    f.how === "replaced"
      ? lang === "en"
        ? `replaced (confirmed) with ${shown}`
        : `已按确认替换为 ${shown}`
      : lang === "en"
        ? `filled with ${shown}`
        : `已填入 ${shown}`;
  const row = Number(/\d+$/.exec(f.cell)?.[0] ?? 0) || null;
  return {
    file,
    sheet,
    cell: f.cell,
    row,
    severity: "info",
    code: f.how === "replaced" ? "cell-replaced" : "cell-filled",
    message: `${verb}${why}`,
  };
}

type CalcStyle = "values" | "native" | "custom";

function calcStyle(args: ParsedArgs): CalcStyle {
  const style = args.formulas ?? "values";
  if (!["values", "native", "custom"].includes(style)) {
    throw new UsageError(
      `--formulas 只能是 values、native 或 custom，而不是 ${style}`,
      `--formulas is values, native or custom, not ${style}`,
    );
  }
  return style as CalcStyle;
}

/** --replace takes "Sheet!A1" (or a bare "A1" for every sheet): cells the user confirmed. */
function replaceOnSheet(replace: string[], sheet: string): string[] {
  return replace
    .filter((r) => !r.includes("!") || r.slice(0, r.lastIndexOf("!")).replace(/^'|'$/g, "") === sheet)
    .map((r) => r.slice(r.lastIndexOf("!") + 1));
}

interface CalcOutcome {
  rows: ReportRow[];
  written: number;
  /** Each replaced cell both as "SHEET!A1" and as a bare "A1", upper case. */
  replacedCells: Set<string>;
}

async function calcEverySheet(
  port: ExcelJsPort,
  input: string,
  ruleSet: RuleSet,
  args: ParsedArgs,
  style: CalcStyle,
): Promise<CalcOutcome> {
  const outcome: CalcOutcome = { rows: [], written: 0, replacedCells: new Set<string>() };
  for (const sheet of await port.listSheets()) {
    const replace = replaceOnSheet(args.replace, sheet);
    const result = await calculateSheet(port, sheet, ruleSet, { replace, formulaStyle: style });
    outcome.written += result.written;
    for (const c of result.replaced) outcome.replacedCells.add(`${sheet}!${c}`.toUpperCase()).add(c.toUpperCase());
    // What was written and why, then everything a check of the result still finds.
    for (const f of result.filled) outcome.rows.push(filledRow(input, sheet, f, args.lang));
    for (const f of result.remaining) {
      if (f.code !== "no-form") outcome.rows.push(rowOf(input, { ...f, sheet: f.sheet ?? sheet }, args.lang));
    }
  }
  return outcome;
}

/**
 * A --replace cell that held no typed value or formula result differing from the computed one was left alone:
 * say so, it may be a typo ("Sheet!A1" is looked up on that sheet, a bare "A1" on any).
 */
function warnUnusedReplace(args: ParsedArgs, replacedCells: Set<string>, io: CliIo): void {
  for (const r of args.replace) {
    const key = r
      .replace(/\$/g, "")
      .replace(/^'([^']*)'!/, "$1!")
      .toUpperCase();
    if (replacedCells.has(key)) continue;
    io.stderr(
      args.lang === "en"
        ? `--replace ${r}: holds no typed value or formula result that differs from the computed one; left unchanged.\n`
        : `--replace ${r}：该单元格没有与计算值不同的填写值或公式结果，未作改动。\n`,
    );
  }
}

export async function runCalc(args: ParsedArgs, io: CliIo): Promise<number> {
  const input = singleInput(args);
  const out = await newOutPath(args, io, input);
  const style = calcStyle(args);
  const flagRules = ruleSetFromFlag(args.rules, io.cwd);
  const opened = await openWorkbook(path.resolve(io.cwd, input), { timeoutSeconds: args.timeout, lang: args.lang });
  if (!opened.ok) {
    io.stderr(args.lang === "en" ? `${input}: ${opened.message}\n` : `${input}：${opened.message}\n`);
    return EXIT.failure;
  }
  const port = opened.port;
  if (refuseLosingParts(port, input, args, io)) return EXIT.failure;
  const ruleSet = await ruleSetFor(port, flagRules);
  const { rows, written, replacedCells } = await calcEverySheet(port, input, ruleSet, args, style);
  warnUnusedReplace(args, replacedCells, io);
  const code = await save(port, out, io, args, input);
  if (code !== EXIT.ok) return code;
  if (args.format === "json") io.stdout(JSON.stringify(rows, null, 2) + "\n");
  else io.stdout(textOf(rows, args.lang));
  io.stderr(
    args.lang === "en" ? `${written} cell(s) filled → ${args.out}\n` : `已填写 ${written} 个单元格 → ${args.out}\n`,
  );
  return rows.some((r) => r.severity === "error") ? EXIT.findings : EXIT.ok;
}

export async function runFreeze(args: ParsedArgs, io: CliIo): Promise<number> {
  const input = singleInput(args);
  const out = await newOutPath(args, io, input);
  const opened = await openWorkbook(path.resolve(io.cwd, input), { timeoutSeconds: args.timeout, lang: args.lang });
  if (!opened.ok) {
    io.stderr(args.lang === "en" ? `${input}: ${opened.message}\n` : `${input}：${opened.message}\n`);
    return EXIT.failure;
  }
  if (refuseLosingParts(opened.port, input, args, io)) return EXIT.failure;
  const result = await freezeWorkbook(opened.port, { preferNative: args.native });
  const code = await save(opened.port, out, io, args, input);
  if (code !== EXIT.ok) return code;
  io.stderr(
    args.lang === "en"
      ? `${result.frozen} JX formula(s) frozen → ${args.out}\n`
      : `已固化 ${result.frozen} 个 JX 公式 → ${args.out}\n`,
  );
  for (const p of result.problems ?? []) io.stderr(`${freezeProblemText(p, args.lang)}\n`);
  if (result.blanked?.length) {
    io.stderr(
      args.lang === "en"
        ? `Frozen to an empty cell (their inputs are blank, nothing to compute): ${result.blanked.join(", ")}\n`
        : `以下单元格的输入为空、没有可计算的值，已固化为空白：${result.blanked.join("、")}\n`,
    );
  }
  if (result.unresolved?.length) {
    io.stderr(
      args.lang === "en"
        ? `These cells' JX formulas have no value to freeze to and were left as they were: ${result.unresolved.join(", ")}\n`
        : `以下单元格的 JX 公式没有可用的值，保持原样：${result.unresolved.join("、")}\n`,
    );
    return EXIT.findings;
  }
  return EXIT.ok;
}
