/**
 * The held edges' slots a direct repaint keeps its per-edge state by (repaint.ts): each held edge's
 * graph key, and per actor the edges whose program instances hold that actor's size.
 */
import type { EntenteGraph } from './build-graph';
import type { RepaintTarget } from './repaint';

/** The aggregated edges the graph holds (parallel-edges.ts HeldEdges): per-edge state is kept by held slot, the edge's place in `list`. */
export interface HeldSlots {
  /** The held edges, in index order. */
  list: Int32Array;
  /** Per aggregated edge, its held slot, or -1. */
  slotOf: Int32Array;
}

/** Graph key of each held edge, by held slot; '' for one the graph does not hold yet. */
export function heldEdgeKeys(graph: EntenteGraph, held: HeldSlots): string[] {
  const keys = new Array<string>(held.list.length).fill('');
  graph.forEachEdge((key, attributes) => {
    if (attributes.index >= 0 && held.slotOf[attributes.index] >= 0) keys[held.slotOf[attributes.index]] = key;
  });
  return keys;
}

/** Per actor, the held slots of the edges into it whose instances hold its size (RepaintTarget.sizedByEnds), packed: those of actor n from starts[n] to starts[n + 1]. */
export interface SizedEdgesByActor {
  starts: Int32Array;
  slots: Int32Array;
}

export function sizedEdgesByActor(target: RepaintTarget): SizedEdgesByActor {
  const { held, targetOf, sizedByEnds } = target;
  const starts = new Int32Array(target.nodeKeys.length + 1);
  const { list } = held;
  const sized = (e: number) => sizedByEnds !== undefined && sizedByEnds(e);
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    if (sized(e)) starts[targetOf[e] + 1]++;
  }
  for (let n = 0; n + 1 < starts.length; n++) starts[n + 1] += starts[n];
  const fill = starts.slice(0, -1);
  const slots = new Int32Array(starts[starts.length - 1]);
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    if (sized(e)) slots[fill[targetOf[e]]++] = k;
  }
  return { starts, slots };
}
