/**
 * Renumbered copies of an index, to measure how edge numbering alone changes the filter engine's time.
 * relation-index.ts numbers edges by type, then by first row in time; `renumberedInTimeOrder` gives back
 * the previous numbering (by first row in time only), for `engine-bench.ts --against-in-time-order`, and
 * `renumberedByType` the current one from any index. Only the fields the engine and the full scan read are renumbered.
 */
import { rowsByStart } from '../src/lib/core/index-order';
import type { RelationIndex } from '../src/lib/core/relation-index';

function renumbered(index: RelationIndex, newOf: Int32Array): RelationIndex {
  const permuted = <T extends Int32Array | Uint16Array>(values: T): T => {
    const out = values.slice() as T;
    for (let e = 0; e < values.length; e++) out[newOf[e]] = values[e];
    return out;
  };
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(index)) as RelationIndex;
  Object.assign(copy, {
    edgeOf: index.edgeOf.map((e) => newOf[e]),
    edgeTypeOf: permuted(index.edgeTypeOf),
    edgeSourceIndex: permuted(index.edgeSourceIndex),
    edgeTargetIndex: permuted(index.edgeTargetIndex),
  });
  return copy;
}

export function renumberedByType(index: RelationIndex): RelationIndex {
  const { edgeTypeOf } = index;
  const next = new Int32Array(index.typeIds.length + 1);
  for (let e = 0; e < edgeTypeOf.length; e++) next[edgeTypeOf[e] + 1]++;
  for (let t = 0; t + 1 < next.length; t++) next[t + 1] += next[t];
  const newOf = new Int32Array(edgeTypeOf.length);
  for (let e = 0; e < edgeTypeOf.length; e++) newOf[e] = next[edgeTypeOf[e]]++;
  return renumbered(index, newOf);
}

/** Edges numbered in order of their first row in time (rows by start day, ties in row order), as the index did before. */
export function renumberedInTimeOrder(index: RelationIndex): RelationIndex {
  const { starts, edgeOf } = index;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < starts.length; i++) {
    min = Math.min(min, starts[i]);
    max = Math.max(max, starts[i]);
  }
  const newOf = new Int32Array(index.edgeTypeOf.length).fill(-1);
  let next = 0;
  for (const i of rowsByStart(starts, min, max)) if (newOf[edgeOf[i]] < 0) newOf[edgeOf[i]] = next++;
  return renumbered(index, newOf);
}
