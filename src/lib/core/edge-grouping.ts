/**
 * The relation index's aggregated edges (relation-index.ts): rows of one type between one pair of actors
 * are one edge. Edges are numbered by type (in the dataset's type order), then by their first row in time,
 * as numberedByType orders them.
 *
 * Rows are grouped by a counting sort on the edge's first actor, then, within each actor's rows, by a small
 * dense table over (other actor, type), which stays in the cache. An open-addressing table over all edges
 * cost a cache miss per row at 10^6 rows: its first read was most of the index's time.
 */
import { numberedByType } from './index-order';

/** Above this many (actor, type) keys the dense table no longer fits a cache: the edges are hashed instead. */
const MAX_DENSE_KEYS = 1 << 22;

export interface RowEdges {
  edgeOf: Int32Array;
  edgeTypeOf: Uint16Array;
  edgeSourceIndex: Int32Array;
  edgeTargetIndex: Int32Array;
}

export interface EdgeInput {
  /** Rows in order of their start day (rowsByStart). */
  byStart: Int32Array;
  typeOf: Uint16Array;
  subject: ArrayLike<number>;
  object: ArrayLike<number>;
  isDirected: Uint8Array;
  /** Each actor's rank in id order: an undirected edge runs from the actor that sorts first. */
  rank: Int32Array;
  actorCount: number;
  typeCount: number;
}

export function edgesOfRows(input: EdgeInput): RowEdges {
  const { byStart, typeOf, subject, object, isDirected, rank, actorCount, typeCount } = input;
  const count = byStart.length;
  const keyCount = actorCount * typeCount;
  if (keyCount > MAX_DENSE_KEYS) return hashedEdges(input);
  // Each row's first actor and (other actor, type) key, in time order.
  const fromAt = new Int32Array(count);
  const keyAt = new Int32Array(count);
  const bucketStart = new Int32Array(actorCount + 1);
  for (let k = 0; k < count; k++) {
    const i = byStart[k];
    const t = typeOf[i];
    const s = subject[i];
    const o = object[i];
    const forward = isDirected[t] === 1 || rank[s] < rank[o];
    const from = forward ? s : o;
    fromAt[k] = from;
    keyAt[k] = (forward ? o : s) * typeCount + t;
    bucketStart[from + 1]++;
  }
  for (let a = 0; a < actorCount; a++) bucketStart[a + 1] += bucketStart[a];
  // Rows by first actor, in time order within each (a stable counting sort), with their keys beside them.
  const sortedK = new Int32Array(count);
  const sortedKey = new Int32Array(count);
  const fill = bucketStart.slice(0, actorCount);
  for (let k = 0; k < count; k++) {
    const p = fill[fromAt[k]]++;
    sortedK[p] = k;
    sortedKey[p] = keyAt[k];
  }
  // Groups: a key met for the first time in its actor's rows starts one. keyAt is read no more: it holds each row's group.
  const groupAt = keyAt;
  const seenIn = new Int32Array(keyCount);
  const groupOfKey = new Int32Array(keyCount);
  const typeStart = new Int32Array(typeCount + 1);
  let groups = 0;
  for (let a = 0, p = 0; a < actorCount; a++) {
    const stamp = a + 1;
    for (const end = bucketStart[a + 1]; p < end; p++) {
      const key = sortedKey[p];
      let g: number;
      if (seenIn[key] !== stamp) {
        seenIn[key] = stamp;
        groupOfKey[key] = g = groups++;
        typeStart[(key % typeCount) + 1]++;
      } else g = groupOfKey[key];
      groupAt[sortedK[p]] = g;
    }
  }
  for (let t = 0; t < typeCount; t++) typeStart[t + 1] += typeStart[t];
  // Numbered in time order of their first row, within their type's block.
  const numberOf = new Int32Array(groups).fill(-1);
  const edgeOf = new Int32Array(count);
  const edgeTypeOf = new Uint16Array(groups);
  const edgeSourceIndex = new Int32Array(groups);
  const edgeTargetIndex = new Int32Array(groups);
  for (let k = 0; k < count; k++) {
    const i = byStart[k];
    const g = groupAt[k];
    let e = numberOf[g];
    if (e < 0) {
      const t = typeOf[i];
      e = numberOf[g] = typeStart[t]++;
      const from = fromAt[k];
      edgeTypeOf[e] = t;
      edgeSourceIndex[e] = from;
      edgeTargetIndex[e] = from === subject[i] ? object[i] : subject[i];
    }
    edgeOf[i] = e;
  }
  return { edgeOf, edgeTypeOf, edgeSourceIndex, edgeTargetIndex };
}

/** The same edges by an open-addressing table of (type, from, to), for datasets of very many actors and types. */
export function hashedEdges({ byStart, typeOf, subject, object, isDirected, rank, typeCount }: EdgeInput): RowEdges {
  const count = byStart.length;
  const edgeOf = new Int32Array(count);
  let edgeTypeOf = new Uint16Array(Math.min(count, 1024));
  let edgeSourceIndex = new Int32Array(edgeTypeOf.length);
  let edgeTargetIndex = new Int32Array(edgeTypeOf.length);
  let edgeCount = 0;
  // Sized for every row being an edge of its own, at most half full.
  let slots = 1 << 10;
  while (slots < 2 * count) slots *= 2;
  const edgeBySlot = new Int32Array(slots).fill(-1);
  const mask = slots - 1;
  for (let k = 0; k < count; k++) {
    const i = byStart[k];
    const t = typeOf[i];
    const s = subject[i];
    const o = object[i];
    const forward = isDirected[t] === 1 || rank[s] < rank[o];
    const from = forward ? s : o;
    const to = forward ? o : s;
    let slot = Math.imul(Math.imul(t + 1, 0x9e3779b1) ^ Math.imul(from + 1, 0x85ebca6b) ^ Math.imul(to + 1, 0xc2b2ae35), 0x27d4eb2f) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    let e = edgeBySlot[slot];
    while (e >= 0 && !(edgeTypeOf[e] === t && edgeSourceIndex[e] === from && edgeTargetIndex[e] === to)) {
      slot = (slot + 1) & mask;
      e = edgeBySlot[slot];
    }
    if (e < 0) {
      e = edgeCount++;
      edgeBySlot[slot] = e;
      if (e === edgeTypeOf.length) {
        const size = Math.min(count, e * 2);
        edgeTypeOf = grown(edgeTypeOf, size);
        edgeSourceIndex = grown(edgeSourceIndex, size);
        edgeTargetIndex = grown(edgeTargetIndex, size);
      }
      edgeTypeOf[e] = t;
      edgeSourceIndex[e] = from;
      edgeTargetIndex[e] = to;
    }
    edgeOf[i] = e;
  }
  return { edgeOf, ...numberedByType(typeCount, edgeCount, edgeTypeOf, edgeSourceIndex, edgeTargetIndex, edgeOf) };
}

function grown<T extends Uint16Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}
