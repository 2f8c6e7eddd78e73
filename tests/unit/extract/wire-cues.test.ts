import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';
import { type } from '../helpers';

/** The small dataset with the types of the bundled one that it lacks, so that a cue of one of them can win over another. */
function withMoreTypes() {
  const dataset = miniDataset();
  return { ...dataset, types: [...dataset.types, ...['concession', 'peacekeeping', 'mobilisation'].map((id) => type(id, 'event', true)), type('alliance', 'state', false)] };
}

const extract = (text: string) => extractCandidates(text, withMoreTypes(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const typed = (text: string, type: string) => extract(text).filter((c) => c.type === type);

describe('talks hosted between others', () => {
  it('reads the host as mediating between the parties, who meet, and not as visited', () => {
    const found = triples('Russia hosted talks between Armenia and Azerbaijan in Moscow.');
    expect(found).toContainEqual(['russia', 'mediation', 'armenia']);
    expect(found).toContainEqual(['russia', 'mediation', 'azerbaijan']);
    expect(typed('Russia hosted talks between Armenia and Azerbaijan in Moscow.', 'meeting').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'azerbaijan']]);
    expect(found.filter(([, t]) => t === 'visit')).toEqual([]);
  });

  it('still reads a leader hosted as a visit to the host', () => {
    expect(triples('Russia hosted Pashinyan in Sochi.')).toContainEqual(['nikol-pashinyan', 'visit', 'russia']);
  });

  it('keeps hosted talks that did not happen flagged', () => {
    expect(typed('Russia did not host talks between Armenia and Azerbaijan.', 'mediation').map((c) => c.modality)).toEqual(['denied', 'denied']);
  });
});

