/**
 * `ziping --help`: usage in Chinese and English, one screen each; `ziping <command> --help` prints
 * that command's part only. One table of sections, so the full help and a command's help never differ.
 */
import type { Verb } from "./args";

type HelpVerb = Exclude<Verb, "help" | "version">;

interface Section {
  verbs: readonly HelpVerb[];
  zh: string;
  en: string;
}

const SECTIONS: readonly Section[] = [
  {
    verbs: ["template"],
    zh: `  ziping template <project|department|department-gs> -o 输出.xlsx [--rules 规则] [--formulas native|custom] [--protect]
      生成空白模板：project 项目支出；department 部门整体；department-gs 部门整体（部门管理/履职效果/能力建设/满意度）。
      --formulas native  只用 IF/MIN/ROUND/SUM 等普通函数，Excel、WPS、LibreOffice 无需加载项即可计算（默认）
      --formulas custom  使用 JX.* 自定义函数（需要加载项，可读 “≥95%”“1-2次” 等文字值）
`,
    en: `  ziping template <project|department|department-gs> -o out.xlsx [--rules ID] [--formulas native|custom] [--protect]
      Write a blank form. native (default): plain Excel functions, works in Excel/WPS/LibreOffice
      without the add-in; custom: JX.* functions (needs the add-in, reads text such as "≥95%").
`,
  },
  {
    verbs: ["check"],
    zh: `  ziping check <文件.xlsx|文件夹>... [--format text|json] [--rules 规则] [--jobs N] [--timeout 秒] [--lang zh|en]
      校验工作簿中的每张绩效自评表，从不修改文件。文件夹表示其中（含子文件夹）所有 .xlsx。
      每个文件在独立线程中处理（--jobs 默认为 CPU 核数）；超过 --timeout（默认 120 秒）或内存上限的文件被停止并列为 超时/过大，其余照常检查。
`,
    en: `  ziping check <file.xlsx|folder>... [--format text|json] [--rules ID] [--jobs N] [--timeout S] [--lang zh|en]
      Check every form on every sheet; never writes. A folder means every .xlsx under it. Each file runs in a
      worker thread (--jobs, default: cores); one past --timeout (default 120 s) or its memory budget is stopped
      and listed as timed out / too large, the others go on.
`,
  },
  {
    verbs: ["calc"],
    zh: `  ziping calc <输入.xlsx> -o <输出.xlsx> [--rules 规则] [--formulas values|native|custom] [--replace 工作表!单元格,...] [--force] [--format text|json]
      填写空白的 执行率/得分/合计/总分/等级；用户已填写的值从不覆盖，不一致时列为问题。
`,
    en: `  ziping calc <in.xlsx> -o <out.xlsx> [--rules ID] [--formulas values|native|custom] [--replace Sheet!A1,...] [--force] [--format text|json]
      Fill empty 执行率/得分/合计/总分/等级 cells; a typed value is never overwritten (a mismatch is reported).
`,
  },
  {
    verbs: ["freeze"],
    zh: `  ziping freeze <输入.xlsx> -o <输出.xlsx> [--native] [--force]
      把所有 JX.* 公式替换为其值（--native：输入允许时替换为等价的普通公式）。
`,
    en: `  ziping freeze <in.xlsx> -o <out.xlsx> [--native] [--force]
      Replace every JX.* formula by its value (--native: by the plain formula where inputs allow).
`,
  },
  {
    verbs: ["template", "calc", "freeze"],
    zh: `  template、calc、freeze 从不修改输入文件，也不覆盖已有的输出文件。输入含有图表、数据透视表、切片器、表单控件或宏时，输出文件无法保留它们，
      因此不写入并退出（码 2）；加 --force 则照样写出（不含这些内容）。
`,
    en: `  template, calc and freeze never modify the input nor overwrite an existing output. An input with charts, pivot tables, slicers, form controls
      or macros cannot keep them in the output: nothing is written (exit 2) unless --force is given.
`,
  },
  {
    verbs: ["review"],
    zh: `  ziping review <文件|文件夹>... -o 审核汇总.xlsx [--html 审核报告.html] [--rules 规则] [--jobs N] [--lang zh|en]
      财政局审核：每张自评表一行的汇总工作簿（汇总、问题明细、未能读取），含平台红黄预警与“建议退回/请核实/通过”。
      读取 .xlsx，以及经 LibreOffice 转换的 .xls 和 WPS .et 文件；--html 另存一份可排序、可打印的网页。
`,
    en: `  ziping review <file|folder>... -o summary.xlsx [--html report.html] [--rules ID] [--jobs N] [--lang zh|en]
      A reviewer's summary workbook (one row per form; findings; unreadable inputs), with the budget
      platform's red/yellow flags and a return/verify/pass suggestion. Reads .xlsx, and .xls / WPS .et
      through LibreOffice; --html also writes a sortable, printable page.
`,
  },
  {
    verbs: ["report"],
    zh: `  ziping report <文件.xlsx> -o 自评报告.docx [--sheet 工作表] [--rules 规则]
      自评报告草稿（Word）：数字全部取自按规则计算后的表格，需单位填写的内容以【请填写：…】标出；不覆盖已有文件。
`,
    en: `  ziping report <file.xlsx> -o report.docx [--sheet NAME] [--rules ID]
      Draft the 自评报告 (Word): every number from the evaluated forms, 【请填写：…】 placeholders for the rest.
`,
  },
  {
    verbs: ["report-check"],
    zh: `  ziping report-check <报告.docx|报告.txt> <文件.xlsx|文件夹>... [--format text|json] [--rules 规则] [--lang zh|en]
      文表一致：报告正文中的金额、执行率、得分、等级与表格逐一核对，并核对正文自身的算术（执行率、增减额）；只读。
`,
    en: `  ziping report-check <report.docx|report.txt> <file.xlsx|folder>... [--format text|json] [--rules ID] [--lang zh|en]
      Report vs tables: every amount, rate, score and grade in the report's text against the forms, and the
      prose's own arithmetic (rates, differences); read-only.
`,
  },
  {
    verbs: ["rollup"],
    zh: `  ziping rollup <文件|文件夹>... -o 部门整体.xlsx [--into 工作簿.xlsx [--sheet 工作表]] [--rules 规则] [--formulas native|custom] [--format text|json] [--force]
      汇总：把项目支出绩效自评表的批复金额（总额/财政拨款/其他资金）、实际支出、执行率填入部门整体自评表的
      “部门年度重点工作任务”表。不带 --into：生成新的部门整体模板，每个项目一行；带 --into：复制该工作簿，
      只填写其部门整体表中的空白单元格（按名称对应任务行，其余项目填入空行）。已填写而与项目表不一致的行列为问题，不改动。
      不带文件时使用 --into 工作簿自己的项目表。检查（check）在同一工作簿含两类表时也核对这些行。
      --into 工作簿含有输出无法保留的内容（图表等）时不写入，加 --force 则照样写出。
`,
    en: `  ziping rollup <file|folder>... -o dept.xlsx [--into book.xlsx [--sheet NAME]] [--rules ID] [--formulas native|custom] [--format text|json] [--force]
      Roll project forms up into a 部门整体 form's key-task table (approved total / fiscal / other,
      spent, rate). Without --into: a new 部门整体 template, one row per project; with --into: a copy
      of that workbook with only the blank cells of its department form filled (rows matched by name,
      other projects into blank rows). A typed row that disagrees is reported, never changed.
      Without files, the --into workbook's own project sheets are used. check also compares these rows
      whenever a workbook holds both kinds. An --into workbook with parts the output cannot keep (charts …)
      is refused unless --force is given.
`,
  },
  {
    verbs: ["rules"],
    zh: `  ziping rules [--show 规则|规则文件.json]
      列出可用的评分规则；--show 以 JSON 打印一套规则（可另存后改成自己的规则文件，用 --rules 文件.json 使用）。
`,
    en: `  ziping rules [--show ID|rules.json]
      List the rule sets; --show prints one as JSON (save it, edit it, and pass the file to --rules).
`,
  },
];

