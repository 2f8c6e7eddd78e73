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
  /** A compound program's parts (sigma's createEdgeCompoundProgram), each processing every edge. */
  programs?: ItemProgram[];
}

/** The programs that process an edge of `program`: its parts when it is a compound, whose own process makes a closure per edge. */
const partsOf = (program: ItemProgram): ItemProgram[] => (Array.isArray(program.programs) ? program.programs : [program]);

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

/** sigma's methods that replace an item's display data (addNode, addEdge) or renumber program slots (process). */
const REINDEXING = ['process', 'addNode', 'addEdge', 'removeNode', 'removeEdge', 'clearNodeIndices', 'clearEdgeIndices'] as const;

/** Calls `changed` after each of this sigma's REINDEXING methods runs; false, changing nothing, when it lacks one. */
function watchReindexing(sigma: Sigma, changed: () => void): boolean {
  const s = sigma as unknown as Record<string, unknown>;
  if (!REINDEXING.every((name) => typeof s[name] === 'function')) return false;
  for (const name of REINDEXING) {
    const own = s[name] as (...args: unknown[]) => unknown;
    s[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return own.apply(this, args);
      } finally {
        changed();
      }
    };
  }
  return true;
}

/** Per item index: sigma's display data of it, its id (fingerprint) and its program slot (-1: none), as looked up in `stamp`. */
interface Slots<D> {
  stamp: Int32Array;
  data: Array<D | undefined>;
  fingerprint: Int32Array;
  position: Int32Array;
}

const slotsFor = <D>(count: number): Slots<D> => ({ stamp: new Int32Array(count), data: new Array<D | undefined>(count), fingerprint: new Int32Array(count), position: new Int32Array(count) });

/** No parts: an edge the graph does not hold. */
const NO_PARTS: ItemProgram[] = [];

/**
 * Repaints nodes and edges by index, straight into sigma's display data and program arrays (see above).
 * sigma keys all of that by string, six look-ups in objects of 10^5 keys per edge; here they are kept
 * per index, looked up once and again only after sigma has replaced the data or renumbered the slots
 * (it does so in the methods watchReindexing follows), so a slider move that repaints the same edges
 * as the move before reads typed arrays.
 */
export class DirectRepaint {
  /** Bumped whenever sigma may have replaced display data or renumbered slots: entries of another stamp are stale. */
  private generation = 1;
  private readonly cached: boolean;
  private readonly nodes: Slots<NodeDisplayData>;
  private readonly edges: Slots<EdgeDisplayData>;
  /** Per edge, the programs that process it, looked up with its slot: an edge keeps its program for the graph's life (looks.ts). */
  private readonly edgeParts: ItemProgram[][];

  constructor(
    private readonly sigma: Sigma,
    private target: RepaintTarget,
  ) {
    this.cached = watchReindexing(sigma, () => this.generation++);
    this.nodes = slotsFor(target.nodeKeys.length);
    this.edges = slotsFor(target.edgeKeys.length);
    this.edgeParts = new Array<ItemProgram[]>(target.edgeKeys.length).fill(NO_PARTS);
  }

  /** The graph now holds other edges (the drawn-edge limit changed). */
  setEdgeKeys(edgeKeys: readonly string[]): void {
    this.target = { ...this.target, edgeKeys };
    this.generation++;
  }

