/**
 * The relation index as the import worker posts it (its typed arrays, transferred) and
 * as the main thread rebuilds it around the posted dataset, so buildRelationIndex there
 * costs nothing.
 */
import { lazyArray } from './lazy-array';
import type { Dataset } from './model';
import { claimEndsColumn, relationColumnsOf } from './relation-columns';
import { withCarriedEnds, type AggregatedEdge, type RelationIndex } from './relation-index';

export type PackedRelationIndex = Omit<RelationIndex, 'dataset' | 'edges' | 'edgeRelations' | 'columns' | 'carriedEnds'>;

/** Left out of the post: rebuilt around the dataset, or (carriedEnds) worked out when first read. */
const NOT_POSTED = new Set(['dataset', 'edges', 'edgeRelations', 'columns', 'carriedEnds']);

export function packRelationIndex(index: RelationIndex): PackedRelationIndex {
  // Key by key, not a rest spread: that would read carriedEnds, and so work it out, only to drop it.
  const packed: Record<string, unknown> = {};
  for (const key of Object.keys(index)) if (!NOT_POSTED.has(key)) packed[key] = index[key as keyof RelationIndex];
  return packed as unknown as PackedRelationIndex;
}

/** The buffers of the index, to transfer rather than copy; `ends` is usually the columns' endDateEnd (endsArrayOf): dedupe with theirs. */
export function indexBuffers(index: PackedRelationIndex): ArrayBuffer[] {
  return [index.ends, index.statementOf, index.edgeOf, index.edgeTypeOf, index.edgeSourceIndex, index.edgeTargetIndex, index.edgeRows, index.edgeRowStart].map((a) => a.buffer as ArrayBuffer);
}

/** Indexes built elsewhere (in the load worker) for a dataset, so that buildRelationIndex on the main thread costs nothing. */
const prebuilt = new WeakMap<Dataset, RelationIndex>();

export const prebuiltIndexOf = (dataset: Dataset): RelationIndex | undefined => prebuilt.get(dataset);

/** Rebuilds a posted index around its dataset (unpacked from the same message) and registers it for buildRelationIndex. */
export function unpackRelationIndex(packed: PackedRelationIndex, dataset: Dataset): RelationIndex {
  const { types, actors } = dataset;
  const { edgeTypeOf, edgeSourceIndex, edgeTargetIndex, edgeRows, edgeRowStart } = packed;
  const columns = relationColumnsOf(dataset);
  // The worker's index wrote its ends into endDateEnd (endsArrayOf): no other index of these columns may write there.
  if (packed.ends.buffer === columns.endDateEnd.buffer) claimEndsColumn(columns);
  const index = withCarriedEnds({
    ...packed,
    dataset,
    columns,
    edges: lazyArray<AggregatedEdge>(edgeTypeOf.length, (e) => edgeAt(types, actors, edgeTypeOf[e], edgeSourceIndex[e], edgeTargetIndex[e])),
    edgeRelations: lazyArray(edgeTypeOf.length, (e) => edgeRows.subarray(edgeRowStart[e], edgeRowStart[e + 1])),
  });
  prebuilt.set(dataset, index);
  return index;
}

/** An aggregated edge as an object, made when read. */
export function edgeAt(types: Dataset['types'], actors: Dataset['actors'], t: number, s: number, o: number): AggregatedEdge {
  const type = types[t];
  const source = actors[s].id;
  const target = actors[o].id;
  return { key: `${type.id}:${source}>${target}`, source, target, type: type.id, directed: type.directed };
}
