/** Edges between the same two actors, which must be drawn as separate curves, and how they fan out. */
import type { RelationIndex } from '../core/relation-index';
import { parallelCurvature } from './styles';

/** Parallel groups as two arrays: the groups' edges one after another, and where each group starts (one more entry than groups). */
export interface PackedParallelGroups {
  members: Int32Array;
  starts: Int32Array;
}

/**
 * Kept packed, not as a view per group: at 1M relations, 92,000 groups' views held 5 MB of the page's heap
 * for the whole session, to be read once per held-edge mask.
 */
const parallelGroupsCache = new WeakMap<RelationIndex, PackedParallelGroups>();

/**
 * Edges grouped by unordered pair of actors, so parallel edges can fan out. The edges are put in pair
 * order by two stable counting sorts (by the pair's second actor, then its first), so each group is a
 * run of one buffer, in edge order, and the groups come ordered by their first edge. At half a
 * million edges, a Map keyed by pair took a third of a second of one main-thread task at load.
 */
export function packedParallelGroups(index: RelationIndex): PackedParallelGroups {
  let packed = parallelGroupsCache.get(index);
  if (packed) return packed;
  const { edgeSourceIndex: sources, edgeTargetIndex: targets } = index;
  const edgeCount = sources.length;
  const actorCount = index.actorIds.length;
  const low = new Int32Array(edgeCount);
  const high = new Int32Array(edgeCount);
  const edges = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const s = sources[e];
    const t = targets[e];
    low[e] = s < t ? s : t;
    high[e] = s < t ? t : s;
    edges[e] = e;
  }
  const sorted = countingSort(countingSort(edges, high, actorCount), low, actorCount);
  // Per edge that starts a run of two or more edges of one pair, where that run ends in `sorted`; else -1.
  const runEnd = new Int32Array(edgeCount).fill(-1);
  const runStart = new Int32Array(edgeCount);
  let groupCount = 0;
  let memberCount = 0;
  for (let k = 0; k < edgeCount; ) {
    const first = sorted[k];
    let next = k + 1;
    while (next < edgeCount && low[sorted[next]] === low[first] && high[sorted[next]] === high[first]) next++;
    if (next - k >= 2) {
      runEnd[first] = next;
      runStart[first] = k;
      groupCount++;
      memberCount += next - k;
    }
    k = next;
  }
  const starts = new Int32Array(groupCount + 1);
  const members = new Int32Array(memberCount);
  for (let e = 0, g = 0; e < edgeCount; e++) {
    if (runEnd[e] < 0) continue;
    members.set(sorted.subarray(runStart[e], runEnd[e]), starts[g]);
    starts[g + 1] = starts[g] + runEnd[e] - runStart[e];
    g++;
  }
  packed = { members, starts };
  parallelGroupsCache.set(index, packed);
  return packed;
}

/** The groups of packedParallelGroups, a view each (made afresh on each call, for code that reads them once). */
export function parallelGroups(index: RelationIndex): Int32Array[] {
  const { members, starts } = packedParallelGroups(index);
  return Array.from({ length: starts.length - 1 }, (_, g) => members.subarray(starts[g], starts[g + 1]));
}

/** Takes the groups a worker worked out for `index` (the import worker does, off the main thread, where at 1M relations they took one 65-100 ms task of the mount). */
export function rememberParallelGroups(index: RelationIndex, packed: PackedParallelGroups): void {
  parallelGroupsCache.set(index, packed);
}

/** `items` in the order of their `keyOf` (0 to keys - 1), ties in their order in `items`. */
function countingSort(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let k = 0; k < items.length; k++) starts[keyOf[items[k]] + 1]++;
  for (let key = 0; key < keys; key++) starts[key + 1] += starts[key];
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[starts[keyOf[items[k]]]++] = items[k];
  return out;
}

/**
 * The aggregated edges the graph holds and their parallel groups: the display works out looks for
 * these only, since an edge the graph does not hold is never drawn (build-graph.ts strongestEdges).
 */
export interface HeldEdges {
  /** Per edge, 1 when held; null when every edge is. */
  mask: Uint8Array | null;
  /** The held edges, in index order. */
  list: Int32Array;
  /**
   * Per aggregated edge, its place in `list` (its held slot), or -1 when not held. The display keeps
   * per-edge looks by slot: at a million relations the graph holds 50,000 of half a million edges.
   */
  slotOf: Int32Array;
  /** Groups of two or more held edges between the same two actors, in parallelGroups order. */
  groups: Int32Array[];
  /** Per held slot, its edge's group in `groups`, or -1 (no held sibling). */
  groupOf: Int32Array;
  /**
   * Per edge, 1 when it runs from its pair's first actor. Only compared within a pair, so the
   * reference can be the pair's first edge of all, held or not: fans are as with every edge held.
   */
  forward: Uint8Array;
}

