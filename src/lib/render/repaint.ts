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
import { sizedEdgesByActor, type HeldSlots, type SizedEdgesByActor } from './held-slots';
import { internalsOf, partsOf, watchReindexing, type ItemProgram, type SigmaInternals } from './sigma-internals';
import { nodeSizeTableOf, type NodeSizeTable } from './node-size-texture';

export interface RepaintTarget {
  /** Graph key of each actor, by actor index. */
  nodeKeys: readonly string[];
  held: HeldSlots;
  /** Graph key of each held edge, by held slot ('' while the graph does not hold it yet: the mount adds edges in slices). */
  edgeKeys: readonly string[];
  sourceOf: Int32Array;
  targetOf: Int32Array;
  /**
   * Whether edge `e`'s program instance holds its target's size (a directed edge stops short of its
   * target for the head): that size is rewritten whenever the target is resized, the edge changed or not.
   * No program here holds the source's size.
   */
  sizedByEnds?(e: number): boolean;
  /**
   * Whether edge `e` is drawn in the look last written: the unchanged edges of a resized actor that are
   * hidden have no instance to rewrite, and are left out before any of sigma's data is read (at 100k
   * relations, three in four of them).
   */
  drawn?(e: number): boolean;
  writeNode(data: NodeDisplayData, n: number): void;
  writeEdge(data: EdgeDisplayData, e: number): void;
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
 * per index (per held slot for edges), looked up once and again only after sigma has replaced the data
 * or renumbered the slots (it does so in the methods watchReindexing follows), so a slider move that
 * repaints the same edges as the move before reads typed arrays.
 *
 * A directed edge stops short of its target for the head, so it draws with its target's size. On WebGL2
 * the edge programs read that size from a per-node texture (node-size-texture.ts): a resized actor is one
 * write into that table here. Without it (WebGL1) the instance holds the size, rewritten in the instances
 * of a resized actor's incoming edges of that kind too, changed or not (visible-only-program.ts
 * rewriteEndSizes): at 100k relations a move resizes actors with some 6,000 such drawn edges.
 */
export class DirectRepaint {
  /** Bumped whenever sigma may have replaced display data or renumbered slots: entries of another stamp are stale. */
  private generation = 1;
  private readonly cached: boolean;
  private readonly nodes: Slots<NodeDisplayData>;
  private edges!: Slots<EdgeDisplayData>;
  /** Per held slot, the programs that process its edge, looked up with its slot: an edge keeps its program for the graph's life (looks.ts). */
  private edgeParts!: ItemProgram[][];
  /** The held slots to repaint: the changed edges first (`changedCount` of them), then those of resized actors. */
  private pending!: Int32Array;
  private pendingCount = 0;
  private changedCount = 0;
  /** Per held slot, the repaint that listed it last, so each is listed once. */
  private listed!: Int32Array;
  private listing = 0;
  /** Worked out on the first repaint that resizes an actor, and again once the graph holds other edges. */
  private sizedByActor: SizedEdgesByActor | null = null;
  /** The node sizes this sigma's edge programs read (node-size-texture.ts); while in use, no edge instance holds a size. */
  private readonly sizes: NodeSizeTable;

  constructor(
    private readonly sigma: Sigma,
    private target: RepaintTarget,
  ) {
    this.cached = watchReindexing(sigma, () => this.generation++);
    this.sizes = nodeSizeTableOf(sigma);
    this.nodes = slotsFor(target.nodeKeys.length);
    this.allocateEdges();
  }

  private allocateEdges(): void {
    const count = this.target.held.list.length;
    this.edges = slotsFor(count);
    this.edgeParts = new Array<ItemProgram[]>(count).fill(NO_PARTS);
    this.pending = new Int32Array(count);
    this.listed = new Int32Array(count);
    this.listing = 0;
    this.sizedByActor = null;
  }

  /** The graph now holds other edges (the drawn-edge limit changed), with these keys by held slot. */
  setHeld(held: HeldSlots, edgeKeys: readonly string[]): void {
    this.target = { ...this.target, held, edgeKeys };
    this.allocateEdges();
    this.generation++;
  }

  /** The graph holds held edge `e` from now on, under `key` (the mount adds edges in slices). */
  edgeAdded(e: number, key: string): void {
    const slot = this.target.held.slotOf[e];
    if (slot < 0) return;
    (this.target.edgeKeys as string[])[slot] = key;
    // Looked up again: it may be known as not in the graph.
    this.edges.stamp[slot] = 0;
  }

  /**
   * Repaints nodes `nodes` and edges `edges` (indices) at the next frame: directly when it can, else
   * through sigma's partial refresh.
   */
  paint(nodes: Int32Array, edges: Int32Array): void {
    if (this.repaint(nodes, edges)) return;
    const { edgeKeys } = this.target;
    const keys: string[] = [];
    for (let k = 0; k < this.pendingCount; k++) if (edgeKeys[this.pending[k]]) keys.push(edgeKeys[this.pending[k]]);
    // Not scheduled: sigma's full refresh clears its program indices until it draws, and a partial one
    // arriving before that frame would find none ("can't be repaint").
    this.sigma.refresh({ partialGraph: { nodes: Array.from(nodes, (n) => this.target.nodeKeys[n]), edges: keys }, skipIndexation: true });
    // That refresh rewrote the nodes but not their edges: the edge programs read the new sizes from the table.
    if (!this.sizes.inUse) return;
    for (let k = 0; k < nodes.length; k++) {
      const data = this.sigma.getNodeDisplayData(this.target.nodeKeys[nodes[k]]);
      if (data) this.sizes.set(this.sizes.slotOf(data), data.size);
    }
  }

