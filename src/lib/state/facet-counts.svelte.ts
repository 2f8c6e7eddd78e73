/**
 * The counts beside the actor-kind and source filters. Like the type legend,
 * each counts under every other filter but its own, so a left-out outlet still
 * says how many relations it would bring back; and like the type legend, they
 * count the window before the minimum edge weight. When a legend's own filter
 * leaves nothing out and no minimum is set, the explorer's result already is
 * that view; otherwise a second engine runs the view without that filter.
 */
import { createFilterEngine, type FilterEngine } from '../core/filter-engine';
import type { FilterResult, RelationFilter } from '../core/filter';
import type { ActorKind } from '../core/model';
import type { RelationIndex } from '../core/relation-index';
import { comparePeriods } from '../core/compare';
import { actorCountsByKind, withViewMasks } from '../core/view-filters';
import { SourceCounts } from '../core/source-counts';
import { explorer } from './explorer.svelte';
import { viewFilters } from './view-filters.svelte';
import { compare } from './compare.svelte';
import { preparedIndexOf } from './import-worker';

class FacetCounts {
  private engine: { index: RelationIndex; engine: FilterEngine } | null = null;
  /** Kept across views: only the rows whose visibility changed are recounted. */
  private readonly sourceCounts = new SourceCounts();

  private pass(index: RelationIndex, filter: RelationFilter): FilterResult {
    if (compare.active) return comparePeriods(index, filter, { from: filter.from, to: filter.to }, compare.b, 1);
    // The import worker's sorted groups serve this second engine too: they are only read.
    const prepared = preparedIndexOf(index.dataset);
    if (this.engine?.index !== index) this.engine = { index, engine: createFilterEngine(index, prepared?.index === index ? prepared.engine : undefined) };
    return this.engine.engine.update(filter);
  }

  private without(facet: 'kinds' | 'sources'): FilterResult | null {
    const index = explorer.index;
    const base = explorer.baseFilter;
    const result = explorer.result;
    if (!index || !base || !result) return null;
    const ownHides = facet === 'kinds' ? viewFilters.hiddenKinds.length > 0 : viewFilters.hiddenSources.length > 0;
    if (!ownHides && viewFilters.minWeight <= 1) return result;
    return this.pass(index, withViewMasks(base, viewFilters.masksFor(index, facet)));
  }

  /** Actors with a relation in the view, per kind, whether or not the kind is shown. */
  readonly kinds: Map<ActorKind, number> = $derived.by(() => {
    const result = this.without('kinds');
    return result && explorer.index ? actorCountsByKind(explorer.index, result.nodeCounts) : new Map();
  });

  /** Relations in the view per source id, whether or not the source is shown. */
  readonly sources: Map<string, number> = $derived.by(() => {
    const result = this.without('sources');
    return result && explorer.index ? this.sourceCounts.count(explorer.index, result.visible) : new Map();
  });
}

export const facetCounts = new FacetCounts();
