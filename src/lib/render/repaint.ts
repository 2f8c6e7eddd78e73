/**
 * Repaints only the nodes and edges a filter change touched, by index,
 * straight into sigma's display data and program arrays.
 *
 * sigma's own partial refresh takes string keys and, per item, copies the
 * graph's attributes, runs the reducer and fills defaults, all to change a
 * size and a hidden flag: about as much per item as a full refresh. Here the
 * display data sigma keeps of each item is updated in place (looks.ts writes
 * what the reducer would give) and the item's program slot rewritten, as
 * sigma's refresh({ partialGraph, skipIndexation: true }) does; then one
 * render is scheduled for the next frame. This reads members sigma 3 keeps
 * private (its display-data caches, program indices and programs), checked
 * below; when they are not in the state this expects (a full process is
 * pending), the caller falls back to sigma's own refresh.
 */
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EntenteGraph } from './build-graph';

interface ItemProgram {
  process(fingerprint: number, position: number, ...data: unknown[]): void;
}

/** The members of sigma 3's Sigma class a direct repaint reads. */
interface SigmaInternals {
  nodeDataCache: Record<string, NodeDisplayData>;
  edgeDataCache: Record<string, EdgeDisplayData>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  nodePrograms: Record<string, ItemProgram>;
  edgePrograms: Record<string, ItemProgram>;
  needToProcess: boolean;
}

export interface RepaintTarget {
  /** Graph key of each actor, by actor index. */
  nodeKeys: readonly string[];
  /** Graph key of each aggregated edge the graph holds, by edge index ('' for one it does not hold). */
  edgeKeys: readonly string[];
  sourceOf: Int32Array;
  targetOf: Int32Array;
  writeNode(data: NodeDisplayData, n: number): void;
  writeEdge(data: EdgeDisplayData, e: number): void;
}

/** Graph key of each aggregated edge the graph holds, by edge index; '' for the others. */
export function heldEdgeKeys(graph: EntenteGraph, edgeCount: number): string[] {
  const keys = new Array<string>(edgeCount).fill('');
  graph.forEachEdge((key, attributes) => {
    if (attributes.index >= 0) keys[attributes.index] = key;
  });
  return keys;
}

/** This sigma's private members a direct repaint needs, if it has them all (sigma 3). */
function internalsOf(sigma: Sigma): SigmaInternals | null {
  const s = sigma as unknown as Partial<SigmaInternals>;
  if (typeof s.needToProcess !== 'boolean' || !s.nodeDataCache || !s.edgeDataCache || !s.nodeProgramIndex || !s.edgeProgramIndex || !s.nodeIndices || !s.edgeIndices || !s.nodePrograms || !s.edgePrograms) return null;
  return s as SigmaInternals;
}

/**
 * Repaints nodes `nodes` and edges `edges` (indices) at the next frame. Returns false, having changed
 * nothing, when sigma is not in a state to take it; then a sigma refresh must do it.
 */
export function repaintChanged(sigma: Sigma, target: RepaintTarget, nodes: Int32Array, edges: Int32Array): boolean {
  const internals = internalsOf(sigma);
  if (!internals) return false;
  const { nodeDataCache, edgeDataCache, nodeProgramIndex, edgeProgramIndex, nodeIndices, edgeIndices, nodePrograms, edgePrograms } = internals;
  // A full process is pending (the layout moved nodes, say): it fills every program slot from the display data at
  // the next frame, so writing that data is all it takes. Otherwise every slot must be known, checked first, so that
  // a repaint is done whole or not at all.
  const slotsPending = internals.needToProcess;
  for (let k = 0; k < nodes.length; k++) {
    const key = target.nodeKeys[nodes[k]];
    if (!nodeDataCache[key] || (!slotsPending && nodeProgramIndex[key] === undefined)) return false;
  }
  for (let k = 0; k < edges.length; k++) {
    const key = target.edgeKeys[edges[k]];
    if (key && (!edgeDataCache[key] || (!slotsPending && edgeProgramIndex[key] === undefined))) return false;
  }
  for (let k = 0; k < nodes.length; k++) {
    const key = target.nodeKeys[nodes[k]];
    const data = nodeDataCache[key];
    target.writeNode(data, nodes[k]);
    if (!slotsPending) nodePrograms[data.type].process(nodeIndices[key], nodeProgramIndex[key], data);
  }
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    const key = target.edgeKeys[e];
    // Beyond the drawn-edge limit: not in the graph.
    if (!key) continue;
    const data = edgeDataCache[key];
    target.writeEdge(data, e);
    if (slotsPending) continue;
    const source = nodeDataCache[target.nodeKeys[target.sourceOf[e]]];
    const targetData = nodeDataCache[target.nodeKeys[target.targetOf[e]]];
    edgePrograms[data.type].process(edgeIndices[key], edgeProgramIndex[key], source, targetData, data);
  }
  // Rendered at the next frame: a slider that moves several times in one frame is drawn once.
  sigma.scheduleRender();
  return true;
}
