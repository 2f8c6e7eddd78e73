import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { filterRelations, typeMaskOf, type RelationFilter } from '../../src/lib/core/filter';
import { affiliationTops, rolledEdgeRows, withRollupEdges } from '../../src/lib/core/rollup';
import { filterView, type Scope } from '../../src/lib/core/scope';
import type { Actor, Dataset } from '../../src/lib/core/model';
import { parseViewQuery, serializeViewQuery } from '../../src/lib/core/view-query';
import { monthlyHistogram } from '../../src/lib/core/histogram';
import { composeAnnotation, defaultExportFileName, scopeText } from '../../src/lib/core/export-caption';
import { day, rel, type } from './helpers';

const person = (id: string, affiliation: string | null = null, kind: Actor['kind'] = 'person'): Actor => ({ id, label: id, kind, affiliation, aliases: [] });

/**
 * Russia with Lavrov and Putin, Armenia with Pashinyan, the CSTO with its Joint Staff and its chief Sidorov
 * (a chain of two), Azerbaijan, Turkey, Iran; and a loop x → y → x that the loader would reject.
 */
function world(): Dataset {
  const actors: Actor[] = [
    person('russia', null, 'state'),
    person('lavrov', 'russia'),
    person('putin', 'russia'),
    person('armenia', null, 'state'),
    person('pashinyan', 'armenia'),
    person('csto', null, 'organisation'),
    person('csto-staff', 'csto', 'organisation'),
    person('sidorov', 'csto-staff'),
    person('azerbaijan', null, 'state'),
    person('turkey', null, 'state'),
    person('iran', null, 'state'),
    person('x', 'y', 'group'),
    person('y', 'x', 'group'),
    person('z', 'x', 'group'),
  ];
  const types = [type('meets', 'event', false), type('criticises', 'event', true), type('member', 'state', false)];
  const relations = [
    rel('lavrov', 'pashinyan', 'meets', '2021-03-01'),
    rel('russia', 'armenia', 'meets', '2021-04-01'),
    rel('lavrov', 'armenia', 'criticises', '2021-05-01'),
    rel('putin', 'lavrov', 'meets', '2021-05-02'),
    rel('armenia', 'csto', 'member', '2021-01-01..2022-12-31'),
    rel('sidorov', 'pashinyan', 'meets', '2021-06-01'),
    rel('armenia', 'azerbaijan', 'criticises', '2021-07-01'),
    rel('azerbaijan', 'turkey', 'meets', '2021-08-01'),
    rel('turkey', 'iran', 'meets', '2021-09-01'),
    rel('russia', 'csto', 'member', '2021-01-01..2022-12-31'),
    rel('x', 'iran', 'meets', '2021-10-01'),
    rel('z', 'y', 'meets', '2021-10-02'),
    rel('putin', 'azerbaijan', 'meets', '2022-06-01'),
  ];
  return { types, actors, sources: [], relations };
}

function setUp(dataset = world()) {
  const built = withRollupEdges(buildRelationIndex(dataset, day('2026-12-01')));
  const engine = createFilterEngine(built.index);
  return { ...built, engine };
}

/** The reference: rows visible under the filter by the full scan, then roll-up and scope done by hand on subjects and objects. */
function expectedRows(dataset: Dataset, filter: RelationFilter, rolled: boolean, pins: string[] | null, depth: number): number[] {
  const index = buildRelationIndex(dataset, day('2026-12-01'));
  const visible = filterRelations(index, filter).visible;
  const parent = new Map(dataset.actors.map((a) => [a.id, a.affiliation]));
  const top = (id: string): string => {
    const seen: string[] = [];
    let at = id;
    while (parent.get(at) && !seen.includes(at)) {
      seen.push(at);
      at = parent.get(at)!;
    }
    if (seen.includes(at)) {
      const loop = seen.slice(seen.indexOf(at));
      return dataset.actors.find((a) => loop.includes(a.id))!.id;
    }
    return at;
  };
  const ends = (i: number) => {
    const r = dataset.relations[i];
    return rolled ? [top(r.subject), top(r.object)] : [r.subject, r.object];
  };
  let rows = dataset.relations.map((_, i) => i).filter((i) => visible[i] && (!rolled || ends(i)[0] !== ends(i)[1]));
  if (pins) {
    const scope = new Set(pins.map((p) => (rolled ? top(p) : p)));
    for (let step = 0; step < depth; step++) {
      const reached = new Set(scope);
      for (const i of rows) {
        const [a, b] = ends(i);
        if (scope.has(a)) reached.add(b);
        if (scope.has(b)) reached.add(a);
      }
      reached.forEach((a) => scope.add(a));
    }
    rows = rows.filter((i) => scope.has(ends(i)[0]) && scope.has(ends(i)[1]));
  }
  return rows;
}

