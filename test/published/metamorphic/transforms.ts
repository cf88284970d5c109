/**
 * Transformations that do not change what a form says: a reader of the printed form would read the
 * same numbers, words and structure before and after. Each gives the changed sheet (a Work that
 * knows where every original cell went); the findings must be the same, at the moved addresses.
 */
import type { DetectedForm, IndicatorTable } from "../../../src/engine/detect/form";
import { a1, type SheetSnapshot } from "../../../src/engine/sheet/snapshot";
import { Work, type Cell } from "./work";

export interface Base {
  id: string;
  snapshot: SheetSnapshot;
  forms: DetectedForm[];
}

export interface Variant {
  name: string;
  work: Work;
  /** Hand the engine the used range only (origin at its top-left), as Office.js does. */
  trim?: boolean;
}

export type Transform = (b: Base) => Variant[];

const tables = (b: Base): IndicatorTable[] => b.forms.flatMap((f) => (f.indicators ? [f.indicators] : []));

// ---------------------------------------------------------------- position

export const shiftDownRight: Transform = (b) => [
  { name: "3 rows above", work: Work.of(b.snapshot).insertRows(0, 3) },
  { name: "2 columns left", work: Work.of(b.snapshot).insertCols(0, 2) },
  {
    name: "4 rows above, 3 columns left, used range",
    work: Work.of(b.snapshot).insertRows(0, 4).insertCols(0, 3),
    trim: true,
  },
];

/** A unit's title lines and a note above the whole form (no word of them is a form's). */
export const notesAbove: Transform = (b) => {
  const w = Work.of(b.snapshot).insertRows(0, 4);
  w.at(0, 0).v = "附件3";
  w.at(1, 0).v = "某某县财政局2023年度预算绩效管理工作资料";
  w.at(2, 0).v = "填报单位（盖章）：某某县某某局";
  w.at(2, 4).v = "填报日期：2024年3月15日";
  return [{ name: "notes above", work: w }];
};

/** An empty column inserted between two columns of the indicator table, one gap at a time. */
export const emptyColumnInTable: Transform = (b) => {
  const out: Variant[] = [];
  const seen = new Set<number>();
  for (const t of tables(b)) {
    const cols = [...new Set(Object.values(t.columns) as number[])].sort((x, y) => x - y);
    for (let i = 1; i < cols.length; i++) {
      if (seen.has(cols[i])) continue;
      seen.add(cols[i]);
      out.push({ name: `empty column before ${colName(cols[i])}`, work: Work.of(b.snapshot).insertCols(cols[i]) });
    }
  }
  return out;
};

/** An empty row between every two indicator rows that follow each other. */
export const emptyRowsBetweenIndicators: Transform = (b) => {
  const at: number[] = [];
  for (const t of tables(b))
    for (let i = 1; i < t.rows.length; i++) if (t.rows[i].row === t.rows[i - 1].row + 1) at.push(t.rows[i].row);
  if (at.length === 0) return [];
  const w = Work.of(b.snapshot);
  for (const r of [...at].sort((x, y) => y - x)) w.insertRows(r);
  return [{ name: "empty row between indicator rows", work: w }];
};

// ---------------------------------------------------------------- merges

/** Merged 一级 / 二级 cells unmerged, the text repeated in every row. */
export const unmergeLevels: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  for (const t of tables(b)) {
    for (const col of [t.columns.level1, t.columns.level2]) {
      if (col === undefined) continue;
      const inside = (r: number) => t.rows.some((x) => x.row === r);
      for (const m of [...w.merges]) {
        if (m.c1 !== col || m.c2 !== col || m.r2 === m.r1 || !inside(m.r1)) continue;
        w.merges.splice(w.merges.indexOf(m), 1);
        const anchor = w.at(m.r1, col);
        for (let r = m.r1 + 1; r <= m.r2; r++) Object.assign(w.at(r, col), { ...anchor, f: null });
        n++;
      }
    }
  }
  return n ? [{ name: "一级/二级 unmerged, text repeated", work: w }] : [];
};

