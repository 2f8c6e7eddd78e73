import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('whom a demand or statement is addressed to', () => {
  it('takes the one asked before "to", not an actor inside the deed asked for', () => {
    expect(triples('Pashinyan urged lawmakers to approve aid to Russia.')).not.toContainEqual(['nikol-pashinyan', 'demand', 'russia']);
    expect(triples('Pashinyan urged Russia to send aid.')).toContainEqual(['nikol-pashinyan', 'demand', 'russia']);
  });

  it('never takes the addressee of a letter as its author', () => {
    const found = triples('In a letter to Guterres, Armenia demanded that Azerbaijan withdraw.');
    expect(found).toContainEqual(['armenia', 'demand', 'azerbaijan']);
    expect(found).not.toContainEqual(['antonio-guterres', 'demand', 'azerbaijan']);
  });

  it('reads a statement with no other object as said to the letter\'s addressee', () => {
    expect(triples('Armenia, in a letter to the CSTO, demanded an end to the blockade.')).toContainEqual(['armenia', 'demand', 'csto']);
  });
});

describe('demands reported as what another must do', () => {
  it('reads "announced that Y must", "told reporters Y should" as a demand on Y', () => {
    expect(triples('Armenia announced that Azerbaijan must withdraw its troops.')).toContainEqual(['armenia', 'demand', 'azerbaijan']);
    expect(triples('Pashinyan told reporters that Russia should honour its obligations.')).toContainEqual(['nikol-pashinyan', 'demand', 'russia']);
  });
});

describe('deeds named as what is asked for', () => {
  it('does not assert a withdrawal or sanctions that are demanded or called for', () => {
    const found = triples('Russia demanded the immediate withdrawal of Azerbaijani forces from Syunik.');
    expect(found).toContainEqual(['russia', 'demand', 'azerbaijan']);
    expect(found.filter(([, type]) => type === 'retreat')).toEqual([]);
    expect(triples('Armenia called for sanctions against Azerbaijan').filter(([, type]) => type === 'revocation')).toEqual([]);
  });

  it('reads "appealed for" as a demand', () => {
    expect(triples('Guterres appealed for restraint by Armenia.').filter(([, type]) => type === 'demand')).not.toEqual([]);
  });
});
