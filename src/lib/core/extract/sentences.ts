/**
 * Paragraphs and sentences with their offsets. A paragraph is a line of the
 * text (blank lines and line breaks both end one), since quotes must never
 * cross a paragraph and plain-text articles put one paragraph on a line.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  paragraph: number;
  index: number;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'st', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc', 'corp',
  'co', 'ltd', 'u.s', 'u.n', 'u.k', 'e.u', 'd.c', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);

export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(text).forEach((paragraph, p) => {
    let start = paragraph.start;
    const body = text.slice(paragraph.start, paragraph.end);
    const re = /[.!?]+["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const stop = paragraph.start + m.index;
      if (m[0][0] === '.') {
        const word = /([\p{L}.]+)$/u.exec(text.slice(start, stop))?.[1]?.toLowerCase() ?? '';
        if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
      }
      const end = stop + m[0].length;
      sentences.push({ start, end, paragraph: p, index: sentences.length });
      start = end;
      while (start < paragraph.end && /\s/.test(text[start])) start++;
    }
    if (start < paragraph.end) sentences.push({ start, end: paragraph.end, paragraph: p, index: sentences.length });
  });
  return sentences;
}
