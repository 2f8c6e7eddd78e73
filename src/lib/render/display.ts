/**
 * What each node and edge looks like for one filter and selection state,
 * as flat arrays the sigma reducers read. computeDisplay works it all out,
 * walking every aggregated edge; a filter change with no selection then goes
 * through updateDisplay, which touches only the edges the filter engine
 * reports as changed, their actors and their parallel groups, so a slider
 * move costs what it changes, not what the graph holds.
 */
import type { FilterResult } from '../core/filter';
import type { RelationIndex } from '../core/relation-index';
import type { EntenteGraph } from './build-graph';
import { KIND_STYLES } from '../core/kind-styles';
import { edgeSize, nodeSize, parallelCurvature } from './styles';
import { parallelGroups } from './parallel-edges';
import { largeGraphNodeSize, nodeSizeScaleOf, type NodeSizeScale } from '../core/node-size-scale';

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
}

export interface DisplayArrays {
  nodeShown: Uint8Array;
  nodeSize: Float32Array;
  /** 0 normal, 1 neighbour of the selection, 2 the selection itself. */
  nodeEmphasis: Uint8Array;
  /** Thickness of each edge; 0 for an edge with no visible relation. */
  edgeSize: Float32Array;
  edgeCurvature: Float32Array;
  edgeEmphasis: Uint8Array;
  dimOthers: boolean;
  /** Whether actors without visible relations are kept: an update that changes it starts over. */
  showIsolated: boolean;
  /** Per edge, in a comparison of two periods: only in A, only in B or in both (core/compare.ts). */
  edgeState?: Uint8Array;
}

/** The indices of the nodes and edges whose look changed. */
export interface DisplayChanges {
  nodes: Int32Array;
  edges: Int32Array;
}

export function computeDisplay(index: RelationIndex, graph: EntenteGraph, state: DisplayState): DisplayArrays {
  const { result } = state;
  const actorCount = index.actorIds.length;
  const edgeCount = index.edges.length;
  const nodeShown = new Uint8Array(actorCount);
  const sizes = new Float32Array(actorCount);
  const nodeEmphasis = new Uint8Array(actorCount);
  const edgeSizes = new Float32Array(edgeCount);
  const edgeCurvature = new Float32Array(edgeCount);
  const edgeEmphasis = new Uint8Array(edgeCount);
  const baseSizes = baseSizesOf(index);
  const scale = nodeSizeScaleOf(index);

  for (let i = 0; i < actorCount; i++) {
    nodeShown[i] = state.showIsolated || result.nodeCounts[i] > 0 ? 1 : 0;
    sizes[i] = sizeOfNode(baseSizes[i], result.nodeCounts[i], scale);
  }
  for (let e = 0; e < edgeCount; e++) if (result.edgeCounts[e] > 0) edgeSizes[e] = edgeSizeOfCount(result.edgeCounts[e]);

  const { forward } = parallelIndex(index);
  for (const group of parallelGroups(index)) fanGroup(group, result.edgeCounts, forward, edgeCurvature);

  let dimOthers = false;
  if (state.focus !== null && graph.hasNode(state.focus)) {
    dimOthers = true;
    const f: number = graph.getNodeAttribute(state.focus, 'index');
    nodeShown[f] = 1;
    nodeEmphasis[f] = 2;
    for (let e = 0; e < edgeCount; e++) {
      if (result.edgeCounts[e] === 0) continue;
      const s = index.edgeSourceIndex[e];
      const t = index.edgeTargetIndex[e];
      if (s !== f && t !== f) continue;
      edgeEmphasis[e] = 1;
      nodeEmphasis[s === f ? t : s] = Math.max(nodeEmphasis[s === f ? t : s], 1);
    }
  }
  if (state.selectedEdge !== null && state.selectedEdge < edgeCount) {
    dimOthers = true;
    const e = state.selectedEdge;
    edgeEmphasis[e] = 2;
    for (const n of [index.edgeSourceIndex[e], index.edgeTargetIndex[e]]) nodeEmphasis[n] = Math.max(nodeEmphasis[n], 1);
  }
  return { nodeShown, nodeSize: sizes, nodeEmphasis, edgeSize: edgeSizes, edgeCurvature, edgeEmphasis, dimOthers, showIsolated: state.showIsolated, edgeState: state.edgeState };
}

