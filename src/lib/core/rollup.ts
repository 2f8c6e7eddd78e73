/**
 * Roll-up: people, ministries and sub-bodies counted as the top of their
 * affiliation chain (Lavrov → Russia, CSTO Joint Staff's Sidorov → CSTO).
 *
 * A row's rolled edge depends only on its aggregated edge (same type, both ends
 * replaced by their chain tops), so the roll-up is a map from edges to edges:
 * the filter engine runs as always, and its counts are summed into the rolled
 * edges. Rolled edges that do not exist among the dataset's own edges are
 * appended to the index once, with no rows of their own, so the graph is built
 * once with every edge either view can draw and toggling never rebuilds it.
 */
import type { Actor } from './model';
import type { AggregatedEdge, RelationIndex } from './relation-index';
import { edgeAt } from './relation-index-pack';
import { lazyArray } from './lazy-array';

export interface Rollup {
  /** Index of the top of each actor's affiliation chain (itself when it has none). */
  topOf: Int32Array;
  /** For each edge, the edge it is counted in when rolled up; -1 when both ends roll into one actor (a minister and their state). */
  rolledEdgeOf: Int32Array;
  /**
   * The edges rolled into each edge, ascending, as one array: those of edge `r` are
   * `members[memberStart[r]]` up to `members[memberStart[r + 1]]` (none for an edge between actors that are not tops).
   * Two flat arrays, not one list per edge, so a dataset of half a million edges pays a few MB, not tens.
   */
  memberStart: Int32Array;
  members: Int32Array;
  /** 1 for each edge whose rows stay in the rolled-up view (0: internal to one state or organisation). */
  keep: Uint8Array;
  /** Number of edges of the dataset itself; those after it exist only for the rolled-up view. */
  ownEdgeCount: number;
  /** Whether any actor rolls into another at all. */
  changesAnything: boolean;
}

/**
 * The top of every actor's affiliation chain. An affiliation to an unknown id ends the chain
 * where it is; a loop (which the loader rejects, but data may come from elsewhere) rolls every
 * actor that reaches it into the loop's first actor in dataset order, so it cannot hang.
 */
export function affiliationTops(actors: readonly Actor[]): Int32Array {
  const byId = new Map(actors.map((a, i) => [a.id, i]));
  const parent = Int32Array.from(actors, (a) => (a.affiliation ? (byId.get(a.affiliation) ?? -1) : -1));
  const top = new Int32Array(actors.length).fill(-1);
  for (let start = 0; start < actors.length; start++) {
    if (top[start] >= 0) continue;
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let at = start;
    let found = -1;
    while (true) {
      if (top[at] >= 0) {
        found = top[at];
        break;
      }
      const seenAt = onPath.get(at);
      if (seenAt !== undefined) {
        // A loop: its members are path[seenAt..]; all of it, and all that leads into it, rolls into its first member.
        found = Math.min(...path.slice(seenAt));
        break;
      }
      onPath.set(at, path.length);
      path.push(at);
      if (parent[at] < 0) {
        found = at;
        break;
      }
      at = parent[at];
    }
    for (const i of path) top[i] = found;
  }
  return top;
}

/**
 * Adds the rolled-up view's edges to an index: returns the index with the extra edges appended
 * (no rows, so nothing counts into them unless rolled up) and the map between the two views.
 * When no actor has an affiliation the index is returned as it is.
 *
 * Edges are found by their numbers (type, from, to) in an open-addressing table, never by string
 * key: at half a million edges, making each edge's object and key took 2 s in the import worker.
 */
