/**
 * The grade bands a form states in its own words, in a note on the sheet: "90分（含）以上为优秀，
 * 80（含）-90分为良好，60（含）-80分为合格，60分以下为不合格", or "优（90分以上）、良（80-90分）…".
 * A grade is then checked under those words and cut-offs (with the default rule set: the form's own
 * rule variant, said in an info), not under words the form never used.
 */
import { compactText } from "../../value/normalize";
import type { SheetView } from "../../sheet/snapshot";
import type { DetectedForm } from "../../detect/form";

export interface FormGradeBand {
  word: string;
  /** Lowest total of the band, included (0 for the bottom band). */
  lo: number;
}

const WORD = "优秀|良好|中等|较差|不合格|合格|一般|较好|优|良|中|差|好";
/** "…为优秀" / "…评为良" / "…的为合格": the range before, the word after. */
const RANGE_THEN_WORD = new RegExp(`^(.*\\d.*?)(?:的)?(?:评|定|确定)?为[“"「]?(${WORD})[”"」]?(?:等级|等次|级)?$`);
/** "优秀（90分以上）" / "良：80-90分": the word first, the range after. */
const WORD_THEN_RANGE = new RegExp(`^[“"「]?(${WORD})[”"」]?(?:等级|等次|级)?[(:：]?(.*\\d.*?)\\)?$`);
/** "评价等级分为优(90分以上)": the words before the first band. */
const LEAD_IN = new RegExp(`^[^\\d]*?(?:分为|分成|划分为)(?=${WORD})`);
const BELOW = /以下|低于|不足|不到|<|＜|≤|小于/;

/** The lowest total a clause's range admits: 80 in "80（含）-90分", 0 in "60分以下". */
function lowerBound(range: string): number | undefined {
  const numbers = (range.match(/\d+(?:\.\d+)?/g) ?? []).map(Number).filter((n) => n <= 100);
  if (numbers.length === 0) return undefined;
  if (numbers.length === 1 && BELOW.test(range)) return 0;
  return Math.min(...numbers);
}

function clausesOf(text: string): string[] {
  const flat = compactText(text).replace(/（/g, "(").replace(/）/g, ")");
  return flat
    .split(/[，,；;。、]/)
    .map((c) => c.replace(LEAD_IN, ""))
    .filter((c) => c !== "");
}

function bandOf(clause: string): FormGradeBand | undefined {
  const a = RANGE_THEN_WORD.exec(clause);
  const b = a ? undefined : WORD_THEN_RANGE.exec(clause);
  const word = a ? a[2] : b?.[1];
  const range = a ? a[1] : b?.[2];
  if (!word || !range) return undefined;
  const lo = lowerBound(range);
  return lo === undefined ? undefined : { word, lo };
}

/** Bands from one text, best first; undefined unless at least three distinct words with distinct floors. */
export function gradeBandsInText(text: string): FormGradeBand[] | undefined {
  if (!/\d/.test(text) || !/为|[(:：]/.test(text)) return undefined;
  const bands: FormGradeBand[] = [];
  for (const clause of clausesOf(text)) {
    const band = bandOf(clause.replace(/^(?:注|说明|其中|评价等级|等级|总分)[:：]?/, ""));
    if (band && !bands.some((x) => x.word === band.word || x.lo === band.lo)) bands.push(band);
  }
  if (bands.length < 3 || !bands.some((b) => b.lo === 0)) return undefined;
  return bands.sort((x, y) => y.lo - x.lo);
}

/** Rows below the form a note may sit in. */
const NOTE_ROWS_BELOW = 6;

/** The bands the form states anywhere in its rows or a few rows below, or undefined. */
export function formGradeBands(view: SheetView, form: DetectedForm): FormGradeBand[] | undefined {
  const { r1, c1, r2, c2 } = form.range;
  // Texts already read: a 10,000-row table repeats its target and actual texts on many rows.
  const read = new Set<string>();
  for (let r = r1; r <= r2 + NOTE_ROWS_BELOW; r++) {
    for (let c = c1; c <= c2; c++) {
      // Raw cells: a note merged across the row is read once, at its anchor.
      const v = view.raw(r, c);
      if (typeof v !== "string" || v.length < 12 || read.has(v)) continue;
      read.add(v);
      const bands = gradeBandsInText(v);
      if (bands) return bands;
    }
  }
  return undefined;
}

/** The band word a total falls in (lower bounds included). */
export function formGradeFor(total: number, bands: readonly FormGradeBand[]): string {
  return (bands.find((b) => total >= b.lo - 1e-9) ?? bands[bands.length - 1]).word;
}

/** "优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60，不合格 < 60" for messages. */
export function describeFormBands(bands: readonly FormGradeBand[]): string {
  const parts = bands.map((b, i) => (b.lo > 0 ? `${b.word} ≥ ${b.lo}` : `${b.word} < ${bands[i - 1]?.lo ?? 0}`));
  return parts.join("，");
}
