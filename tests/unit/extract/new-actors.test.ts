import { beforeAll, describe, expect, test } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { proposeNewActors, winkTagger, type NewActorProposal, type Tagger } from '../../../src/lib/core/extract/new-actors';
import { buildGazetteer } from '../../../src/lib/core/extract/gazetteer';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

let tagger: Tagger;
const dataset = miniDataset();
const gazetteer = buildGazetteer(dataset);

beforeAll(() => {
  tagger = winkTagger(winkNLP(model, ['sbd', 'pos']));
});

const propose = (text: string) => proposeNewActors(text, gazetteer, tagger);
const byLabel = (proposals: NewActorProposal[], label: string) => proposals.find((p) => p.label === label);

describe('new-actor proposals', () => {
  test('a person after a title, affiliated with the state its demonym names, with the offsets of every mention', () => {
    const text = 'Russian Foreign Minister Sergei Lavrov arrived in Yerevan. Lavrov met Nikol Pashinyan.';
    const lavrov = byLabel(propose(text), 'Sergei Lavrov');
    expect(lavrov).toMatchObject({ id: 'sergei-lavrov', kind: 'person', affiliation: 'russia', cue: 'title' });
    expect(lavrov!.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Sergei Lavrov', 'Lavrov']);
  });

  test('an organisation named after a possessive state is a body of that state', () => {
    const text = "Azerbaijan's Ministry of Defence said Armenian forces had opened fire.";
    expect(byLabel(propose(text), 'Ministry of Defence')).toMatchObject({ kind: 'organisation', affiliation: 'azerbaijan', cue: 'organisation word' });
  });

  test('a body named after "of" and a known state or organisation takes it into its label and as its affiliation', () => {
    const proposals = propose('Armenia applied to the Secretariat of the CSTO on Monday. The Ministry of Defence of Armenia agreed.');
    expect(byLabel(proposals, 'Secretariat of the CSTO')).toMatchObject({ kind: 'organisation', affiliation: 'csto' });
    expect(byLabel(proposals, 'Ministry of Defence of Armenia')).toMatchObject({ kind: 'organisation', affiliation: 'armenia' });
  });

  test('a demonym written into a body’s name stays in its label; a liberation front is a group', () => {
    const proposals = propose('The Armenian National Congress criticised the government. The Lezgin Liberation Front denied it.');
    expect(byLabel(proposals, 'Armenian National Congress')).toMatchObject({ kind: 'organisation', affiliation: 'armenia' });
    expect(byLabel(proposals, 'Lezgin Liberation Front')).toMatchObject({ kind: 'group' });
  });

  test('a name after "in" is a place, affiliated with the state after a comma', () => {
    const proposals = propose('Officials in Stepanakert said the shelling of Goris, Armenia, went on overnight.');
    expect(byLabel(proposals, 'Stepanakert')).toMatchObject({ id: 'stepanakert', kind: 'region', cue: 'place cue' });
    expect(byLabel(proposals, 'Goris')).toMatchObject({ kind: 'region', affiliation: 'armenia' });
  });

  test('a new place in no known state is proposed and marked, but takes part in no relation until it is placed', () => {
    const text = 'Armenia rejected an offer from Afganistan.';
    const place = { id: 'afganistan', label: 'Afganistan', kind: 'region' as const, affiliation: null };
    const unplaced = extractCandidates(text, dataset, { published: '2021-05-13', extraActors: [place] });
    expect(unplaced.newActors).toContainEqual(place);
    expect(unplaced.mentions.map((m) => m.actorId)).toContain('afganistan');
    expect(unplaced.candidates.filter((c) => c.subject === 'afganistan' || c.object === 'afganistan')).toEqual([]);
    const placed = extractCandidates(text, dataset, { published: '2021-05-13', extraActors: [{ ...place, affiliation: 'russia' }] });
    expect(placed.candidates).toContainEqual(expect.objectContaining({ subject: 'armenia', object: 'afganistan', type: 'rejection' }));
  });

  test('a new person or party takes the one state its sentence calls home, not a state it acts on', () => {
    expect(byLabel(propose('President Abdou Diallo threatened to ban Senegalese opposition parties.'), 'Abdou Diallo')).toMatchObject({ kind: 'person', affiliation: 'senegal' });
    expect(byLabel(propose('Prime Minister Abdou Diallo opened an inquiry into officials in Senegal.'), 'Abdou Diallo')).toMatchObject({ affiliation: 'senegal' });
    expect(byLabel(propose('President Abdou Diallo warned Senegal.'), 'Abdou Diallo')).toMatchObject({ affiliation: null });
    expect(byLabel(propose('President Abdou Diallo met Senegalese and Malian envoys.'), 'Abdou Diallo')).toMatchObject({ affiliation: null });
  });

  test('a place the text calls one is proposed; a major city takes its state', () => {
    const proposals = propose('Shelling hit the Martuni district overnight. Crowds gathered in Mombasa.');
    expect(byLabel(proposals, 'Martuni')).toMatchObject({ id: 'martuni', kind: 'region', affiliation: null });
    expect(byLabel(proposals, 'Mombasa')).toMatchObject({ kind: 'region', affiliation: 'kenya' });
  });

  test('a two-word name outside the dictionary is a person; an apposition gives the affiliation', () => {
    const proposals = propose('Hikmet Hajiyev, an Azerbaijani presidential adviser, rejected the claim.');
    expect(byLabel(proposals, 'Hikmet Hajiyev')).toMatchObject({ kind: 'person', affiliation: 'azerbaijan', cue: 'name' });
  });

  test('no proposal for actors the gazetteer knows, nor for ordinary words capitalised at a sentence start', () => {
    const text = [
      'Meanwhile Armenia and Azerbaijan traded blame. Officials said the CSTO would meet.',
      'Prime Minister Nikol Pashinyan spoke. However, Pashinyan left. Emergency Relief was sent. Russian troops stayed in Syunik.',
    ].join('\n\n');
    expect(propose(text)).toEqual([]);
  });

  test('given as extra actors, the proposals keep their ids and take part in relations', () => {
    const text = "Azerbaijan's Ministry of Defence accused Armenia of shelling. Russian Foreign Minister Sergei Lavrov called for a ceasefire.";
    const proposals = propose(text);
    const extraction = extractCandidates(text, dataset, { published: '2023-03-08', extraActors: proposals });
    const ministry = byLabel(proposals, 'Ministry of Defence')!;
    expect(extraction.candidates.some((c) => c.subject === ministry.id && c.object === 'armenia' && c.type === 'accusation')).toBe(true);
    expect(extraction.mentions.filter((m) => m.actorId === ministry.id).map((m) => m.start)).toEqual(ministry.mentions.map((m) => m.start));
    expect(extraction.newActors.map((a) => a.id)).toEqual(expect.arrayContaining(proposals.map((p) => p.id)));
  });

  test('the wink tagger’s offsets are the text’s, across paragraphs and quotes', () => {
    const text = 'He said: “Baku lied.”\n\nThen — at 5 p.m. — Ms. Ivanova left.';
    const { tokens } = tagger.tag(text);
    for (const t of tokens) expect(t.end).toBeLessThanOrEqual(text.length);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toContain('Ivanova');
    expect(byLabel(propose(text), 'Ivanova')).toMatchObject({ kind: 'person' });
  });
});
