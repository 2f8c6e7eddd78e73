import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);

describe('accusations by blame, and diplomatic protests', () => {
  it('reads holding someone responsible and a protest lodged with a state as accusations, accuser to accused', () => {
    expect(triples('Armenia held Azerbaijan responsible for the attack.')).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(triples('Armenia protested to Russia over the detentions.')).toEqual([['armenia', 'accusation', 'russia']]);
  });

  it('flags a negated blame', () => {
    expect(extract('Armenia did not hold Azerbaijan responsible for the attack.').map((c) => [c.type, c.modality])).toContainEqual(['accusation', 'denied']);
  });

  it('places an unnamed opposition in the state of the leader it opposes', () => {
    expect(triples('The opposition accused Pashinyan of fraud.')).toEqual([['armenian-opposition', 'accusation', 'nikol-pashinyan']]);
  });
});
