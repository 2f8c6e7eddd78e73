/**
 * The explorer's view pipeline, as functions of what the explorer holds: the
 * engine's result under the kind and source masks, then roll-up and scope
 * (core/scope.ts), then the minimum weight; or, while two periods are
 * compared, the comparison over the scoped edges (core/compare.ts). Kept out
 * of explorer.svelte.ts so the state reads as state and the pipeline as steps.
 */
import type { FilterEngine } from '../core/filter-engine';
import { withCounts, type FilterResult, type RelationFilter } from '../core/filter';
import type { Relation } from '../core/model';
import type { RelationIndex } from '../core/relation-index';
import type { Rollup } from '../core/rollup';
import { createActorSearch, type ActorMatch } from '../core/actor-search';
import { comparePeriods, type PeriodComparison } from '../core/compare';
import { lazyArray } from '../core/lazy-array';
import { filterView, type ViewResult } from '../core/scope';
import { withMinWeight, withViewMasks } from '../core/view-filters';
import { compare } from './compare.svelte';
import { viewFilters } from './view-filters.svelte';

export type ExplorerView = ViewResult & { derived: boolean; comparison?: PeriodComparison };

export interface ViewInputs {
  engine: FilterEngine;
  index: RelationIndex;
  baseFilter: RelationFilter;
  /** Positions of the pinned actors, and how far the scope reaches from them. */
  pins: number[];
  depth: number;
  /** The roll-up, when the view counts people and bodies as their state. */
  rollup: Rollup | null;
  scratch: { edgeCounts: Int32Array; nodeCounts: Int32Array };
  drawnEdgeRows: (edge: number) => ArrayLike<number>;
}

export function computeView({ engine, index, baseFilter, pins, depth, rollup, scratch, drawnEdgeRows }: ViewInputs): ExplorerView {
  const filter = withViewMasks(baseFilter, viewFilters.masksFor(index));
  const scope = pins.length ? { actors: pins, depth } : null;
  if (compare.active) {
    const scoped = scope ? filterView(engine, index, filter, { rollup: null, scope }, scratch) : null;
    const compared = comparePeriods(index, scoped ? { ...filter, edgeMask: scoped.edgeMask } : filter, { from: baseFilter.from, to: baseFilter.to }, compare.b, viewFilters.minWeight);
    return { result: compared, edgeMask: scoped?.edgeMask, scopeActors: scoped?.scopeActors ?? null, derived: true, comparison: compared.comparison };
  }
  const view = filterView(engine, index, filter, { rollup, scope }, scratch);
  if (viewFilters.minWeight <= 1) return { ...view, derived: rollup !== null };
  return { ...view, result: withMinWeight(index, view.result, viewFilters.minWeight, drawnEdgeRows), derived: true };
}

/**
 * A fresh wrapper of the view's result each time, so everything that depends on it re-runs; the arrays are
 * shared, and `visible` stays a getter so the per-row mask is built only when something reads it.
 */
export function resultOfView(view: ExplorerView): FilterResult & { comparison?: PeriodComparison } {
  const out = view.result;
  return Object.assign(withCounts(out, out.edgeCounts, out.nodeCounts), {
    // Roll-up, minimum weight and comparison give arrays of their own: the engine's changed edges do not describe them.
    takeChangedEdges: view.derived ? undefined : out.takeChangedEdges,
    comparison: view.comparison,
  });
}

/** Actor search built on the first query, not at load: at a million rows its per-actor counts are the dearest part. */
export function lazyActorSearch(index: RelationIndex): (query: string) => ActorMatch[] {
  let search: ((query: string) => ActorMatch[]) | null = null;
  return (query) => (!query.trim() ? [] : (search ??= createActorSearch(index.dataset.actors, index.columns))(query));
}

/** The visible rows as an array whose row objects are made when read: at the whole period that is every row. */
export function visibleRows(relations: Relation[], rows: number[]): Relation[] {
  return lazyArray(rows.length, (k) => relations[rows[k]]);
}
