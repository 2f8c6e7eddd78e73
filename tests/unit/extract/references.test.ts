/** References (pronouns, definite descriptions, carried subjects), embedded and attributed cues, and rejections answering earlier demands. */
import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);

describe('references', () => {
  it('carries a sentence-initial "it" on from the previous sentence', () => {
    expect(triples('Russia criticised Armenia. It also accused Azerbaijan of shelling.')).toContainEqual(['russia', 'accusation', 'azerbaijan']);
  });

  it('reads "the minister" and "he" as the last person named', () => {
    expect(triples('Pashinyan spoke to Guterres. The minister accused Azerbaijan of shelling.')).toContainEqual(['antonio-guterres', 'accusation', 'azerbaijan']);
    expect(triples('Nikol Pashinyan arrived in Moscow. He accused Azerbaijan of aggression.')).toContainEqual(['nikol-pashinyan', 'accusation', 'azerbaijan']);
  });

  it('reads "the alliance" as the organisation last named', () => {
    expect(triples('Armenia is a member of the CSTO. Pashinyan criticised the alliance.')).toContainEqual(['nikol-pashinyan', 'accusation', 'csto']);
  });

  it('reads "both sides" as the two states the text names most, also as a subject', () => {
    const found = triples('Armenia and Azerbaijan clashed. Russia urged Armenia and Azerbaijan to stop fighting. Both sides rejected the demands.');
    expect(found).toContainEqual(['armenia', 'rejection', 'russia']);
    expect(found).toContainEqual(['azerbaijan', 'rejection', 'russia']);
  });
});

describe('clauses', () => {
  it('does not assert the complement of a governing verb', () => {
    const found = triples('Russia called on Azerbaijan to withdraw its troops from Armenia.');
    expect(found).toContainEqual(['russia', 'demand', 'azerbaijan']);
    expect(found.some(([, type]) => type === 'concession')).toBe(false);
  });

  it('leaves the reporter of a sentence out of its event', () => {
    expect(triples('Azerbaijani troops shelled Syunik, Russia said.')).toEqual([['azerbaijan', 'attack', 'syunik']]);
  });

  it('reads announced coercion as a threat', () => {
    expect(triples('Azerbaijan said it would blockade Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Azerbaijan said it would blockade Armenia.').some(([, type]) => type === 'blockade')).toBe(false);
  });

  it('makes a rejection of "the offer" answer whoever offered', () => {
    expect(triples('Russia offered to mediate between Armenia and Azerbaijan. Azerbaijan rejected the offer.')).toContainEqual(['azerbaijan', 'rejection', 'russia']);
  });
});

describe('coercion and accusation cues', () => {
  it('reads sanctions, expulsions and aid cuts as moves against the object', () => {
    expect(triples('Russia halted economic aid to Armenia.')).toEqual([['russia', 'revocation', 'armenia']]);
    expect(triples('Azerbaijan expelled Russia from the talks.')[0]).toEqual(['azerbaijan', 'revocation', 'russia']);
  });

  it('reads indictments and formal protests as accusations', () => {
    expect(triples('Armenia lodged an official protest with Azerbaijan.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(triples('Pashinyan was indicted by Azerbaijan.')).toEqual([['azerbaijan', 'accusation', 'nikol-pashinyan']]);
  });
});

describe('nominal cues and event dates', () => {
  it('takes no doer for a nominal cue inside a prepositional phrase', () => {
    expect(triples('Two people died in Armenia in the worst attack on Syunik.').some(([, type]) => type === 'attack')).toBe(false);
    expect(triples('Azerbaijan launched an attack on Syunik.')).toEqual([['azerbaijan', 'attack', 'syunik']]);
  });

  it('dates an event by a date in its own clause, not one in a relative clause after it', () => {
    const [call] = extract('Russia called for a ceasefire between Armenia and Azerbaijan, where fighting has escalated since Monday.');
    expect(call.type).toBe('ceasefire_call');
    expect(call.date).toBe('2021-05-13');
    expect(call.flags).toContain('date-guessed');
    expect(extract('On Monday Russia called for a ceasefire between Armenia and Azerbaijan.')[0].date).toBe('2021-05-10');
  });
});

describe('agentless passives, "that" complements and anti-/pro- modifiers', () => {
  it('names no doer for a passive without "by"', () => {
    expect(triples('Russia said an Armenian officer was killed in Syunik.').some(([, type]) => type === 'attack')).toBe(false);
    expect(triples('Armenia was attacked by Azerbaijan.')).toEqual([['azerbaijan', 'attack', 'armenia']]);
  });

  it('does not assert what a demand asks for', () => {
    const found = triples('Armenia demanded that Azerbaijan withdraw its troops from Syunik.');
    expect(found).toContainEqual(['armenia', 'demand', 'azerbaijan']);
    expect(found.some(([, type]) => type === 'concession')).toBe(false);
  });

  it('reads "anti-Russia" and "pro-Russian" as no mention of Russia as an actor', () => {
    expect(triples('Azerbaijani troops attacked pro-Russian fighters.')).toEqual([]);
  });
});

describe('summit visits', () => {
  it('reads an organisation\'s summit in a capital as a visit to the host state', () => {
    expect(triples('The CSTO summit opened in Yerevan on Monday.')).toContainEqual(['csto', 'visit', 'armenia']);
    expect(triples('Pashinyan spoke at the CSTO. He said so during a summit in Yerevan of this military alliance.')).toContainEqual(['csto', 'visit', 'armenia']);
    expect(triples('A summit in Yerevan ended.')).toEqual([]);
  });
});

describe('deployments', () => {
  it('does not read troops arriving as a visit', () => {
    expect(triples('Russian troops arrived in Armenia.').some(([, type]) => type === 'visit')).toBe(false);
    expect(triples('Pashinyan arrived in Russia.')).toEqual([['nikol-pashinyan', 'visit', 'russia']]);
  });
});

describe('coordinated verbs', () => {
  it('gives a verb coordinated after the main cue the main cue\'s subject', () => {
    const found = triples('Armenia accused Azerbaijan of shelling villages, and called on Russia to help.');
    expect(found).toContainEqual(['armenia', 'request_aid', 'russia']);
    expect(found).not.toContainEqual(['azerbaijan', 'request_aid', 'russia']);
  });
});
