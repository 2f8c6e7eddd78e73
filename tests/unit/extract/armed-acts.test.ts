import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('armed acts: forces that hit or enter, fire into, strikes named by their weapon, attacks suffered', () => {
  it('reads "hit" and "entered" as attacks only when armed forces do them', () => {
    expect(triples('Azerbaijani artillery hit Armenian positions.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('Russian troops entered Armenia.')).toContainEqual(['russia', 'attack', 'armenia']);
    expect(triples('Pashinyan entered Russia.').filter(([, type]) => type === 'attack')).toEqual([]);
  });

  it('reads rockets fired into a place, and a drone strike, as attacks', () => {
    expect(triples('Azerbaijani forces fired rockets into Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('An Azerbaijani drone strike on Syunik killed two.')).toContainEqual(['azerbaijan', 'attack', 'syunik']);
  });

  it('reads "came under attack from X" with X as the attacker', () => {
    const found = triples('Armenian positions came under attack from Azerbaijani forces.');
    expect(found).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(found).not.toContainEqual(['armenia', 'attack', 'azerbaijan']);
  });

  it('takes those who died in an attack glued to its doer as its victims', () => {
    expect(triples('Two Armenian soldiers died in an Azerbaijani attack.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('Three Armenian soldiers were wounded in an Azerbaijani drone strike.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
  });
});

describe('violence whose doer is not named', () => {
  it('codes it as a domestic event of the one state the sentence names, with attackers of that state', () => {
    expect(triples('A journalist has been killed in a car bomb explosion in Yerevan.')).toContainEqual(['armenian-attackers', 'attack', 'armenia']);
  });

  it('leaves it alone when the sentence names actors of two states, or reports no deed with its toll', () => {
    expect(triples('A Russian journalist has been killed in Yerevan.').filter(([s]) => s === 'armenian-attackers')).toEqual([]);
    expect(triples('The treaty treats an attack on Armenia as an attack on all.').filter(([s]) => s === 'armenian-attackers')).toEqual([]);
  });
});
