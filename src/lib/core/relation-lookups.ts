/**
 * The valid actors and types by character range, made once per load for the
 * relations fast path (relation-fast-path.ts): it finds an id in the file's text
 * without making a string, and accepts exactly the ids the slow path accepts.
 */
import type { IdTable } from './load-checks';
import type { RelationType } from './model';
import { RangeTable } from './text-ranges';

/** Look-ups by character range, made once per load from the valid actors and types. */
export interface RelationLookups {
  actors: RangeTable;
  types: RangeTable;
  /** Rank of each actor number in the ids' string order, for the undirected-order check. */
  actorRank: Int32Array;
  /** 1 for each directed type number. */
  directed: Uint8Array;
}

/** Ids, by number, that the slow path would accept: those in `table` (numbers from `index`). */
function rangeTableOf(index: Map<string, number>, accepted: (id: string) => boolean): RangeTable {
  const ids = [...index.keys()].filter(accepted);
  const table = new RangeTable(ids.join(''), ids.length, true);
  let offset = 0;
  for (const id of ids) {
    table.add(offset, offset + id.length, index.get(id)!);
    offset += id.length;
  }
  return table;
}

export function relationLookups(actors: IdTable, actorIndex: Map<string, number>, types: Map<string, RelationType>, typeIndex: Map<string, number>): RelationLookups {
  const actorIds: string[] = [];
  for (const [id, n] of actorIndex) actorIds[n] = id;
  const order = actorIds.map((_, n) => n).sort((a, b) => (actorIds[a] < actorIds[b] ? -1 : actorIds[a] > actorIds[b] ? 1 : 0));
  const actorRank = new Int32Array(actorIds.length);
  order.forEach((n, rank) => (actorRank[n] = rank));
  const directed = new Uint8Array(typeIndex.size);
  for (const [id, n] of typeIndex) directed[n] = types.get(id)?.directed ? 1 : 0;
  return {
    actors: rangeTableOf(actorIndex, (id) => actors.ids.has(id)),
    types: rangeTableOf(typeIndex, (id) => types.has(id)),
    actorRank,
    directed,
  };
}
