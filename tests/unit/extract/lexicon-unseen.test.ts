import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { type } from '../helpers';
import { miniDataset } from './fixture';

/** The mini dataset plus the types it leaves out, so every lexicon class can fire. */
function fullDataset() {
  const dataset = miniDataset();
  return { ...dataset, types: [...dataset.types, ...['concession', 'mobilisation', 'fact_finding'].map((id) => type(id, 'event', true))] };
}
const extract = (text: string) => extractCandidates(text, fullDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const ofType = (text: string, wanted: string) => triples(text).filter(([, t]) => t === wanted);

describe('releases, handovers and lifted sieges (PLOVER RETREAT, CAMEO 084 and 0872)', () => {
  it('reads prisoners or sailors released, freed or returned as retreat, releaser to their state', () => {
    expect(triples('Azerbaijan released 15 Armenian soldiers on Wednesday.')).toEqual([['azerbaijan', 'retreat', 'armenia']]);
    expect(triples('Azerbaijan returned the bodies of Armenian soldiers.')).toEqual([['azerbaijan', 'retreat', 'armenia']]);
    expect(ofType('Azerbaijan lifted the blockade of Armenia.', 'retreat')).toEqual([['azerbaijan', 'retreat', 'armenia']]);
  });

  it('does not read a statement or a report released as a release', () => {
    expect(ofType('Azerbaijan released a statement on Armenia.', 'retreat')).toEqual([]);
    expect(ofType('Azerbaijan released a report on Armenian losses.', 'retreat')).toEqual([]);
  });

  it('keeps a release denied or only promised apart from one done', () => {
    expect(extract('Azerbaijan did not release Armenian soldiers.').every((c) => c.modality === 'denied')).toBe(true);
    expect(triples('Azerbaijan agreed to release Armenian soldiers.')).toEqual([['azerbaijan', 'commitment', 'armenia']]);
  });
});

describe('threats read from vows of punishment and from promises of coercion', () => {
  it('reads vowing to hunt down or punish as a threat, not a commitment', () => {
    expect(triples('Azerbaijan vowed to hunt down Armenian saboteurs.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
  });

  it('reads "would consider cutting gas supplies" as one threat and no commitment', () => {
    expect(triples('Russia said it would consider cutting gas supplies to Armenia.')).toEqual([['russia', 'threat', 'armenia']]);
    expect(triples('Russia vowed to cut off electricity to Armenia.')).toEqual([['russia', 'threat', 'armenia']]);
  });

  it('keeps a cooperative promise a commitment', () => {
    expect(triples('Russia vowed to resume talks with Armenia.')).toEqual([['russia', 'commitment', 'armenia']]);
  });
});

describe('accusations by branding, aid supplied "with", judicial handovers, crowds, visits and talks', () => {
  it('reads branding or describing as a crime as an accusation of the one described', () => {
    expect(triples('Armenia branded Azerbaijan an aggressor.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(ofType('Armenia described the Azerbaijani shelling as a war crime.', 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
  });

  it('reads "provided Y with helicopters" as aid to Y, but not when it is only promised', () => {
    expect(triples('Russia provided Armenia with helicopters and fuel.')).toEqual([['russia', 'aid', 'armenia']]);
    expect(ofType('Russia would provide Armenia with helicopters.', 'aid')).toEqual([]);
    expect(triples('Russia sent doctors to Armenia.')).toEqual([['russia', 'aid', 'armenia']]);
  });

  it('reads handing suspects over as cooperation, and "X joined Y in a deed" as both doing it', () => {
    expect(triples('Armenia handed over three suspects to Russia.')).toEqual([['armenia', 'cooperation', 'russia']]);
    expect(triples('Armenia joined Russia in condemning Azerbaijan.')).toEqual([
      ['armenia', 'accusation', 'azerbaijan'],
      ['russia', 'accusation', 'azerbaijan'],
    ]);
    // joining an organisation stays membership
    expect(triples('Armenia joined the CSTO.')).toEqual([['armenia', 'membership', 'csto']]);
  });

  it('reads crowds that march or riot as protesting, with no purpose phrase needed', () => {
    expect(ofType('Thousands of Armenians marched in Baku.', 'protest').length).toBe(1);
    expect(ofType('Armenian students rioted in Baku.', 'protest').length).toBe(1);
    // soldiers marching are no protest
    expect(ofType('Armenian soldiers marched into Syunik.', 'protest')).toEqual([]);
  });

  it('reads a visit paid, and talks held with someone, as visit and meeting', () => {
    expect(triples('Pashinyan paid a three-day visit to Russia.')).toEqual([['nikol-pashinyan', 'visit', 'russia']]);
    expect(triples('Pashinyan flew to Russia for talks.')).toEqual([['nikol-pashinyan', 'visit', 'russia']]);
    expect(ofType('Armenia exchanged views with Russia.', 'meeting')).toEqual([['armenia', 'meeting', 'russia']]);
  });

  it('takes the next actor when the object named is the subject itself ("the release of Chinese fishermen held by Japan")', () => {
    expect(ofType('Armenia called for the release of Armenian soldiers held by Azerbaijan.', 'demand')).toEqual([['armenia', 'demand', 'azerbaijan']]);
  });
});

describe('what a protest demands, and borders shared', () => {
  it('codes the demand of a protest with the protest, not as a demand of its own', () => {
    expect(ofType('Thousands of Armenians demonstrated in Yerevan calling for the resignation of Pashinyan.', 'demand')).toEqual([]);
    expect(ofType('Thousands of Armenians demonstrated in Yerevan calling for the resignation of Pashinyan.', 'protest').length).toBe(1);
    // a demand said by someone else, in a clause of its own, stays a demand
    expect(ofType('Armenians protested in Baku and Russia later said Azerbaijan must withdraw.', 'demand')).toContainEqual(['russia', 'demand', 'azerbaijan']);
  });

  it('reads a state a border is shared with as where, not as the object', () => {
    expect(triples('Armenia rejected a CSTO appeal for deploying troops along its borders with Azerbaijan.')).toEqual([['armenia', 'rejection', 'csto']]);
    expect(triples('Russia urged Armenia to deploy troops along its border with Azerbaijan.').filter(([, , o]) => o === 'azerbaijan')).toEqual([]);
  });
});

describe('nouns that look like violent verbs, and deeds only decided', () => {
  it('reads "the wounded" and "a series of bombs" as nouns, not as the actor before them attacking', () => {
    expect(ofType('Russia evacuated the wounded from Syunik.', 'attack')).toEqual([]);
    expect(ofType('Azerbaijani saboteurs seized Armenian advisers and exploded a series of bombs in Yerevan.', 'attack').filter(([s]) => s === 'armenia')).toEqual([]);
    // the verb keeps its reading
    expect(ofType('Azerbaijan bombs Armenian villages every night.', 'attack')).toEqual([['azerbaijan', 'attack', 'armenia']]);
  });

  it('does not report a deed named as a decision or a plan as done', () => {
    expect(ofType('Russia criticised the decision of sending troops to Azerbaijan.', 'mobilisation')).toEqual([]);
  });
});

describe('refusals without "reject"', () => {
  it('reads ruling out talks, declining an invitation, ignoring calls and "would not accept" as rejection', () => {
    expect(triples('Armenia ruled out talks with Azerbaijan.')).toEqual([['armenia', 'rejection', 'azerbaijan']]);
    expect(triples('Azerbaijan declined a Russian invitation.')).toEqual([['azerbaijan', 'rejection', 'russia']]);
    expect(triples('Azerbaijan ignored Russian calls for restraint.')).toEqual([['azerbaijan', 'rejection', 'russia']]);
    expect(triples('Armenia would not accept the Russian plan.')).toEqual([['armenia', 'rejection', 'russia']]);
    // accepting without a negation stays a commitment, and "would not rule out" stays a threat
    expect(triples('Armenia will accept the Russian plan.')).toEqual([['armenia', 'commitment', 'russia']]);
    expect(triples('Russia would not rule out the use of force against Azerbaijan.')).toEqual([['russia', 'threat', 'azerbaijan']]);
  });
});

describe('support, cooperation, talks and retreat in other words', () => {
  it('reads calling someone a friend and sending condolences as support', () => {
    expect(triples('Russia described Armenia as a close friend.')).toEqual([['russia', 'support', 'armenia']]);
    expect(triples('Russia sent condolences to Armenia.')).toEqual([['russia', 'support', 'armenia']]);
    expect(ofType('Russia described Armenia as a former ally.', 'support')).toEqual([]);
  });

  it('reads expanded trade or ties as undirected cooperation, and a phone talk as a meeting', () => {
    expect(triples('Armenia expanded trade with Russia.')).toEqual([['armenia', 'cooperation', 'russia']]);
    expect(triples('Pashinyan spoke by phone with Russia.')).toEqual([['nikol-pashinyan', 'meeting', 'russia']]);
  });

  it('reads an occupation ended as retreat', () => {
    expect(triples('Russia ended its occupation of Syunik.')).toEqual([['russia', 'retreat', 'syunik']]);
  });
});

describe('threats of a response or consequences, and embassies closed', () => {
  it('reads a crushing response promised, consequences foretold and steps against someone as threats', () => {
    expect(triples('Azerbaijan promised a crushing response to Armenia.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(triples('Russia said there would be consequences for Armenia.')).toEqual([['russia', 'threat', 'armenia']]);
    expect(triples('Russia said it would take steps against Armenia.')).toEqual([['russia', 'threat', 'armenia']]);
  });

  it('reads an embassy closed as revocation, and one only announced as a threat', () => {
    expect(triples('Russia closed its embassy in Armenia.')).toEqual([['russia', 'revocation', 'armenia']]);
    expect(triples('Russia said it would close its embassy in Armenia.')).toEqual([['russia', 'threat', 'armenia']]);
  });
});
