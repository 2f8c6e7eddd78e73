/**
 * The valid actors and types by character range, made once per load for the
 * relations fast path (relation-fast-path.ts): it finds an id in the file's text
 * without making a string, and accepts exactly the ids the slow path accepts.
 */
import type { IdTable } from './load-checks';
import type { RelationType } from './model';
import { MAX_ID_CHARS } from './limits';
import { digestRange } from './text-ranges';

/** Look-ups by character range, made once per load from the valid actors and types. */
export interface RelationLookups {
  actors: PairTable;
  types: PairTable;
  /** Rank of each actor number in the ids' string order, for the undirected-order check. */
  actorRank: Int32Array;
  /** 1 for each directed type number. */
  directed: Uint8Array;
}

/** Words of packed character pairs a field of at most MAX_ID_CHARS holds. */
export const ID_PAIR_WORDS = MAX_ID_CHARS >> 1;

/** The word of the pair of characters c0 and c1 (c1 = 0 for a last odd character), as the fast path's scan forms it. */
export const packedPair = (c0: number, c1: number) => c0 | (c1 << 16);

/**
 * Ids by digestRange, each compared with a field as its characters packed two to a word, which the fast path's
 * scan forms anyway to hash the field: at 10^6 rows, three look-ups per row, a startsWith call per look-up
 * (a runtime call) was the largest cost of the look-ups.
 */
export class PairTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly lengths: Int32Array;
  private readonly values: Int32Array;
  /** Key k's pairs are words[ID_PAIR_WORDS * k, ...). */
  private readonly words: Int32Array;

  constructor(ids: readonly string[], values: readonly number[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    const n = ids.length;
    this.hashes = new Int32Array(n);
    this.lengths = new Int32Array(n);
    this.values = Int32Array.from(values);
    this.words = new Int32Array(n * ID_PAIR_WORDS);
    ids.forEach((id, k) => {
      if (id.length > MAX_ID_CHARS) throw new Error(`entente/relation-lookups: an id longer than ${MAX_ID_CHARS} characters`);
      const hash = mixed(digestRange(id, 0, id.length));
      this.hashes[k] = hash;
      this.lengths[k] = id.length;
      for (let i = 0; i < id.length; i += 2) this.words[k * ID_PAIR_WORDS + (i >> 1)] = packedPair(id.charCodeAt(i), i + 1 < id.length ? id.charCodeAt(i + 1) : 0);
      let slot = hash & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = k + 1;
    });
  }

  /** The number of the id of `length` characters whose digestRange is `digest` and pairs are pairs[base, ...), or -1. */
  findPairs(pairs: Int32Array, base: number, length: number, digest: number): number {
    if (length > MAX_ID_CHARS) return -1;
    const hash = mixed(digest);
    const slots = this.slots;
    const mask = slots.length - 1;
    const words = this.words;
    const count = (length + 1) >> 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = slots[slot] - 1;
      if (k < 0) return -1;
      if (this.hashes[k] !== hash || this.lengths[k] !== length) continue;
      const from = k * ID_PAIR_WORDS;
      let w = 0;
      while (w < count && words[from + w] === pairs[base + w]) w++;
      if (w === count) return this.values[k];
    }
  }
}

function mixed(digest: number): number {
  return Math.imul(digest ^ (digest >>> 15), 0x2c1b3c6d);
}

/** Ids, by number, that the slow path would accept: those `accepted` among the keys of `index`. */
function pairTableOf(index: Map<string, number>, accepted: (id: string) => boolean): PairTable {
  const ids = [...index.keys()].filter(accepted);
  return new PairTable(ids, ids.map((id) => index.get(id)!));
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
    actors: pairTableOf(actorIndex, (id) => actors.ids.has(id)),
    types: pairTableOf(typeIndex, (id) => types.has(id)),
    actorRank,
    directed,
  };
}
