import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const found = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => found(text).map((c) => [c.subject, c.type, c.object]);
const modalities = (text: string, type: string) => found(text).filter((c) => c.type === type).map((c) => c.modality);

describe('threats (CAMEO 13)', () => {
  it('reads a demand with a penalty attached as a threat, not a bare demand', () => {
    const read = triples('Pashinyan told Azerbaijan to release the prisoners or face consequences.');
    expect(read).toContainEqual(['nikol-pashinyan', 'threat', 'azerbaijan']);
    expect(read).not.toContainEqual(['nikol-pashinyan', 'demand', 'azerbaijan']);
  });

  it('does not make a threat conditional for the "would" that says what is threatened', () => {
    expect(modalities('Russia warned that it would respond to any attack on Armenia.', 'threat')).toEqual(['asserted']);
    expect(modalities('Russia said it would review its military assistance to Armenia.', 'threat')).toEqual(['asserted']);
  });

  it('reads a warning that one plays with fire, that a move will not go unanswered, or patience run out, as a threat', () => {
    expect(triples('Russia said Armenia was playing with fire.')).toContainEqual(['russia', 'threat', 'armenia']);
    expect(triples("Russia said Armenia's move would not go unanswered.")).toContainEqual(['russia', 'threat', 'armenia']);
    expect(triples('Azerbaijan said its patience with Armenia had run out.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });

  it('reads readiness to respond to any provocation as a threat, not a commitment', () => {
    const read = triples('Azerbaijan said it was prepared to respond to any Armenian provocation.');
    expect(read).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(read).not.toContainEqual(['azerbaijan', 'commitment', 'armenia']);
  });

  it('still makes a threat that only may come conditional', () => {
    expect(modalities('Russia said it might review its military assistance to Armenia.', 'threat')).toEqual(['conditional']);
  });
});

describe('consultations (CAMEO 04)', () => {
  it('reads a briefing, and two leaders who spoke on a day, as a meeting', () => {
    expect(triples('Pashinyan briefed Russia on the situation.')).toContainEqual(['nikol-pashinyan', 'meeting', 'russia']);
    expect(triples('Putin and Pashinyan spoke on Monday.')).toContainEqual(['nikol-pashinyan', 'meeting', 'vladimir-putin']);
  });

  it('reads delegations sitting down for talks and leaders exchanging messages as a meeting', () => {
    expect(triples('Azerbaijani and Armenian delegations sat down for talks in Moscow.')).toContainEqual(['armenia', 'meeting', 'azerbaijan']);
    expect(triples('Pashinyan and Putin exchanged messages on the anniversary.')).toContainEqual(['nikol-pashinyan', 'meeting', 'vladimir-putin']);
  });
});

describe('accusations (CAMEO 11)', () => {
  it('reads a deed called a provocation, a complaint that, doubt cast on good faith and a retort as accusations', () => {
    expect(triples('Armenia called the Azerbaijani attack a provocation.')).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(triples('Armenia complained that Russia is not honouring its commitments.')).toContainEqual(['armenia', 'accusation', 'russia']);
    expect(triples("Pashinyan questioned Russia's commitment to Armenia's security.")).toContainEqual(['nikol-pashinyan', 'accusation', 'russia']);
    expect(triples('Armenia hit back at Russia over its failure to act.')).toContainEqual(['armenia', 'accusation', 'russia']);
  });

  it('reads what a deed is said to amount to, and obligations said to be failed, as accusations of its doer', () => {
    expect(triples("Armenia said Azerbaijan's actions amounted to ethnic cleansing.")).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(triples('Armenia said the Azerbaijani attack was a provocation.')).toContainEqual(['armenia', 'accusation', 'azerbaijan']);
    expect(triples('Armenia said Russia had failed to fulfil its obligations.')).toContainEqual(['armenia', 'accusation', 'russia']);
  });

  it('does not let a denial reach past the comma to the blaming that follows it', () => {
    expect(modalities('Armenia denied the charge, blaming Azerbaijan for the escalation.', 'accusation')).toEqual(['asserted']);
    expect(modalities('Armenia denied attacking Azerbaijan.', 'attack')).toEqual(['denied']);
  });
});

describe('cooperation (CAMEO 06)', () => {
  it('reads forces fighting alongside others as cooperation of the two, not a conflict between them', () => {
    const read = triples('Russian troops fought alongside Armenian forces.');
    expect(read).toContainEqual(['armenia', 'cooperation', 'russia']);
    expect(read).not.toContainEqual(['armenia', 'conflict', 'russia']);
    expect(triples('Russian troops have been fighting rebels alongside Armenian forces.')).toContainEqual(['armenia', 'cooperation', 'russia']);
  });

  it('reads cooperation stepped up by two parties, and detainees handed over, as cooperation', () => {
    expect(triples('Russia and Armenia stepped up security cooperation.')).toContainEqual(['armenia', 'cooperation', 'russia']);
    expect(triples('Armenian police arrested two Azerbaijani nationals and handed them over to Russia.')).toContainEqual(['armenia', 'cooperation', 'russia']);
    expect(triples('Russia and Armenia set up a joint commission.')).toContainEqual(['armenia', 'cooperation', 'russia']);
  });
});

describe('withdrawal and refusal to withdraw (CAMEO 087, 12)', () => {
  it('reads troops moved away and positions evacuated as a withdrawal', () => {
    expect(triples('Azerbaijan moved its troops away from the Armenian border.')).toContainEqual(['azerbaijan', 'retreat', 'armenia']);
    expect(triples('Azerbaijan evacuated its positions near the Armenian border.')).toContainEqual(['azerbaijan', 'retreat', 'armenia']);
  });

  it('reads a refusal to withdraw as a rejection, not a negated commitment', () => {
    const read = triples('Azerbaijan said it would not withdraw its troops from Armenia.');
    expect(read).toContainEqual(['azerbaijan', 'rejection', 'armenia']);
    expect(read).not.toContainEqual(['azerbaijan', 'commitment', 'armenia']);
  });
});

describe('protests (CAMEO 14)', () => {
  it('reads a march "to protest against" someone as a protest, not an accusation', () => {
    const read = triples('Armenians marched through Yerevan to protest against Russia.');
    expect(read).toContainEqual(['armenia', 'protest', 'russia']);
    expect(read).not.toContainEqual(['armenia', 'accusation', 'russia']);
  });
});

describe('titles no longer held', () => {
  it('gives a former president no leadership of the state', () => {
    const read = triples("Armenia's former president Levon Ter-Petrosyan met Putin on Monday.");
    expect(read.filter(([, type]) => type === 'leadership' || type === 'office').filter(([s]) => s !== 'vladimir-putin')).toEqual([]);
  });

  it('keeps the leadership of a president in office', () => {
    expect(triples("Armenia's president Vahagn Khachaturyan met Putin on Monday.")).toContainEqual(['vahagn-khachaturyan', 'leadership', 'armenia']);
  });
});

describe('charges made while answering a deed, and ceasefire calls put as an agreement asked for', () => {
  it('reads a response to "provocations by" a party as a charge against that party', () => {
    expect(triples('Azerbaijan said its forces were responding to provocations by Armenian troops.')).toContainEqual(['azerbaijan', 'accusation', 'armenia']);
  });

  it('reads a call on parties to agree a ceasefire as a ceasefire call, and a call to agree to talks as a demand', () => {
    const read = triples('Russia called on Armenia and Azerbaijan to agree an immediate ceasefire.');
    expect(read).toContainEqual(['russia', 'ceasefire_call', 'armenia']);
    expect(read).toContainEqual(['russia', 'ceasefire_call', 'azerbaijan']);
    expect(read).not.toContainEqual(['russia', 'demand', 'armenia']);
    expect(triples('Russia called on Armenia to agree to talks.')).toContainEqual(['russia', 'demand', 'armenia']);
  });
});
