/** The published-forms corpus format (see README.md), read and checked. */
import * as fs from "fs";

export type CorpusCell = string | number | null | { v: number; fmt: string };

export interface CorpusForm {
  id: string;
  province: string;
  year: number;
  kind: "project" | "department";
  source: { title: string; url: string };
  truncated: boolean;
  notes: string;
  sheet: string;
  rows: CorpusCell[][];
  merges?: string[];
  slips: { row: number; what: string }[];
  cleanRows: number[];
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

export function loadCorpusForm(file: string): CorpusForm {
  const form = JSON.parse(fs.readFileSync(file, "utf8")) as CorpusForm;
  if (!/^[a-z0-9-]+$/.test(form.id ?? "")) fail(file, "id must be ascii lower-case with dashes");
  if (!form.province || !form.year || !form.source?.url) fail(file, "province, year and source.url are required");
  if (form.kind !== "project" && form.kind !== "department") fail(file, "kind is project or department");
  if (!Array.isArray(form.rows) || !Array.isArray(form.slips) || !Array.isArray(form.cleanRows))
    fail(file, "rows, slips and cleanRows are arrays");
  const rowCount = form.rows.length;
  for (const r of [...form.slips.map((s) => s.row), ...form.cleanRows])
    if (!Number.isInteger(r) || r < 1 || r > rowCount) fail(file, `row ${r} is outside the form`);
  return form;
}

/** The first way the built .xlsx differs from its JSON source (values, formats, merges), or null. */
export async function differenceFromSource(form: CorpusForm, xlsx: string): Promise<string | null> {
  if (!fs.existsSync(xlsx)) return "no .xlsx built";
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(form.sheet);
  if (!ws) return `no sheet ${form.sheet}`;
  for (let i = 0; i < form.rows.length; i++) {
    for (let j = 0; j < form.rows[i].length; j++) {
      const want = form.rows[i][j] ?? null;
      const got = builtCell(ws, i + 1, j + 1);
      if (got.covered && want === null) continue;
      const v = want !== null && typeof want === "object" ? want.v : want;
      if (got.value !== v) return `${got.address}: ${String(got.value)} ≠ ${String(v)}`;
      if (want !== null && typeof want === "object" && got.numFmt !== want.fmt) return `${got.address}: format`;
    }
  }
  const merges = [...(form.merges ?? [])].sort().join(",");
  const built = [...((ws.model as { merges?: string[] }).merges ?? [])].sort().join(",");
  return merges === built ? null : `merges ${built} ≠ ${merges}`;
}

/** A built cell as plain data (value, format, whether a merge covers it). */
function builtCell(ws: import("exceljs").Worksheet, row: number, col: number) {
  const { address, value, numFmt, isMerged, master } = ws.findCell(row, col) ?? ws.getRow(row).getCell(col);
  return { address, value: value ?? null, numFmt, covered: isMerged && master.address !== address };
}
