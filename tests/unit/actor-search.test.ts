import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { acronymOf, createActorSearch, normalizeName } from '../../src/lib/core/actor-search';
import { loadDataset } from '../../src/lib/core/load';
import type { Actor } from '../../src/lib/core/model';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { rel } from './helpers';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error('graph-data does not load');
const { actors, relations } = loaded.dataset;
const search = createActorSearch(actors, relations);
const ids = (query: string) => search(query).map((m) => m.id);

function actor(id: string, label: string, aliases: string[] = [], kind: Actor['kind'] = 'organisation'): Actor {
  return { id, label, kind, affiliation: null, aliases };
}

describe('actor names', () => {
  it('normalizes case, accents, dots and punctuation', () => {
    expect(normalizeName('U.S.')).toBe('us');
    expect(normalizeName('  Türkiye ')).toBe('turkiye');
    expect(normalizeName('Nagorno-Karabakh')).toBe('nagorno karabakh');
    expect(normalizeName('Afghanistan’s Ministry')).toBe('afghanistans ministry');
  });

  it('derives acronyms from initials, keeping words in capitals whole', () => {
    expect(acronymOf('United Nations')).toBe('UN');
    expect(acronymOf('UN Security Council')).toBe('UNSC');
    expect(acronymOf('Collective Security Treaty Organization')).toBe('CSTO');
    expect(acronymOf('Union of Soviet Socialist Republics')).toBe('USSR');
    expect(acronymOf('Armenia')).toBeNull();
  });
});

describe('search on the bundled dataset', () => {
  it('puts the exact acronym first: CSTO is the CSTO, not its Parliamentary Assembly', () => {
    expect(ids('CSTO')[0]).toBe('csto');
    expect(ids('csto')[0]).toBe('csto');
    expect(ids('CSTO')).toContain('csto-parliamentary-assembly');
  });

  it('ranks the United States first for "US" and the United Nations first for "UN"', () => {
    expect(ids('US')[0]).toBe('united-states');
    expect(ids('US')).toContain('us-state-department');
    expect(ids('U.S.')[0]).toBe('united-states');
    expect(ids('UN')[0]).toBe('united-nations');
    expect(ids('UN').indexOf('un-security-council')).toBeGreaterThan(0);
    expect(ids('UNSC')[0]).toBe('un-security-council');
  });

  it('finds Russia as the Kremlin, and says through which alias', () => {
    const [first] = search('Kremlin');
    expect(first).toMatchObject({ id: 'russia', label: 'Russia', via: 'Kremlin' });
    expect(first.relationCount).toBeGreaterThan(0);
  });

  it('ranks the label itself, then names that start with the query, then words inside names', () => {
    expect(ids('Armenia')[0]).toBe('armenia');
    expect(ids('arm').slice(0, 1)).toEqual(['armenia']);
    expect(ids('Zas')[0]).toBe('stanislav-zas');
    expect(ids('Security')).toContain('un-security-council');
  });

  it('forgives a typo', () => {
    expect(ids('Pashinian')[0]).toBe('nikol-pashinyan');
    expect(ids('Azerbaidjan')[0]).toBe('azerbaijan');
  });

  it('returns nothing for nonsense and for an empty query', () => {
    expect(search('qqqzzz')).toEqual([]);
    expect(search('   ')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(search('a', 3)).toHaveLength(3);
  });
});

describe('ranking rules', () => {
  const people = [
    actor('quiet', 'Alpha Council', ['AC']),
    actor('busy', 'Alpha Committee'),
    actor('exact', 'AC Holdings', ['Alpha']),
    actor('person', 'Anna Clark', [], 'person'),
  ];
  const relations = [rel('busy', 'exact', 't', '2020-01-01'), rel('busy', 'exact', 't', '2020-02-01')];
  const s = createActorSearch(people, relations);

  it('puts an exact alias above prefixes, whatever the relation counts', () => {
    expect(s('alpha').map((m) => m.id)).toEqual(['exact', 'busy', 'quiet']);
  });

  it('puts actors with relations before those without within one rank', () => {
    expect(s('alpha c').map((m) => m.id)).toEqual(['busy', 'quiet']);
  });

  it('matches derived acronyms of organisations, busier first, but makes no initials of persons', () => {
    expect(s('ac').map((m) => m.id)).toEqual(['busy', 'quiet', 'exact']);
    expect(s('ac')[0].via).toBe('AC');
  });

  it('reports the relation count of each match', () => {
    expect(s('Alpha Committee')[0]).toMatchObject({ id: 'busy', relationCount: 2, via: null });
  });
});
