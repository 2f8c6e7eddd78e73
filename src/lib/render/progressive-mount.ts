/**
 * The graph a renderer mounts on, and how it fills: sigma is created over the
 * nodes and a first slice of the strongest held edges, so a first frame is
 * drawn within a second even at a million relations; the other held edges
 * then arrive in slices that yield (graph-chunks.ts), and sigma takes each
 * through its edgeAdded listener, styled by the reducer with the display of
 * the moment, so a filter change during the slices styles later slices too.
 */
import type { RelationIndex } from '../core/relation-index';
import { addAffiliationEdges, addAggregatedEdge, parallelFlags, strongestEdges, typeColors, type EdgeAttributes, type EntenteGraph } from './build-graph';
import { addEdgesInSlices, graphOfNodes, yieldToPage } from './graph-chunks';
import { heldEdgesOf, prepareParallelDirections } from './parallel-edges';
import { processInSlices } from './sliced-process';
import { createLooks, type Looks } from './looks';
import { computeDisplay, type DisplayArrays, type DisplayState } from './display';
import { nodeSizeScaleOf } from '../core/node-size-scale';
import { baseSizesOf } from './display-sizes';

/** Held edges drawn in the first frame, the strongest: sigma indexes a few thousand in a few milliseconds. */
export const FIRST_SLICE_EDGES = 2_000;

export interface GraphStart {
  /** All actors and the first slice of edges. */
  graph: EntenteGraph;
  /** The held edges still to add. */
  rest: Uint8Array;
  parallel: Uint8Array;
}

/** What a mount works out before sigma is created, for the edge limit it was planned for. */
export interface MountPlan {
  index: RelationIndex;
  limit: number;
  /** Per aggregated edge, whether the graph holds it (strongestEdges). */
  held: Uint8Array;
  parallel: Uint8Array;
  /** The graph of all actors and the first slice of edges, built in a task of its own. */
  start: GraphStart;
  looks: Looks;
  /** The display of the first frame's filter and selection (planDisplay), for the edges `held` marks, and the result it is of. */
  display?: { arrays: DisplayArrays; result: DisplayState['result'] };
}

/**
 * Works out, a task for each, what mounting on `index` needs before sigma: the parallel pairs, the held
 * edges, their groups (cached for the display by mask), the graph's nodes, its first slice of edges, then
 * the looks and the per-index sizes the display reads. At a million relations each took 15 to 100 ms,
 * which in the mount's own task made it a long one (and any two of them together, one over 50 ms).
 */
export async function planMount(index: RelationIndex, limit: number): Promise<MountPlan> {
  const parallel = parallelFlags(index);
  await yieldToPage();
  const held = strongestEdges(index, limit);
  await yieldToPage();
  prepareParallelDirections(index);
  await yieldToPage();
  heldEdgesOf(index, held);
  await yieldToPage();
  const graph = graphOfNodes(index);
  await yieldToPage();
  const start = addFirstSlice(graph, index, held, parallel);
  await yieldToPage();
  const looks = createLooks(index);
  nodeSizeScaleOf(index);
  baseSizesOf(index);
  await yieldToPage();
  return { index, limit, held, parallel, start, looks };
}

/**
 * Works out the display of `given` (the filter and selection of now) for a planned mount, in a task before
 * the renderer's: at a million relations it took 50 to 170 ms of that task. The renderer brings it up to
 * date with what changed since (renderer.ts), or works it out again when the selection changed.
 */
export function planDisplay(plan: MountPlan, given: DisplayState): void {
  // As the renderer does with each state it takes: the engine's changed edges start from here.
  given.result.takeChangedEdges?.();
  plan.display = { arrays: computeDisplay(plan.index, plan.start.graph, { ...given, held: plan.held }), result: given.result };
}

/** The graph of all actors and the strongest FIRST_SLICE_EDGES of the edges `held` marks. */
export function startGraph(index: RelationIndex, held: Uint8Array, parallel = parallelFlags(index)): GraphStart {
  return addFirstSlice(graphOfNodes(index), index, held, parallel);
}

