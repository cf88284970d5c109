/**
 * ziping check: read each workbook once (read-only, never saved), snapshot every sheet's used
 * range, and report the engine's findings. Files run through a bounded pool; one unreadable
 * file is reported (exit 2) without stopping the others.
 */
import * as path from "path";
import type { Locale, RuleSet, SheetForms } from "../../engine";
import { RULE_SET_SETTING } from "../../host/settings";
import { checkWorkbook, crossCheckWorkbook } from "../../ops";
import type { ParsedArgs } from "../args";
import { UsageError } from "../args";
import { expandInputs, withTimeout } from "../files";
import { runPool, type PoolOutcome } from "../pool";
import { reviewProgress } from "../review/progress";
import { EXIT, type CliIo } from "../io";
import { describeError, openForCheck, DEFAULT_TIMEOUT_SECONDS } from "../open";
import { rowOf, summaryOf, textOf, type ReportRow } from "../report";
import { ruleSetFor, ruleSetFromFlag, rulesForWorkers } from "../rules";

export interface FileResult {
  rows: ReportRow[];
  unreadable: boolean;
}

/** One file's check as pool work: plain data in and out (it crosses a worker boundary). */
export interface CheckInput {
  file: string;
  display: string;
  /** The --rules flag as typed: the worker resolves it again (rule sets are not sent across). */
  rules?: string;
  locale: Locale;
  timeoutSeconds?: number;
}

export function checkTask(input: CheckInput): Promise<FileResult> {
  return checkFile(input.file, input.display, ruleSetFromFlag(input.rules), input.locale, input.timeoutSeconds);
}

const POOL_CODES = { timeout: "timeout", memory: "too-large", crash: "failed" } as const;

/** A file the pool had to stop (超时 / 过大 / 失败) is reported like an unreadable one, with its reason. */
function fromOutcome(o: PoolOutcome<FileResult>, display: string): FileResult {
  if (o.ok) return o.value;
  const row: ReportRow = {
    file: display,
    sheet: null,
    cell: null,
    row: null,
    severity: "error",
    code: POOL_CODES[o.kind],
    message: o.message,
  };
  return { rows: [row], unreadable: true };
}

const CLIP_MESSAGE = {
  "zh-CN": (sheet: string, last: number, read: number) =>
    `工作表“${sheet}”的已用区域一直延伸到第 ${last} 行，只检查了前 ${read} 行；请删除远处多余的内容`,
  en: (sheet: string, last: number, read: number) =>
    `sheet "${sheet}" is used down to row ${last}; only rows up to ${read} were checked`,
};

export async function checkFile(
  file: string,
  display: string,
  flagRules: RuleSet | undefined,
  locale: Locale,
  timeoutSeconds?: number,
): Promise<FileResult> {
  const opened = await openForCheck(file, { timeoutSeconds, lang: locale });
  const failed = (message: string): FileResult => ({
    rows: [{ file: display, sheet: null, cell: null, row: null, severity: "error", code: "unreadable", message }],
    unreadable: true,
  });
  if (!opened.ok) return failed(opened.message);
  const port = opened.port;
  try {
    const work = async (): Promise<ReportRow[]> => {
      const ruleSet = await ruleSetFor(port, flagRules);
      // A rule set somebody chose (--rules, or stored with the workbook) is the one: a form stating
      // other weights gets warnings. Otherwise the form's own variant is read and scored by.
      const stored = await port.getSetting(RULE_SET_SETTING);
      const explicitRules = flagRules !== undefined || stored !== undefined;
      const rows: ReportRow[] = [];
      // The same operation the pane's 校验整个工作簿 runs (src/ops; formulas saved without results are
      // read as Excel with the add-in would show them), then the workbook-level check.
      const sheets = await checkWorkbook(port, ruleSet, { explicitRules });
      for (const r of sheets) for (const f of r.findings) rows.push(rowOf(display, f, locale));
      const withForms: SheetForms[] = sheets.flatMap((r) =>
        r.forms.length > 0 && r.snapshot ? [{ snapshot: r.snapshot, forms: r.forms }] : [],
      );
      // A workbook holding project forms and a 部门整体 form: its task rows must repeat the projects.
      for (const f of await crossCheckWorkbook(port, { sheets: withForms })) rows.push(rowOf(display, f, locale));
      for (const c of port.clipped) {
        rows.push({
          file: display,
          sheet: c.sheet,
          cell: null,
          row: null,
          severity: "warning",
          code: "sheet-clipped",
          message: CLIP_MESSAGE[locale](c.sheet, c.lastRow, c.readToRow),
        });
      }
      return rows;
    };
    return { rows: await withTimeout(work(), (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000), unreadable: false };
  } catch (e) {
    return failed(describeError(e, locale));
  }
}

/** Progress lines only when there are many files, and at most about twenty of them. */
const PROGRESS_FROM = 10;
export async function runCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positional.length === 0)
    throw new UsageError("check 需要至少一个 .xlsx 文件或文件夹", "check needs at least one .xlsx file or folder");
  // A rule file's path is made absolute: workers resolve it against their own working directory.
  const rules = rulesForWorkers(args.rules, io.cwd);
  const { files, missing } = await expandInputs(args.positional, io.cwd, args.lang);
  const rows: ReportRow[] = missing.map((m) => ({
    file: m.input,
    sheet: null,
    cell: null,
    row: null,
    severity: "error",
    code: "unreadable",
    message: m.message,
  }));
  let unreadable = missing.length > 0;
  // Each file runs in a worker thread the pool can stop (--timeout, memory budget): one hostile
  // file costs its budget and no more; default one worker per core.
  // The same progress as review: a bar with an ETA on a terminal, plain lines otherwise.
  const bar = reviewProgress(files.length, io, args.lang, {
    label: { zh: "已检查", en: "checked" },
    from: PROGRESS_FROM,
  });
  const progress = () => bar.tick();
  const display = (file: string) => path.relative(io.cwd, file) || file;
  const inputs: CheckInput[] = files.map((file) => ({
    file,
    display: display(file),
    rules,
    locale: args.lang,
    timeoutSeconds: args.timeout,
  }));
  const outcomes = await runPool({ name: "check", run: checkTask }, inputs, {
    jobs: args.jobs,
    timeoutSeconds: args.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    lang: args.lang,
    onSettled: progress,
  });
  const results = outcomes.map((o, i) => fromOutcome(o, inputs[i].display));
  for (const r of results) {
    rows.push(...r.rows);
    unreadable ||= r.unreadable;
  }
  if (args.format === "json") io.stdout(JSON.stringify(rows, null, 2) + "\n");
  else {
    io.stdout(textOf(rows, args.lang));
    io.stdout(summaryOf(rows, files.length, args.lang));
  }
  if (unreadable) return EXIT.failure;
  return rows.some((r) => r.severity === "error") ? EXIT.findings : EXIT.ok;
}