export function withRollupEdges(index: RelationIndex): { index: RelationIndex; rollup: Rollup } {
  const { actorIds, edgeTypeOf, edgeSourceIndex, edgeTargetIndex } = index;
  const { types, actors } = index.dataset;
  const topOf = affiliationTops(actors);
  const ownEdgeCount = edgeTypeOf.length;
  const changesAnything = topOf.some((t, i) => t !== i);
  const rolledEdgeOf = new Int32Array(ownEdgeCount);
  const table = changesAnything ? new EdgeTable(ownEdgeCount, edgeTypeOf, edgeSourceIndex, edgeTargetIndex) : null;
  // Undirected edges run from the actor whose id sorts first, as the index numbers them.
  const rank = changesAnything ? idRanks(actorIds) : new Int32Array(0);
  const directed = Uint8Array.from(index.typeIds, (id) => (types.find((t) => t.id === id)?.directed ? 1 : 0));
  for (let e = 0; e < ownEdgeCount; e++) {
    const s = topOf[edgeSourceIndex[e]];
    const t = topOf[edgeTargetIndex[e]];
    if (s === edgeSourceIndex[e] && t === edgeTargetIndex[e]) {
      rolledEdgeOf[e] = e;
      continue;
    }
    if (s === t) {
      rolledEdgeOf[e] = -1;
      continue;
    }
    const type = edgeTypeOf[e];
    const forward = directed[type] === 1 || rank[s] < rank[t];
    rolledEdgeOf[e] = table!.findOrAdd(type, forward ? s : t, forward ? t : s);
  }
  const total = table ? table.size : ownEdgeCount;
  const rollup = withRollupMembers({
    topOf,
    rolledEdgeOf,
    keep: Uint8Array.from(rolledEdgeOf, (r) => (r >= 0 ? 1 : 0)),
    ownEdgeCount,
    edgeCount: total,
    changesAnything,
  });
  if (total === ownEdgeCount) return { index, rollup };
  const typeOf = table!.types.slice(0, total);
  const sourceOf = table!.sources.slice(0, total);
  const targetOf = table!.targets.slice(0, total);
  // The extra edges get an empty run of rows each, so code reading rows by offsets agrees with edgeRelations.
  const edgeRowStart = new Int32Array(total + 1);
  edgeRowStart.set(index.edgeRowStart);
  edgeRowStart.fill(index.edgeRowStart[ownEdgeCount] ?? 0, ownEdgeCount + 1);
  const { edgeRows } = index;
  const extended: RelationIndex = {
    ...index,
    edges: lazyArray<AggregatedEdge>(total, (e) => edgeAt(types, actors, typeOf[e], sourceOf[e], targetOf[e])),
    edgeTypeOf: typeOf,
    edgeSourceIndex: sourceOf,
    edgeTargetIndex: targetOf,
    edgeRowStart,
    edgeRelations: lazyArray(total, (e) => edgeRows.subarray(edgeRowStart[e], edgeRowStart[e + 1])),
  };
  return { index: extended, rollup };
}

/** A roll-up as the import worker posts it: without the edges rolled into each edge, which are worked out when first read. */
export type PackedRollup = Omit<Rollup, 'memberStart' | 'members'> & { edgeCount: number };

/**
 * `packed` with memberStart and members worked out from rolledEdgeOf when first read: only the evidence of a
 * rolled-up edge reads them, and at 1M relations they were 4 MB that the page held whether or not anyone rolled up.
 */
export function withRollupMembers(packed: PackedRollup): Rollup & { edgeCount: number } {
  let built: { memberStart: Int32Array; members: Int32Array } | null = null;
  const members = () => (built ??= membersOf(packed.rolledEdgeOf, packed.ownEdgeCount, packed.edgeCount));
  return Object.defineProperties(packed, {
    memberStart: { get: () => members().memberStart, enumerable: false, configurable: true },
    members: { get: () => members().members, enumerable: false, configurable: true },
  }) as Rollup & { edgeCount: number };
}

/** The roll-up's own fields, to post: the lazy members are not among its enumerable ones. */
export function packRollup(rollup: Rollup): PackedRollup {
  return { ...(rollup as Rollup & { edgeCount: number }) };
}

function membersOf(rolledEdgeOf: Int32Array, ownEdgeCount: number, total: number): { memberStart: Int32Array; members: Int32Array } {
  const memberStart = new Int32Array(total + 1);
  for (let e = 0; e < ownEdgeCount; e++) if (rolledEdgeOf[e] >= 0) memberStart[rolledEdgeOf[e] + 1]++;
  for (let r = 0; r < total; r++) memberStart[r + 1] += memberStart[r];
  const members = new Int32Array(memberStart[total]);
  const fill = memberStart.slice(0, total);
  for (let e = 0; e < ownEdgeCount; e++) if (rolledEdgeOf[e] >= 0) members[fill[rolledEdgeOf[e]]++] = e;
  return { memberStart, members };
}

