/**
 * Scope to actors (an ego network, as Gephi's ego-network filter): the actors
 * within `depth` steps of the pinned ones over the relations the filter shows,
 * and every relation among them, neighbour-to-neighbour ones included.
 *
 * `filterView` runs the whole view on the filter engine: a first pass without
 * the scope finds the neighbourhood, the second pass shows only the relations
 * inside it; with roll-up on, both passes leave out relations internal to one
 * state or organisation, and the counts are summed into the rolled edges.
 */
import { withCounts, type FilterResult, type RelationFilter } from './filter';
import type { FilterEngine } from './filter-engine';
import type { RelationIndex } from './relation-index';
import { rollUpCounts, type Rollup } from './rollup';

export const SCOPE_DEPTHS = [1, 2] as const;
export type ScopeDepth = (typeof SCOPE_DEPTHS)[number];

export interface Scope {
  /** Indices of the pinned actors (into RelationIndex.actorIds). */
  actors: readonly number[];
  depth: number;
}

/**
 * Actors within `depth` steps of `pins` over the edges with a count, as a mask over actors.
 * The pins are always in it, even when nothing shown touches them.
 */
export function scopeActors(index: RelationIndex, edgeCounts: Int32Array, pins: readonly number[], depth: number): Uint8Array {
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const n = index.actorIds.length;
  // Neighbour lists over the edges with a count, in CSR form.
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < edgeCounts.length; e++) {
    if (edgeCounts[e] === 0) continue;
    degree[edgeSourceIndex[e] + 1]++;
    degree[edgeTargetIndex[e] + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const fill = degree.slice(0, n);
  const neighbours = new Int32Array(degree[n]);
  for (let e = 0; e < edgeCounts.length; e++) {
    if (edgeCounts[e] === 0) continue;
    const s = edgeSourceIndex[e];
    const t = edgeTargetIndex[e];
    neighbours[fill[s]++] = t;
    neighbours[fill[t]++] = s;
  }
  const inScope = new Uint8Array(n);
  let frontier = pins.filter((p) => p >= 0 && p < n);
  for (const p of frontier) inScope[p] = 1;
  for (let step = 0; step < depth && frontier.length; step++) {
    const next: number[] = [];
    for (const a of frontier) {
      for (let k = degree[a]; k < degree[a + 1]; k++) {
        const b = neighbours[k];
        if (inScope[b] === 0) {
          inScope[b] = 1;
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return inScope;
}

/** 1 for each edge whose both ends are in the actor mask. */
export function edgesAmong(index: RelationIndex, actorMask: Uint8Array): Uint8Array {
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const out = new Uint8Array(index.edges.length);
  for (let e = 0; e < out.length; e++) out[e] = actorMask[edgeSourceIndex[e]] & actorMask[edgeTargetIndex[e]];
  return out;
}

function and(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = a[i] & b[i];
  return out;
}

export interface ViewResult {
  result: FilterResult;
  /** The edge mask the final pass ran with (over the dataset's own edges), or undefined when nothing was masked: for the histogram. */
  edgeMask: Uint8Array | undefined;
  /** Actors in the scope (over the view's actors), or null without a scope. */
  scopeActors: Uint8Array | null;
}

/**
 * The filter result of a view: the filter, then optionally rolled up, then optionally scoped.
 * With `rollup`, the result's edge and actor counts are those of the rolled-up view (written into
 * `scratch`), while the rows, statements and legend counts are the rows it draws.
 */
export function filterView(
  engine: FilterEngine,
  index: RelationIndex,
  filter: RelationFilter,
  options: { rollup: Rollup | null; scope: Scope | null },
  scratch?: { edgeCounts: Int32Array; nodeCounts: Int32Array },
): ViewResult {
  const { rollup, scope } = options;
  const rolling = rollup && rollup.changesAnything ? rollup : null;
  const own = rolling ? rolling.ownEdgeCount : index.edges.length;
  const buffers = scratch ?? { edgeCounts: new Int32Array(index.edges.length), nodeCounts: new Int32Array(index.actorIds.length) };
  const countsOf = (result: FilterResult): Int32Array => {
    if (!rolling) return result.edgeCounts;
    rollUpCounts(index, rolling, result.edgeCounts, buffers);
    return buffers.edgeCounts;
  };
  let edgeMask = rolling ? and(filter.edgeMask, rolling.keep) : filter.edgeMask;
  let actorsInScope: Uint8Array | null = null;
  if (scope) {
    const first = engine.update({ ...filter, edgeMask });
    const pins = rolling ? scope.actors.map((a) => rolling.topOf[a]) : scope.actors;
    actorsInScope = scopeActors(index, countsOf(first), pins, scope.depth);
    const among = edgesAmong(index, actorsInScope);
    // Pulled back onto the dataset's own edges: a row stays when the edge it is drawn in lies inside the scope.
    const ownMask = new Uint8Array(own);
    for (let e = 0; e < own; e++) ownMask[e] = rolling ? (rolling.rolledEdgeOf[e] >= 0 ? among[rolling.rolledEdgeOf[e]] : 0) : among[e];
    edgeMask = and(edgeMask?.subarray(0, own), ownMask);
  }
  const out = engine.update(edgeMask ? { ...filter, edgeMask } : filter);
  if (!rolling) return { result: out, edgeMask, scopeActors: actorsInScope };
  countsOf(out);
  const result = withCounts(out, buffers.edgeCounts, buffers.nodeCounts);
  return { result, edgeMask, scopeActors: actorsInScope };
}