const wholePeriod = (typeIds: string[], ids: string[]): RelationFilter => ({
  from: day('2020-01-01'),
  to: day('2023-12-31'),
  typeMask: Uint8Array.from(ids, (id) => (typeIds.includes(id) ? 1 : 0)),
});

describe('affiliationTops', () => {
  it('follows chains to their top and stops in a loop at its first actor', () => {
    const actors = world().actors;
    const top = affiliationTops(actors);
    const named = (id: string) => actors[top[actors.findIndex((a) => a.id === id)]].id;
    expect(named('lavrov')).toBe('russia');
    expect(named('russia')).toBe('russia');
    expect(named('sidorov')).toBe('csto');
    expect(named('csto-staff')).toBe('csto');
    expect(named('x')).toBe('x');
    expect(named('y')).toBe('x');
    expect(named('z')).toBe('x');
  });

  it('ends a chain at an unknown affiliation and terminates on a long loop', () => {
    const ring = Array.from({ length: 5000 }, (_, i) => person(`p${i}`, `p${(i + 1) % 5000}`));
    const top = affiliationTops([...ring, person('lost', 'nowhere')]);
    expect(new Set(top.slice(0, 5000))).toEqual(new Set([0]));
    expect(top[5000]).toBe(5000);
  });
});

describe('withRollupEdges', () => {
  it('appends the rolled edges that the dataset lacks, without rows, and maps every edge', () => {
    const dataset = world();
    const plain = buildRelationIndex(dataset, day('2026-12-01'));
    const { index, rollup } = withRollupEdges(plain);
    expect(index.edges.slice(0, plain.edges.length)).toEqual(plain.edges);
    const extra = index.edges.slice(plain.edges.length).map((e) => e.key).sort();
    // Lavrov criticises Armenia → Russia criticises Armenia, which no row says directly; Sidorov–Pashinyan → CSTO–Armenia meets.
    expect(extra).toEqual(['criticises:russia>armenia', 'meets:armenia>csto', 'meets:azerbaijan>russia'].sort());
    for (const e of index.edges.keys()) if (e >= plain.edges.length) expect(index.edgeRelations[e].length).toBe(0);
    const key = (e: number) => (rollup.rolledEdgeOf[e] < 0 ? null : index.edges[rollup.rolledEdgeOf[e]].key);
    const edgeOf = (k: string) => plain.edges.findIndex((e) => e.key === k);
    expect(key(edgeOf('meets:lavrov>pashinyan'))).toBe('meets:armenia>russia');
    expect(key(edgeOf('meets:armenia>russia'))).toBe('meets:armenia>russia');
    expect(key(edgeOf('meets:lavrov>putin'))).toBeNull();
    expect(key(edgeOf('meets:y>z'))).toBeNull();
    const russiaArmenia = index.edges.findIndex((e) => e.key === 'meets:armenia>russia');
    expect(rolledEdgeRows(index, rollup, russiaArmenia).map((i) => dataset.relations[i].subject)).toEqual(['lavrov', 'russia']);
  });

  it('leaves an index without affiliations as it is', () => {
    const dataset = { ...world(), actors: world().actors.map((a) => ({ ...a, affiliation: null })) };
    const plain = buildRelationIndex(dataset, day('2026-12-01'));
    const { index, rollup } = withRollupEdges(plain);
    expect(index).toBe(plain);
    expect(rollup.changesAnything).toBe(false);
  });
});

