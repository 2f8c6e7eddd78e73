import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);

describe('cue to type, with direction', () => {
  it('reads the active voice subject first', () => {
    expect(triples('Armenia accused Azerbaijan of aggression.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(triples('Azerbaijan sharply criticised Russia.')).toEqual([['azerbaijan', 'accusation', 'russia']]);
  });

  it('swaps subject and object in the passive', () => {
    expect(triples('Azerbaijan was accused by Armenia of aggression.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(triples('Armenia was attacked by Azerbaijani troops.')).toEqual([['azerbaijan', 'attack', 'armenia']]);
  });

  it('maps each family of cues to its type', () => {
    expect(triples('Armenia asked the CSTO for military assistance.')).toEqual([['armenia', 'request_aid', 'csto']]);
    expect(triples('Armenia invoked Article 4 of the treaty with the CSTO.')[0]).toEqual(['armenia', 'request_aid', 'csto']);
    expect(triples('Russia called on Armenia to respect the ceasefire.')).toContainEqual(['russia', 'demand', 'armenia']);
    expect(triples('Russia urged Armenia and Azerbaijan to respect the ceasefire.')).toEqual([
      ['russia', 'ceasefire_call', 'armenia'],
      ['russia', 'ceasefire_call', 'azerbaijan'],
    ]);
    expect(triples('Pashinyan vetoed a decision of the CSTO.')).toEqual([['nikol-pashinyan', 'rejection', 'csto']]);
    expect(triples('Russia thanked Armenia.')).toEqual([['russia', 'support', 'armenia']]);
    expect(triples('Azerbaijan blockaded Armenia.')).toEqual([['azerbaijan', 'blockade', 'armenia']]);
    expect(triples('Armenia moved to revoke the observer status of Azerbaijan.')).toEqual([['armenia', 'revocation', 'azerbaijan']]);
    expect(triples('Pashinyan met Guterres in New York.')).toEqual([['antonio-guterres', 'meeting', 'nikol-pashinyan']]);
  });

  it('lists the parties of a symmetric relation alphabetically, from a list before the cue or after "between"', () => {
    expect(triples('Azerbaijan and Armenia held talks.')).toEqual([['armenia', 'meeting', 'azerbaijan']]);
    expect(triples('Russia deplored the fighting between Azerbaijan and Armenia.')).toContainEqual(['armenia', 'conflict', 'azerbaijan']);
  });

  it('reads leadership and office appositions', () => {
    expect(triples('Prime Minister Nikol Pashinyan spoke.')).toEqual([['nikol-pashinyan', 'leadership', 'armenia']]);
    expect(triples('CSTO Secretary General Stanislav Zas spoke.')).toEqual([['stanislav-zas', 'leadership', 'csto']]);
  });
});

describe('phrases without a verb, and context', () => {
  it('prefers the longest cue where two overlap', () => {
    // and the denial is aimed at whoever made the accusation
    expect(triples('Armenia accused Russia. Russian officials rejected the criticism.')).toEqual([
      ['armenia', 'accusation', 'russia'],
      ['russia', 'denial', 'armenia'],
    ]);
  });

  it('reads leadership from "X-led" and "led by X"', () => {
    expect(triples('The CSTO is a Russian-led alliance.')).toEqual([['russia', 'leadership', 'csto']]);
    expect(triples('Armenia criticised the CSTO, a military alliance led by Russia.')).toContainEqual(['russia', 'leadership', 'csto']);
  });

  it('reads territory from a possessive before a region', () => {
    expect(triples("Troops entered Armenia's southern Syunik province.")).toContainEqual(['armenia', 'territory', 'syunik']);
  });

  it('resolves "both sides" to the two states the text names most', () => {
    const text = 'Armenia and Azerbaijan clashed again. Azerbaijan blamed Armenia. Russia urged both sides to respect the ceasefire.';
    expect(triples(text)).toEqual(expect.arrayContaining([
      ['russia', 'ceasefire_call', 'armenia'],
      ['russia', 'ceasefire_call', 'azerbaijan'],
    ]));
  });

  it('finds the subject across a relative clause', () => {
    expect(triples('Azerbaijan, which denies any plan to do so, attacked Armenia.')).toEqual([['azerbaijan', 'attack', 'armenia']]);
  });
});

describe('lists fan out', () => {
  it('gives one candidate per member, all sharing one statement', () => {
    const candidates = extract('Armenia is a member of the CSTO along with Russia, Belarus and Kazakhstan.');
    expect(candidates.map((c) => c.subject).sort()).toEqual(['armenia', 'belarus', 'kazakhstan', 'russia']);
    expect(new Set(candidates.map((c) => c.type))).toEqual(new Set(['membership']));
    expect(new Set(candidates.map((c) => c.object))).toEqual(new Set(['csto']));
    const statements = new Set(candidates.map((c) => c.statement));
    expect(statements.size).toBe(1);
    expect([...statements][0]).not.toBe('');
  });

  it('reads a roster after the organisation', () => {
    const candidates = extract('The CSTO, which includes Russia, Armenia and Belarus, met.');
    expect(candidates.filter((c) => c.type === 'membership').map((c) => c.subject).sort()).toEqual(['armenia', 'belarus', 'russia']);
  });

  it('leaves a single candidate without a statement', () => {
    expect(extract('Armenia accused Azerbaijan.')[0].statement).toBe('');
  });
});

describe('negation, condition and reported speech', () => {
  it('flags a negated cue as denied, never asserted', () => {
    const [candidate] = extract('Russia did not accuse Armenia.');
    expect(candidate).toMatchObject({ modality: 'denied', type: 'accusation' });
    expect(candidate.flags).toContain('negated');
  });

  it('flags a conditional', () => {
    const [candidate] = extract('The CSTO will take measures to protect Armenia if need be.');
    expect(candidate).toMatchObject({ subject: 'csto', object: 'armenia', type: 'aid_offer', modality: 'conditional' });
    expect(candidate.flags).toContain('conditional');
    expect(extract('Azerbaijan could attack Armenia.')[0].modality).toBe('conditional');
  });

  it('flags hedged reports', () => {
    const [candidate] = extract('Azerbaijani troops reportedly attacked Armenia.');
    expect(candidate.modality).toBe('reported');
    expect(candidate.flags).toContain('reported');
  });

  it('keeps a plain statement asserted', () => {
    const [candidate] = extract('Azerbaijani troops attacked Armenia.');
    expect(candidate.modality).toBe('asserted');
    expect(candidate.flags).toEqual(['date-guessed']);
  });
});