/** Runs of the same 一级 / 二级 text on consecutive indicator rows merged into one cell. */
export const mergeRuns: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  const covered = (r: number, c: number) => w.merges.some((m) => m.r1 <= r && r <= m.r2 && m.c1 <= c && c <= m.c2);
  for (const t of tables(b)) {
    for (const col of [t.columns.level1, t.columns.level2]) {
      if (col === undefined) continue;
      let i = 0;
      while (i < t.rows.length) {
        const r1 = t.rows[i].row;
        const text = w.at(r1, col).v;
        let j = i;
        while (
          j + 1 < t.rows.length &&
          t.rows[j + 1].row === t.rows[j].row + 1 &&
          typeof text === "string" &&
          text.trim() !== "" &&
          w.at(t.rows[j + 1].row, col).v === text
        )
          j++;
        const r2 = t.rows[j].row;
        if (j > i && ![...range(r1, r2)].some((r) => covered(r, col))) {
          for (let r = r1 + 1; r <= r2; r++) Object.assign(w.at(r, col), { v: null, f: null });
          w.merges.push({ r1, c1: col, r2, c2: col });
          n++;
        }
        i = j + 1;
      }
    }
  }
  return n ? [{ name: "repeated 一级/二级 merged", work: w }] : [];
};

// ---------------------------------------------------------------- values

/** How Excel shows a number in this format, or null when we cannot say or the text would lose digits. */
export function displayed(v: number, fmt: string | null): string | null {
  const f = fmt ?? "General";
  let text: string;
  if (f === "General" || f === "@") text = String(Number(v.toPrecision(11)));
  else {
    const m = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(f);
    if (!m) return null;
    const decimals = m[2]?.length ?? 0;
    text = m[3] ? `${(v * 100).toFixed(decimals)}%` : v.toFixed(decimals);
    // 215457.6 in #,##0.0 shows 215,457.6
    if (m[1]) text = text.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));
  }
  const plain = text.replace(/,/g, "");
  const back = plain.endsWith("%") ? Number(plain.slice(0, -1)) / 100 : Number(plain);
  return Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v)) ? text : null;
}

function everyNumber(w: Work, f: (cell: Cell, text: string) => void): number {
  let n = 0;
  for (const row of w.cells)
    for (const cell of row) {
      if (typeof cell.v !== "number" || cell.f) continue;
      const text = displayed(cell.v, cell.fmt);
      if (text === null) continue;
      f(cell, text);
      n++;
    }
  return n;
}

/** Every number typed as the text it shows ("95", "98.50%"), cell format General. */
export const numbersAsText: Transform = (b) => {
  const w = Work.of(b.snapshot);
  const n = everyNumber(w, (cell, text) => Object.assign(cell, { v: text, fmt: "General" }));
  return n ? [{ name: "numbers typed as text", work: w }] : [];
};