  /**
   * Lists in `pending` the held slots of `edges`, then, unless a full process is pending (it rewrites
   * every instance anyway), those of the edges into `nodes` whose instances hold their target's size.
   */
  private list(nodes: Int32Array, edges: Int32Array, withResized: boolean): void {
    const { slotOf } = this.target.held;
    const { pending, listed } = this;
    const mark = ++this.listing;
    let count = 0;
    for (let k = 0; k < edges.length; k++) {
      const slot = slotOf[edges[k]];
      if (slot < 0 || listed[slot] === mark) continue;
      listed[slot] = mark;
      pending[count++] = slot;
    }
    this.changedCount = count;
    if (withResized && nodes.length > 0 && this.target.sizedByEnds && !this.sizes.inUse) {
      const { starts, slots } = (this.sizedByActor ??= sizedEdgesByActor(this.target));
      const { drawn } = this.target;
      const heldList = this.target.held.list;
      for (let k = 0; k < nodes.length; k++) {
        const n = nodes[k];
        for (let j = starts[n]; j < starts[n + 1]; j++) {
          const slot = slots[j];
          if (listed[slot] === mark || (drawn !== undefined && !drawn(heldList[slot]))) continue;
          listed[slot] = mark;
          pending[count++] = slot;
        }
      }
    }
    this.pendingCount = count;
  }

  /**
   * Repaints nodes `nodes` and edges `edges` (indices) at the next frame. Returns false, having changed
   * nothing, when sigma is not in a state to take it; then a sigma refresh must do it, of the edges
   * left listed in `pending`.
   */
  repaint(nodes: Int32Array, edges: Int32Array): boolean {
    const internals = internalsOf(this.sigma);
    // A full process is pending (the layout moved nodes, say): it fills every program slot from the display data at
    // the next frame, so writing that data is all it takes. Otherwise every slot must be known, checked first, so that
    // a repaint is done whole or not at all. Items looked up this generation are known by their stamp alone.
    const slotsPending = internals?.needToProcess ?? false;
    this.list(nodes, edges, !slotsPending);
    if (!internals) return false;
    if (!this.cached) this.generation++;
    const { nodePrograms } = internals;
    const { target, generation, pending, pendingCount, changedCount } = this;
    const nodeSlots = this.nodes;
    const edgeSlots = this.edges;
    const { sourceOf, targetOf } = target;
    const heldList = target.held.list;
    const nodeStamp = nodeSlots.stamp;
    const edgeStamp = edgeSlots.stamp;
    const nodeAt = nodeSlots.position;
    const edgeAt = edgeSlots.position;
    const knownNode = (n: number) => nodeStamp[n] === generation && (slotsPending || nodeAt[n] >= 0);
    for (let k = 0; k < nodes.length; k++) if (!knownNode(nodes[k]) && !this.knowNode(internals, nodes[k], slotsPending)) return false;
    for (let k = 0; k < pendingCount; k++) {
      const slot = pending[k];
      const e = heldList[slot];
      const known = edgeStamp[slot] === generation && (!edgeSlots.data[slot] || ((slotsPending || edgeAt[slot] >= 0) && knownNode(sourceOf[e]) && knownNode(targetOf[e])));
      if (!known && !this.knowEdge(internals, slot, slotsPending)) return false;
    }
    const nodeData = nodeSlots.data;
    const sizes = this.sizes;
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      const data = nodeData[n]!;
      target.writeNode(data, n);
      if (sizes.inUse) sizes.set(sizes.slotOf(data), data.size);
      if (!slotsPending) nodePrograms[data.type].process(nodeSlots.fingerprint[n], nodeSlots.position[n], data);
    }
    const { data: edgeData, fingerprint } = edgeSlots;
    const edgeParts = this.edgeParts;
    for (let k = 0; k < pendingCount; k++) {
      const slot = pending[k];
      const data = edgeData[slot];
      // Not in the graph yet (the mount is adding edges).
      if (!data) continue;
      const e = heldList[slot];
      const changed = k < changedCount;
      // An edge of a resized actor keeps its look; a hidden one has no instance to move.
      if (changed) target.writeEdge(data, e);
      else if (data.hidden) continue;
      if (slotsPending) continue;
      const source = nodeData[sourceOf[e]]!;
      const end = nodeData[targetOf[e]]!;
      const parts = edgeParts[slot];
      const id = fingerprint[slot];
      const at = edgeAt[slot];
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        if (changed || !part.rewriteEndSizes?.(at, source, end)) part.process(id, at, source, end, data);
      }
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

  /** As knowNode, for the edge at held slot `slot` and both its ends; an edge the graph does not hold yet is known to be skipped. */
  private knowEdge(internals: SigmaInternals, slot: number, slotsPending: boolean): boolean {
    const slots = this.edges;
    if (slots.stamp[slot] !== this.generation) {
      const key = this.target.edgeKeys[slot];
      const data = key ? internals.edgeDataCache[key] : undefined;
      if (key && !data) return false;
      slots.data[slot] = data;
      slots.fingerprint[slot] = key ? (internals.edgeIndices[key] ?? -1) : -1;
      slots.position[slot] = key ? (internals.edgeProgramIndex[key] ?? -1) : -1;
      const program = data ? internals.edgePrograms[data.type] : undefined;
      this.edgeParts[slot] = program ? partsOf(program) : NO_PARTS;
      slots.stamp[slot] = this.generation;
    }
    if (!slots.data[slot]) return true;
    if (!slotsPending && slots.position[slot] < 0) return false;
    const e = this.target.held.list[slot];
    return this.knowNode(internals, this.target.sourceOf[e], slotsPending) && this.knowNode(internals, this.target.targetOf[e], slotsPending);
  }
}
