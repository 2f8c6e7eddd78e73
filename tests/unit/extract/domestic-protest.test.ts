import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' });
const triples = (text: string) => extract(text).candidates.map((c) => [c.subject, c.type, c.object]);

describe('protests that name no target, and well-known groups', () => {
  it('reads a protest with no target as aimed at the protesters\' own state, the protesters a group of it (no self-relation)', () => {
    expect(triples('Thousands of Armenians marched through Yerevan on Sunday.')).toEqual([['armenian-protesters', 'protest', 'armenia']]);
    expect(triples('Azerbaijani students went on strike over fees.')).toEqual([['azerbaijani-students', 'protest', 'azerbaijan']]);
    const groups = extract('Thousands of Armenians marched through Yerevan on Sunday.').newActors;
    expect(groups).toContainEqual({ id: 'armenian-protesters', label: 'Armenian protesters', kind: 'group', affiliation: 'armenia' });
  });

  it('takes the place a protest happens in as its venue, and a named target as its target', () => {
    expect(triples('Armenian students demonstrated in Syunik.')).toEqual([['armenian-students', 'protest', 'armenia']]);
    expect(triples('Armenian students demonstrated outside the Russian embassy.')).toEqual([['armenian-students', 'protest', 'russia']]);
  });

  it('does not read a show of strength, or troops, as a protest', () => {
    expect(triples('Armenian troops demonstrated their strength in Syunik.')).toEqual([]);
  });

  it('places well-known movements and armed groups in their state', () => {
    const result = extract('Hamas threatened Armenia.');
    expect(result.candidates.map((c) => [c.subject, c.type, c.object])).toEqual([['hamas', 'threat', 'armenia']]);
    expect(result.newActors).toContainEqual(expect.objectContaining({ id: 'hamas', kind: 'group', affiliation: 'palestine' }));
  });

  it('reads vows and pledges to kill or fight as threats, a vow to help as an offer', () => {
    expect(triples('Azerbaijan vowed to fight Armenia.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(triples('Russia vowed to help Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });
});

describe('rebels who disarm with no one named', () => {
  it('reads rebels laying down their arms as a retreat towards their own state, but not in a clause that only sets a condition', () => {
    expect(triples('Armenian rebels laid down their arms on Monday.')).toEqual([['armenian-rebels', 'retreat', 'armenia']]);
    expect(triples('Armenia will keep its troops in Syunik until the Armenian rebels lay down their arms.')).not.toContainEqual(['armenian-rebels', 'retreat', 'armenia']);
  });
});

describe('roads blocked by people', () => {
  it('reads people blocking roads as a protest, and troops or a state blocking one as a blockade', () => {
    expect(triples('Thousands of Armenians blocked roads in Yerevan.')).toEqual([['armenian-protesters', 'protest', 'armenia']]);
    // where the road leads is not whom the protest is against
    expect(triples('Armenian farmers blocked the highway to Russia.')).toEqual([['armenian-farmers', 'protest', 'armenia']]);
    expect(triples('Azerbaijani troops blocked the road to Armenia.')).toEqual([['azerbaijan', 'blockade', 'armenia']]);
  });
});

describe('protests by people the gazetteer cannot place', () => {
  const found = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

  it('reads them as protesters of the one state the sentence names, against what it names', () => {
    expect(found('Hundreds of veterans continued their hunger strike to demand the resignation of Pashinyan.')).toContainEqual(['armenian-protesters', 'protest', 'nikol-pashinyan']);
  });

  it('leaves them alone when the sentence names actors of two states', () => {
    expect(found('Hundreds of veterans continued their hunger strike outside the Russian embassy to demand the resignation of Pashinyan.').filter(([s]) => s === 'armenian-protesters')).toEqual([]);
  });
});

describe('crowds that march or gather for a demand', () => {
  const found = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

  it('reads marching or gathering with a demand, chanting against someone and burning flags as protest', () => {
    expect(found('Thousands of Armenians gathered in Yerevan demanding the resignation of Pashinyan.').filter(([, type]) => type === 'protest')).not.toEqual([]);
    expect(found('Armenian protesters chanted slogans against Russia.')).toContainEqual(['armenian-protesters', 'protest', 'russia']);
    expect(found('Armenian students burned Russian flags.').filter(([, type, object]) => type === 'protest' && object === 'russia')).not.toEqual([]);
  });

  it('does not read a gathering with no demand as protest', () => {
    expect(found('Armenian officials gathered in Yerevan for a meeting.').filter(([, type]) => type === 'protest')).toEqual([]);
  });
});
