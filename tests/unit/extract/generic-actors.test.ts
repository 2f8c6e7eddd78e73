import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { buildGazetteer, findMentions, rollUp } from '../../../src/lib/core/extract/gazetteer';
import { foldText } from '../../../src/lib/core/extract/fold';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' });
const mentionsOf = (text: string) => extract(text).mentions.map((m) => [m.text, m.actorId]);

describe('world knowledge: demonyms, capitals, cities and leaders', () => {
  it('reads a capital or demonym as its state, and "Congolese" as the DR Congo', () => {
    expect(mentionsOf('Nairobi protested to Kenyans abroad.')).toEqual([
      ['Nairobi', 'kenya'],
      ['Kenyans', 'kenya'],
    ]);
    expect(mentionsOf('Congolese refugees')).toEqual([['Congolese refugees', 'congolese-refugees']]);
    expect(extract('Congolese refugees').newActors).toContainEqual({ id: 'congolese-refugees', label: 'Congolese refugees', kind: 'group', affiliation: 'democratic-republic-of-the-congo' });
  });

  it('never takes a major city alone for its state: a city places a role, it is not a government', () => {
    expect(mentionsOf('Mombasa is hot.')).toEqual([]);
    expect(mentionsOf('Police in Mombasa said so.')).toEqual([['Police in Mombasa', 'kenya']]);
  });

  it('knows well-known leaders by full name and distinctive surname, affiliated with their state', () => {
    const extraction = extract('Yoweri Museveni spoke. Later Museveni criticised Kenya.');
    expect(extraction.mentions.filter((m) => m.actorId === 'yoweri-museveni').map((m) => m.text)).toEqual(['Yoweri Museveni', 'Museveni']);
    expect(extraction.newActors).toContainEqual({ id: 'yoweri-museveni', label: 'Yoweri Museveni', kind: 'person', affiliation: 'uganda' });
  });

  it('lets the dataset’s own people win over the table of leaders', () => {
    expect(mentionsOf('Pashinyan spoke.')).toEqual([['Pashinyan', 'nikol-pashinyan']]);
  });
});

describe('actors named by their role', () => {
  it('makes a group of the state named by a demonym or possessive', () => {
    const extraction = extract("Sudanese rebels attacked Chad. Kenya's opposition protested.");
    expect(extraction.mentions.map((m) => [m.text, m.actorId])).toEqual([
      ['Sudanese rebels', 'sudanese-rebels'],
      ['Chad', 'chad'],
      ["Kenya's opposition", 'kenyan-opposition'],
    ]);
    expect(extraction.newActors).toContainEqual({ id: 'sudanese-rebels', label: 'Sudanese rebels', kind: 'group', affiliation: 'sudan' });
    expect(extraction.candidates).toContainEqual(expect.objectContaining({ subject: 'sudanese-rebels', object: 'chad', type: 'attack' }));
  });

  it('places a role "in" a state or city, and an ethnic community in the state of its first demonym', () => {
    expect(mentionsOf('Rebels in northern Uganda fled.')).toEqual([['Rebels in northern Uganda', 'ugandan-rebels']]);
    expect(mentionsOf('Bosnian Serbs demanded a truce.')).toEqual([['Bosnian Serbs', 'bosnian-serbs']]);
    // an ethnic minority is filed under the state the sentence says it lives in, else its demonym stays as written
    expect(mentionsOf('Gunmen killed three ethnic Albanians in southern Serbia.')).toContainEqual(['ethnic Albanians', 'ethnic-albanians-in-serbia']);
    expect(mentionsOf('Ethnic Albanians marched.')).toEqual([['Albanians', 'albania']]);
    expect(extract('Iraqi Kurds marched.').newActors).toContainEqual({ id: 'iraqi-kurds', label: 'Iraqi Kurds', kind: 'group', affiliation: 'iraq' });
  });

  it('keeps "Azerbaijani troops" and "officials in Tehran" the state itself, as the dataset codes them', () => {
    expect(mentionsOf('Azerbaijani troops advanced.')).toEqual([['Azerbaijani', 'azerbaijan']]);
    expect(extract('Azerbaijani troops attacked Armenia.').candidates).toContainEqual(expect.objectContaining({ subject: 'azerbaijan', object: 'armenia', type: 'attack' }));
    expect(mentionsOf('officials in Tehran said')).toEqual([['Tehran', 'iran']]);
  });

  it('places a domestic role by the dateline, else by the one state its sentence names', () => {
    expect(mentionsOf('NAIROBI, May 3 - Protesters clashed with police.')).toEqual([
      ['NAIROBI', 'kenya'],
      ['Protesters', 'kenyan-protesters'],
      ['police', 'kenya'],
    ]);
    expect(mentionsOf('Security forces fired on protesters in a Nigerian town.')).toEqual([
      ['Security forces', 'nigeria'],
      ['protesters', 'nigerian-protesters'],
      ['Nigerian', 'nigeria'],
    ]);
  });

  it('proposes no unplaced role: vague "rebels" or "police" with no state, or with two, is left out', () => {
    for (const text of ['Rebels attacked a convoy.', 'Police said two people died.', 'Rebels attacked Syria and Iraq.']) {
      const extraction = extract(text);
      expect(extraction.mentions.filter((m) => /rebels|police/i.test(m.text))).toEqual([]);
      expect(extraction.newActors.filter((a) => a.kind === 'group')).toEqual([]);
    }
    // troops are as often foreign as domestic: the sentence's one state does not place them
    expect(mentionsOf('Troops shelled Syria.')).toEqual([['Syria', 'syria']]);
  });
});

describe('what a key can match', () => {
  it('a state the dataset lacks carries its ISO3 code, and a group of it rolls up to it', () => {
    const gazetteer = buildGazetteer(miniDataset());
    const text = 'Police in Mombasa arrested Sudanese rebels.';
    const ids = findMentions(text, foldText(text), gazetteer).map((m) => m.actorId);
    expect(ids).toEqual(['kenya', 'sudanese-rebels']);
    expect(gazetteer.actors.get('kenya')).toMatchObject({ kind: 'state', isNew: true, code: 'KEN' });
    expect(rollUp(gazetteer, 'sudanese-rebels')).toBe('sudan');
    expect(gazetteer.actors.get('sudan')!.code).toBe('SDN');
  });
});
