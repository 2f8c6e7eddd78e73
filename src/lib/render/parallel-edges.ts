/** Edges between the same two actors, which must be drawn as separate curves. */
import type { RelationIndex } from '../core/relation-index';

const parallelGroupsCache = new WeakMap<RelationIndex, Int32Array[]>();

/** Edges grouped by unordered pair of actors, so parallel edges can fan out. */
export function parallelGroups(index: RelationIndex): Int32Array[] {
  let groups = parallelGroupsCache.get(index);
  if (groups) return groups;
  const byPair = new Map<string, number[]>();
  index.edges.forEach((edge, e) => {
    const key = edge.source < edge.target ? `${edge.source}|${edge.target}` : `${edge.target}|${edge.source}`;
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  });
  groups = [...byPair.values()].filter((list) => list.length > 1).map((list) => Int32Array.from(list));
  parallelGroupsCache.set(index, groups);
  return groups;
}