const allHeld = new WeakMap<RelationIndex, HeldEdges>();
const heldByMask = new WeakMap<Uint8Array, { index: RelationIndex; held: HeldEdges }>();

/** The edges `mask` marks (absent: all) and their parallel groups, worked out once per index and mask. */
export function heldEdgesOf(index: RelationIndex, mask?: Uint8Array | null): HeldEdges {
  if (!mask) {
    let held = allHeld.get(index);
    if (!held) allHeld.set(index, (held = buildHeld(index, null)));
    return held;
  }
  const cached = heldByMask.get(mask);
  if (cached && cached.index === index) return cached.held;
  const held = buildHeld(index, mask);
  heldByMask.set(mask, { index, held });
  return held;
}

/** Per edge, whether it runs from its pair's first actor; once per index. */
const forwardByIndex = new WeakMap<RelationIndex, Uint8Array>();

function forwardOf(index: RelationIndex, { members, starts }: PackedParallelGroups): Uint8Array {
  let forward = forwardByIndex.get(index);
  if (forward) return forward;
  const sourceOf = index.edgeSourceIndex;
  forward = new Uint8Array(sourceOf.length);
  for (let g = 0; g + 1 < starts.length; g++) {
    const first = sourceOf[members[starts[g]]];
    for (let k = starts[g]; k < starts[g + 1]; k++) forward[members[k]] = sourceOf[members[k]] === first ? 1 : 0;
  }
  forwardByIndex.set(index, forward);
  return forward;
}

/** Works out (once per index) which way each parallel edge runs, which heldEdgesOf reads: the mount does it in a task of its own. */
export function prepareParallelDirections(index: RelationIndex): void {
  forwardOf(index, packedParallelGroups(index));
}

/**
 * The held edges and their groups. Held members are counted in one flat pass over the packed groups' members:
 * going through every group as an array of its own for each mask was a 40-90 ms task of the mount at 1M
 * relations, and a per-edge group number kept for counting from the held edges cost 2 MB for the session.
 */
function buildHeld(index: RelationIndex, mask: Uint8Array | null): HeldEdges {
  const edgeCount = index.edges.length;
  let heldCount = edgeCount;
  if (mask) {
    heldCount = 0;
    for (let e = 0; e < edgeCount; e++) if (mask[e]) heldCount++;
  }
  const list = new Int32Array(heldCount);
  const slotOf = new Int32Array(edgeCount).fill(-1);
  for (let e = 0, k = 0; e < edgeCount; e++) {
    if (mask && !mask[e]) continue;
    slotOf[e] = k;
    list[k++] = e;
  }
  const all = packedParallelGroups(index);
  const { members: allMembers, starts } = all;
  const forward = forwardOf(index, all);
  const groupOf = new Int32Array(heldCount).fill(-1);
  const groups: Int32Array[] = [];
  for (let g = 0; g + 1 < starts.length; g++) {
    let heldIn = 0;
    for (let k = starts[g]; k < starts[g + 1]; k++) if (!mask || mask[allMembers[k]]) heldIn++;
    if (heldIn < 2) continue;
    const group = allMembers.subarray(starts[g], starts[g + 1]);
    const members = mask && heldIn < group.length ? group.filter((e) => mask[e] === 1) : group;
    for (let k = 0; k < members.length; k++) groupOf[slotOf[members[k]]] = groups.length;
    groups.push(members);
  }
  return { mask, list, slotOf, groups, groupOf, forward };
}

/**
 * Writes the curvature of each edge of one parallel group of held edges into `curvature` (by held slot,
 * `slotOf`), fanning out the visible ones, and calls `changed` for each edge whose curvature differs from what was there.
 */
export function fanGroup(group: Int32Array, edgeCounts: Int32Array, forward: Uint8Array, slotOf: Int32Array, curvature: Float32Array, changed?: (e: number) => void): void {
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
    const slot = slotOf[e];
    if (bend === curvature[slot]) continue;
    curvature[slot] = bend;
    changed?.(e);
  }
}
