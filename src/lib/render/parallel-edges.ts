/** Edges between the same two actors, which must be drawn as separate curves. */
import type { RelationIndex } from '../core/relation-index';

const parallelGroupsCache = new WeakMap<RelationIndex, Int32Array[]>();

/**
 * Edges grouped by unordered pair of actors, so parallel edges can fan out. Pairs are keyed by
 * their actor positions as one number, not by id strings: at half a million edges, reading each
 * edge as an object with string keys took most of a second on the main thread.
 */
export function parallelGroups(index: RelationIndex): Int32Array[] {
  let groups = parallelGroupsCache.get(index);
  if (groups) return groups;
  const { edgeSourceIndex: sources, edgeTargetIndex: targets } = index;
  const actorCount = index.actorIds.length;
  const firstOfPair = new Map<number, number>();
  const lists = new Map<number, number[]>();
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    const key = s < t ? s * actorCount + t : t * actorCount + s;
    const first = firstOfPair.get(key);
    if (first === undefined) firstOfPair.set(key, e);
    else {
      const list = lists.get(key);
      if (list) list.push(e);
      else lists.set(key, [first, e]);
    }
  }
  // Ordered by each pair's first edge, as grouping in edge order gives them.
  groups = [...lists.values()].sort((a, b) => a[0] - b[0]).map((list) => Int32Array.from(list));
  parallelGroupsCache.set(index, groups);
  return groups;
}
