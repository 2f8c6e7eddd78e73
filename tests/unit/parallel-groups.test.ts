import { describe, expect, it } from 'vitest';
import type { RelationIndex } from '../../src/lib/core/relation-index';
import { packedParallelGroups, parallelGroups, rememberParallelGroups } from '../../src/lib/render/parallel-edges';

/** The grouping as a Map by pair gives it: groups of two or more, each in edge order, ordered by first edge. */
function reference(sources: Int32Array, targets: Int32Array): number[][] {
  const byPair = new Map<string, number[]>();
  for (let e = 0; e < sources.length; e++) {
    const key = [sources[e], targets[e]].sort((a, b) => a - b).join('-');
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  return [...byPair.values()].filter((list) => list.length >= 2).sort((a, b) => a[0] - b[0]);
}

describe('parallelGroups', () => {
  it('groups edges by unordered pair as a Map by pair does, over a random graph with many repeated pairs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const actors = 40;
    const edges = 3000;
    const sources = new Int32Array(edges);
    const targets = new Int32Array(edges);
    for (let e = 0; e < edges; e++) {
      sources[e] = Math.floor(random() * actors);
      do targets[e] = Math.floor(random() * actors);
      while (targets[e] === sources[e]);
    }
    const index = { edgeSourceIndex: sources, edgeTargetIndex: targets, actorIds: Array.from({ length: actors }, (_, a) => `a${a}`) } as unknown as RelationIndex;
    const groups = parallelGroups(index).map((group) => Array.from(group));
    expect(groups.length).toBeGreaterThan(100);
    expect(groups).toEqual(reference(sources, targets));
  });

  it('takes the groups a worker packed for an index instead of working them out again', () => {
    const sources = Int32Array.of(0, 1, 0, 2, 1);
    const targets = Int32Array.of(1, 0, 2, 0, 2);
    const actorIds = ['a', 'b', 'c'];
    const packed = packedParallelGroups({ edgeSourceIndex: sources, edgeTargetIndex: targets, actorIds } as unknown as RelationIndex);
    expect(Array.from(packed.starts)).toEqual([0, 2, 4]);
    // The main thread's index has the same edges; given the packed groups, it does not group them itself.
    const onPage = { edgeSourceIndex: sources, edgeTargetIndex: targets, actorIds } as unknown as RelationIndex;
    rememberParallelGroups(onPage, { members: Int32Array.of(4, 3), starts: Int32Array.of(0, 2) });
    expect(parallelGroups(onPage).map((group) => Array.from(group))).toEqual([[4, 3]]);
    const fresh = { edgeSourceIndex: sources, edgeTargetIndex: targets, actorIds } as unknown as RelationIndex;
    rememberParallelGroups(fresh, packed);
    expect(parallelGroups(fresh).map((group) => Array.from(group))).toEqual(reference(sources, targets));
  });
});
