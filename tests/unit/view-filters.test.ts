/**
 * Kind, source and weight filters checked against an independent computation: the same view on a
 * dataset from which the left-out rows were removed beforehand, run through the reference full scan.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf, type FilterResult } from '../../src/lib/core/filter';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { parsePartialDate } from '../../src/lib/core/dates';
import type { ActorKind, Dataset } from '../../src/lib/core/model';
import {
  actorCountsByKind, andMasks, countsBySource, kindEdgeMask, outletGroups, sourceRowMask, sourceSelectionText, viewFilterCaptionLines, withMinWeight, withViewMasks,
} from '../../src/lib/core/view-filters';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const loaded = loadDataset(readGraphDataFolder(here('../../graph-data')));
if (!loaded.ok) throw new Error('graph-data does not load');
const dataset = loaded.dataset;
const TODAY = parsePartialDate('2026-12-01')!.start;
const index = buildRelationIndex(dataset, TODAY);

function baseFilter(ix: RelationIndex) {
  return { from: ix.extent.start, to: ix.extent.end, typeMask: typeMaskOf(ix, ix.typeIds) };
}

/** Visible relation ids and per-edge-key counts of a result. */
function picture(ix: RelationIndex, result: FilterResult) {
  const edges = new Map<string, number>();
  ix.edges.forEach((e, i) => result.edgeCounts[i] > 0 && edges.set(e.key, result.edgeCounts[i]));
  const rows = ix.dataset.relations.filter((_, i) => result.visible[i]).map((r) => r.id).sort();
  return { edges, rows, count: result.visibleCount, statements: result.visibleStatementCount };
}

function without(data: Dataset, keep: (r: Dataset['relations'][number]) => boolean): Dataset {
  return { ...data, relations: data.relations.filter(keep) };
}

const kindOf = new Map(dataset.actors.map((a) => [a.id, a.kind]));

describe('view-filters: source mask', () => {
  it('leaving out RT gives the counts of the dataset without RT rows, in engine and reference scan', () => {
    const rt = dataset.sources.filter((s) => s.outlet === 'RT').map((s) => s.id);
    expect(rt.length).toBeGreaterThan(0);
    const filter = withViewMasks(baseFilter(index), { rowMask: sourceRowMask(index, rt) });
    const reduced = buildRelationIndex(without(dataset, (r) => !rt.includes(r.source)), TODAY);
    const expected = picture(reduced, filterRelations(reduced, { ...baseFilter(reduced), from: index.extent.start, to: index.extent.end }));
    const engine = createFilterEngine(index);
    for (const result of [filterRelations(index, filter), engine.update(filter)]) {
      expect(picture(index, result)).toEqual(expected);
    }
    expect(expected.count).toBe(dataset.relations.filter((r) => !rt.includes(r.source)).length);
    expect(expected.count).toBeLessThan(dataset.relations.length);
  });

  it('one article alone shows exactly its rows', () => {
    const one = dataset.sources[2];
    const hidden = dataset.sources.filter((s) => s !== one).map((s) => s.id);
    const result = filterRelations(index, withViewMasks(baseFilter(index), { rowMask: sourceRowMask(index, hidden) }));
    expect(picture(index, result).rows).toEqual(dataset.relations.filter((r) => r.source === one.id).map((r) => r.id).sort());
    expect(countsBySource(index, result.visible)).toEqual(new Map([[one.id, result.visibleCount]]));
  });
});

describe('view-filters: kind mask', () => {
  it('hiding persons drops every edge touching a person, as removing those rows would', () => {
    const hidden: ActorKind[] = ['person'];
    const filter = withViewMasks(baseFilter(index), { edgeMask: kindEdgeMask(index, hidden) });
    const reduced = buildRelationIndex(without(dataset, (r) => kindOf.get(r.subject) !== 'person' && kindOf.get(r.object) !== 'person'), TODAY);
    const expected = picture(reduced, filterRelations(reduced, { ...baseFilter(reduced), from: index.extent.start, to: index.extent.end }));
    expect(picture(index, createFilterEngine(index).update(filter))).toEqual(expected);
    const kinds = actorCountsByKind(index, filterRelations(index, filter).nodeCounts);
    expect(kinds.get('person')).toBe(0);
    expect(kinds.get('state')).toBeGreaterThan(0);
  });

  it('combines with a mask already there (a scope) instead of replacing it', () => {
    const scope = new Uint8Array(index.edges.length).fill(1);
    scope[0] = 0;
    const kinds = kindEdgeMask(index, ['organisation'])!;
    const combined = withViewMasks({ ...baseFilter(index), edgeMask: scope }, { edgeMask: kinds }).edgeMask!;
    expect(Array.from(combined)).toEqual(Array.from(kinds, (v, e) => (v && scope[e] ? 1 : 0)));
    expect(andMasks(undefined, undefined)).toBeUndefined();
  });
});

describe('view-filters: minimum weight', () => {
  it('drops drawn edges with fewer relations, and the counts follow; the legend counts stay', () => {
    const raw = filterRelations(index, baseFilter(index));
    const before = picture(index, raw);
    const after = withMinWeight(index, filterRelations(index, baseFilter(index)), 3);
    const kept = [...before.edges].filter(([, n]) => n >= 3);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(before.edges.size);
    expect(picture(index, after).edges).toEqual(new Map(kept));
    const keptKeys = new Set(kept.map(([k]) => k));
    const rows = dataset.relations.filter((_, i) => raw.visible[i] && keptKeys.has(index.edges[index.edgeOf[i]].key));
    expect(after.visibleCount).toBe(rows.length);
    expect(picture(index, after).rows).toEqual(rows.map((r) => r.id).sort());
    expect(after.visibleStatementCount).toBe(new Set(rows.map((r, k) => (r.statement ? `${r.source}/${r.statement}` : `row${k}`))).size);
    expect(Array.from(after.typeCountsInWindow)).toEqual(Array.from(raw.typeCountsInWindow));
    expect(withMinWeight(index, raw, 1)).toBe(raw);
  });
});

describe('view-filters: listing and caption', () => {
  it('groups sources by outlet and says what is left out', () => {
    const groups = outletGroups(dataset);
    expect(groups.map((g) => g.outlet)).toContain('RT');
    expect(groups.flatMap((g) => g.sources).length).toBe(dataset.sources.length);
    const rt = dataset.sources.filter((s) => s.outlet === 'RT').map((s) => s.id);
    expect(sourceSelectionText(dataset, rt)).toBe('Leaving out RT');
    const lines = viewFilterCaptionLines(dataset, { hiddenKinds: ['person'], hiddenSources: rt, minWeight: 2 });
    expect(lines).toEqual(['Actors: states, organisations, regions, groups only', 'Leaving out RT', 'Edges drawn only with at least 2 relations']);
    const one = dataset.sources[0];
    expect(sourceSelectionText(dataset, dataset.sources.filter((s) => s !== one).map((s) => s.id))).toBe(`Only ${one.outlet}, “${one.title}” (${one.published})`);
  });
});
