import * as fs from "fs";
import { validateSheet, getRuleSet, formatFinding, parseRangeA1 } from "../src/engine";
const files = process.argv.slice(2);
for (const f of files) {
  const d = JSON.parse(fs.readFileSync(f, "utf8"));
  const w = Math.max(...d.rows.map((r: unknown[]) => r.length));
  const values = d.rows.map((r: any[]) => Array.from({ length: w }, (_, j) => { const c = r[j]; return c === undefined ? null : (c && typeof c === "object" ? c.v : c); }));
  const numberFormats = d.rows.map((r: any[]) => Array.from({ length: w }, (_, j) => { const c = r[j]; return c && typeof c === "object" ? c.fmt : "General"; }));
  const merges = (d.merges ?? []).map((m: string) => parseRangeA1(m));
  const snap = { name: d.sheet, origin: { row: 0, col: 0 }, values, numberFormats, merges };
  const res = validateSheet(snap as any, getRuleSet(undefined));
  console.log("=====", f.split("/").pop(), "forms:", res.forms.length, JSON.stringify(res.forms.map(x => ({ funds: x.funds && { h: x.funds.headerRow + 1, cols: x.funds.columns, rows: x.funds.rows.map(r => r.row + 1 + r.kind) }, ind: x.indicators && { h: x.indicators.headerRows.map(r => r + 1), cols: x.indicators.columns, n: x.indicators.rows.map(r => r.row + 1) }, sums: x.sums.map(s => s.row + 1), total: x.total && x.total.row + 1 }))));
  const slips = new Set(d.slips.map((s: any) => s.row)); const clean = new Set(d.cleanRows);
  for (const x of res.findings) console.log(`${slips.has(x.row) ? "SLIP " : clean.has(x.row) ? (x.severity === "error" ? "FALSE" : "clean") : "     "} ${x.severity.padEnd(7)} ${String(x.cell).padEnd(5)} ${x.code}: ${formatFinding(x)}`);
  for (const s of d.slips) if (!res.findings.some(x => x.row === s.row && x.severity !== "info")) console.log("MISSED", s.row, s.what);
}
