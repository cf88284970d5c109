/**
 * The review as one self-contained HTML file: no external script, font, style sheet or image.
 * The same summary as the workbook, sortable by clicking a column head (a few lines of inline
 * script), printable (A4 landscape, header repeated), with the grade distribution as inline SVG.
 */
import { fmtFixed, fmtPctFixed, type Locale } from "../../engine";
import type { SummaryRow, UnreadFile } from "./model";
import { adviceText, reviewWords, type ReviewWords } from "./words";

const escape = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

// The engine's number display (Excel's rounding: 2.675 → "2.68", where toFixed gives "2.67").
const num = (v: unknown, places = 2) => (typeof v === "number" && Number.isFinite(v) ? fmtFixed(v, places) : "");
const pct = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? fmtPctFixed(v) : "");

const GRADES = ["优", "良", "中", "差"] as const;

function gradeChart(rows: SummaryRow[], w: ReviewWords): string {
  const counts = [...GRADES, w.noGrade].map((g) => ({
    g,
    n: rows.filter((r) => (r.review.computedGrade ?? w.noGrade) === g).length,
  }));
  const max = Math.max(1, ...counts.map((c) => c.n));
  const bars = counts
    .map((c, i) => {
      const h = Math.round((c.n / max) * 100);
      const x = 20 + i * 60;
      return (
        `<rect x="${x}" y="${120 - h}" width="40" height="${h}" fill="#5b9bd5"/>` +
        `<text x="${x + 20}" y="${115 - h}" text-anchor="middle">${c.n}</text>` +
        `<text x="${x + 20}" y="138" text-anchor="middle">${escape(c.g)}</text>`
      );
    })
    .join("");
  return `<figure><figcaption>${escape(w.gradeChart)}</figcaption><svg role="img" width="330" height="145" font-size="12">${bars}</svg></figure>`;
}

function summaryRow(row: SummaryRow, n: number, w: ReviewWords, locale: Locale): string {
  const r = row.review;
  const cells = [
    n,
    row.file,
    r.sheet,
    w.kind[r.kind],
    r.name,
    r.department,
    r.unit,
    num(r.budget),
    num(r.spent),
    pct(r.rate),
    typeof r.statedTotal === "number" ? num(r.statedTotal) : r.statedTotal,
    num(r.computedTotal),
    r.statedGrade,
    r.computedGrade,
    r.errors,
    r.warnings,
    r.flag ? w.flag[r.flag] : "",
    adviceText(r.advice, locale),
  ];
  const flag = r.flag ? ` class="flag-${r.flag}"` : "";
  return `<tr${flag}>${cells.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`;
}

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;font-size:14px;margin:16px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 5px;vertical-align:top}
th{background:#ddebf7;cursor:pointer;position:sticky;top:0}tr.flag-red td:nth-child(17){background:#f99}
tr.flag-yellow td:nth-child(17){background:#ffe699}figure{margin:8px 0}
@media print{@page{size:A4 landscape;margin:10mm}thead{display:table-header-group}th{position:static}}`;

// Sort by the clicked column: numbers as numbers, text in natural Chinese order; click again to reverse.
const SCRIPT = `document.querySelectorAll("th").forEach(function(th,i){th.addEventListener("click",function(){
var tb=th.closest("table").tBodies[0],rows=Array.from(tb.rows),dir=th.dataset.dir==="asc"?-1:1;th.dataset.dir=dir>0?"asc":"desc";
var c=new Intl.Collator("zh-CN",{numeric:true});rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,
p=parseFloat(x),q=parseFloat(y);return dir*(!isNaN(p)&&!isNaN(q)&&/^-?[\\d.]+%?$/.test(x)&&/^-?[\\d.]+%?$/.test(y)?p-q:c.compare(x,y));});
rows.forEach(function(r){tb.appendChild(r);});});});`;

export function buildReviewHtml(summary: SummaryRow[], unread: UnreadFile[], files: number, locale: Locale): string {
  const w = reviewWords(locale);
  const head = w.summaryHeader
    .slice(0, -1)
    .map((h) => `<th scope="col">${escape(h)}</th>`)
    .join("");
  const body = summary.map((r, i) => summaryRow(r, i + 1, w, locale)).join("\n");
  const unreadList = unread.length
    ? `<h2>${escape(w.sheets.unread)}</h2><ul>${unread.map((u) => `<li>${escape(u.display)}：${escape(u.reason)}</li>`).join("")}</ul>`
    : "";
  return `<!DOCTYPE html>
<html lang="${locale === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8"><title>${escape(w.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>
<h1>${escape(w.title)}</h1><p>${escape(w.generated(summary.length, files, unread.length))}</p>
${gradeChart(summary, w)}
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
${unreadList}
<script>${SCRIPT}</script></body></html>
`;
}