function idRanks(ids: readonly string[]): Int32Array {
  const rank = new Int32Array(ids.length);
  Int32Array.from({ length: ids.length }, (_, a) => a)
    .sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0))
    .forEach((a, r) => (rank[a] = r));
  return rank;
}

/** The index's edges by (type, from, to), to which rolled edges the index lacks are appended. */
class EdgeTable {
  types: Uint16Array;
  sources: Int32Array;
  targets: Int32Array;
  size: number;
  private slots: Int32Array;
  private mask: number;

  constructor(count: number, types: Uint16Array, sources: Int32Array, targets: Int32Array) {
    // Rolled edges are at most as many as the own ones: room for both, at most half full.
    let slots = 1 << 10;
    while (slots < 4 * count) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.types = new Uint16Array(2 * count);
    this.sources = new Int32Array(2 * count);
    this.targets = new Int32Array(2 * count);
    this.types.set(types);
    this.sources.set(sources);
    this.targets.set(targets);
    this.size = count;
    for (let e = 0; e < count; e++) this.slots[this.free(types[e], sources[e], targets[e])] = e;
  }

  /** The slot holding (type, from, to), or the empty slot where it would go. */
  private free(type: number, from: number, to: number): number {
    let slot = Math.imul(Math.imul(type + 1, 0x9e3779b1) ^ Math.imul(from + 1, 0x85ebca6b) ^ Math.imul(to + 1, 0xc2b2ae35), 0x27d4eb2f) >>> 0;
    slot = (slot ^ (slot >>> 15)) & this.mask;
    for (let e = this.slots[slot]; e >= 0; e = this.slots[slot]) {
      if (this.types[e] === type && this.sources[e] === from && this.targets[e] === to) return slot;
      slot = (slot + 1) & this.mask;
    }
    return slot;
  }

  findOrAdd(type: number, from: number, to: number): number {
    const slot = this.free(type, from, to);
    if (this.slots[slot] >= 0) return this.slots[slot];
    const e = this.size++;
    this.types[e] = type;
    this.sources[e] = from;
    this.targets[e] = to;
    this.slots[slot] = e;
    return e;
  }
}

/**
 * Sums per-edge counts into the rolled edges and recounts the actors from them.
 * `edgeCounts` and the outputs are sized to the extended index's edges and actors.
 */
export function rollUpCounts(index: RelationIndex, rollup: Rollup, edgeCounts: Int32Array, into: { edgeCounts: Int32Array; nodeCounts: Int32Array }): void {
  into.edgeCounts.fill(0);
  into.nodeCounts.fill(0);
  const { rolledEdgeOf, ownEdgeCount } = rollup;
  for (let e = 0; e < ownEdgeCount; e++) {
    const c = edgeCounts[e];
    if (c !== 0 && rolledEdgeOf[e] >= 0) into.edgeCounts[rolledEdgeOf[e]] += c;
  }
  const { edgeSourceIndex, edgeTargetIndex } = index;
  for (let e = 0; e < into.edgeCounts.length; e++) {
    const c = into.edgeCounts[e];
    if (c === 0) continue;
    into.nodeCounts[edgeSourceIndex[e]] += c;
    into.nodeCounts[edgeTargetIndex[e]] += c;
  }
}

/** The rows drawn in an edge of the rolled-up view, ascending: the rows of every edge rolled into it. */
export function rolledEdgeRows(index: RelationIndex, rollup: Rollup, edge: number): number[] {
  const rows: number[] = [];
  const { memberStart, members } = rollup;
  if (edge < 0 || edge + 1 >= memberStart.length) return rows;
  for (let k = memberStart[edge]; k < memberStart[edge + 1]; k++) for (const i of index.edgeRelations[members[k]]) rows.push(i);
  return rows.sort((a, b) => a - b);
}
