/**
 * What each node and edge looks like for one filter and selection state,
 * as flat arrays the sigma reducers read. computeDisplay works it all out;
 * a filter change with no selection then goes through updateDisplay
 * (display-update.ts), which touches only what the filter engine reports as
 * changed, so a slider move costs what it changes, not what the graph holds.
 * Edge looks are worked out only for the edges the graph holds (`held`),
 * and kept by held slot (the edge's place among them): above the drawn-edge
 * limit the others are never drawn, and at a million relations per-edge
 * arrays for all 507k aggregated edges held 5 MB for the 50k drawn. Read
 * an edge's look by its index with edgeSizeOf and the others below. Node
 * looks come from the engine's node counts, which stay exact over every row.
 */
import type { FilterResult } from '../core/filter';
import type { RelationIndex } from '../core/relation-index';
import type { EntenteGraph } from './build-graph';
import { nodeSizeScaleOf } from '../core/node-size-scale';
import { fanGroup, heldEdgesOf } from './parallel-edges';
import { baseSizesOf, edgeSizeOfCount, sizeOfNode } from './display-sizes';

export { updateDisplay } from './display-update';

export interface DisplayState {
  result: FilterResult;
  /** Focused actor: it and its visible neighbourhood are emphasised, the rest dimmed. */
  focus: string | null;
  /** Selected aggregated edge index. */
  selectedEdge: number | null;
  /** Keep actors that have no visible relation on the canvas. */
  showIsolated: boolean;
  /** While two periods are compared, the period each edge is in (core/compare.ts); edges are coloured by it. */
  edgeState?: Uint8Array;
  /**
   * Per aggregated edge, 1 when the graph holds it (the renderer's drawn-edge limit); absent: all.
   * Edges not held get no look (size 0) and parallel edges fan out among held ones only.
   * Kept by identity: an update with another mask starts over.
   */
  held?: Uint8Array;
}

export interface DisplayArrays {
  nodeShown: Uint8Array;
  nodeSize: Float32Array;
  /** 0 normal, 1 neighbour of the selection, 2 the selection itself. */
  nodeEmphasis: Uint8Array;
  /** Per aggregated edge, its held slot, which the three arrays below are indexed by; -1 for an edge the graph does not hold. */
  edgeSlot: Int32Array;
  /** Thickness of each held edge, by slot; 0 for an edge with no visible relation. */
  edgeSize: Float32Array;
  edgeCurvature: Float32Array;
  edgeEmphasis: Uint8Array;
  dimOthers: boolean;
  /** Whether actors without visible relations are kept: an update that changes it starts over. */
  showIsolated: boolean;
  /** Per edge, in a comparison of two periods: only in A, only in B or in both (core/compare.ts). */
  edgeState?: Uint8Array;
  /** The held-edge mask these looks are for (DisplayState.held). */
  held?: Uint8Array;
  /** Each actor's visible relations these looks are of, so an update re-sizes only actors whose count changed. */
  nodeCounts: Int32Array;
}

/** The indices of the nodes and edges whose look changed. */
export interface DisplayChanges {
  nodes: Int32Array;
  edges: Int32Array;
}

/** Thickness of aggregated edge `e`; 0 for one with no visible relation, or one the graph does not hold. */
export function edgeSizeOf(display: DisplayArrays, e: number): number {
  const slot = display.edgeSlot[e];
  return slot >= 0 ? display.edgeSize[slot] : 0;
}

export function edgeCurvatureOf(display: DisplayArrays, e: number): number {
  const slot = display.edgeSlot[e];
  return slot >= 0 ? display.edgeCurvature[slot] : 0;
}

export function edgeEmphasisOf(display: DisplayArrays, e: number): number {
  const slot = display.edgeSlot[e];
  return slot >= 0 ? display.edgeEmphasis[slot] : 0;
}