describe('filterView', () => {
  const dataset = world();
  const { index, rollup, engine } = setUp(dataset);
  const id = (a: string) => index.actorIds.indexOf(a);
  const allTypes = index.typeIds;

  const cases: Array<{ name: string; types: string[]; window?: [string, string]; rolled: boolean; pins: string[] | null; depth: number }> = [
    { name: 'plain', types: allTypes, rolled: false, pins: null, depth: 1 },
    { name: 'rolled up', types: allTypes, rolled: true, pins: null, depth: 1 },
    { name: 'Russia, depth 1', types: allTypes, rolled: false, pins: ['russia'], depth: 1 },
    { name: 'Russia, depth 2', types: allTypes, rolled: false, pins: ['russia'], depth: 2 },
    { name: 'Russia rolled up, depth 1', types: allTypes, rolled: true, pins: ['russia'], depth: 1 },
    { name: 'Russia rolled up, depth 2', types: allTypes, rolled: true, pins: ['russia'], depth: 2 },
    { name: 'Lavrov rolled up is Russia', types: allTypes, rolled: true, pins: ['lavrov'], depth: 1 },
    { name: 'Armenia and the CSTO', types: allTypes, rolled: false, pins: ['armenia', 'csto'], depth: 1 },
    { name: 'Turkey, meetings only, depth 2', types: ['meets'], rolled: true, pins: ['turkey'], depth: 2 },
    { name: 'Russia in 2022, depth 1', types: allTypes, window: ['2022-01-01', '2022-12-31'], rolled: true, pins: ['russia'], depth: 1 },
  ];

  for (const c of cases) {
    it(`${c.name}: the rows, counts per type and per drawn edge match the computation by hand`, () => {
      const filter = wholePeriod(c.types, allTypes);
      if (c.window) [filter.from, filter.to] = [day(c.window[0]), day(c.window[1])];
      const scope: Scope | null = c.pins ? { actors: c.pins.map(id), depth: c.depth } : null;
      const { result } = filterView(engine, index, filter, { rollup: c.rolled ? rollup : null, scope });
      const rows = expectedRows(dataset, filter, c.rolled, c.pins, c.depth);
      const visible = dataset.relations.map((_, i) => i).filter((i) => result.visible[i]);
      expect(visible).toEqual(rows);
      expect(result.visibleCount).toBe(rows.length);
      // Per drawn edge: the rows counted in each edge, keyed by its ends, equal the rows' own ends (rolled up or not).
      const drawn = new Map<string, number>();
      index.edges.forEach((e, k) => result.edgeCounts[k] && drawn.set(e.key, result.edgeCounts[k]));
      const byHand = new Map<string, number>();
      const top = (a: string) => index.actorIds[rollup.topOf[id(a)]];
      for (const i of rows) {
        const r = dataset.relations[i];
        const t = index.typeIds.indexOf(r.type);
        const key = c.rolled
          ? (() => {
              const directed = dataset.types[t].directed;
              const [s, o] = [top(r.subject), top(r.object)];
              return directed || s < o ? `${r.type}:${s}>${o}` : `${r.type}:${o}>${s}`;
            })()
          : index.edges[index.edgeOf[i]].key;
        byHand.set(key, (byHand.get(key) ?? 0) + 1);
      }
      expect(drawn).toEqual(byHand);
      const nodes = new Map<string, number>();
      for (const [key, n] of byHand) for (const a of key.split(':')[1].split('>')) nodes.set(a, (nodes.get(a) ?? 0) + n);
      expect(new Map(index.actorIds.map((a, k) => [a, result.nodeCounts[k]] as const).filter(([, n]) => n > 0))).toEqual(nodes);
      // The legend counts the rows in the window of every type, inside the scope: the same pipeline with all types shown.
      const legendRows = expectedRows(dataset, { ...filter, typeMask: typeMaskOf(index, allTypes) }, c.rolled, c.pins, c.depth);
      if (c.types.length === allTypes.length) {
        expect(Array.from(result.typeCountsInWindow)).toEqual(allTypes.map((t) => legendRows.filter((i) => dataset.relations[i].type === t).length));
      }
    });
  }

  it('depth 1 includes the relations between two neighbours, not only those of the pinned actor', () => {
    const { result } = filterView(engine, index, wholePeriod(allTypes, allTypes), { rollup: null, scope: { actors: [id('russia')], depth: 1 } });
    const shown = dataset.relations.filter((_, i) => result.visible[i]).map((r) => `${r.subject}-${r.object}`);
    expect(shown).toContain('armenia-csto');
    expect(shown).not.toContain('armenia-azerbaijan');
  });

  it('rolled up, Lavrov and Putin count as Russia: Russia–Azerbaijan appears in the scope', () => {
    const plain = filterView(engine, index, wholePeriod(allTypes, allTypes), { rollup: null, scope: { actors: [id('russia')], depth: 1 } });
    const plainRussia = plain.result.nodeCounts[id('russia')];
    const rolled = filterView(engine, index, wholePeriod(allTypes, allTypes), { rollup, scope: { actors: [id('russia')], depth: 1 } });
    expect(rolled.result.nodeCounts[id('russia')]).toBeGreaterThan(plainRussia);
    expect(rolled.result.nodeCounts[id('lavrov')]).toBe(0);
    expect(rolled.scopeActors![id('azerbaijan')]).toBe(1);
    expect(plain.scopeActors![id('azerbaijan')]).toBe(0);
  });
});