const FULL_WIDTH = (s: string) => s.replace(/[0-9%.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Every number typed as full-width text ("９５", "９８．５０％"). */
export const numbersAsFullWidthText: Transform = (b) => {
  const w = Work.of(b.snapshot);
  const n = everyNumber(w, (cell, text) => Object.assign(cell, { v: FULL_WIDTH(text), fmt: "General" }));
  return n ? [{ name: "numbers typed as full-width text", work: w }] : [];
};

/** Typed percents and plain numbers ("95%", "12.5") become real numbers with a matching format. */
export const textAsNumbers: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  for (const row of w.cells)
    for (const cell of row) {
      if (typeof cell.v !== "string" || cell.f) continue;
      const m = /^\s*(-?\d+(?:\.(\d+))?)(%?)\s*$/.exec(cell.v);
      if (!m) continue;
      const decimals = m[2]?.length ?? 0;
      if (m[3]) Object.assign(cell, { v: Number(m[1]) / 100, fmt: decimals ? `0.${"0".repeat(decimals)}%` : "0%" });
      else Object.assign(cell, { v: Number(m[1]), fmt: decimals ? `0.${"0".repeat(decimals)}` : "General" });
      n++;
    }
  return n ? [{ name: "typed numbers and percents made numbers", work: w }] : [];
};

/** Digits, % and . in every text cell in full width (an IME left in full-width mode). */
export const fullWidthText: Transform = (b) => [
  { name: "full-width digits in text", work: Work.of(b.snapshot).mapStrings(FULL_WIDTH) },
];

export const trailingSpaces: Transform = (b) => [
  { name: "trailing spaces", work: Work.of(b.snapshot).mapStrings((s) => (s === "" ? s : `${s}  `)) },
  { name: "leading ideographic space", work: Work.of(b.snapshot).mapStrings((s) => (s === "" ? s : `\u3000${s}`)) },
];

/** ≥ ≤ typed as >= <=, full-width ＞＝ / ＜＝, = as ＝. */
export const operatorSpellings: Transform = (b) => [
  {
    name: "operators as >= <=",
    work: Work.of(b.snapshot).mapStrings((s) => s.replace(/≥/g, ">=").replace(/≤/g, "<=")),
  },
  {
    name: "operators full width",
    work: Work.of(b.snapshot).mapStrings((s) => s.replace(/≥/g, "＞＝").replace(/≤/g, "＜＝").replace(/^=/, "＝")),
  },
];

// ---------------------------------------------------------------- headers

/** Header rows of every block: the form's own words there. */
function headerRowsOf(b: Base): number[] {
  return b.forms.flatMap((f) => [
    ...(f.indicators?.headerRows ?? []),
    ...(f.funds ? [f.funds.headerRow] : []),
    ...(f.tasks?.headerRows ?? []),
  ]);
}

/** Header words broken over two lines in their cell ("年度⏎指标值"). */
export const headerLineBreaks: Transform = (b) => {
  const rows = new Set(headerRowsOf(b));
  const w = Work.of(b.snapshot).mapStrings((s, r) => {
    const t = s.trim();
    return rows.has(r) && t.length >= 4 ? `${t.slice(0, 2)}\n${t.slice(2)}` : s;
  });
  return rows.size ? [{ name: "header words over two lines", work: w }] : [];
};

/**
 * A one-row indicator header made two rows: 绩效指标 over the level columns (and 年度指标值 over
 * 指标性质/指标值/度量单位 when `groups`), every other header merged down through both rows.
 */
function splitHeader(b: Base, t: IndicatorTable, withTargetGroup: boolean): Work | null {
  const h = t.headerRows[0];
  const w = Work.of(b.snapshot);
  if (w.merges.some((m) => m.r1 <= h && h <= m.r2 && m.r1 !== m.r2)) return null;
  const lev = [t.columns.level1, t.columns.level2, t.columns.level3].filter((c): c is number => c !== undefined);
  const tgt = [t.columns.nature, t.columns.target, t.columns.unit].filter((c): c is number => c !== undefined);
  const groups: { cols: number[]; word: string }[] = [];
  if (lev.length >= 2 && contiguous(lev)) groups.push({ cols: lev, word: "绩效指标" });
  if (withTargetGroup && tgt.length >= 2 && contiguous(tgt)) groups.push({ cols: tgt, word: "年度指标值" });
  if (groups.length === 0) return null;
  w.insertRows(h); // the old header is now at h + 1; the new upper header row is h
  const grouped = new Set(groups.flatMap((g) => g.cols));
  const headerMerges = w.merges.filter((m) => m.r1 === h + 1 && m.r2 === h + 1);
  const row = w.cells[h + 1];
  for (let c = 0; c < row.length; c++) {
    if (grouped.has(c) || row[c].v === null || row[c].v === "") continue;
    const hm = headerMerges.find((m) => m.c1 === c);
    Object.assign(w.at(h, c), row[c]);
    w.relocate(a1(h, c), h, c);
    row[c] = { v: null, f: null, fmt: null };
    if (hm) hm.r1 = h;
    else w.merges.push({ r1: h, c1: c, r2: h + 1, c2: c });
  }
  for (const g of groups) {
    const c1 = Math.min(...g.cols);
    w.at(h, c1).v = g.word;
    w.merges.push({ r1: h, c1, r2: h, c2: Math.max(...g.cols) });
  }
  return w;
}

export const headerOverTwoRows: Transform = (b) => {
  const out: Variant[] = [];
  for (const t of tables(b)) {
    if (t.headerRows.length !== 1) continue;
    const lev = splitHeader(b, t, false);
    if (lev) out.push({ name: `header over two rows (绩效指标) at ${t.headerRows[0] + 1}`, work: lev });
    const both = splitHeader(b, t, true);
    if (both) out.push({ name: `header over two rows (绩效指标, 年度指标值) at ${t.headerRows[0] + 1}`, work: both });
  }
  return out;
};

// ---------------------------------------------------------------- more structure

/** Empty rows elsewhere in a form: between funds rows, under the indicator header, above 总分. */
export const emptyRowsElsewhere: Transform = (b) => {
  const out: Variant[] = [];
  const at = (name: string, rows: number[]) => {
    if (rows.length === 0) return;
    const w = Work.of(b.snapshot);
    for (const r of [...new Set(rows)].sort((x, y) => y - x)) w.insertRows(r);
    out.push({ name, work: w });
  };
  at(
    "empty row between funds rows",
    b.forms.flatMap((f) => (f.funds ? f.funds.rows.slice(1).map((r) => r.row) : [])),
  );
  at(
    "empty row under the indicator header",
    tables(b).flatMap((t) => (t.rows.length ? [t.rows[0].row] : [])),
  );
  at(
    "empty row above 总分",
    b.forms.flatMap((f) => (f.total ? [f.total.row] : [])),
  );
  return out;
};

/** An empty column inserted between two amount columns of the funds block. */
export const emptyColumnInFunds: Transform = (b) => {
  const out: Variant[] = [];
  for (const f of b.forms) {
    if (!f.funds) continue;
    const cols = [...new Set(Object.values(f.funds.columns) as number[])].sort((x, y) => x - y);
    for (let i = 1; i < cols.length; i++)
      out.push({
        name: `empty column before funds ${colName(cols[i])}`,
        work: Work.of(b.snapshot).insertCols(cols[i]),
      });
  }
  return out;
};

/** Two neighbouring columns of the indicator table swapped whole (header, data, 总分 row), where no merge crosses them. */
export const swapColumns: Transform = (b) => {
  const out: Variant[] = [];
  for (const t of tables(b)) {
    const cols = [...new Set(Object.values(t.columns) as number[])].sort((x, y) => x - y);
    for (let i = 1; i < cols.length; i++) {
      const [c1, c2] = [cols[i - 1], cols[i]];
      if (c2 !== c1 + 1) continue;
      const w = Work.of(b.snapshot);
      // A merge across both (a title) may stay, unless its text is in one of them; one across either alone may not.
      const has = (m: { c1: number; c2: number }, c: number) => m.c1 <= c && c <= m.c2;
      const crossing = (m: { c1: number; c2: number }) =>
        m.c1 !== m.c2 && (has(m, c1) !== has(m, c2) || (has(m, c1) && m.c1 === c1));
      if (w.merges.some(crossing)) continue;
      for (const row of w.cells) {
        while (row.length <= c2) row.push({ v: null, f: null, fmt: null });
        [row[c1], row[c2]] = [row[c2], row[c1]];
      }
      for (const m of w.merges) if (m.c1 === c1 || m.c1 === c2) m.c1 = m.c2 = m.c1 === c1 ? c2 : c1;
      w.colMap = w.colMap.map((c) => (c === c1 ? c2 : c === c2 ? c1 : c));
      if (w.cells.some((r) => r.some((c) => c.f))) continue; // formulas would need their references swapped
      out.push({ name: `columns ${colName(c1)} and ${colName(c2)} swapped`, work: w });
    }
  }
  return out;
};

/**
 * Horizontal merges outside the block headers undone (the text stays in the first cell): titles,
 * labels, goals, a 三级 spread over two columns. A header group's merge (预期指标值 over 符号 | 值 |
 * 单位) is what says which columns it spans: undoing it changes what the header says.
 */
export const unmergeAcross: Transform = (b) => {
  const headers = new Set(headerRowsOf(b));
  const w = Work.of(b.snapshot);
  const n = w.merges.length;
  w.merges = w.merges.filter((m) => m.c1 === m.c2 || [...range(m.r1, m.r2)].some((r) => headers.has(r)));
  return w.merges.length < n ? [{ name: "horizontal merges undone", work: w }] : [];
};

/** Nothing typed in a sub-row spelt another way: — as -, /, －, ——. */
export const dashSpellings: Transform = (b) =>
  ["-", "/", "－", "——", "\\"].map((dash) => ({
    name: `— typed as ${dash}`,
    work: Work.of(b.snapshot).mapStrings((s) => (/^\s*[—–]\s*$/.test(s) ? dash : s)),
  }));

/** 一级 / 二级 / 三级 names and funds row labels broken over two lines ("产出⏎指标"). */
export const labelLineBreaks: Transform = (b) => {
  const cells = new Set<string>();
  for (const t of tables(b))
    for (const r of t.rows)
      for (const c of [t.columns.level1, t.columns.level2]) if (c !== undefined) cells.add(`${r.row},${c}`);
  const w = Work.of(b.snapshot).mapStrings((s, r, c) => {
    const t = s.trim();
    return cells.has(`${r},${c}`) && t.length >= 4 ? `${t.slice(0, 2)}\n${t.slice(2)}` : s;
  });
  return cells.size ? [{ name: "一级/二级 over two lines", work: w }] : [];
};

/** A funds 执行率 shown as a percent typed as its points (86.19 for 86.19%), shown with as many decimals. */
export const rateAsPoints: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  for (const f of b.forms) {
    const col = f.funds?.columns.rate;
    if (col === undefined) continue;
    for (const r of f.funds!.rows) {
      const cell = w.at(r.row, col);
      if (typeof cell.v !== "number" || cell.f || !(cell.fmt ?? "").includes("%")) continue;
      const text = displayed(cell.v, cell.fmt);
      if (text === null || cell.v * 100 <= 1.5) continue;
      // Shown with the same digits: 97.80% becomes 97.80 (format 0.00), not 97.8 (a coarser rate).
      const decimals = /\.(\d+)%$/.exec(text)?.[1].length ?? 0;
      Object.assign(cell, { v: Number(text.slice(0, -1)), fmt: decimals ? `0.${"0".repeat(decimals)}` : "0" });
      n++;
    }
  }
  return n ? [{ name: "执行率 typed as percent points", work: w }] : [];
};

