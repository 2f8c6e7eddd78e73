/** Edges between the same two actors, which must be drawn as separate curves. */
import type { RelationIndex } from '../core/relation-index';

const parallelGroupsCache = new WeakMap<RelationIndex, Int32Array[]>();

/** Edges grouped by unordered pair of actors, so parallel edges can fan out; each group in edge order. */
export function parallelGroups(index: RelationIndex): Int32Array[] {
  let groups = parallelGroupsCache.get(index);
  if (groups) return groups;
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const actorCount = index.actorIds.length;
  // Numeric pair keys from the typed columns: index.edges makes an object per edge read.
  const byPair = new Map<number, number[]>();
  for (let e = 0; e < edgeSourceIndex.length; e++) {
    const s = edgeSourceIndex[e];
    const t = edgeTargetIndex[e];
    const key = s < t ? s * actorCount + t : t * actorCount + s;
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  groups = [...byPair.values()].filter((list) => list.length > 1).map((list) => Int32Array.from(list));
  parallelGroupsCache.set(index, groups);
  return groups;
}
