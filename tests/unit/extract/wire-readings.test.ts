import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const typed = (text: string, type: string) => extract(text).filter((c) => c.type === type);

describe('phone calls of several named before the verb', () => {
  it('reads "X and Y spoke by phone" and "held phone talks" as a meeting of the two', () => {
    expect(typed('Pashinyan and Guterres spoke by phone on Monday.', 'meeting').map((c) => [c.subject, c.object].sort())).toEqual([['antonio-guterres', 'nikol-pashinyan']]);
    expect(typed('Armenia and Russia held phone talks on Tuesday.', 'meeting')).toHaveLength(1);
  });

  it('flags a call that did not happen', () => {
    expect(typed('Pashinyan and Guterres did not speak by phone.', 'meeting').map((c) => c.modality)).toEqual(['denied']);
  });

  it('reads no visit into a message received', () => {
    expect(typed('Pashinyan received a message from Guterres.', 'visit')).toEqual([]);
  });
});

describe('riot police are no riot', () => {
  it('reads police sent against a crowd as no protest, and a crowd that riots as one', () => {
    expect(typed('Riot police dispersed the crowd in Yerevan.', 'protest')).toEqual([]);
    expect(typed('Armenian students rioted in Yerevan.', 'protest')).toHaveLength(1);
  });
});

describe('a deed named by its noun, target before doer', () => {
  it('reads "the attacks on Armenian villages by Azerbaijan" as Azerbaijan attacking Armenia', () => {
    const found = triples('Russia condemned the attacks on Armenian villages by Azerbaijan.');
    expect(found).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(found).not.toContainEqual(['armenia', 'attack', 'azerbaijan']);
  });

  it('accuses the doer after "by", not the target named first', () => {
    const found = triples('Russia condemned the attacks on Armenian villages by Azerbaijan.');
    expect(found).toContainEqual(['russia', 'accusation', 'azerbaijan']);
    expect(found).not.toContainEqual(['russia', 'accusation', 'armenia']);
  });

  it('keeps a negated condemnation flagged', () => {
    expect(typed('Russia did not condemn the attacks on Armenian villages by Azerbaijan.', 'accusation').map((c) => [c.object, c.modality])).toEqual([['azerbaijan', 'denied']]);
  });
});

describe('an armed deed in a participle clause', () => {
  it('is done by the main clause subject, not the nearest actor', () => {
    const found = triples('Azerbaijani troops shelled Syunik, killing two Armenian soldiers.');
    expect(found).toContainEqual(['azerbaijan', 'attack', 'armenia']);
    expect(found.filter(([s, t]) => t === 'attack' && s !== 'azerbaijan')).toEqual([]);
  });
});

describe('a protest named in a phrase of the clause', () => {
  it('is the clause subject’s protest, not the police’s', () => {
    const protests = typed('Students clashed with police during a protest against the Armenian government.', 'protest');
    expect(protests.map((c) => [c.subject, c.object])).toEqual([['armenian-students', 'armenia']]);
  });
});

describe('threats told to someone', () => {
  it('aims "X told Y it would use force" at Y', () => {
    expect(triples('Azerbaijan told Armenia it would use force.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });

  it('keeps the condition of a told threat', () => {
    expect(typed('Azerbaijan told Armenia it would use force if the talks failed.', 'threat').map((c) => [c.object, c.modality])).toEqual([['armenia', 'conditional']]);
  });

  it('reads nothing into something told that is no threat', () => {
    expect(extract('Armenia told Russia that it was grateful.')).toEqual([]);
  });

  it('reads force announced as ready and a city to be turned to rubble as threats', () => {
    expect(triples('Azerbaijan said it was ready to take military action against Armenia.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
    expect(triples('Azerbaijan said it would turn Yerevan into rubble.')).toContainEqual(['azerbaijan', 'threat', 'armenia']);
  });
});

describe('a surname alone, after the full name in the same text', () => {
  const full = 'Pakistani Prime Minister Imran Khan visited Armenia on Monday. ';

  it('stands for the person named in full, even when the surname is too common to stand alone elsewhere', () => {
    expect(triples(`${full}Khan accused Azerbaijan of aggression.`)).toContainEqual(['imran-khan', 'accusation', 'azerbaijan']);
  });

  it('stands for no one in a text that never names them in full', () => {
    expect(extract('Khan accused Azerbaijan of aggression.').filter((c) => c.subject === 'imran-khan')).toEqual([]);
  });

  it('keeps a negation flagged', () => {
    expect(typed(`${full}Khan did not accuse Azerbaijan of aggression.`, 'accusation').map((c) => [c.subject, c.modality])).toEqual([['imran-khan', 'denied']]);
  });
});

describe('agreements in the plural, visitors named by an adjective, topics of talks', () => {
  it('reads several agreements signed as an agreement of the signers, and keeps a negation', () => {
    expect(typed('Armenia and Russia signed several cooperation agreements.', 'agreement').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'russia']]);
    expect(typed('Armenia and Russia did not sign any agreements.', 'agreement').map((c) => c.modality)).toEqual(['denied']);
  });

  it('reads "received the visiting X" as X visiting the host, not the host visiting X', () => {
    const found = triples('Pashinyan received the visiting Russian foreign minister.');
    expect(found.filter(([, t]) => t === 'visit')).not.toContainEqual(['nikol-pashinyan', 'visit', 'russia']);
  });

  it('takes no topic of talks for a party to them', () => {
    expect(typed('Pashinyan held talks on Azerbaijan with Guterres.', 'meeting').map((c) => [c.subject, c.object].sort())).toEqual([['antonio-guterres', 'nikol-pashinyan']]);
  });
});
