import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { MAX_QUOTE, selectQuote } from '../../../src/lib/core/extract/quotes';
import { paragraphs } from '../../../src/lib/core/extract/sentences';
import { miniDataset } from './fixture';

const ARTICLE = [
  'YEREVAN — Armenia accused Azerbaijan on Wednesday of shelling its villages.',
  '',
  'Prime Minister Nikol Pashinyan said Armenia is a member of the CSTO along with Russia.',
  'Azerbaijan, which has for months been building up forces along a border that its neighbours describe as tense and which several international observers have visited in recent weeks without being able to reach a conclusion about who started it, attacked Armenia.',
].join('\n');

describe('quote selection', () => {
  const { candidates } = extractCandidates(ARTICLE, miniDataset(), { published: '2021-05-13' });

  it('finds candidates in every paragraph', () => {
    expect(candidates.map((c) => c.type)).toEqual(expect.arrayContaining(['accusation', 'leadership', 'membership', 'attack']));
  });

  it('quotes verbatim, at most 200 characters, inside one paragraph', () => {
    const spans = paragraphs(ARTICLE);
    for (const c of candidates) {
      expect(ARTICLE.slice(c.quoteStart, c.quoteEnd)).toBe(c.quote);
      expect(c.quote.length).toBeLessThanOrEqual(MAX_QUOTE);
      expect(c.quote).not.toMatch(/\n/);
      expect(spans.some((p) => p.start <= c.quoteStart && c.quoteEnd <= p.end)).toBe(true);
    }
  });

  it('keeps the shortest span that holds subject, cue and object', () => {
    expect(candidates.find((c) => c.type === 'accusation')!.quote).toBe('Armenia accused Azerbaijan');
    expect(candidates.find((c) => c.type === 'leadership')!.quote).toBe('Prime Minister Nikol Pashinyan');
  });

  it('drops the farther actor rather than exceed 200 characters', () => {
    const attack = candidates.find((c) => c.type === 'attack')!;
    expect(attack).toMatchObject({ subject: 'azerbaijan', object: 'armenia' });
    expect(attack.quote.length).toBeLessThanOrEqual(MAX_QUOTE);
    expect(attack.quote).toContain('attacked Armenia');
  });

  it('cuts at whole words', () => {
    const text = 'Some words here and there';
    expect(selectQuote(text, { start: 0, end: text.length }, [{ start: 6, end: 12 }]).quote).toBe('words here');
  });
});

describe('determinism', () => {
  it('gives the same result for the same text, dataset and options', () => {
    const a = extractCandidates(ARTICLE, miniDataset(), { published: '2021-05-13' });
    const b = extractCandidates(ARTICLE, miniDataset(), { published: '2021-05-13' });
    const c = extractCandidates(ARTICLE, miniDataset(), { published: '2021-05-13' });
    expect(b).toEqual(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
    expect(new Set(a.candidates.map((x) => x.id)).size).toBe(a.candidates.length);
  });

  it('does not carry people found in one text into the next', () => {
    const dataset = miniDataset();
    const first = extractCandidates('Foreign Minister Jeyhun Bayramov spoke. Bayramov met Pashinyan.', dataset, { published: '2021-05-13' });
    expect(first.newActors.map((a) => a.id)).toContain('jeyhun-bayramov');
    const second = extractCandidates('Bayramov met Pashinyan.', dataset, { published: '2021-05-13' });
    expect(second.newActors).toEqual([]);
    expect(second.candidates).toEqual([]);
  });
});
