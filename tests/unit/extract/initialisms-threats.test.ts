import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('initialisms in cue gaps, and threats without the word threat', () => {
  it('lets a cue with a gap span an initialism ending in a full stop', () => {
    expect(triples('Armenia wants the C.S.T.O. members and Russia to act.')).toContainEqual(['armenia', 'demand', 'russia']);
  });

  it('reads cautions, warnings issued and a right to respond reserved as threats', () => {
    expect(triples('Armenia reserved the right to respond to Azerbaijan.')).toContainEqual(['armenia', 'threat', 'azerbaijan']);
    expect(triples('Azerbaijan cautioned Armenia against any provocation.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Russia issued a stern warning to Azerbaijan.')).toContainEqual(['russia', 'threat', 'azerbaijan']);
  });

  it('reads coercion that may come, or is set to come, as a threat, not the deed', () => {
    for (const text of ['Azerbaijan may blockade Armenia.', 'Azerbaijan is set to blockade Armenia.']) {
      const found = triples(text);
      expect(found).toContainEqual(['azerbaijan', 'threat', 'armenia']);
      expect(found).not.toContainEqual(['azerbaijan', 'blockade', 'armenia']);
    }
  });
});

describe('threats to reduce relations', () => {
  it('reads aid or ties to be reconsidered as a threat to the one they go to', () => {
    expect(triples('Russia said it would reconsider its military cooperation with Armenia.')).toContainEqual(['russia', 'threat', 'armenia']);
  });
});

describe('violence vowed', () => {
  it('reads a vow to step up or continue attacks as a threat, not a commitment', () => {
    const found = triples('Azerbaijan vowed to step up attacks on Armenia.');
    expect(found).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(found).not.toContainEqual(['azerbaijan', 'commitment', 'armenia']);
  });
});
