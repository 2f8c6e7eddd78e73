import { describe, expect, it } from 'vitest';
import { highlightRuns, paragraphsOf } from '../../../src/lib/core/highlights';
import type { Mention } from '../../../src/lib/core/extract/types';

const TEXT = 'Armenia asked the CSTO for help.\n\nRussia did not answer.';
const mention = (text: string, actorId: string): Mention => {
  const start = TEXT.indexOf(text);
  return { start, end: start + text.length, text, actorId, via: 'label' };
};

describe('highlight runs', () => {
  it('splits paragraphs at blank lines, keeping offsets into the text', () => {
    expect(paragraphsOf(TEXT).map((p) => TEXT.slice(p.start, p.end))).toEqual(['Armenia asked the CSTO for help.', 'Russia did not answer.']);
  });
  it('cuts runs at every mention and quote edge; every run is the text at its offsets', () => {
    const quote = { id: 'c1', start: 0, end: TEXT.indexOf(' for') };
    const paragraphs = highlightRuns(TEXT, [mention('Armenia', 'armenia'), mention('CSTO', 'csto'), mention('Russia', 'russia')], [quote, { id: 'bad', start: 5, end: 999 }]);
    const runs = paragraphs.flatMap((p) => p.runs);
    for (const run of runs) expect(TEXT.slice(run.start, run.end)).toBe(run.text);
    expect(runs.map((r) => [r.text, r.mention?.actorId ?? '', r.quotes.join(' ')])).toEqual([
      ['Armenia', 'armenia', 'c1'],
      [' asked the ', '', 'c1'],
      ['CSTO', 'csto', 'c1'],
      [' for help.', '', ''],
      ['Russia', 'russia', ''],
      [' did not answer.', '', ''],
    ]);
  });
});
