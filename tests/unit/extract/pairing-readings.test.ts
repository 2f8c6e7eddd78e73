import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { findDates } from '../../../src/lib/core/extract/dates';
import type { Dataset } from '../../../src/lib/core/model';
import { miniDataset } from './fixture';

// 13 May 2021 was a Thursday.
const PUBLISHED = '2021-05-13';
const triples = (text: string, dataset: Dataset = miniDataset()) => extractCandidates(text, dataset, { published: PUBLISHED }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('a cue inside a relative clause on an actor', () => {
  it('reads "Y, which X accused of ..." as X accusing Y, the antecedent being the object', () => {
    const found = triples('Azerbaijan, which Armenia has accused of shelling villages, rejected the charge.');
    expect(found).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(found).not.toContainEqual(['azerbaijan', 'accusation', 'armenia']);
  });

  it('reads "Y, which X asked for help" with the asked body as the object', () => {
    expect(triples('The CSTO, which Armenia asked for military assistance, sent a mission.')).toContainEqual(['armenia', 'request_aid', 'csto']);
  });

  it('reads "X, which accused Y of ..." as X accusing Y, and the main verb after the aside as the antecedent\'s', () => {
    const found = triples('Azerbaijan, which accused Armenia of shelling villages, rejected the charge.');
    expect(found).toContainEqual(['azerbaijan', 'accusation', 'armenia']);
    // the charge is Azerbaijan's own: Armenia, inside the aside, answers nothing here
    expect(found.filter(([, type]) => type === 'denial')).toEqual([]);
  });
});

describe('an intention told of an actor in a relative clause', () => {
  it('reads "X, who has vowed not to return Y\'s land" as no commitment of X to Y', () => {
    const found = triples('Armenia condemned Pashinyan, who has vowed not to return Syunik to Azerbaijan.');
    expect(found.filter(([, type]) => type === 'commitment')).toEqual([]);
  });
});

describe('a place near which a deed happened is no party to it', () => {
  it('reads "attacking a tanker off Y" and "struck a convoy near Y" as no attack on Y', () => {
    const accused = triples('Armenia accused Azerbaijan of attacking a tanker off Russia.');
    expect(accused).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(accused.filter(([, type]) => type === 'attack')).toEqual([]);
    expect(triples('Azerbaijani jets struck a convoy near Armenia.')).toEqual([]);
  });

  it('still reads the state struck when it is the object', () => {
    expect(triples('Azerbaijani jets struck Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
  });
});

describe('a group of a region named after it', () => {
  const withKarabakh = (): Dataset => {
    const dataset = miniDataset();
    return { ...dataset, actors: [...dataset.actors, { id: 'karabakh', label: 'Nagorno-Karabakh', kind: 'region', affiliation: null, aliases: [] }] };
  };

  it('reads "residents of Nagorno-Karabakh" as the region\'s residents, not the residents of the state the sentence names', () => {
    const extraction = extractCandidates('Azerbaijani troops fired on residents of Nagorno-Karabakh.', withKarabakh(), { published: PUBLISHED });
    const [attack] = extraction.candidates.filter((c) => c.type === 'attack');
    expect(attack.subject).toBe('azerbaijan');
    expect(attack.object).not.toBe('azerbaijani-residents');
    expect(extraction.newActors.find((a) => a.id === attack.object)).toMatchObject({ affiliation: 'karabakh' });
  });
});

describe('a weekday in a sentence that reports a plan', () => {
  it('dates "earlier on Wednesday, X announced it would ..." to the Wednesday past', () => {
    const text = 'Earlier on Wednesday, the CSTO announced it would send a mission to Armenia.';
    expect(findDates(text, 0, text.length, PUBLISHED)[0].value).toBe('2021-05-12');
  });

  it('dates a fronted weekday before a past report of what will be to the report', () => {
    const text = 'On Tuesday, Armenia said it would ask the CSTO for help.';
    expect(findDates(text, 0, text.length, PUBLISHED)[0].value).toBe('2021-05-11');
  });

  it('still reads a weekday forward after a future verb', () => {
    const text = 'Armenia said it would ask the CSTO for help on Tuesday.';
    expect(findDates(text, 0, text.length, PUBLISHED)[0].value).toBe('2021-05-18');
  });
});

describe('a deed named by its noun after another verb', () => {
  it('reads "X condemned the attack on Y" and "X denied the shelling of Y" as no attack by X', () => {
    expect(triples('Russia condemned the attack on Armenia.').filter(([, type]) => type === 'attack')).toEqual([]);
    expect(triples('Azerbaijan denied the shelling of Syunik.').filter(([, type]) => type === 'attack')).toEqual([]);
  });

  it('still reads the deed as the subject\'s after a verb of doing', () => {
    expect(triples('Azerbaijan launched an attack on Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('Azerbaijan stepped up its shelling of Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
  });
});

describe('protesters at a state\'s embassy', () => {
  it('places protesters in the city the embassy is in, not in the state whose embassy it is', () => {
    const extraction = extractCandidates('Students protested outside the Russian embassy in Yerevan.', miniDataset(), { published: PUBLISHED });
    const [protest] = extraction.candidates.filter((c) => c.type === 'protest');
    expect(protest.object).toBe('russia');
    expect(extraction.newActors.find((a) => a.id === protest.subject)).toMatchObject({ affiliation: 'armenia' });
  });

  it('reads the sentence on past an initialism ("the U.S. embassy in Yerevan")', () => {
    const dataset = miniDataset();
    const withUs: Dataset = { ...dataset, actors: [...dataset.actors, { id: 'united-states', label: 'United States', kind: 'state', affiliation: null, aliases: ['U.S.'] }] };
    const extraction = extractCandidates('Students protested outside the U.S. embassy in Yerevan.', withUs, { published: PUBLISHED });
    const [protest] = extraction.candidates.filter((c) => c.type === 'protest');
    expect(protest.object).toBe('united-states');
    expect(extraction.newActors.find((a) => a.id === protest.subject)).toMatchObject({ affiliation: 'armenia' });
  });
});

describe('a demand whose infinitive names a place', () => {
  it('reads "a Russian demand to withdraw from Syunik" as no demand made of Syunik', () => {
    expect(triples('Azerbaijan rejected a Russian demand to withdraw from Syunik.').filter(([, type]) => type === 'demand')).toEqual([]);
    expect(triples('Russia urged Azerbaijan to withdraw from Syunik.')).toContainEqual(['russia', 'demand', 'azerbaijan']);
  });
});
