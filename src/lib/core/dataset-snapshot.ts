/**
 * A snapshot of what the import worker answers for a saved dataset once the loader has parsed and validated
 * it (columns, string stores, relation index, roll-up, engine layout, issues), kept in IndexedDB beside the
 * CSV payload so that the next load answers from it instead of parsing again. The payload stays the source
 * of truth: the snapshot is the validator's own output, written after it ran, and dropped with every write
 * of the payload (state/dataset-store.ts).
 *
 * The value is stored by structured clone, typed arrays as they are (no JSON): `encodeSnapshot` takes every
 * typed array out of the value into a flat list and writes in the header the kind and length of each, so
 * that `decodeSnapshot` can reject a snapshot of another format version, another day (the index carries
 * standing relations forward to `today`), or with an array cut short, with a `dataset-snapshot:` error on
 * which the worker falls back to parsing.
 */

/** Bumped whenever what the worker posts changes shape (packing, index, roll-up, engine layout): an older snapshot is then parsed again. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = 'entente-dataset-snapshot';

type View = ArrayBufferView & { length: number };

export interface SnapshotHeader {
  magic: typeof MAGIC;
  format: number;
  /** The day the index was built for (its carried-forward ends reach it). */
  today: number;
  /** Constructor name and length of each array, in the order of `arrays`. */
  arrays: Array<[string, number]>;
}

export interface EncodedSnapshot {
  header: SnapshotHeader;
  /** The value with each typed array replaced by `{ [ARRAY_SLOT]: i }`. */
  body: unknown;
  /** The typed arrays, each once: two places holding the same array get the same slot, so they share it again when decoded. */
  arrays: View[];
}

const ARRAY_SLOT = '$snapshotArray';

const VIEW_TYPES = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array']);

const isPlain = (value: object): boolean => Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;

export class SnapshotError extends Error {
  constructor(reason: string) {
    super(`dataset-snapshot: ${reason}`);
  }
}

/**
 * `value` with its typed arrays listed apart, for IndexedDB. Walks plain objects and arrays only; anything else
 * (a Map of attributes) is left for structured clone as it is. `value` itself is not changed.
 */
export function encodeSnapshot(value: unknown, today: number): EncodedSnapshot {
  const arrays: View[] = [];
  const slots = new Map<View, number>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (ArrayBuffer.isView(v)) {
      const view = v as View;
      if (!VIEW_TYPES.has(view.constructor.name)) throw new SnapshotError(`cannot store a ${view.constructor.name}`);
      let slot = slots.get(view);
      if (slot === undefined) {
        slot = arrays.push(view) - 1;
        slots.set(view, slot);
      }
      return { [ARRAY_SLOT]: slot };
    }
    if (!isPlain(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) out[key] = walk(inner);
    return out;
  };
  const body = walk(value);
  return { header: { magic: MAGIC, format: SNAPSHOT_FORMAT, today, arrays: arrays.map((a) => [a.constructor.name, a.length]) }, body, arrays };
}

/**
 * The value a snapshot holds, its arrays put back (the same objects, not copies); throws a `dataset-snapshot:`
 * error when it is of another format version or day, or when an array is missing, of another kind or cut short.
 */
export function decodeSnapshot<T>(stored: unknown, today: number): T {
  const snapshot = stored as Partial<EncodedSnapshot> | null | undefined;
  const header = snapshot?.header;
  if (!header || header.magic !== MAGIC) throw new SnapshotError('not a dataset snapshot');
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`format ${header.format}, this version reads ${SNAPSHOT_FORMAT}`);
  if (header.today !== today) throw new SnapshotError(`indexed for day ${header.today}, today is ${today}`);
  const arrays = snapshot.arrays;
  if (!Array.isArray(arrays) || !Array.isArray(header.arrays) || arrays.length !== header.arrays.length) throw new SnapshotError(`${arrays?.length ?? 0} arrays where the header lists ${header.arrays?.length ?? 0}`);
  header.arrays.forEach(([kind, length], i) => {
    const array = arrays[i];
    if (!ArrayBuffer.isView(array) || array.constructor.name !== kind) throw new SnapshotError(`array ${i} is not a ${kind}`);
    if (array.length !== length) throw new SnapshotError(`array ${i} (${kind}) holds ${array.length} values where ${length} were written: truncated`);
  });
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || !isPlain(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    const slot = (v as Record<string, unknown>)[ARRAY_SLOT];
    if (slot !== undefined) {
      if (typeof slot !== 'number' || !(slot in arrays)) throw new SnapshotError(`no array ${String(slot)}`);
      return arrays[slot];
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) out[key] = walk(inner);
    return out;
  };
  if (snapshot.body === undefined) throw new SnapshotError('no body');
  return walk(snapshot.body) as T;
}

/** The buffers of a snapshot's arrays, each once, to transfer. */
export function snapshotBuffers(snapshot: Pick<EncodedSnapshot, 'arrays'>): ArrayBuffer[] {
  return [...new Set(snapshot.arrays.map((a) => a.buffer as ArrayBuffer))];
}