/** Adds the strongest FIRST_SLICE_EDGES of the edges `held` marks to `graph`, which holds the nodes. */
function addFirstSlice(graph: EntenteGraph, index: RelationIndex, held: Uint8Array, parallel: Uint8Array): GraphStart {
  const first = strongestEdges(index, FIRST_SLICE_EDGES);
  const colorOf = typeColors(index);
  const rest = new Uint8Array(held.length);
  for (let e = 0; e < held.length; e++) {
    if (!held[e]) continue;
    if (first[e]) addAggregatedEdge(graph, index, e, parallel[e] === 1, colorOf.get(index.edges[e].type)!);
    else rest[e] = 1;
  }
  return { graph, rest, parallel };
}

/**
 * Adds the rest of the held edges, then the affiliation edges, in slices, once `firstFrame` resolves; `added` is told of each
 * aggregated edge as it is added (the repaint's keys), so a repaint reaches it from then on.
 */
export async function addRemainingEdges(start: GraphStart, index: RelationIndex, firstFrame: Promise<void>, added: (e: number, key: string) => void, onProgress: (fraction: number) => void, stopped: () => boolean): Promise<void> {
  const { graph } = start;
  const onAdded = ({ key, attributes }: { key: string; attributes: EdgeAttributes }) => {
    if (attributes.index >= 0) added(attributes.index, key);
  };
  graph.on('edgeAdded', onAdded);
  try {
    // Not before sigma's first frame (sigma-drawn-later.ts), which would then process these edges too.
    await firstFrame;
    await yieldToPage();
    if (stopped()) return;
    await addEdgesInSlices(graph, index, start.rest, onProgress, { parallel: start.parallel, stopped });
  } finally {
    graph.removeListener('edgeAdded', onAdded);
  }
}

interface SigmaListening {
  activeListeners?: { addEdgeGraphUpdate?: (payload: { key: string }) => void };
  addEdge?: (key: string) => void;
  needToProcess?: boolean;
  scheduleRender(): unknown;
}

/**
 * Runs `addAll` with sigma indexing each added edge but processing none until it is done. sigma's own
 * listener schedules a frame per added edge, and that frame processes every edge held so far: over
 * the slices of a 50,000-edge graph, each frame was a long task and their sum grew with the square of
 * the edges. A frame drawn meanwhile (a camera move) processes them all, as sigma would; at the end
 * one process does, in slices (sliced-process.ts), before the frame that draws them. Without the sigma internals this relies on, sigma is left listening as it is.
 */
export async function withProcessingHeld(sigma: unknown, graph: EntenteGraph, addAll: () => Promise<void>, stopped: () => boolean): Promise<void> {
  const internals = sigma as SigmaListening;
  const theirs = internals.activeListeners?.addEdgeGraphUpdate;
  if (!theirs || typeof internals.addEdge !== 'function' || typeof internals.needToProcess !== 'boolean') return addAll();
  const ours = ({ key }: { key: string }) => {
    internals.addEdge!(key);
    internals.needToProcess = true;
  };
  graph.removeListener('edgeAdded', theirs);
  graph.on('edgeAdded', ours);
  try {
    await addAll();
  } finally {
    graph.removeListener('edgeAdded', ours);
    if (!stopped()) {
      graph.on('edgeAdded', theirs);
      // That one process, in slices too (sliced-process.ts): in sigma's next frame it was a task of 165 to 180 ms at 50,000 edges.
      await processInSlices(sigma, stopped);
    }
  }
}

/**
 * Makes `graph`, which holds the edges `held` marks, hold those `kept` marks instead. Edges are added
 * one by one (sigma takes each cheaply); a lower limit clears and re-adds, since sigma re-indexes
 * everything per dropped edge.
 */
export function reholdEdges(graph: EntenteGraph, index: RelationIndex, held: Uint8Array, kept: Uint8Array): void {
  const lowered = kept.some((k, e) => !k && held[e]);
  const colorOf = typeColors(index);
  const parallel = parallelFlags(index);
  if (lowered) {
    graph.clearEdges();
    held = new Uint8Array(kept.length);
  }
  for (let e = 0; e < kept.length; e++) {
    if (kept[e] && !held[e]) addAggregatedEdge(graph, index, e, parallel[e] === 1, colorOf.get(index.edges[e].type)!);
  }
  if (lowered) addAffiliationEdges(graph, index);
}
