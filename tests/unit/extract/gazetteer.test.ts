import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const mentionsOf = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).mentions.map((m) => [m.text, m.actorId, m.via]);

describe('gazetteer matching', () => {
  it('maps demonyms to their state', () => {
    expect(mentionsOf('Azerbaijani troops advanced.')).toContainEqual(['Azerbaijani', 'azerbaijan', 'demonym']);
    expect(mentionsOf('Armenians voted.')).toContainEqual(['Armenians', 'armenia', 'demonym']);
  });

  it('reads a dataset alias that is a demonym as a demonym, so the minister after it is the one who acts', () => {
    const dataset = miniDataset();
    dataset.actors = dataset.actors.map((a) => (a.id === 'russia' ? { ...a, aliases: [...a.aliases, 'Russian'] } : a));
    const extraction = extractCandidates('Russian Foreign Minister Sergei Lavrov met Armenian officials in Moscow.', dataset, { published: '2021-05-13' });
    expect(extraction.mentions.map((m) => [m.text, m.via])).toContainEqual(['Russian', 'demonym']);
    const meetings = extraction.candidates.filter((c) => c.type === 'meeting').map((c) => [c.subject, c.object]);
    expect(meetings).toEqual([['armenia', 'sergei-lavrov']]);
  });

  it('reads an embassy or envoy after a demonym as the state', () => {
    const triples = extractCandidates('Armenian protesters gathered outside the Russian embassy.', miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);
    expect(triples).toContainEqual(['armenian-protesters', 'protest', 'russia']);
  });

  it('accepts possessives with either apostrophe', () => {
    expect(mentionsOf("Armenia's army and Armenia’s border")).toEqual([
      ['Armenia', 'armenia', 'label'],
      ['Armenia', 'armenia', 'label'],
    ]);
  });

  it('matches aliases, capitals and seats of government', () => {
    expect(mentionsOf('Yerevan and Baku')).toEqual([
      ['Yerevan', 'armenia', 'alias'],
      ['Baku', 'azerbaijan', 'alias'],
    ]);
    // not aliases in the dataset: the general table of world states knows them
    expect(mentionsOf('the Kremlin said')).toContainEqual(['the Kremlin', 'russia', 'capital']);
    expect(mentionsOf('officials in Tehran')).toContainEqual(['Tehran', 'iran', 'capital']);
  });

  it('ignores case and diacritics, but not the capital of a name', () => {
    expect(mentionsOf('António Guterres spoke')).toContainEqual(['António Guterres', 'antonio-guterres', 'label']);
    expect(mentionsOf('ARMENIA')).toEqual([['ARMENIA', 'armenia', 'label']]);
    expect(mentionsOf('let us talk about turkey and chad')).toEqual([]);
    expect(mentionsOf('the US and the UN')).toEqual([
      ['US', 'united-states', 'alias'],
      ['UN', 'united-nations', 'alias'],
    ]);
  });

  it('prefers the longest name', () => {
    expect(mentionsOf('the Collective Security Treaty Organization met')).toEqual([['Collective Security Treaty Organization', 'csto', 'alias']]);
  });

  it('proposes states that the dataset lacks as new actors', () => {
    const extraction = extractCandidates('Jordanian troops attacked Syria.', miniDataset(), { published: '2021-05-13' });
    expect(extraction.newActors).toEqual([
      { id: 'jordan', label: 'Jordan', kind: 'state', affiliation: null },
      { id: 'syria', label: 'Syria', kind: 'state', affiliation: null },
    ]);
    expect(extraction.candidates[0]).toMatchObject({ subject: 'jordan', object: 'syria', type: 'attack' });
    expect(extraction.candidates[0].flags).toContain('new-actor');
  });

  it('proposes a person named after a title, affiliated with the state before it', () => {
    const extraction = extractCandidates('Russian Foreign Minister Sergei Lavrov arrived. Lavrov met Pashinyan.', miniDataset(), { published: '2021-05-13' });
    expect(extraction.newActors).toContainEqual({ id: 'sergei-lavrov', label: 'Sergei Lavrov', kind: 'person', affiliation: 'russia' });
    expect(extraction.candidates).toContainEqual(expect.objectContaining({ subject: 'sergei-lavrov', object: 'russia', type: 'office', quote: 'Russian Foreign Minister Sergei Lavrov' }));
    // the bare surname later resolves to the new person
    expect(extraction.candidates).toContainEqual(expect.objectContaining({ subject: 'nikol-pashinyan', object: 'sergei-lavrov', type: 'meeting' }));
  });

  it('reads a generic body after a possessive as that state’s', () => {
    const extraction = extractCandidates("Poland's parliament condemned Russia.", miniDataset(), { published: '2021-05-13' });
    expect(extraction.candidates).toContainEqual(expect.objectContaining({ subject: 'poland', object: 'russia', type: 'accusation' }));
  });
});

describe('prefixes that make a name a description', () => {
  const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

  it('does not take "ex-", "post-" or "non-" plus a name as that actor', () => {
    expect(triples('Armenia criticized ex-Russian officials.')).not.toContainEqual(['armenia', 'accusation', 'russia']);
    expect(triples('Armenia criticized non-Russian officials.')).not.toContainEqual(['armenia', 'accusation', 'russia']);
    expect(triples('Armenia criticized Russian officials.')).toContainEqual(['armenia', 'accusation', 'russia']);
  });
});
