/**
 * The article of a review cut into pieces for highlighting: paragraphs, and in
 * each, runs of text covered by the same mentions and candidate quotes. The
 * view renders each run as its own element holding plain text (never HTML),
 * with its offset, so a selection maps back to `text` positions exactly.
 */
import type { Mention } from './extract/types';

export interface QuoteSpan {
  id: string;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  /** The mention this run is part of, if any (the first when mentions overlap). */
  mention: Mention | null;
  /** Ids of the candidate quotes covering this run. */
  quotes: string[];
}

export interface Paragraph {
  start: number;
  end: number;
  runs: Run[];
}

/** Paragraphs are separated by blank lines (core/source-text writes them so). */
export function paragraphsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const breaks = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export function highlightRuns(text: string, mentions: readonly Mention[], quotes: readonly QuoteSpan[]): Paragraph[] {
  const valid = <T extends { start: number; end: number }>(s: T) => s.start >= 0 && s.end > s.start && s.end <= text.length;
  const ms = mentions.filter(valid);
  const qs = quotes.filter(valid);
  return paragraphsOf(text).map((p) => {
    const cuts = new Set([p.start, p.end]);
    for (const s of [...ms, ...qs]) {
      if (s.start > p.start && s.start < p.end) cuts.add(s.start);
      if (s.end > p.start && s.end < p.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const mention = ms.find((m) => m.start <= start && m.end >= end) ?? null;
      const covering = qs.filter((q) => q.start <= start && q.end >= end).map((q) => q.id);
      const last = runs[runs.length - 1];
      // Neighbouring runs with the same marks are one run, so the DOM stays small.
      if (last && last.mention === mention && last.quotes.join(' ') === covering.join(' ')) {
        last.end = end;
        last.text = text.slice(last.start, end);
      } else runs.push({ start, end, text: text.slice(start, end), mention, quotes: covering });
    }
    return { start: p.start, end: p.end, runs };
  });
}
