/**
 * ziping report: a 自评报告 draft (.docx) from the forms of a workbook — every number from the
 * evaluated form, placeholders for what only the unit can write, the form as a table, its slips in
 * an appendix. One section per form (all forms of the workbook, or of --sheet). Never overwrites.
 */
import * as fs from "fs/promises";
import * as path from "path";
import { Packer } from "docx";
import { draftReports, type ReportDraft, type RuleSet } from "../../engine";
import { draftDocument } from "../../docx/draftDocx";
import type { ExcelJsPort } from "../../host/exceljs";
import { UsageError, type ParsedArgs } from "../args";
import { withTimeout } from "../files";
import { EXIT, type CliIo } from "../io";
import { describeError, openWorkbook, DEFAULT_TIMEOUT_SECONDS } from "../open";
import { ruleSetFor, ruleSetFromFlag } from "../rules";

async function newDocxPath(args: ParsedArgs, io: CliIo, input: string): Promise<string> {
  if (!args.out)
    throw new UsageError("report 需要用 -o 指定输出的 .docx 文件", "report needs -o with the .docx file to write");
  const out = path.resolve(io.cwd, args.out);
  if (!/\.docx$/i.test(out))
    throw new UsageError(`输出文件应以 .docx 结尾：${args.out}`, `the output file should end in .docx: ${args.out}`);
  if (out === path.resolve(io.cwd, input))
    throw new UsageError("输出文件不能与输入文件相同", "the output file cannot be the input file");
  const st = await fs.lstat(out).catch(() => null);
  if (st?.isSymbolicLink())
    throw new UsageError(
      `输出路径是一个符号链接：${args.out}（请换一个新的文件名）`,
      `the output path is a symbolic link: ${args.out} (choose a new file name)`,
    );
  if (st)
    throw new UsageError(
      `输出文件已存在：${args.out}（不会覆盖已有文件）`,
      `the output file exists: ${args.out} (an existing file is never overwritten)`,
    );
  return out;
}

async function draftsOf(port: ExcelJsPort, ruleSet: RuleSet, sheet: string | undefined): Promise<ReportDraft[]> {
  const sheets = await port.listSheets();
  if (sheet !== undefined && !sheets.includes(sheet)) {
    throw new UsageError(
      `工作簿中没有工作表“${sheet}”（有：${sheets.join("、")}）`,
      `the workbook has no sheet “${sheet}” (it has: ${sheets.map((n) => `“${n}”`).join(", ")})`,
    );
  }
  const out: ReportDraft[] = [];
  for (const name of sheet !== undefined ? [sheet] : sheets)
    out.push(...draftReports(await port.readSheet(name), ruleSet));
  return out;
}

export async function runReport(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positional.length !== 1)
    throw new UsageError("report 需要且只需要一个 .xlsx 文件", "report needs exactly one .xlsx file");
  const input = args.positional[0];
  const out = await newDocxPath(args, io, input);
  const flag = ruleSetFromFlag(args.rules, io.cwd);
  const opened = await openWorkbook(path.resolve(io.cwd, input), {
    readOnly: true,
    timeoutSeconds: args.timeout,
    lang: args.lang,
  });
  if (!opened.ok) {
    io.stderr(`${input}${args.lang === "en" ? ": " : "："}${opened.message}\n`);
    return EXIT.failure;
  }
  const work = async () => draftsOf(opened.port, await ruleSetFor(opened.port, flag), args.sheet);
  const drafts = await withTimeout(work(), (args.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
  if (drafts.length === 0) {
    const where = args.sheet ? ` 的工作表“${args.sheet}”` : "";
    io.stderr(
      args.lang === "en"
        ? `${input}${args.sheet ? `, sheet “${args.sheet}”,` : ""} holds no self-evaluation form; no report written.\n`
        : `${input}${where} 中没有找到绩效自评表，未生成报告。\n`,
    );
    return EXIT.failure;
  }
  try {
    const buffer = await Packer.toBuffer(draftDocument(drafts));
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, buffer, { flag: "wx" });
  } catch (e) {
    io.stderr(
      args.lang === "en"
        ? `cannot write the output file ${args.out}: ${describeError(e, "en")}\n`
        : `无法写入输出文件 ${args.out}：${describeError(e)}\n`,
    );
    return EXIT.failure;
  }
  const holes = drafts.reduce((n, d) => n + d.placeholders, 0);
  io.stderr(
    args.lang === "en"
      ? `Report drafted (${drafts.length} form(s), ${holes} 【请填写】 place(s) left to fill in) → ${args.out}\n`
      : `已生成自评报告（${drafts.length} 张表，${holes} 处【请填写】待补充）→ ${args.out}\n`,
  );
  return EXIT.ok;
}
