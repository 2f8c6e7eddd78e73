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
  nodes: number[];
  edges: number[];
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
  const { actors } = index.dataset;

  for (let i = 0; i < actorCount; i++) {
    nodeShown[i] = state.showIsolated || result.nodeCounts[i] > 0 ? 1 : 0;
    sizes[i] = nodeSize(KIND_STYLES[actors[i].kind].baseSize, result.nodeCounts[i]);
  }
  for (let e = 0; e < edgeCount; e++) if (result.edgeCounts[e] > 0) edgeSizes[e] = edgeSize(result.edgeCounts[e]);

  for (const group of parallelGroups(index)) {
    const visible = Array.from(group).filter((e) => result.edgeCounts[e] > 0);
    const first = visible.length ? index.edges[visible[0]].source : '';
    visible.forEach((e, i) => {
      // The curve bends to the left of its own direction, so an edge running the other way bends with a flipped sign.
      const sign = index.edges[e].source === first ? 1 : -1;
      // `|| 0`: the middle curve of an odd fan is 0, never -0, whichever way it runs.
      edgeCurvature[e] = sign * parallelCurvature(i, visible.length) || 0;
    });
  }

  let dimOthers = false;
  const actorIndex = (id: string) => graph.getNodeAttribute(id, 'index');
  if (state.focus !== null && graph.hasNode(state.focus)) {
    dimOthers = true;
    const f = actorIndex(state.focus);
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

/** Marks that make each node, edge and parallel group count once per update; kept per display. */
interface Marks {
  stamp: number;
  nodes: Int32Array;
  edges: Int32Array;
  groups: Int32Array;
}
const marksOf = new WeakMap<DisplayArrays, Marks>();

/**
 * Brings `display` up to date in place for a new filter result, given the edges whose count may have
 * changed (null: any of them), and returns what changed. Returns null when the change needs
 * computeDisplay instead: a focus or selection, which dims everything else, or a change of showIsolated.
 */
export function updateDisplay(index: RelationIndex, display: DisplayArrays, state: DisplayState, changedEdges: Int32Array | null): DisplayChanges | null {
  if (display.dimOthers || state.focus !== null || state.selectedEdge !== null || display.showIsolated !== state.showIsolated || display.edgeState !== state.edgeState) return null;
  const { edgeCounts, nodeCounts } = state.result;
  const groups = parallelGroups(index);
  const { groupOf, forward } = parallelIndex(index);
  let marks = marksOf.get(display);
  if (!marks) {
    marks = { stamp: 0, nodes: new Int32Array(index.actorIds.length), edges: new Int32Array(index.edges.length), groups: new Int32Array(groups.length) };
    marksOf.set(display, marks);
  }
  const stamp = ++marks.stamp;
  const changes: DisplayChanges = { nodes: [], edges: [] };
  const dirtyGroups: number[] = [];
  const candidateNodes: number[] = [];
  const markNode = (n: number) => {
    if (marks.nodes[n] === stamp) return;
    marks.nodes[n] = stamp;
    candidateNodes.push(n);
  };
  const edgeCount = changedEdges ? changedEdges.length : index.edges.length;
  for (let k = 0; k < edgeCount; k++) {
    const e = changedEdges ? changedEdges[k] : k;
    const count = edgeCounts[e];
    // Rounded as the Float32Array stores it, so an unchanged edge compares equal.
    const size = count > 0 ? Math.fround(edgeSize(count)) : 0;
    const before = display.edgeSize[e];
    if (size === before) continue;
    display.edgeSize[e] = size;
    marks.edges[e] = stamp;
    changes.edges.push(e);
    markNode(index.edgeSourceIndex[e]);
    markNode(index.edgeTargetIndex[e]);
    // An edge appearing or vanishing re-fans the others between the same two actors.
    const g = groupOf[e];
    if (g >= 0 && (size === 0) !== (before === 0) && marks.groups[g] !== stamp) {
      marks.groups[g] = stamp;
      dirtyGroups.push(g);
    }
  }
  for (const g of dirtyGroups) {
    const group = groups[g];
    let shown = 0;
    for (let k = 0; k < group.length; k++) if (edgeCounts[group[k]] > 0) shown++;
    let i = 0;
    let first = 0;
    for (let k = 0; k < group.length; k++) {
      const e = group[k];
      let curvature = 0;
      if (edgeCounts[e] > 0) {
        // The curve bends to the left of its own direction, so an edge running the other way than the first bends with a flipped sign.
        if (i === 0) first = forward[e];
        curvature = Math.fround((forward[e] === first ? 1 : -1) * parallelCurvature(i++, shown)) || 0;
      }
      if (curvature === display.edgeCurvature[e]) continue;
      display.edgeCurvature[e] = curvature;
      if (marks.edges[e] !== stamp) {
        marks.edges[e] = stamp;
        changes.edges.push(e);
      }
    }
  }
  const { actors } = index.dataset;
  for (const n of candidateNodes) {
    const shown = state.showIsolated || nodeCounts[n] > 0 ? 1 : 0;
    const size = Math.fround(nodeSize(KIND_STYLES[actors[n].kind].baseSize, nodeCounts[n]));
    if (shown === display.nodeShown[n] && size === display.nodeSize[n]) continue;
    display.nodeShown[n] = shown;
    display.nodeSize[n] = size;
    changes.nodes.push(n);
  }
  return changes;
}
