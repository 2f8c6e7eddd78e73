/**
 * What a filter result is, and the reference full scan that defines it: which
 * relation rows are visible under a date window and a set of relation types,
 * and the counts every view needs. The app uses the faster filter engine
 * (filter-engine.ts), which is tested to give the same results.
 */
import type { RelationIndex } from './relation-index';

export interface RelationFilter {
  /** First day of the window, inclusive (day number). */
  from: number;
  /** Last day of the window, inclusive (day number). */
  to: number;
  /** 1 for each type index that is shown. */
  typeMask: Uint8Array;
}

export interface FilterResult {
  /** 1 for each relation row visible under both the window and the types. */
  visible: Uint8Array;
  visibleCount: number;
  /** Rows per type in the window, whether or not the type is shown: the legend's counts. */
  typeCountsInWindow: Int32Array;
  /** Visible rows per aggregated edge. */
  edgeCounts: Int32Array;
  /** Visible rows touching each actor. */
  nodeCounts: Int32Array;
}

export function createFilterResult(index: RelationIndex): FilterResult {
  return {
    visible: new Uint8Array(index.relationCount),
    visibleCount: 0,
    typeCountsInWindow: new Int32Array(index.typeIds.length),
    edgeCounts: new Int32Array(index.edges.length),
    nodeCounts: new Int32Array(index.actorIds.length),
  };
}

export function typeMaskOf(index: RelationIndex, shownTypes: Iterable<string>): Uint8Array {
  const shown = new Set(shownTypes);
  return Uint8Array.from(index.typeIds, (id) => (shown.has(id) ? 1 : 0));
}

/** Filters every relation row into `into` (reused across calls) and returns it. */
export function filterRelations(index: RelationIndex, filter: RelationFilter, into: FilterResult = createFilterResult(index)): FilterResult {
  const { starts, ends, typeOf, edgeOf, relationCount } = index;
  const { from, to, typeMask } = filter;
  const { visible, typeCountsInWindow, edgeCounts, nodeCounts } = into;
  typeCountsInWindow.fill(0);
  edgeCounts.fill(0);
  nodeCounts.fill(0);
  let visibleCount = 0;

  for (let i = 0; i < relationCount; i++) {
    if (starts[i] > to || ends[i] < from) {
      visible[i] = 0;
      continue;
    }
    const t = typeOf[i];
    typeCountsInWindow[t]++;
    if (typeMask[t] === 0) {
      visible[i] = 0;
      continue;
    }
    visible[i] = 1;
    visibleCount++;
    edgeCounts[edgeOf[i]]++;
  }

  const { edgeSourceIndex, edgeTargetIndex } = index;
  for (let e = 0; e < edgeCounts.length; e++) {
    const c = edgeCounts[e];
    if (c === 0) continue;
    nodeCounts[edgeSourceIndex[e]] += c;
    nodeCounts[edgeTargetIndex[e]] += c;
  }
  into.visibleCount = visibleCount;
  return into;
}

/** Indices of the visible relation rows, in dataset order. */
export function visibleRelationIndices(result: FilterResult): number[] {
  const out: number[] = [];
  const { visible } = result;
  for (let i = 0; i < visible.length; i++) if (visible[i]) out.push(i);
  return out;
}
