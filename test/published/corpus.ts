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