// ---------------------------------------------------------------- department forms, spelling

/** 重点工作任务: an empty column between two of its columns; an empty row between its rows. */
export const tasksTableGaps: Transform = (b) => {
  const out: Variant[] = [];
  for (const f of b.forms) {
    if (!f.tasks) continue;
    const cols = [...new Set(Object.values(f.tasks.columns) as number[])].sort((x, y) => x - y);
    for (let i = 1; i < cols.length; i++)
      out.push({ name: `empty column before task ${colName(cols[i])}`, work: Work.of(b.snapshot).insertCols(cols[i]) });
    const rows = f.tasks.rows.slice(1).filter((r, i) => r === f.tasks!.rows[i] + 1);
    if (rows.length === 0) continue;
    const w = Work.of(b.snapshot);
    for (const r of [...rows].sort((x, y) => y - x)) w.insertRows(r);
    out.push({ name: "empty row between task rows", work: w });
  }
  return out;
};

/** An empty row above every block's header (between the header lines, funds, goals and indicators). */
export const emptyRowsBetweenBlocks: Transform = (b) => {
  const rows = b.forms.flatMap((f) => [
    ...(f.funds ? [f.funds.headerRow] : []),
    ...(f.indicators ? [f.indicators.headerRows[0]] : []),
    ...(f.tasks ? [f.tasks.headerRows[0]] : []),
  ]);
  if (rows.length === 0) return [];
  const w = Work.of(b.snapshot);
  for (const r of [...new Set(rows)].sort((x, y) => y - x)) w.insertRows(r);
  return [{ name: "empty row above every block", work: w }];
};

