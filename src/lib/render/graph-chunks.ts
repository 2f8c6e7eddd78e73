/**
 * The graph built in slices that yield to the page between them, so that a
 * 50,000-edge graph never holds the main thread for one long task. Not wired
 * into the renderer yet (render/renderer.ts builds its graph in its
 * constructor); see the hook this needs in the s2 report of issue 12.
 */
import type { RelationIndex } from '../core/relation-index';
import { addAffiliationEdges, addAggregatedEdge, buildGraph, parallelFlags, type EntenteGraph } from './build-graph';

/** Time to spend per slice before yielding: well under the 50 ms of a long task, on a loaded machine. */
const SLICE_MS = 12;

const yieldToPage = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * Adds the kept aggregated edges to `graph` (which holds the nodes already) a slice at a time, reporting
 * the fraction added; the same graph buildGraph makes, affiliation edges last.
 */
export async function addEdgesInSlices(graph: EntenteGraph, index: RelationIndex, kept: Uint8Array, onProgress: (fraction: number) => void = () => {}, now = () => performance.now()): Promise<EntenteGraph> {
  const colorOf = new Map(index.dataset.types.map((t) => [t.id, t.color]));
  const parallel = parallelFlags(index);
  const count = kept.length;
  let e = 0;
  while (e < count) {
    const sliceStart = now();
    // Checked every 256 edges: reading the clock per edge would cost more than adding it.
    while (e < count && (e & 255 || now() - sliceStart < SLICE_MS)) {
      if (kept[e]) addAggregatedEdge(graph, index, e, parallel[e] === 1, colorOf.get(index.edges[e].type)!);
      e++;
    }
    onProgress(e / count);
    if (e < count) await yieldToPage();
  }
  addAffiliationEdges(graph, index);
  return graph;
}

/** The graph of all actors and no edges yet: what a renderer can be created on before the edges arrive. */
export function graphOfNodes(index: RelationIndex): EntenteGraph {
  const nodesOnly = buildGraph(index, new Uint8Array(index.edges.length));
  nodesOnly.clearEdges();
  return nodesOnly;
}
