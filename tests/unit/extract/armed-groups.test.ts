import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('attacks on rebel positions, and exchanges of fire', () => {
  it('reads an attack on "rebel positions" or "guerrilla camps" as an attack on the rebels of the state that attacks them', () => {
    expect(triples('Azerbaijani forces shelled rebel positions near Baku.')).toEqual([['azerbaijan', 'attack', 'azerbaijani-rebels']]);
    expect(triples('Armenian troops attacked guerrilla camps in Syunik.')).toEqual([['armenia', 'attack', 'armenian-guerrillas']]);
  });

  it('reads an exchange of fire or a gun battle as an undirected conflict between both sides', () => {
    expect(triples('Armenian and Azerbaijani troops exchanged fire across the border.')).toEqual([['armenia', 'conflict', 'azerbaijan']]);
    expect(triples('Armenia and Azerbaijan fought a gun battle on the border.')).toContainEqual(['armenia', 'conflict', 'azerbaijan']);
  });
});