/** Short header words spaced out to fill the cell ("分⎵值" (an ideographic space), "得 分"), as many templates print them. */
export const spacedHeaders: Transform = (b) => {
  const rows = new Set(headerRowsOf(b));
  const spaced = (sep: string) =>
    Work.of(b.snapshot).mapStrings((s, r) => {
      const t = s.trim();
      return rows.has(r) && t.length >= 2 && t.length <= 4 && !/[\d(（]/.test(t) ? [...t].join(sep) : s;
    });
  return rows.size
    ? [
        { name: "header words spaced (ASCII)", work: spaced("  ") },
        { name: "header words spaced (ideographic)", work: spaced("\u3000") },
      ]
    : [];
};

/** Brackets and colons the other width: （50分） ↔ (50分), ： ↔ :. */
export const bracketWidths: Transform = (b) => {
  const swap: Record<string, string> = { "(": "（", ")": "）", "（": "(", "）": ")", ":": "：", "：": ":" };
  return [
    {
      name: "brackets and colons the other width",
      work: Work.of(b.snapshot).mapStrings((s) => s.replace(/[()（）:：]/g, (ch) => swap[ch])),
    },
  ];
};

/** Several rewrites at once: moved, unmerged, numbers as text with spaces, full-width text. */
export const combined: Transform = (b) => {
  const out: Variant[] = [];
  for (const first of unmergeLevels(b).length ? unmergeLevels(b) : [{ name: "", work: Work.of(b.snapshot) }]) {
    const w = first.work.insertRows(0, 2).insertCols(0, 1);
    everyNumber(w, (cell, text) => Object.assign(cell, { v: ` ${text} `, fmt: "General" }));
    w.mapStrings((s) => FULL_WIDTH(s).replace(/≥/g, ">="));
    out.push({ name: "moved, unmerged, numbers as spaced full-width text, >=", work: w, trim: true });
  }
  return out;
};

// ---------------------------------------------------------------- formulas

/**
 * Where the sheet states a sum or a rate, the formula that gives exactly that value, as a person
 * building the form in Excel writes it: 执行率 =ROUND(E6/D6,4), 执行得分 =ROUND(F6*G6,2), 合计 and
 * 总分 =SUM(…) (plus the execution cell). Only where the formula gives the value the cell holds: the
 * sheet shows the same. Kept with its cached value, and again saved without results.
 */
export const formulas: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  const num = (r: number, c: number | undefined) => (c === undefined ? undefined : numberAt(w, r, c));
  const put = (r: number, c: number, formula: string, value: number) => {
    const cell = w.at(r, c);
    if (typeof cell.v !== "number" || cell.f || Math.abs(cell.v - value) > 1e-9) return;
    cell.f = formula;
    n++;
  };
  for (const f of b.forms) {
    fundsFormulas(w, f, put, num);
    sumFormulas(w, f, put);
  }
  if (n === 0) return [];
  const uncached = w.clone();
  for (const row of uncached.cells) for (const cell of row) if (cell.f) cell.v = null;
  // Rows inserted inside the summed ranges: Excel widens them, and so does Work.insertRows.
  const widened = uncached.clone();
  const inside = tables(b).flatMap((t) => t.rows.slice(1).map((r) => r.row));
  for (const r of [...new Set(inside)].sort((x, y) => y - x)) widened.insertRows(r);
  return [
    { name: "sums and rates as formulas", work: w },
    { name: "sums and rates as formulas, saved without results", work: uncached },
    { name: "sums and rates as formulas without results, empty rows inserted", work: widened },
  ];
};