  /**
   * Repaints nodes `nodes` and edges `edges` (indices) at the next frame. Returns false, having changed
   * nothing, when sigma is not in a state to take it; then a sigma refresh must do it.
   */
  repaint(nodes: Int32Array, edges: Int32Array): boolean {
    const internals = internalsOf(this.sigma);
    if (!internals) return false;
    if (!this.cached) this.generation++;
    const { nodePrograms } = internals;
    const { target, generation } = this;
    const nodeSlots = this.nodes;
    const edgeSlots = this.edges;
    const { sourceOf, targetOf } = target;
    // A full process is pending (the layout moved nodes, say): it fills every program slot from the display data at
    // the next frame, so writing that data is all it takes. Otherwise every slot must be known, checked first, so that
    // a repaint is done whole or not at all. Items looked up this generation are known by their stamp alone.
    const slotsPending = internals.needToProcess;
    const nodeStamp = nodeSlots.stamp;
    const edgeStamp = edgeSlots.stamp;
    const nodeAt = nodeSlots.position;
    const edgeAt = edgeSlots.position;
    const knownNode = (n: number) => nodeStamp[n] === generation && (slotsPending || nodeAt[n] >= 0);
    for (let k = 0; k < nodes.length; k++) if (!knownNode(nodes[k]) && !this.knowNode(internals, nodes[k], slotsPending)) return false;
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k];
      const known = edgeStamp[e] === generation && (!edgeSlots.data[e] || ((slotsPending || edgeAt[e] >= 0) && knownNode(sourceOf[e]) && knownNode(targetOf[e])));
      if (!known && !this.knowEdge(internals, e, slotsPending)) return false;
    }
    const nodeData = nodeSlots.data;
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      const data = nodeData[n]!;
      target.writeNode(data, n);
      if (!slotsPending) nodePrograms[data.type].process(nodeSlots.fingerprint[n], nodeSlots.position[n], data);
    }
    const { data: edgeData, fingerprint } = edgeSlots;
    const edgeParts = this.edgeParts;
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k];
      const data = edgeData[e];
      // Beyond the drawn-edge limit: not in the graph.
      if (!data) continue;
      target.writeEdge(data, e);
      if (slotsPending) continue;
      const source = nodeData[sourceOf[e]];
      const end = nodeData[targetOf[e]];
      const parts = edgeParts[e];
      const id = fingerprint[e];
      const at = edgeAt[e];
      for (let p = 0; p < parts.length; p++) parts[p].process(id, at, source, end, data);
    }
    // Rendered at the next frame: a slider that moves several times in one frame is drawn once.
    this.sigma.scheduleRender();
    return true;
  }

  /** Whether node `n`'s data (and, unless slots are pending, its slot) is known, looking it up if stale. */
  private knowNode(internals: SigmaInternals, n: number, slotsPending: boolean): boolean {
    const slots = this.nodes;
    if (slots.stamp[n] !== this.generation) {
      const key = this.target.nodeKeys[n];
      const data = internals.nodeDataCache[key];
      if (!data) return false;
      slots.data[n] = data;
      slots.fingerprint[n] = internals.nodeIndices[key] ?? -1;
      slots.position[n] = internals.nodeProgramIndex[key] ?? -1;
      slots.stamp[n] = this.generation;
    }
    return slotsPending || slots.position[n] >= 0;
  }

  /** As knowNode, for edge `e` and both its ends; an edge the graph does not hold is known to be skipped. */
  private knowEdge(internals: SigmaInternals, e: number, slotsPending: boolean): boolean {
    const slots = this.edges;
    if (slots.stamp[e] !== this.generation) {
      const key = this.target.edgeKeys[e];
      const data = key ? internals.edgeDataCache[key] : undefined;
      if (key && !data) return false;
      slots.data[e] = data;
      slots.fingerprint[e] = key ? (internals.edgeIndices[key] ?? -1) : -1;
      slots.position[e] = key ? (internals.edgeProgramIndex[key] ?? -1) : -1;
      const program = data ? internals.edgePrograms[data.type] : undefined;
      this.edgeParts[e] = program ? partsOf(program) : NO_PARTS;
      slots.stamp[e] = this.generation;
    }
    if (!slots.data[e]) return true;
    if (!slotsPending && slots.position[e] < 0) return false;
    return this.knowNode(internals, this.target.sourceOf[e], slotsPending) && this.knowNode(internals, this.target.targetOf[e], slotsPending);
  }
}