export function computeDisplay(index: RelationIndex, graph: EntenteGraph, state: DisplayState): DisplayArrays {
  const { result } = state;
  const { edgeCounts } = result;
  const actorCount = index.actorIds.length;
  const edgeCount = index.edges.length;
  const held = heldEdgesOf(index, state.held);
  const heldList = held.list;
  const { slotOf } = held;
  const nodeShown = new Uint8Array(actorCount);
  const sizes = new Float32Array(actorCount);
  const nodeEmphasis = new Uint8Array(actorCount);
  const edgeSizes = new Float32Array(heldList.length);
  const edgeCurvature = new Float32Array(heldList.length);
  const edgeEmphasis = new Uint8Array(heldList.length);
  const baseSizes = baseSizesOf(index);
  const scale = nodeSizeScaleOf(index);

  for (let i = 0; i < actorCount; i++) {
    nodeShown[i] = state.showIsolated || result.nodeCounts[i] > 0 ? 1 : 0;
    sizes[i] = sizeOfNode(baseSizes[i], result.nodeCounts[i], scale);
  }
  for (let k = 0; k < heldList.length; k++) {
    const e = heldList[k];
    if (edgeCounts[e] > 0) edgeSizes[k] = edgeSizeOfCount(edgeCounts[e]);
  }
  for (const group of held.groups) fanGroup(group, edgeCounts, held.forward, slotOf, edgeCurvature);

  let dimOthers = false;
  if (state.focus !== null && graph.hasNode(state.focus)) {
    dimOthers = true;
    const f: number = graph.getNodeAttribute(state.focus, 'index');
    nodeShown[f] = 1;
    nodeEmphasis[f] = 2;
    for (let k = 0; k < heldList.length; k++) {
      const e = heldList[k];
      if (edgeCounts[e] === 0) continue;
      const s = index.edgeSourceIndex[e];
      const t = index.edgeTargetIndex[e];
      if (s !== f && t !== f) continue;
      edgeEmphasis[k] = 1;
      nodeEmphasis[s === f ? t : s] = Math.max(nodeEmphasis[s === f ? t : s], 1);
    }
  }
  if (state.selectedEdge !== null && state.selectedEdge < edgeCount) {
    dimOthers = true;
    const e = state.selectedEdge;
    // An edge the graph does not hold is not drawn: only its actors are emphasised.
    if (slotOf[e] >= 0) edgeEmphasis[slotOf[e]] = 2;
    for (const n of [index.edgeSourceIndex[e], index.edgeTargetIndex[e]]) nodeEmphasis[n] = Math.max(nodeEmphasis[n], 1);
  }
  return {
    nodeShown,
    nodeSize: sizes,
    nodeEmphasis,
    edgeSlot: slotOf,
    edgeSize: edgeSizes,
    edgeCurvature,
    edgeEmphasis,
    dimOthers,
    showIsolated: state.showIsolated,
    edgeState: state.edgeState,
    held: state.held,
    nodeCounts: Int32Array.from(result.nodeCounts),
  };
}

/**
 * Indices of the nodes and edges whose look differs between two displays without a selection: of the
 * edges, those `after` holds (the others are not in the graph). Reads `before` by edge index, so that it
 * holds across a change of the held edges too: it is for the rare changes updateDisplay leaves to
 * computeDisplay, not for slider moves.
 */
export function displayDiff(before: DisplayArrays, after: DisplayArrays): DisplayChanges {
  const nodes: number[] = [];
  for (let i = 0; i < after.nodeShown.length; i++) {
    if (before.nodeShown[i] !== after.nodeShown[i] || before.nodeSize[i] !== after.nodeSize[i]) nodes.push(i);
  }
  const edges: number[] = [];
  const slots = after.edgeSlot;
  for (let e = 0; e < slots.length; e++) {
    const slot = slots[e];
    if (slot < 0) continue;
    if (edgeSizeOf(before, e) !== after.edgeSize[slot] || edgeCurvatureOf(before, e) !== after.edgeCurvature[slot]) edges.push(e);
  }
  return { nodes: Int32Array.from(nodes), edges: Int32Array.from(edges) };
}