type Put = (r: number, c: number, formula: string, value: number) => void;

function numberAt(w: Work, r: number, c: number): number | undefined {
  const v = w.at(r, c).v;
  return typeof v === "number" ? v : undefined;
}

function fundsFormulas(
  w: Work,
  f: DetectedForm,
  put: Put,
  num: (r: number, c: number | undefined) => number | undefined,
): void {
  const cols = f.funds?.columns;
  if (!cols || cols.budget === undefined || cols.spent === undefined) return;
  for (const fr of f.funds!.rows) {
    const budget = num(fr.row, cols.budget);
    const spent = num(fr.row, cols.spent);
    if (budget === undefined || spent === undefined || budget <= 0) continue;
    if (cols.rate !== undefined) {
      const decimals = /0\.(0+)%/.exec(w.at(fr.row, cols.rate).fmt ?? "")?.[1].length ?? 0;
      const k = decimals + 2;
      const rate = Math.round((spent / budget) * 10 ** k) / 10 ** k;
      put(fr.row, cols.rate, `=ROUND(${a1(fr.row, cols.spent)}/${a1(fr.row, cols.budget)},${k})`, rate);
    }
    const weight = num(fr.row, cols.weight);
    const rate = cols.rate === undefined ? undefined : num(fr.row, cols.rate);
    if (cols.score !== undefined && weight !== undefined && rate !== undefined) {
      const score = Math.round(weight * rate * 100) / 100;
      put(fr.row, cols.score, `=ROUND(${a1(fr.row, cols.weight!)}*${a1(fr.row, cols.rate!)},2)`, score);
    }
  }
}

