/**
 * Report text → paragraphs → sentences → clauses. A published 自评报告 mixes full-width and
 * half-width punctuation and digits; everything is normalised first so one set of patterns reads
 * them all. Positions are kept (paragraph and sentence index) so a finding can quote its sentence.
 */

export interface Sentence {
  /** 0-based paragraph index in the report. */
  paragraph: number;
  /** 0-based sentence index within the whole report. */
  index: number;
  /** The sentence as normalised (what the claims are read from and what a finding quotes). */
  text: string;
}

export interface Paragraph {
  index: number;
  text: string;
  sentences: Sentence[];
}

const FULL_WIDTH_DIGITS = /[０-９．％]/g;
const FULL_WIDTH_MAP: Record<string, string> = { "．": ".", "％": "%" };

/** Full-width digits and %, thousands separators, odd spaces → one plain form. */
export function normalizeText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (ch) => FULL_WIDTH_MAP[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000\t]/g, " ")
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, "$1")
    .replace(/(\d)\s+(?=[\d.])/g, "$1")
    .replace(/(\d)\s+(?=(?:%|万元|亿元|元|分))/g, "$1");
}

/** Sentences end at 。！？ and at line breaks; a ；-separated list stays one sentence. */
const SENTENCE_END = /(?<=[。！？!?])|\n/;

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let sentenceIndex = 0;
  const lines = normalizeText(String(text ?? "")).split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const p: Paragraph = { index: out.length, text: line, sentences: [] };
    for (const piece of line.split(SENTENCE_END)) {
      const s = piece.trim();
      if (s !== "") p.sentences.push({ paragraph: p.index, index: sentenceIndex++, text: s });
    }
    out.push(p);
  }
  return out;
}

/** Clauses: the pieces between ，,；; and brackets. Amount and rate keywords bind within a clause. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[，,；;（）()]/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}