const HEAD = {
  zh: "ziping — 绩效自评表命令行工具（绩效自评助手）\n\n用法:\n",
  en: "ziping — command line for 绩效自评表 (budget performance self-evaluation forms)\n\nUsage:\n",
};

const COMMON = {
  zh: `  每个命令都接受 --lang zh|en（消息语言）；读取工作簿的命令（template、rules 以外）都接受 --timeout 秒（每个文件的时限，默认 120）。
  ziping --help | -h  显示本帮助；ziping <命令> --help 只显示该命令；ziping --version 显示版本
`,
  en: `  Every command takes --lang zh|en (the language of its messages); those that read workbooks (all but template and
  rules) take --timeout S (seconds per file, default 120).
  ziping --help | -h  this help; ziping <command> --help that command only; ziping --version the version
`,
};

const FOOT = {
  zh: `
退出码: 0 没有错误；1 发现错误级问题；2 文件无法读取或用法错误。
JSON 输出为数组：{file, sheet, cell, row, severity, code, message}（表级问题的 cell/row 为 null）。
`,
  en: `
Exit codes: 0 no error findings; 1 error findings; 2 unreadable input or wrong usage.
JSON output: an array of {file, sheet, cell, row, severity, code, message} (cell/row null for a sheet-level finding).
`,
};

function helpIn(lang: "zh" | "en", verb?: HelpVerb): string {
  const sections = SECTIONS.filter((s) => !verb || s.verbs.includes(verb));
  return HEAD[lang] + sections.map((s) => s[lang]).join("") + COMMON[lang] + FOOT[lang];
}

/** The help a `--help` asks for: one command's part when a command is named; one language (--lang) or both. */
export function helpText(verb: Verb | undefined, lang: "zh" | "en" | "both"): string {
  const only = verb && verb !== "help" && verb !== "version" ? verb : undefined;
  if (lang !== "both") return helpIn(lang, only);
  return `${helpIn("zh", only)}\n${helpIn("en", only)}`;
}