function sumFormulas(w: Work, f: DetectedForm, put: Put): void {
  const t = f.indicators;
  if (!t || t.rows.length === 0) return;
  const first = t.rows[0].row;
  const last = t.rows[t.rows.length - 1].row;
  const sumOf = (c: number, r1: number, r2: number) => {
    let total = 0;
    for (let r = r1; r <= r2; r++) total += numberAt(w, r, c) ?? 0;
    return total;
  };
  for (const sr of f.sums) {
    if (sr.covers.length === 0) continue;
    const r1 = sr.covers[0];
    const r2 = sr.covers[sr.covers.length - 1];
    if (f.sums.some((o) => o !== sr && o.row > r1 && o.row < r2)) continue; // a 小计 inside: not one range
    for (const c of [sr.columns.weight, sr.columns.score])
      if (c !== undefined) put(sr.row, c, `=SUM(${a1(r1, c)}:${a1(r2, c)})`, sumOf(c, r1, r2));
  }
  if (!f.total || f.sums.length > 0) return;
  const execRow = f.funds?.rows.find((r) => r.kind === "total")?.row;
  const exec = (key: "weight" | "score") =>
    execRow === undefined || f.funds!.columns[key] === undefined
      ? undefined
      : { r: execRow, c: f.funds!.columns[key]! };
  for (const [key, c] of [["weight", f.total.weightCol] as const, ["score", f.total.scoreCol] as const]) {
    if (c === undefined || (key === "weight" ? t.columns.weight : t.columns.score) !== c) continue;
    const e = exec(key);
    const ev = e ? numberAt(w, e.r, e.c) : undefined;
    const formula = `=${e && ev !== undefined ? `${a1(e.r, e.c)}+` : ""}SUM(${a1(first, c)}:${a1(last, c)})`;
    put(f.total.row, c, formula, (ev ?? 0) + sumOf(c, first, last));
  }
}

// ---------------------------------------------------------------- targets

const OPERATOR = /^(≥|≤|≧|≦|>=|<=|=|＝|﹦|>|<|＞|＜)$/;

/** ≥ | 95 | % in three cells written as ≥95% in the 指标值 cell (the other two left empty), and back. */
export const targetCells: Transform = (b) => {
  const join = Work.of(b.snapshot);
  const split = Work.of(b.snapshot);
  let joined = 0;
  let splitted = 0;
  for (const t of tables(b)) {
    const { nature, target, unit } = t.columns;
    if (nature === undefined || target === undefined || unit === undefined) continue;
    for (const r of t.rows) {
      const op = join.at(r.row, nature).v;
      const value = join.at(r.row, target);
      const u = join.at(r.row, unit).v;
      if (typeof op === "string" && OPERATOR.test(op.trim()) && typeof value.v === "number" && !value.f) {
        const shown = displayed(value.v, value.fmt);
        if (shown !== null && (typeof u === "string" || shown.endsWith("%"))) {
          // 0.95 shown 95% beside a unit % reads ≥95%, not ≥95%%.
          const unitText = typeof u === "string" && !(shown.endsWith("%") && u.trim() === "%") ? u.trim() : "";
          value.v = `${op.trim()}${shown}${unitText}`;
          value.fmt = "General";
          join.at(r.row, nature).v = null;
          join.at(r.row, unit).v = null;
          joined++;
        }
      }
      const text = split.at(r.row, target).v;
      const m = typeof text === "string" ? /^(≥|≤|=|>|<)(\d+(?:\.\d+)?)([^\d\s]+)$/.exec(text.trim()) : null;
      if (m && split.at(r.row, nature).v === null && split.at(r.row, unit).v === null) {
        split.at(r.row, nature).v = m[1];
        split.at(r.row, target).v = Number(m[2]);
        split.at(r.row, unit).v = m[3];
        splitted++;
      }
    }
  }
  const out: Variant[] = [];
  if (joined) out.push({ name: "operator, value and unit joined in 指标值", work: join });
  if (splitted) out.push({ name: "≥95% split into operator, value and unit", work: split });
  return out;
};

/** 分值 and 得分 typed with their unit ("10分"), in the indicator table, the funds block and 总分. */
export const pointsWithUnit: Transform = (b) => {
  const w = Work.of(b.snapshot);
  let n = 0;
  const cells = b.forms.flatMap((f) => {
    const out: [number, number][] = [];
    const t = f.indicators;
    if (t)
      for (const r of t.rows)
        for (const c of [t.columns.weight, t.columns.score]) if (c !== undefined) out.push([r.row, c]);
    for (const c of [f.funds?.columns.weight, f.funds?.columns.score])
      if (c !== undefined) for (const fr of f.funds!.rows) out.push([fr.row, c]);
    for (const c of [f.total?.weightCol, f.total?.scoreCol]) if (c !== undefined) out.push([f.total!.row, c]);
    return out;
  });
  for (const [r, c] of cells) {
    const cell = w.at(r, c);
    if (typeof cell.v !== "number" || cell.f) continue;
    const text = displayed(cell.v, cell.fmt);
    if (text === null || text.endsWith("%")) continue;
    Object.assign(cell, { v: `${text}分`, fmt: "General" });
    n++;
  }
  return n ? [{ name: "分值 and 得分 typed as 10分", work: w }] : [];
};

