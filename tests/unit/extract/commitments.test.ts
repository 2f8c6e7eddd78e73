import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';
import { type } from '../helpers';

const extract = (text: string, dataset = miniDataset()) => extractCandidates(text, dataset, { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const modalities = (text: string) => extract(text).map((c) => [c.type, c.modality]);

describe('commitments to act (CAMEO 03, PLOVER AGREE)', () => {
  it('reads agreeing, pledging and promising to do something as a commitment to the party it concerns, not as the deed', () => {
    // the withdrawal is announced, not done: no retreat
    expect(triples('Russia agreed to withdraw its troops from Armenia.')).toEqual([['russia', 'commitment', 'armenia']]);
    expect(triples('Azerbaijan pledged to lift its blockade of Armenia.')).toEqual([['azerbaijan', 'commitment', 'armenia']]);
    expect(triples('Armenia promised to release the Azerbaijani prisoners.')).toEqual([['armenia', 'commitment', 'azerbaijani-prisoners']]); // a group of Azerbaijan (generic-actors.ts)
  });

  it('reads willingness, "will allow" and accepting a plan as commitments', () => {
    expect(triples('Azerbaijan says it is willing to resume talks with Armenia.')).toContainEqual(['azerbaijan', 'commitment', 'armenia']);
    expect(triples('Armenia said it would allow Russian inspectors into the region.')).toEqual([['armenia', 'commitment', 'russia']]);
    expect(triples('Azerbaijan accepted a Russian proposal for ending the dispute.')).toEqual([['azerbaijan', 'commitment', 'russia']]);
  });

  it('keeps an offer of material aid an aid_offer and a vow of retaliation a threat', () => {
    expect(triples('Russia agreed to provide weapons to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Azerbaijan vowed to retaliate against Armenia.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
  });

  it('flags a negated commitment and drops one that was refused', () => {
    expect(modalities('Azerbaijan has not agreed to withdraw from Syunik.')).toEqual([['commitment', 'denied']]);
    expect(triples('Armenia refused to accept the Russian plan.')).toEqual([['armenia', 'rejection', 'russia']]);
  });
});

describe('aid delivered (CAMEO 07, PLOVER AID)', () => {
  it('reads aid given or asylum granted as aid, giver to recipient', () => {
    expect(triples('Russia sent food aid to Armenia.')).toEqual([['russia', 'aid', 'armenia']]);
    expect(triples('Russia is providing weapons and intelligence to Armenia.')).toEqual([['russia', 'aid', 'armenia']]);
    expect(triples('Armenia granted political asylum to Azerbaijani journalists.')).toEqual([['armenia', 'aid', 'azerbaijani-journalists']]);
  });

  it('keeps aid announced for the future, or agreed, an offer, and drops aid denied', () => {
    expect(triples('Russia will send weapons and ammunition to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Russia agreed to send weapons and ammunition to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    // a negated delivery is dropped, not asserted
    expect(triples('Russia has not sent aid to Armenia.')).toEqual([]);
  });
});

describe('deeds still to come: conditions, limits and coordinated infinitives', () => {
  const found = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

  it('does not assert a deed set as a condition or limit ("before they withdraw", "until Y attacks")', () => {
    expect(found('Armenia said Pashinyan must resign before Azerbaijan withdraws from Syunik.').filter(([, type]) => type === 'retreat')).toEqual([]);
    expect(found('Armenia will wait until Azerbaijan attacks Syunik.').filter(([, type]) => type === 'attack')).toEqual([]);
  });

  it('keeps a deed that happened before another', () => {
    expect(found('Azerbaijan attacked Syunik before Armenia responded.')).toContainEqual(['azerbaijan', 'attack', 'syunik']);
  });

  it('reads the second of two governed infinitives as governed too', () => {
    const dataset = miniDataset();
    dataset.types.push(type('mobilisation', 'event', true));
    const text = 'Russia called on Armenians to unite and mobilize against Azerbaijan.';
    expect(extractCandidates(text, dataset, { published: '2021-05-13' }).candidates.filter((c) => c.type === 'mobilisation')).toEqual([]);
  });
});