/**
 * Writes the curvature of each edge of one parallel group into `curvature`, fanning out the visible ones,
 * and calls `changed` for each edge whose curvature differs from what was there.
 */
function fanGroup(group: Int32Array, edgeCounts: Int32Array, forward: Uint8Array, curvature: Float32Array, changed?: (e: number) => void): void {
  let shown = 0;
  for (let k = 0; k < group.length; k++) if (edgeCounts[group[k]] > 0) shown++;
  let i = 0;
  let first = 0;
  for (let k = 0; k < group.length; k++) {
    const e = group[k];
    let bend = 0;
    if (edgeCounts[e] > 0) {
      // The curve bends to the left of its own direction, so an edge running the other way than the first bends with a flipped sign.
      if (i === 0) first = forward[e];
      // `|| 0`: the middle curve of an odd fan is 0, never -0, whichever way it runs.
      bend = Math.fround((forward[e] === first ? 1 : -1) * parallelCurvature(i++, shown)) || 0;
    }
    if (bend === curvature[e]) continue;
    curvature[e] = bend;
    changed?.(e);
  }
}

/** Edge thickness per relation count, as a Float32Array stores it, for the counts most edges have. */
const EDGE_SIZES = Float32Array.from({ length: 4096 }, (_, count) => (count > 0 ? edgeSize(count) : 0));

function edgeSizeOfCount(count: number): number {
  return count < EDGE_SIZES.length ? EDGE_SIZES[count] : Math.fround(edgeSize(count));
}

/** Small graphs size a node by its visible relations without bound; large ones against the dataset's busiest actor (core/node-size-scale.ts). */
function sizeOfNode(base: number, visibleRelations: number, scale: NodeSizeScale): number {
  return scale.large ? largeGraphNodeSize(base, visibleRelations, scale) : nodeSize(base, visibleRelations);
}

const baseSizesCache = new WeakMap<RelationIndex, Float32Array>();

/** Each actor's size with no relation drawn, from its kind. */
function baseSizesOf(index: RelationIndex): Float32Array {
  let sizes = baseSizesCache.get(index);
  if (!sizes) {
    const { actors } = index.dataset;
    sizes = Float32Array.from({ length: index.actorIds.length }, (_, i) => KIND_STYLES[actors[i].kind].baseSize);
    baseSizesCache.set(index, sizes);
  }
  return sizes;
}

/** Indices of the nodes and edges whose look differs between two displays without a selection. */
export function displayDiff(before: DisplayArrays, after: DisplayArrays): { nodes: Int32Array; edges: Int32Array } {
  const nodes: number[] = [];
  for (let i = 0; i < after.nodeShown.length; i++) {
    if (before.nodeShown[i] !== after.nodeShown[i] || before.nodeSize[i] !== after.nodeSize[i]) nodes.push(i);
  }
  const edges: number[] = [];
  for (let e = 0; e < after.edgeSize.length; e++) {
    if (before.edgeSize[e] !== after.edgeSize[e] || before.edgeCurvature[e] !== after.edgeCurvature[e]) edges.push(e);
  }
  return { nodes: Int32Array.from(nodes), edges: Int32Array.from(edges) };
}

/** Per edge: its parallel group (an index into parallelGroups, -1 for a lone edge), and 1 when it runs from the pair's first actor. */
interface ParallelIndex {
  groupOf: Int32Array;
  forward: Uint8Array;
}
const parallelIndexCache = new WeakMap<RelationIndex, ParallelIndex>();

function parallelIndex(index: RelationIndex): ParallelIndex {
  let cached = parallelIndexCache.get(index);
  if (cached) return cached;
  const groupOf = new Int32Array(index.edges.length).fill(-1);
  const forward = new Uint8Array(index.edges.length);
  parallelGroups(index).forEach((group, g) => {
    const first = index.edgeSourceIndex[group[0]];
    for (const e of group) {
      groupOf[e] = g;
      forward[e] = index.edgeSourceIndex[e] === first ? 1 : 0;
    }
  });
  parallelIndexCache.set(index, (cached = { groupOf, forward }));
  return cached;
}