/**
 * A column of the indicator table made twice as wide the way templates do it: an empty column after
 * it, and each of its cells, header to 总分, merged with the one beside.
 */
export const wideColumns: Transform = (b) => {
  const out: Variant[] = [];
  for (const t of tables(b)) {
    const lastRow = Math.max(...t.rows.map((r) => r.row), ...t.headerRows);
    const form = b.forms.find((f) => f.indicators === t)!;
    const bottom = Math.max(lastRow, form.total?.row ?? -1);
    for (const col of [...new Set(Object.values(t.columns) as number[])]) {
      const w = Work.of(b.snapshot).insertCols(col + 1);
      // Only where no merge already covers the cell: merges may not overlap.
      const covered = (r: number) => w.merges.some((m) => m.r1 <= r && r <= m.r2 && m.c1 <= col && col <= m.c2);
      for (let r = t.headerRows[0]; r <= bottom; r++)
        if (!covered(r)) w.merges.push({ r1: r, c1: col, r2: r, c2: col + 1 });
      out.push({ name: `column ${colName(col)} twice as wide (merged with an inserted one)`, work: w });
    }
  }
  return out;
};

/**
 * Header words that mean the same column (the domain's list, /work/shared/domain.md, not the
 * engine's tables): each header cell saying one of them says another instead.
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ["指标值", "年度指标值", "年初目标值", "年度目标值", "目标值(A)"],
  ["实际完成值", "完成值", "全年实际值(B)"],
  ["度量单位", "计量单位"],
  ["指标性质", "指标值类型", "指标方向"],
  ["分值", "权重"],
  ["偏差原因分析及改进措施", "未完成原因分析", "原因"],
  ["全年预算数", "调整后预算数"],
  ["全年执行数", "预算执行数", "实际支出"],
];

const bare = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[(（][^)）]*[)）]$/, "");

export const headerSynonyms: Transform = (b) => {
  const rows = new Set(headerRowsOf(b));
  if (rows.size === 0) return [];
  const out: Variant[] = [];
  for (const pick of [1, 2]) {
    let n = 0;
    const w = Work.of(b.snapshot).mapStrings((s, r) => {
      if (!rows.has(r)) return s;
      const group = SYNONYMS.find((g) => g.some((word) => bare(word) === bare(s)));
      if (!group) return s;
      const other = group.filter((word) => bare(word) !== bare(s))[(pick - 1) % (group.length - 1)];
      n++;
      return other;
    });
    if (n) out.push({ name: `header words said another way (${pick})`, work: w });
  }
  return out;
};

// ---------------------------------------------------------------- helpers

function contiguous(cols: number[]): boolean {
  const s = [...cols].sort((x, y) => x - y);
  return s.every((c, i) => i === 0 || c === s[i - 1] + 1);
}

function* range(a: number, b: number): Generator<number> {
  for (let i = a; i <= b; i++) yield i;
}

function colName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const TRANSFORMS: Record<string, Transform> = {
  shiftDownRight,
  notesAbove,
  emptyColumnInTable,
  emptyRowsBetweenIndicators,
  unmergeLevels,
  mergeRuns,
  numbersAsText,
  numbersAsFullWidthText,
  textAsNumbers,
  fullWidthText,
  trailingSpaces,
  operatorSpellings,
  headerLineBreaks,
  headerOverTwoRows,
  emptyRowsElsewhere,
  emptyColumnInFunds,
  swapColumns,
  unmergeAcross,
  dashSpellings,
  labelLineBreaks,
  rateAsPoints,
  tasksTableGaps,
  emptyRowsBetweenBlocks,
  spacedHeaders,
  bracketWidths,
  combined,
  formulas,
  targetCells,
  pointsWithUnit,
  wideColumns,
  headerSynonyms,
};
