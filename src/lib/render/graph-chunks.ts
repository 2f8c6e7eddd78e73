/**
 * The graph's edges added in slices that yield to the page between them, so
 * that a 50,000-edge graph never holds the main thread for one long task.
 * The renderer mounts sigma on the nodes and a first slice of the strongest
 * edges (render/progressive-mount.ts), then adds the rest through this.
 */
import type { RelationIndex } from '../core/relation-index';
import { addAffiliationEdges, addAggregatedEdge, parallelFlags, typeColors, type EntenteGraph } from './build-graph';

export { graphOfNodes } from './build-graph';

/** Time to spend per slice before yielding: well under the 50 ms of a long task, on a loaded machine. */
const SLICE_MS = 12;

/** Resolves in a later task, so that the page can draw and answer input in between. */
export const yieldToPage = () => new Promise<void>((done) => setTimeout(done, 0));

export interface SliceOptions {
  /** Per aggregated edge, whether its pair has edges of several types (parallelFlags), when the caller has it already. */
  parallel?: Uint8Array;
  /** Checked between slices: true stops adding (the renderer was killed); affiliation edges are then not added. */
  stopped?: () => boolean;
  now?: () => number;
}

/**
 * Adds the kept aggregated edges to `graph` (which holds the nodes already) a slice at a time, reporting
 * the fraction added; the same graph buildGraph makes, affiliation edges last.
 */
export async function addEdgesInSlices(graph: EntenteGraph, index: RelationIndex, kept: Uint8Array, onProgress: (fraction: number) => void = () => {}, options: SliceOptions | (() => number) = {}): Promise<EntenteGraph> {
  const { parallel = parallelFlags(index), stopped = () => false, now = () => performance.now() } = typeof options === 'function' ? { now: options } : options;
  const colorOf = typeColors(index);
  const count = kept.length;
  let e = 0;
  while (e < count) {
    const sliceStart = now();
    // Checked every 64 edges: reading the clock per edge would cost more than adding it, and at every 256 a
    // slice on a loaded machine ran on well past SLICE_MS.
    while (e < count && (e & 63 || now() - sliceStart < SLICE_MS)) {
      if (kept[e]) addAggregatedEdge(graph, index, e, parallel[e] === 1, colorOf.get(index.edges[e].type)!);
      e++;
    }
    onProgress(e / count);
    if (e < count) await yieldToPage();
    if (stopped()) return graph;
  }
  addAffiliationEdges(graph, index);
  return graph;
}