/** Marks that make each node, edge and parallel group count once per update, and the lists of what changed; kept per display. */
interface Marks {
  stamp: number;
  nodes: Int32Array;
  edges: Int32Array;
  groups: Int32Array;
  changedNodes: Int32Array;
  changedEdges: Int32Array;
  candidateNodes: Int32Array;
  dirtyGroups: Int32Array;
}
const marksOf = new WeakMap<DisplayArrays, Marks>();

function marksFor(index: RelationIndex, display: DisplayArrays, groupCount: number): Marks {
  let marks = marksOf.get(display);
  if (!marks) {
    const actors = index.actorIds.length;
    const edges = index.edges.length;
    marks = {
      stamp: 0,
      nodes: new Int32Array(actors),
      edges: new Int32Array(edges),
      groups: new Int32Array(groupCount),
      changedNodes: new Int32Array(actors),
      changedEdges: new Int32Array(edges),
      candidateNodes: new Int32Array(actors),
      dirtyGroups: new Int32Array(groupCount),
    };
    marksOf.set(display, marks);
  }
  return marks;
}

/**
 * Brings `display` up to date in place for a new filter result, given the edges whose count may have
 * changed (null: any of them), and returns what changed, as views that the next update overwrites.
 * Returns null when the change needs computeDisplay instead: a focus or selection, which dims
 * everything else, or a change of showIsolated.
 */
export function updateDisplay(index: RelationIndex, display: DisplayArrays, state: DisplayState, changedEdges: Int32Array | null): DisplayChanges | null {
  if (display.dimOthers || state.focus !== null || state.selectedEdge !== null || display.showIsolated !== state.showIsolated || display.edgeState !== state.edgeState) return null;
  const { edgeCounts, nodeCounts } = state.result;
  const groups = parallelGroups(index);
  const { groupOf, forward } = parallelIndex(index);
  const marks = marksFor(index, display, groups.length);
  const stamp = ++marks.stamp;
  const { nodes: nodeMarks, edges: edgeMarks, groups: groupMarks, changedNodes, changedEdges: changedOut, candidateNodes, dirtyGroups } = marks;
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const sizes = display.edgeSize;
  let edgesOut = 0;
  let candidates = 0;
  let dirty = 0;
  const edgeCount = changedEdges ? changedEdges.length : index.edges.length;
  for (let k = 0; k < edgeCount; k++) {
    const e = changedEdges ? changedEdges[k] : k;
    const count = edgeCounts[e];
    const size = count > 0 ? edgeSizeOfCount(count) : 0;
    const before = sizes[e];
    if (size === before) continue;
    sizes[e] = size;
    edgeMarks[e] = stamp;
    changedOut[edgesOut++] = e;
    const s = edgeSourceIndex[e];
    const t = edgeTargetIndex[e];
    if (nodeMarks[s] !== stamp) {
      nodeMarks[s] = stamp;
      candidateNodes[candidates++] = s;
    }
    if (nodeMarks[t] !== stamp) {
      nodeMarks[t] = stamp;
      candidateNodes[candidates++] = t;
    }
    // An edge appearing or vanishing re-fans the others between the same two actors.
    const g = groupOf[e];
    if (g >= 0 && (size === 0) !== (before === 0) && groupMarks[g] !== stamp) {
      groupMarks[g] = stamp;
      dirtyGroups[dirty++] = g;
    }
  }
  const refanned = (e: number) => {
    if (edgeMarks[e] === stamp) return;
    edgeMarks[e] = stamp;
    changedOut[edgesOut++] = e;
  };
  for (let k = 0; k < dirty; k++) fanGroup(groups[dirtyGroups[k]], edgeCounts, forward, display.edgeCurvature, refanned);
  const baseSizes = baseSizesOf(index);
  const scale = nodeSizeScaleOf(index);
  let nodesOut = 0;
  for (let k = 0; k < candidates; k++) {
    const n = candidateNodes[k];
    const shown = state.showIsolated || nodeCounts[n] > 0 ? 1 : 0;
    const size = Math.fround(sizeOfNode(baseSizes[n], nodeCounts[n], scale));
    if (shown === display.nodeShown[n] && size === display.nodeSize[n]) continue;
    display.nodeShown[n] = shown;
    display.nodeSize[n] = size;
    changedNodes[nodesOut++] = n;
  }
  return { nodes: changedNodes.subarray(0, nodesOut), edges: changedOut.subarray(0, edgesOut) };
}
