import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('words that judge a deed while naming it', () => {
  it('reads "aggression" said by someone as their accusation of its doer', () => {
    expect(triples('"We could not agree on a response to the Azerbaijani aggression against Armenia," Pashinyan said.')).toContainEqual(['nikol-pashinyan', 'accusation', 'azerbaijan']);
    expect(triples('Pashinyan criticized Russia for not defending Armenia against what Yerevan regards as Azerbaijani aggression.')).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
  });

  it('accuses nobody when no one in the sentence says it', () => {
    expect(triples('The CSTO is meant to defend any member that faces Azerbaijani aggression.').filter(([, type]) => type === 'accusation')).toEqual([]);
  });
});
