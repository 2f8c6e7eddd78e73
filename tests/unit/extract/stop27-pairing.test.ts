import { beforeAll, describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { proposeNewActors, winkTagger, type Tagger } from '../../../src/lib/core/extract/new-actors';
import { buildGazetteer } from '../../../src/lib/core/extract/gazetteer';
import { miniDataset } from './fixture';

const run = (text: string, published = '2025-05-07') => extractCandidates(text, miniDataset(), { published }).candidates;
const triples = (text: string) => run(text).map((c) => [c.subject, c.type, c.object]);

describe('who is hurt by a deed of two sides, or of someone accused', () => {
  it('reads no attack on either state’s own civilians from a two-sided exchange of fire', () => {
    const found = triples('Indian and Pakistani troops exchanged fire along the border on Tuesday, killing 12 civilians.');
    expect(found).toContainEqual(['india', 'conflict', 'pakistan']);
    expect(found.filter(([, type]) => type === 'attack')).toEqual([]);
  });

  it('does not make the accuser the doer of the deed he accuses others of', () => {
    const found = triples('Sudanese army chief Ahmed Ali vowed to defeat the militia, which the Sudanese government accused of attacking civilians in Darfur.');
    expect(found.filter(([, type]) => type === 'attack')).toEqual([]);
  });
});

describe('pairs of telling, handing over and possessives inside a cue', () => {
  it('gives the veto in "warned Turkey it would veto its EU bid" to the one warning, against Turkey', () => {
    const found = triples('France warned Turkey it would veto its EU bid.');
    expect(found).toContainEqual(['france', 'threat', 'turkey']);
    expect(found).not.toContainEqual(['turkey', 'threat', 'european-union']);
    expect(found.some(([s, , o]) => s === 'turkey' || o === 'european-union')).toBe(false);
  });

  it('pairs an extradition with the state receiving the person, not the person’s own state', () => {
    const found = triples('Spain extradited Russian businessman Ivan Petrov to France on Tuesday.');
    expect(found).toContainEqual(['france', 'cooperation', 'spain']);
    expect(found.some(([s, , o]) => s === 'russia' || o === 'russia')).toBe(false);
  });

  it('reads "expressed Egypt’s support for Sudan" as support for Sudan, not for Egypt', () => {
    const found = triples("Egyptian President Abdel Fattah al-Sisi spoke by phone with Kenya on Wednesday and expressed Egypt's support for Sudan's state institutions.");
    expect(found.some(([, type, o]) => type === 'support' && o === 'sudan')).toBe(true);
    expect(found.some(([, type, o]) => type === 'support' && o === 'egypt')).toBe(false);
  });
});

describe('"the three countries" are the three states named before', () => {
  it('fans an invitation out to the three states of the previous sentence, not to the inviter', () => {
    const found = triples('Ministers from Germany, France and Poland met in Berlin on Monday. Britain invited the three countries to a summit in London.');
    const invited = found.filter(([s, , o]) => s === 'united-kingdom' || o === 'united-kingdom');
    expect(invited.length).toBe(3);
    for (const state of ['germany', 'france', 'poland']) expect(invited.some(([s, , o]) => s === state || o === state)).toBe(true);
  });
});

describe('affiliation of a titled person without a demonym', () => {
  let tagger: Tagger;
  beforeAll(() => {
    tagger = winkTagger(winkNLP(model, ['sbd', 'pos']));
  });

  it('makes a Secretary of State American, and not the state of the minister he met', () => {
    const gazetteer = buildGazetteer(miniDataset());
    const proposals = proposeNewActors('Secretary of State Marco Rubio met Indian Foreign Minister Subrahmanyam Jaishankar on Monday.', gazetteer, tagger);
    expect(proposals.find((p) => p.label === 'Marco Rubio')?.affiliation).toBe('united-states');
    expect(proposals.find((p) => p.label === 'Subrahmanyam Jaishankar')?.affiliation).toBe('india');
  });
});
