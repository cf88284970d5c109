/** Findings as the CLI prints them: JSON rows or aligned text lines. */
import { formatFinding, type Finding, type Locale } from "../engine";

export interface ReportRow {
  file: string;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

export function rowOf(file: string, f: Finding, locale: Locale): ReportRow {
  return {
    file,
    sheet: f.sheet ?? null,
    cell: f.cell,
    row: f.row,
    severity: f.severity,
    code: f.code,
    message: formatFinding(f, locale),
  };
}

const LABEL: Record<ReportRow["severity"], { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

export function textOf(rows: ReportRow[], locale: Locale): string {
  return rows
    .map((r) => {
      const where = r.sheet ? (r.cell ? `${r.sheet}!${r.cell}` : r.sheet) : "";
      const sev = locale === "en" ? LABEL[r.severity].en : LABEL[r.severity].zh;
      return `${r.file}${where ? `  ${where}` : ""}  [${sev}] ${r.message} (${r.code})\n`;
    })
    .join("");
}

export function summaryOf(rows: ReportRow[], files: number, locale: Locale): string {
  const count = (s: ReportRow["severity"]) => rows.filter((r) => r.severity === s).length;
  return locale === "en"
    ? `${files} file(s): ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info\n`
    : `共 ${files} 个文件：错误 ${count("error")} 个，警告 ${count("warning")} 个，提示 ${count("info")} 个\n`;
}
