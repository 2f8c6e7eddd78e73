/**
 * What each node and edge looks like for one filter and selection state,
 * as flat arrays the sigma reducers read. Recomputed on every change; cheap,
 * because it walks aggregated edges, not relation rows.
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
  edgeState?: Uint8Array;
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
      edgeCurvature[e] = sign * parallelCurvature(i, visible.length);
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
  return { nodeShown, nodeSize: sizes, nodeEmphasis, edgeSize: edgeSizes, edgeCurvature, edgeEmphasis, dimOthers, edgeState: state.edgeState };
}
