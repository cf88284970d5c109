/**
 * ziping report-check: a 自评报告 (.docx / .txt) against the forms of one or more workbooks.
 * Every figure the text states about a form's project (预算, 支出, 执行率, 得分, 总分, 等级) is
 * compared with the form's cell, and the prose's own arithmetic is checked. Read-only.
 */
import * as path from "path";
import {
  checkReport,
  formatMessage,
  getRuleSet,
  subjectsOfSheet,
  type Locale,
  type ReportFinding,
  type RuleSet,
  type Subject,
} from "../../engine";
import { UsageError, type ParsedArgs } from "../args";
import { expandInputs, withTimeout } from "../files";
import { EXIT, type CliIo } from "../io";
import { describeError, openWorkbook, DEFAULT_TIMEOUT_SECONDS } from "../open";
import { readReportText } from "../reportText";
import { ruleSetFor, ruleSetFromFlag } from "../rules";

export interface ReportCheckRow {
  report: string;
  paragraph: number | null;
  sentence: string | null;
  cell: string | null;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

interface FormsRead {
  subjects: Subject[];
  ruleSet?: RuleSet;
  problems: ReportCheckRow[];
}

export async function runReportCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  const [reportArg, ...formArgs] = args.positional;
  if (!reportArg || formArgs.length === 0) {
    throw new UsageError(
      "report-check 需要一个报告文件（.docx 或 .txt）和至少一个 .xlsx 文件或文件夹",
      "report-check needs a report (.docx or .txt) and at least one .xlsx file or folder",
    );
  }
  const flagRules = ruleSetFromFlag(args.rules, io.cwd);
  const display = path.relative(io.cwd, path.resolve(io.cwd, reportArg)) || reportArg;
  const text = await readReportText(path.resolve(io.cwd, reportArg), args.lang);
  if (!text.ok) {
    io.stderr(`${text.message}\n`);
    return EXIT.failure;
  }
  const forms = await readForms(formArgs, io, args, flagRules, display);
  const ruleSet = flagRules ?? forms.ruleSet ?? getRuleSet(undefined);
  const result = checkReport(text.text, forms.subjects, ruleSet);
  const rows = [...forms.problems, ...result.findings.map((f) => rowOf(display, f, args.lang))];
  if (args.format === "json") io.stdout(JSON.stringify(rows, null, 2) + "\n");
  else io.stdout(textOf(rows, args.lang) + summaryOf(result, forms.subjects.length, args.lang));
  if (forms.problems.some((p) => p.code === "unreadable")) return EXIT.failure;
  return rows.some((r) => r.severity === "error") ? EXIT.findings : EXIT.ok;
}

async function readForms(
  inputs: string[],
  io: CliIo,
  args: ParsedArgs,
  flag: RuleSet | undefined,
  report: string,
): Promise<FormsRead> {
  const { files, missing } = await expandInputs(inputs, io.cwd, args.lang);
  const out: FormsRead = { subjects: [], problems: [] };
  const unreadable = (what: string, message: string) =>
    out.problems.push({
      report,
      paragraph: null,
      sentence: null,
      cell: null,
      severity: "error",
      code: "unreadable",
      message: `${what}：${message}`,
    });
  for (const m of missing) unreadable(m.input, m.message);
  for (const file of files) {
    const shown = path.relative(io.cwd, file) || file;
    const opened = await openWorkbook(file, { readOnly: true, timeoutSeconds: args.timeout, lang: args.lang });
    if (!opened.ok) {
      unreadable(shown, opened.message);
      continue;
    }
    try {
      const work = async () => {
        const ruleSet = await ruleSetFor(opened.port, flag);
        out.ruleSet ??= ruleSet;
        for (const sheet of await opened.port.listSheets()) {
          const subjects = subjectsOfSheet(await opened.port.readSheet(sheet), ruleSet);
          // Cells are named with their file when several workbooks are read.
          if (files.length > 1) for (const s of subjects) for (const f of s.facts) f.cell = `${shown}:${f.cell}`;
          out.subjects.push(...subjects);
        }
      };
      await withTimeout(work(), (args.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
    } catch (e) {
      unreadable(shown, describeError(e, args.lang));
    }
  }
  return out;
}

function rowOf(report: string, f: ReportFinding, locale: Locale): ReportCheckRow {
  return {
    report,
    paragraph: f.paragraph + 1,
    sentence: f.sentence,
    cell: f.cell,
    severity: f.severity,
    code: f.code,
    message: formatMessage(f.code, f.data, locale),
  };
}

const SEVERITY = { error: ["错误", "error"], warning: ["警告", "warning"], info: ["提示", "info"] } as const;

function textOf(rows: ReportCheckRow[], locale: Locale): string {
  const en = locale === "en" ? 1 : 0;
  return rows
    .map((r) => {
      const where = r.paragraph === null ? "" : en ? `  paragraph ${r.paragraph}` : `  第 ${r.paragraph} 段`;
      const quote = r.sentence ? `\n    「${clip(r.sentence)}」` : "";
      return `${r.report}${where}  [${SEVERITY[r.severity][en]}] ${r.message} (${r.code})${quote}\n`;
    })
    .join("");
}

function clip(s: string): string {
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

function summaryOf(
  r: { findings: ReportFinding[]; claims: number; attributed: number },
  subjects: number,
  locale: Locale,
): string {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  return locale === "en"
    ? `${r.claims} figure(s) in the report, ${r.attributed} matched to the ${subjects} project(s)/task(s) of the forms; ${errors} contradiction(s)\n`
    : `报告中共 ${r.claims} 处数字，其中 ${r.attributed} 处对应到表格中的 ${subjects} 个项目/任务；发现不一致 ${errors} 处\n`;
}