describe('scope and roll-up in the URL', () => {
  const vocabulary = { typeIds: ['meets'], actorIds: ['russia', 'armenia', 'csto'] };
  it('reads scope, depth and rollup, keeping known actors and naming the unknown', () => {
    expect(parseViewQuery('?scope=armenia,csto&depth=2&rollup=1', vocabulary)).toEqual({ view: { scope: ['armenia', 'csto'], depth: 2, rollUp: true }, notices: [] });
    const { view, notices } = parseViewQuery('?scope=russia,atlantis&depth=3&rollup=maybe', vocabulary);
    expect(view).toEqual({ scope: ['russia'] });
    expect(notices).toEqual([
      'Ignored scope actor "atlantis": no such actor.',
      'Ignored "depth=3": use depth=1 or depth=2.',
      'Ignored "rollup=maybe": use rollup=1 to count people and bodies as their state or organisation.',
    ]);
    expect(parseViewQuery('?scope=atlantis', vocabulary).view).toEqual({});
  });
  it('writes them only when set, and reads back what it writes', () => {
    const base = { types: ['meets'], allTypes: ['meets'], from: '2020-01-01', to: '2020-12-31', isFullExtent: true, focus: null };
    expect(serializeViewQuery(base)).toBe('');
    const query = serializeViewQuery({ ...base, scope: ['russia', 'csto'], depth: 1, rollUp: true });
    expect(query).toBe('?scope=russia,csto&depth=1&rollup=1');
    expect(parseViewQuery(query, vocabulary).view).toEqual({ scope: ['russia', 'csto'], depth: 1, rollUp: true });
  });
});

describe('the timeline histogram follows the scope', () => {
  it('counts per month only the rows the scoped, rolled-up view keeps', () => {
    const dataset = world();
    const { index, rollup, engine } = setUp(dataset);
    const filter = wholePeriod(index.typeIds, index.typeIds);
    const view = filterView(engine, index, filter, { rollup, scope: { actors: [index.actorIds.indexOf('russia')], depth: 1 } });
    const histogram = monthlyHistogram(index, undefined, view.edgeMask);
    const total = histogram.counts.reduce((sum, month) => sum + month.reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(expectedRows(dataset, filter, true, ['russia'], 1).length);
    expect(total).toBeLessThan(monthlyHistogram(index).counts.reduce((sum, month) => sum + month.reduce((a, b) => a + b, 0), 0));
  });
});

describe('caption and file name of a scoped, rolled-up export', () => {
  it('says the scope and the roll-up, and names the file after them', () => {
    expect(scopeText({ actors: ['Russia'], depth: 1 })).toBe('Scope: Russia and its neighbours');
    expect(scopeText({ actors: ['Armenia', 'CSTO'], depth: 2 })).toBe('Scope: Armenia and CSTO, 2 steps out');
    expect(defaultExportFileName('entente', '2020-01-01', '2023-12-31', 'png', { scope: ['russia'], depth: 1, rolledUp: true })).toBe('entente_scope-russia-d1_rolled-up_2020-01-01_2023-12-31.png');
    expect(defaultExportFileName('entente', '2020-01-01', '2023-12-31', 'csv', { scope: [], rolledUp: false })).toBe('entente_2020-01-01_2023-12-31.csv');
    const lines = composeAnnotation({
      title: 't', from: 'a', to: 'b', types: [], visibleByType: new Map(), visibleKinds: new Set(), sources: [], visibleCount: 3,
      scope: { actors: ['Russia'], depth: 1 }, rolledUp: true,
    }).captionLines;
    expect(lines).toContain('Scope: Russia and its neighbours');
    expect(lines).toContain('People and bodies counted as their state or organisation');
  });
});
