import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { strongestEdges } from '../../src/lib/render/build-graph';
import { heldEdgesOf, parallelGroups } from '../../src/lib/render/parallel-edges';
import type { RelationIndex } from '../../src/lib/core/relation-index';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

/** The held groups worked out group by group, as before they were counted from the held edges. */
function reference(index: RelationIndex, mask: Uint8Array | null) {
  const groups: number[][] = [];
  const groupOf = new Array(index.edges.length).fill(-1);
  const forward = new Array(index.edges.length).fill(0);
  for (const group of parallelGroups(index)) {
    const first = index.edgeSourceIndex[group[0]];
    for (const e of group) forward[e] = index.edgeSourceIndex[e] === first ? 1 : 0;
    const members = Array.from(group).filter((e) => !mask || mask[e] === 1);
    if (members.length < 2) continue;
    for (const e of members) groupOf[e] = groups.length;
    groups.push(members);
  }
  const list = Array.from({ length: index.edges.length }, (_, e) => e).filter((e) => !mask || mask[e]);
  return { list, groups, groupOf, forward };
}

describe('heldEdgesOf', () => {
  const index = buildRelationIndex(generateDataset(6000), BENCH_TODAY);
  const edgeCount = index.edges.length;
  let seed = 3;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const masks: Array<[string, Uint8Array | null]> = [
    ['every edge', null],
    ['the strongest third', strongestEdges(index, Math.floor(edgeCount / 3))],
    ['a random half', Uint8Array.from({ length: edgeCount }, () => (random() < 0.5 ? 1 : 0))],
    ['none', new Uint8Array(edgeCount)],
  ];
  for (const [name, mask] of masks) {
    it(`holds the groups of two or more held edges, in pair order, for ${name}`, () => {
      const held = heldEdgesOf(index, mask);
      const expected = reference(index, mask);
      expect(Array.from(held.list)).toEqual(expected.list);
      expect(held.groups.map((g) => Array.from(g))).toEqual(expected.groups);
      // By held slot, the edge's place in the list; the slot of an edge not held is -1.
      expect(Array.from(held.groupOf)).toEqual(expected.list.map((e) => expected.groupOf[e]));
      expect(Array.from(held.slotOf)).toEqual(expected.groupOf.map((_, e) => expected.list.indexOf(e)));
      const grouped = expected.groupOf.map((g, e) => (g >= 0 ? e : -1)).filter((e) => e >= 0);
      expect(grouped.map((e) => held.forward[e])).toEqual(grouped.map((e) => expected.forward[e]));
      if (mask !== null && name !== 'none') expect(held.groups.length).toBeGreaterThan(5);
    });
  }
});
