/**
 * For `engine-bench.ts --by-type`: the same index with its aggregated edges renumbered by type (and,
 * within a type, in the index's order, which is by first row in time). It measures what numbering edges
 * by type in relation-index.ts would give the filter engine: a shown type's counts then lie in one block
 * that fits the L2 cache. Only the fields the engine and the full scan read are renumbered.
 */
import type { RelationIndex } from '../src/lib/core/relation-index';

export function renumberedByType(index: RelationIndex): RelationIndex {
  const { edgeTypeOf, edgeSourceIndex, edgeTargetIndex, edgeOf } = index;
  const next = new Int32Array(index.typeIds.length + 1);
  for (let e = 0; e < edgeTypeOf.length; e++) next[edgeTypeOf[e] + 1]++;
  for (let t = 0; t + 1 < next.length; t++) next[t + 1] += next[t];
  const newOf = new Int32Array(edgeTypeOf.length);
  for (let e = 0; e < edgeTypeOf.length; e++) newOf[e] = next[edgeTypeOf[e]]++;
  const permuted = <T extends Int32Array | Uint16Array>(values: T): T => {
    const out = values.slice() as T;
    for (let e = 0; e < values.length; e++) out[newOf[e]] = values[e];
    return out;
  };
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(index)) as RelationIndex;
  Object.assign(copy, {
    edgeOf: edgeOf.map((e) => newOf[e]),
    edgeTypeOf: permuted(edgeTypeOf),
    edgeSourceIndex: permuted(edgeSourceIndex),
    edgeTargetIndex: permuted(edgeTargetIndex),
  });
  return copy;
}
