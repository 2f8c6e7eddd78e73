import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { type } from '../helpers';
import { miniDataset } from './fixture';

/** Sentences written for these tests, in the manner of wire copy; none comes from a benchmark. */
function fullDataset() {
  const dataset = miniDataset();
  return { ...dataset, types: [...dataset.types, ...['concession', 'mobilisation', 'fact_finding'].map((id) => type(id, 'event', true))] };
}
const extract = (text: string) => extractCandidates(text, fullDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const ofType = (text: string, wanted: string) => triples(text).filter(([, t]) => t === wanted);

describe('what a speaker says of another (unseen lexicon: patient predicates)', () => {
  it('reads "X said Y was responsible / behind / had violated" as X accusing Y', () => {
    expect(ofType('Armenia said Azerbaijan was responsible for the shelling of Goris.', 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(ofType('Russia said on Monday that Azerbaijan was behind the attack.', 'accusation')).toEqual([['russia', 'accusation', 'azerbaijan']]);
    expect(ofType("Armenia's foreign ministry said Azerbaijan had violated the ceasefire.", 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
  });

  it('reads "Y would pay a heavy price", said or warned, as a threat to Y', () => {
    expect(ofType('Russia warned that Azerbaijan would pay a heavy price for any incursion.', 'threat')).toContainEqual(['russia', 'threat', 'azerbaijan']);
    expect(ofType('Azerbaijan will pay a heavy price, Pashinyan warned.', 'threat')).toEqual([['nikol-pashinyan', 'threat', 'azerbaijan']]);
  });

  it('asserts nothing when no one is said to say it', () => {
    expect(ofType('Azerbaijan was responsible for the shelling.', 'accusation')).toEqual([]);
    expect(ofType('Azerbaijan would pay a heavy price.', 'threat')).toEqual([]);
  });
});

describe('speakers at the end of the sentence or after a quotation', () => {
  it('gives "Y must ..., X said" and a quoted call to the one who says it', () => {
    expect(ofType('Azerbaijan must withdraw its troops from Syunik, Pashinyan said on Sunday.', 'demand')).toEqual([['nikol-pashinyan', 'demand', 'azerbaijan']]);
    expect(ofType('"We call on Azerbaijan to withdraw immediately," Pashinyan told reporters.', 'demand')).toEqual([['nikol-pashinyan', 'demand', 'azerbaijan']]);
  });

  it('takes no unnamed witnesses for the speaker, and no speaker for a request about their own state', () => {
    expect(ofType('Azerbaijan must withdraw, witnesses said.', 'demand')).toEqual([]);
    expect(ofType('"We asked for help in defending Armenia," Pashinyan said.', 'request_aid')).toEqual([]);
  });
});

describe('threats in other words', () => {
  it('reads answers promised to an attack, vowed destruction and deeds announced on a condition as threats', () => {
    expect(ofType('Russia said it would respond to any Azerbaijani attack.', 'threat')).toContainEqual(['russia', 'threat', 'azerbaijan']);
    expect(ofType('Azerbaijan vowed to wipe Armenia off the map.', 'threat')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(ofType('Russia said it would stop the gas unless Armenia paid its debts.', 'threat')).toContainEqual(['russia', 'threat', 'armenia']);
  });

  it('reads a border closed, or to be closed, against the neighbour it is shared with', () => {
    expect(ofType('Azerbaijan may close its border with Armenia, officials said.', 'threat')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(ofType('Azerbaijan closed its border with Armenia.', 'blockade')).toEqual([['azerbaijan', 'blockade', 'armenia']]);
  });
});

describe('pairing: titles, places, coordination, "each other"', () => {
  it('reads the state before a titled person as whose they are, not as a second party to the talks', () => {
    const meetings = ofType("Russia's Foreign Minister Sergei Lavrov met Pashinyan on Monday.", 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toContain('nikol-pashinyan');
    expect(meetings.flat()).not.toContain('russia');
  });

  it('skips the place a subject travelled to, and the venue of parties already listed', () => {
    expect(ofType('Pashinyan arrived in Moscow on Tuesday for talks with Guterres.', 'meeting')).toEqual([['antonio-guterres', 'meeting', 'nikol-pashinyan']]);
    expect(ofType('Armenia and Azerbaijan held a fresh round of talks in Moscow.', 'meeting')).toEqual([['armenia', 'meeting', 'azerbaijan']]);
  });

  it('binds each of several who act on "each other", and gives a bare "and" verb the first subject', () => {
    expect(ofType('Armenia and Azerbaijan accused each other of violating the truce.', 'accusation')).toEqual([
      ['armenia', 'accusation', 'azerbaijan'],
      ['azerbaijan', 'accusation', 'armenia'],
    ]);
    expect(ofType("Armenia rejected Russia's proposal as one-sided and accused Azerbaijan of shelling Syunik.", 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
  });
});

describe('aid, withdrawal, protest, support and accusation in other words', () => {
  it('reads goods sent across a number with a decimal point, and arming, as aid', () => {
    expect(ofType('Russia sent 1.5 million tonnes of wheat to Armenia.', 'aid')).toEqual([['russia', 'aid', 'armenia']]);
    expect(ofType('Russia supplied Armenia with fighter jets.', 'aid')).toEqual([['russia', 'aid', 'armenia']]);
    expect(ofType('Russia would supply Armenia with fighter jets.', 'aid')).toEqual([]);
  });

  it('reads troops pulled back from a border, or out of a place, as withdrawal and not as expulsion', () => {
    expect(ofType('Azerbaijan pulled back its troops from the border with Armenia.', 'retreat')).toEqual([['azerbaijan', 'retreat', 'armenia']]);
    expect(ofType('Azerbaijani forces pulled out of Syunik on Friday.', 'revocation')).toEqual([]);
  });

  it('reads stones thrown and a protest past its venue as protest against its target', () => {
    expect(ofType('Armenian students hurled stones at the Azerbaijani embassy.', 'protest').map(([, , o]) => o)).toEqual(['azerbaijan']);
    expect(ofType('Thousands of Armenians protested in Yerevan against the Azerbaijani blockade.', 'protest').map(([, , o]) => o)).toEqual(['azerbaijan']);
  });

  it('reads a state defended in words as support, but not a place defended in battle', () => {
    expect(ofType('Russia defended Armenia at the Security Council.', 'support')).toEqual([['russia', 'support', 'armenia']]);
    expect(ofType('Armenian troops defended Syunik against Azerbaijani attacks.', 'support')).toEqual([]);
  });

  it('reads calling someone a terrorist state as an accusation, and a proposal that Y act as asking Y', () => {
    expect(ofType('Armenia called Azerbaijan a terrorist state.', 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(ofType('Russia proposed that Azerbaijan hold talks next month.', 'demand')).toEqual([['russia', 'demand', 'azerbaijan']]);
  });
});

describe('addressees, complaints, interference and help sent', () => {
  it('reads a fronted letter to Y before "the X demanded" as X asking Y', () => {
    expect(ofType('In a letter to Armenia, the Kremlin demanded full access for the monitors.', 'demand')).toEqual([['russia', 'demand', 'armenia']]);
  });

  it('reads a complaint made to Y about something, and "Y had interfered" said by X, as accusations', () => {
    expect(ofType('Armenia complained to Russia about the shelling.', 'accusation')).toEqual([['armenia', 'accusation', 'russia']]);
    expect(ofType('Armenia told a news conference that Azerbaijan had grossly interfered in its affairs.', 'accusation')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
  });

  it('reads armed craft of a state as the state, and forces sent to help Y as aid to Y', () => {
    expect(ofType('Azerbaijani helicopters attacked Syunik.', 'attack')).toEqual([['azerbaijan', 'attack', 'syunik']]);
    expect(ofType('Russia sent a warship and 600 paratroopers to help Armenia.', 'aid')).toEqual([['russia', 'aid', 'armenia']]);
  });
});

describe('cooperation, invitations, troop cuts, ratification and sanctions faced', () => {
  it('reads joining forces as cooperation, and never reads a state joined as an organisation', () => {
    expect(ofType('Armenia and Russia joined forces to fight the rebels.', 'cooperation')).toEqual([['armenia', 'cooperation', 'russia']]);
    expect(ofType('Armenia joined Russia.', 'membership')).toEqual([]);
    expect(ofType('Armenia joined the CSTO.', 'membership')).toEqual([['armenia', 'membership', 'csto']]);
  });

  it('reads an invitation to visit as talks, troops cut as withdrawal, a treaty ratified as agreement', () => {
    expect(ofType('Russia invited Pashinyan to visit Moscow.', 'meeting')).toEqual([['nikol-pashinyan', 'meeting', 'russia']]);
    expect(ofType('Azerbaijan reduced its troops in Syunik.', 'retreat')).toEqual([['azerbaijan', 'retreat', 'syunik']]);
    expect(ofType('Armenia ratified the treaty with Russia.', 'agreement')).toEqual([['armenia', 'agreement', 'russia']]);
    expect(ofType('Armenia agreed with Russia to open the border.', 'commitment')).toEqual([['armenia', 'commitment', 'russia']]);
  });

  it('reads "Y faces sanctions", said by X, as X threatening Y', () => {
    expect(ofType('Azerbaijan faces sanctions, Russia warned.', 'threat')).toEqual([['russia', 'threat', 'azerbaijan']]);
  });
});

describe('domestic events: a group and its own state', () => {
  it('reads the government of the one state named as that state, and a group acting on no one named as acting on its state', () => {
    const rejections = ofType("Armenian opposition leaders rejected the government's offer of talks.", 'rejection');
    expect(rejections).toHaveLength(1);
    expect(rejections[0].slice(1)).toEqual(['rejection', 'armenia']);
    const threats = ofType('Armenian workers threatened to go on strike next week.', 'threat');
    expect(threats).toHaveLength(1);
    expect(threats[0][2]).toBe('armenia');
  });
});
