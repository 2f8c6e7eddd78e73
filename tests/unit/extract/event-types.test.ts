import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string, dataset = miniDataset()) => extractCandidates(text, dataset, { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const modalities = (text: string) => extract(text).map((c) => [c.type, c.modality]);

describe('protest, coercion, withdrawal and cooperation', () => {
  it('reads demonstrations against an actor as protest, and keeps a lodged formal protest an accusation', () => {
    // The students are a group of their own, affiliated with Armenia (generic-actors.ts), not the state.
    expect(triples('Armenian students demonstrated against Azerbaijan in the capital.')).toEqual([['armenian-students', 'protest', 'azerbaijan']]);
    expect(triples('Thousands of Armenians staged a rally outside the Russian embassy.')).toContainEqual(['armenia', 'protest', 'russia']);
    expect(triples('Armenia lodged a formal protest with Azerbaijan.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
  });

  it('reads arrests, bans and demolitions as coercion, and swaps the sides in the passive with "by"', () => {
    expect(triples('Azerbaijani police arrested three Armenian soldiers.')).toEqual([['azerbaijan', 'coercion', 'armenia']]);
    expect(triples('Russian citizens were detained by Azerbaijan on Tuesday.')).toEqual([['azerbaijan', 'coercion', 'russia']]);
    expect(triples('Azerbaijani bulldozers demolished Armenian homes.')).toEqual([['azerbaijan', 'coercion', 'armenia']]);
  });

  it('reads troops pulled back or withdrawn from a place as retreat, subject first', () => {
    expect(triples('Russia withdrew its troops from Armenia.')).toEqual([['russia', 'retreat', 'armenia']]);
    expect(triples("Azerbaijan's forces pulled back from Syunik.")).toEqual([['azerbaijan', 'retreat', 'syunik']]);
    expect(triples('Russia announced the withdrawal of its troops from Armenia.')).toEqual([['russia', 'retreat', 'armenia']]);
    expect(triples('Azerbaijan declared a unilateral ceasefire in Syunik.')).toEqual([['azerbaijan', 'retreat', 'syunik']]);
    // halting an offensive de-escalates; the longer cue wins over the attack cue inside it
    expect(triples('Russia halted its offensive against Armenia.')).toEqual([['russia', 'retreat', 'armenia']]);
  });

  it('reads practical cooperation as an undirected cooperation, parties in alphabetical order', () => {
    expect(triples('Russia and Armenia cooperate closely on border security.')).toEqual([['armenia', 'cooperation', 'russia']]);
    // agreeing to cooperate is a commitment (PLOVER AGREE), not cooperation yet: each of the two commits to the other
    expect(triples('Russia and Armenia agreed to cooperate on border security.')).toEqual([
      ['russia', 'commitment', 'armenia'],
      ['armenia', 'commitment', 'russia'],
    ]);
    expect(triples('Russia shares intelligence with Armenia.')).toEqual([['armenia', 'cooperation', 'russia']]);
    expect(triples('Azerbaijan extradited the suspect to Russia.')).toEqual([['azerbaijan', 'cooperation', 'russia']]);
  });

  it('reads vows of retaliation and moves to impose sanctions as threats, and "called for" as a demand', () => {
    expect(triples('Azerbaijan vowed to retaliate against Armenia.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(triples('Russia is preparing to impose sanctions on Azerbaijan.')).toEqual([['russia', 'threat', 'azerbaijan']]);
    expect(triples('Armenia called for the return of Azerbaijan to the talks.')).toContainEqual(['armenia', 'demand', 'azerbaijan']);
  });

  it('reads opposition, defiance and reneging as rejection, and apologies as support', () => {
    expect(triples('Armenia opposed the deployment proposed by Azerbaijan.')).toContainEqual(['armenia', 'rejection', 'azerbaijan']);
    expect(triples('Azerbaijan reneged on its commitment to Russia.')).toEqual([['azerbaijan', 'rejection', 'russia']]);
    expect(triples('Armenia apologized to Russia for the incident.')).toEqual([['armenia', 'support', 'russia']]);
  });

  it('does not read "an offer from X" as an offer of aid by the subject', () => {
    expect(triples('Armenia rejected an offer from Azerbaijan for talks.')).toEqual([['armenia', 'rejection', 'azerbaijan']]);
    expect(triples('Russia offered to help Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('keeps negation and conditionals as modality, not assertions', () => {
    expect(modalities('Russia did not withdraw its troops from Armenia.')).toEqual([['retreat', 'denied']]);
    // an arrest announced on a condition is a threat of it (CAMEO 132), still conditional
    expect(modalities('Azerbaijan would arrest Armenian soldiers if they crossed the border.')).toEqual([['threat', 'conditional']]);
    expect(modalities('Azerbaijani police may have arrested Armenian soldiers.')).toEqual([['coercion', 'conditional']]);
  });

  it('proposes none of them to a dataset whose vocabulary lacks them', () => {
    const dataset = miniDataset();
    const without = { ...dataset, types: dataset.types.filter((t) => !['protest', 'coercion', 'retreat', 'cooperation'].includes(t.id)) };
    expect(extract('Russia withdrew its troops from Armenia. Azerbaijani police arrested Armenian soldiers.', without).map((c) => c.type)).toEqual([]);
  });
});

describe('nominalised cues, talks between two parties, and hosting', () => {
  it('reads "the arrest of ... by X" with X as the doer, as in the passive', () => {
    expect(triples('Azerbaijan condemned the arrest of its citizens by Armenia.')).toContainEqual(['armenia', 'coercion', 'azerbaijan']);
  });

  it('reads "talks between X and Y" as their meeting, and "X hosted Y" as a visit by Y to X', () => {
    expect(triples('Talks between Armenia and Azerbaijan resumed.')).toEqual([['armenia', 'meeting', 'azerbaijan']]);
    expect(triples('Russia hosted Pashinyan in Moscow.')).toEqual([['nikol-pashinyan', 'visit', 'russia']]);
  });
});
