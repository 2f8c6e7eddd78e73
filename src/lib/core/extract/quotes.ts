/**
 * The quote of a candidate: the shortest verbatim span that holds its subject,
 * cue and object, cut to whole words, at most 200 characters and never across
 * a paragraph (it is clipped to the sentence it comes from, which lies in one).
 */
import type { Span } from './sentences';

export const MAX_QUOTE = 200;

const isWord = (unit: string | undefined) => unit !== undefined && /[\p{L}\p{N}]/u.test(unit);

/** Widens a span to whole words and trims spaces and dangling commas. */
function toWords(text: string, start: number, end: number, within: Span): Span {
  while (start > within.start && isWord(text[start - 1])) start--;
  while (end < within.end && isWord(text[end])) end++;
  while (start < end && /[\s,;:]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

function subsetsOf<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...others] = items;
  return [...subsetsOf(others, size - 1).map((s) => [first, ...s]), ...subsetsOf(others, size)];
}

/**
 * `parts` are the spans that must be quoted, most important first (the cue, then
 * the actors). When all do not fit in 200 characters, as many as fit are kept, the closest together.
 */
export function selectQuote(text: string, sentence: Span, parts: Span[]): Span & { quote: string } {
  let chosen: Span | null = null;
  // subsets that keep the first part, largest first; of equal size the shortest span
  const rest = parts.slice(1);
  for (let n = rest.length; n >= 0 && !chosen; n--) {
    for (const subset of subsetsOf(rest, n)) {
      const used = [parts[0], ...subset];
      const span = toWords(text, Math.min(...used.map((p) => p.start)), Math.max(...used.map((p) => p.end)), sentence);
      if (span.end - span.start <= MAX_QUOTE && (!chosen || span.end - span.start < chosen.end - chosen.start)) chosen = span;
    }
  }
  if (!chosen) {
    const cue = parts[0];
    const end = Math.min(cue.start + MAX_QUOTE, sentence.end);
    chosen = { start: cue.start, end };
    while (chosen.end > chosen.start && isWord(text[chosen.end]) && isWord(text[chosen.end - 1])) chosen.end--;
  }
  return { ...chosen, quote: text.slice(chosen.start, chosen.end) };
}
