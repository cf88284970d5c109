/**
 * ziping rollup: the project forms of files and folders → a 部门整体 form's 重点工作任务 table.
 * Without --into, a new workbook with our 部门整体 template, one task row per project; with
 * --into, a copy of that workbook whose department sheet (--sheet, else the first one found) has
 * its blank task cells filled. Inputs are opened read-only; the result goes to a new -o file.
 * An input that cannot be read stops the command: a rollup silently missing a project is wrong.
 */
import * as path from "path";
import type { ProjectFacts } from "../../engine";
import { ExcelJsPort } from "../../host/exceljs";
import { OperationError, readProjectFacts, rollupWorkbook, type FormulaStyle } from "../../ops";
import { UsageError, type ParsedArgs } from "../args";
import { expandInputs } from "../files";
import { EXIT, type CliIo } from "../io";
import { openWorkbook } from "../open";
import { rowOf, textOf } from "../report";
import { ruleSetFromFlag } from "../rules";
import { newOutPath, refuseLosingParts, save } from "./write";

export async function runRollup(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.sheet !== undefined && args.into === undefined)
    throw new UsageError("--sheet 需要与 --into 一起使用", "--sheet goes with --into");
  if (args.positional.length === 0 && args.into === undefined)
    throw new UsageError(
      "rollup 需要项目支出绩效自评表所在的文件或文件夹",
      "rollup needs the files or folders holding the project forms",
    );
  const style = (args.formulas ?? "native") as FormulaStyle;
  if (style !== "native" && style !== "custom")
    throw new UsageError(
      `--formulas 只能是 native 或 custom，而不是 ${style}`,
      `--formulas is native or custom, not ${style}`,
    );
  const out = await newOutPath(args, io, args.into);
  const projects = await inputProjects(args, io, out);
  if (!projects) return EXIT.failure;
  const port = args.into ? await openInto(args, io) : new ExcelJsPort();
  if (!port) return EXIT.failure;
  const ruleSet = ruleSetFromFlag(args.rules);
  try {
    const result = await rollupWorkbook(port, {
      // Named inputs are the projects; with none, the --into workbook's own project sheets are.
      projectSheets: args.positional.length > 0 || !args.into ? [] : undefined,
      projects,
      departmentSheet: args.sheet,
      ruleSetId: ruleSet?.id,
      formulaStyle: style,
    });
    const code = await save(port, out, io, args, args.into);
    if (code !== EXIT.ok) return code;
    const rows = result.plan.findings.map((f) => rowOf(args.out!, { ...f, sheet: result.sheet }, args.lang));
    io.stdout(args.format === "json" ? JSON.stringify(rows, null, 2) + "\n" : textOf(rows, args.lang));
    io.stderr(
      args.lang === "en"
        ? `${result.projects.length} project form(s), ${result.written} cell(s) filled in "${result.sheet}" → ${args.out}\n`
        : `已汇总 ${result.projects.length} 张项目支出绩效自评表，在“${result.sheet}”中填写 ${result.written} 个单元格 → ${args.out}\n`,
    );
    return rows.some((r) => r.severity === "error") ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (!(e instanceof OperationError)) throw e;
    io.stderr(`${e.messageIn(args.lang)}\n`);
    return EXIT.failure;
  }
}

/** Every project form of the inputs, labelled by file; null (and said why) when a file is unreadable. */
async function inputProjects(args: ParsedArgs, io: CliIo, out: string): Promise<ProjectFacts[] | null> {
  const { files, missing } = await expandInputs(args.positional, io.cwd, args.lang);
  const into = args.into ? path.resolve(io.cwd, args.into) : undefined;
  let failed = missing.length > 0;
  for (const m of missing) io.stderr(`${m.input}：${m.message}\n`);
  const projects: ProjectFacts[] = [];
  for (const file of files.filter((f) => f !== out && f !== into)) {
    const label = path.relative(io.cwd, file) || file;
    const opened = await openWorkbook(file, { readOnly: true, timeoutSeconds: args.timeout, lang: args.lang });
    if (!opened.ok) {
      io.stderr(`${label}：${opened.message}\n`);
      failed = true;
      continue;
    }
    projects.push(...(await readProjectFacts(opened.port, undefined, label)));
  }
  if (failed) {
    io.stderr(args.lang === "en" ? "Nothing was written.\n" : "未写入任何文件。\n");
    return null;
  }
  return projects;
}

async function openInto(args: ParsedArgs, io: CliIo): Promise<ExcelJsPort | null> {
  const opened = await openWorkbook(path.resolve(io.cwd, args.into!), {
    timeoutSeconds: args.timeout,
    lang: args.lang,
  });
  if (!opened.ok) {
    io.stderr(`${args.into}：${opened.message}\n`);
    return null;
  }
  return refuseLosingParts(opened.port, args.into!, args, io) ? null : opened.port;
}