describe('aid still to come', () => {
  it('reads "will provide Y with ..." and "plans to send ... to Y" as an offer of aid', () => {
    expect(triples('Russia will provide Armenia with air defence systems.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Russia plans to send 14 tanks to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Russia will give Armenia 50 million dollars.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('reads money pledged as an offer, not a bare commitment', () => {
    expect(triples('Russia pledged 500 million euros in aid to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('keeps aid that is ongoing delivered', () => {
    expect(triples('Russia is supplying Armenia with weapons.')).toEqual([['russia', 'aid', 'armenia']]);
  });

  it('flags aid refused and aid on a condition', () => {
    expect(typed('Russia will not provide Armenia with fighter jets.', 'aid_offer').map((c) => c.modality)).toEqual(['denied']);
    expect(typed('Russia would give Armenia 10 million dollars if it reformed its banks.', 'aid_offer').map((c) => c.modality)).toEqual(['conditional']);
  });

  it('reads no offer of help into a vow to defend oneself', () => {
    expect(typed('Armenia vowed to defend itself against Azerbaijan.', 'aid_offer')).toEqual([]);
  });
});

describe('coercion announced in words of its own', () => {
  it('reads countermeasures, intervention, a forceful answer and tariffs announced as threats', () => {
    expect(triples('Russia said it would take countermeasures against Armenia.')).toContainEqual(['russia', 'threat', 'armenia']);
    expect(triples('Russia said it would intervene militarily in Armenia.')).toContainEqual(['russia', 'threat', 'armenia']);
    expect(triples('Azerbaijan said it had no choice but to use force against Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Russia said it would raise tariffs on Armenian brandy.')).toContainEqual(['russia', 'threat', 'armenia']);
    expect(triples('Russia put Armenia on notice.')).toContainEqual(['russia', 'threat', 'armenia']);
  });

  it('reads "would pay dearly" as a threat to the one who would pay', () => {
    expect(triples('Azerbaijan said Armenia would pay dearly for the attack.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });

  it('reads weapons of mass destruction and shelling announced as threats, and used as attacks', () => {
    expect(triples('Azerbaijan could use chemical weapons against Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Azerbaijan used chemical weapons against Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('Azerbaijan said it would shell Yerevan.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });

  it('reads support ended, assets frozen, a trade ban and participation suspended as sanctions, and announced as threats', () => {
    expect(triples('Russia ended its support for Armenia.')).toContainEqual(['russia', 'revocation', 'armenia']);
    expect(triples('Russia ended its support for Armenia.').filter(([, t]) => t === 'support')).toEqual([]);
    expect(triples('Russia froze the assets of Armenia.')).toContainEqual(['russia', 'revocation', 'armenia']);
    expect(triples('Russia banned imports of Armenian brandy.')).toContainEqual(['russia', 'revocation', 'armenia']);
    expect(triples('Russia will end its support for Armenia.')).toContainEqual(['russia', 'threat', 'armenia']);
  });

  it('reads observers withdrawn as a sanction, troops withdrawn as a retreat', () => {
    expect(triples('Russia withdrew its observers from Armenia.')).toContainEqual(['russia', 'revocation', 'armenia']);
    expect(triples('Russia withdrew its troops from Armenia.')).toContainEqual(['russia', 'retreat', 'armenia']);
  });

  it('reads a protest or strike announced as a threat, and one under way as a protest', () => {
    expect(triples('Armenian workers said they would go on strike.')).toEqual([['armenian-workers', 'threat', 'armenia']]);
    expect(triples('Armenian workers went on strike against the government of Armenia.').map(([, t]) => t)).toContain('protest');
  });

  it('keeps negated and conditional threats flagged', () => {
    expect(typed('Russia did not say it would take countermeasures against Armenia.', 'threat').map((c) => c.modality)).toEqual(['denied']);
    expect(typed('Russia said it would raise tariffs on Armenian brandy if the talks failed.', 'threat').map((c) => c.modality)).toEqual(['conditional']);
  });
});

describe('emergency rule, peacekeepers and asylum', () => {
  it('reads a state of emergency declared as coercion, and announced as a threat', () => {
    expect(triples('Russia declared a state of emergency in Armenia.')).toContainEqual(['russia', 'coercion', 'armenia']);
    expect(triples('Russia said it would declare a state of emergency in Armenia.')).toContainEqual(['russia', 'threat', 'armenia']);
  });

  it('reads an arms embargo eased as a concession, not an embargo', () => {
    const found = triples('Russia eased its arms embargo on Armenia.');
    expect(found).toContainEqual(['russia', 'concession', 'armenia']);
    expect(found.filter(([, t]) => t === 'blockade')).toEqual([]);
  });

  it('reads peacekeepers sent as peacekeeping, not mobilisation', () => {
    expect(triples('Russia sent peacekeeping troops to Armenia.')).toEqual([['russia', 'peacekeeping', 'armenia']]);
  });

  it('reads refugee status and sanctuary granted as aid', () => {
    expect(triples('Russia granted refugee status to Armenian fighters.')).toContainEqual(['russia', 'aid', 'armenia']);
    expect(triples('Russia gave sanctuary to Pashinyan.')).toContainEqual(['russia', 'aid', 'nikol-pashinyan']);
  });
});

describe('cooperation in practice', () => {
  it('reads "jointly develop" as cooperation of the two, and announced as a commitment', () => {
    expect(typed('Armenia and Russia jointly developed a drone.', 'cooperation').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'russia']]);
    expect(triples('Armenia and Russia will jointly develop a drone.').map(([, t]) => t)).toContain('commitment');
  });

  it('reads a stop to cooperation announced as a threat, not a commitment', () => {
    const found = triples('Armenia said it would stop cooperating with Russia.');
    expect(found).toContainEqual(['armenia', 'threat', 'russia']);
    expect(found.filter(([, t]) => t === 'commitment' || t === 'cooperation')).toEqual([]);
  });
});

describe('ties, apologies and verbal defence', () => {
  it('reads relations established or restored between two as support of each by the other', () => {
    const found = triples('Armenia and Azerbaijan established diplomatic relations.');
    expect(found.filter(([, t]) => t === 'support').map(([s, , o]) => [s, o].sort())).toEqual([['armenia', 'azerbaijan']]);
    expect(typed('Armenia and Azerbaijan did not restore diplomatic ties.', 'support').map((c) => c.modality)).toEqual(['denied']);
  });

  it('reads regret expressed to someone as an apology, and regret over a deed as criticism', () => {
    expect(triples('Azerbaijan expressed its regret to Armenia for the shooting.')).toContainEqual(['azerbaijan', 'support', 'armenia']);
    expect(triples('Azerbaijan expressed its regret to Armenia for the shooting.').filter(([, t]) => t === 'accusation')).toEqual([]);
  });

  it('reads "came to the defence of" as support', () => {
    expect(triples('Russia came to the defence of Armenia.')).toEqual([['russia', 'support', 'armenia']]);
  });
});

describe('debts, property and access given', () => {
  it('reads debt written off or forgiven as aid, not a pardon', () => {
    expect(triples("Russia wrote off Armenia's debt.")).toEqual([['russia', 'aid', 'armenia']]);
    expect(triples("Russia forgave Armenia's debts.")).toEqual([['russia', 'aid', 'armenia']]);
  });

  it('reads what is handed back and aid let in as a retreat', () => {
    expect(triples('Azerbaijan handed back the Armenian boats.')).toContainEqual(['azerbaijan', 'retreat', 'armenia']);
    expect(triples('Azerbaijan allowed Russian relief convoys into Syunik.')).toContainEqual(['azerbaijan', 'retreat', 'russia']);
  });
});

describe('a leader who quits', () => {
  it('yields to his own state, unnamed in the sentence', () => {
    expect(triples('Pashinyan resigned after weeks of protests.')).toEqual([['nikol-pashinyan', 'concession', 'armenia']]);
  });

  it('keeps a resignation denied flagged', () => {
    expect(typed('Pashinyan did not resign.', 'concession').map((c) => c.modality)).toEqual(['denied']);
  });
});

describe('more coercion and threats in their own words', () => {
  it('reads joint exercises of any arm as cooperation', () => {
    expect(typed('Armenia and Russia held joint air force exercises.', 'cooperation')).toHaveLength(1);
  });

  it('reads freedoms restricted as coercion and missiles unleashed as an attack, announced as threats', () => {
    expect(triples('Azerbaijan restricted the movement of Armenian citizens.')).toContainEqual(['azerbaijan', 'coercion', 'armenia']);
    expect(triples('Azerbaijan unleashed its drones on Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(triples('Azerbaijan said it would unleash its drones on Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });

  it('reads an answer at a time of one’s choosing, the army turned on someone and war foretold as threats', () => {
    expect(triples('Azerbaijan will respond to Armenia at the appropriate time.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Azerbaijan said it would use the army against Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples("Russia said Armenia's move would mean war.")).toContainEqual(['russia', 'threat', 'armenia']);
  });
});

describe('abduction', () => {
  it('reads a kidnapping as coercion (PLOVER COERCE), not an armed attack', () => {
    const found = triples('Azerbaijani soldiers kidnapped two Armenian shepherds.');
    expect(found).toContainEqual(['azerbaijan', 'coercion', 'armenia']);
    expect(found.filter(([, t]) => t === 'attack')).toEqual([]);
  });
});

describe('aid, access and help given in a double object', () => {
  it('reads "gave Y emergency aid" and "granted the dissident asylum" as aid, and the same announced as an offer', () => {
    expect(triples('Russia gave Armenia emergency aid.')).toEqual([['russia', 'aid', 'armenia']]);
    expect(triples('Russia granted the Armenian dissident political asylum.')).toContainEqual(['russia', 'aid', 'armenia']);
    expect(triples('Russia will give Armenia emergency aid.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('reads bases opened to another and help in a hunt as cooperation', () => {
    expect(typed('Armenia gave Russia access to its air bases.', 'cooperation').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'russia']]);
    expect(typed('Armenia helped Russia in the hunt for the fugitives.', 'cooperation')).toHaveLength(1);
  });

  it('reads speaking out for someone as support, and picketing an embassy as a protest at its state', () => {
    expect(triples("Russia spoke out in favour of Armenia's bid.")).toContainEqual(['russia', 'support', 'armenia']);
    expect(triples('Armenian students picketed the Russian embassy in Yerevan.')).toContainEqual(['armenian-students', 'protest', 'russia']);
  });
});

describe('visits and talks in plain words', () => {
  it('reads a journey made to see someone, a stay for talks and a visit under way as a visit', () => {
    expect(triples('The Armenian foreign minister went to Moscow to see Putin.')).toContainEqual(['armenia', 'visit', 'russia']);
    expect(triples('Pashinyan was in Moscow for talks.')).toContainEqual(['nikol-pashinyan', 'visit', 'russia']);
    expect(triples('The Armenian foreign minister is on a three-day visit to Russia.')).toContainEqual(['armenia', 'visit', 'russia']);
  });

  it('reads no visit into going somewhere for no meeting', () => {
    expect(typed('Pashinyan went to Syunik.', 'visit')).toEqual([]);
  });

  it('reads a leader greeted as visiting the one who greets, a decision greeted as no visit', () => {
    expect(triples('Pashinyan greeted the Russian foreign minister at the airport.')).toContainEqual(['russia', 'visit', 'nikol-pashinyan']);
    expect(typed('Russia greeted the decision of Armenia.', 'visit')).toEqual([]);
  });

  it('reads a dialogue resumed as talks, ambassadors exchanged as ties, an alliance formed as one', () => {
    expect(typed('Armenia and Azerbaijan resumed their dialogue.', 'meeting')).toHaveLength(1);
    expect(typed('Armenia and Azerbaijan exchanged ambassadors.', 'support')).toHaveLength(1);
    expect(typed('Armenia and Russia formed a military alliance.', 'alliance').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'russia']]);
  });
});
