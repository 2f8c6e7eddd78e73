/**
 * Many short strings (quotes, notes, statement ids) kept as a few long flat
 * strings and one offset array. A quote read from a CSV file is a V8 "sliced
 * string" that keeps the whole file text alive; copying every value into a
 * joined chunk lets the file text go, and costs 4 bytes of offset per value
 * instead of an object header each.
 */
import { deflateChunks, InflatedChunks } from './deflated-chunks';

/**
 * Values per chunk: small enough that one non-Latin-1 quote makes only its chunk two-byte, and that a chunk of
 * quotes of usual length (tens of characters) stays under 65,536 characters, so offsets into it fit 16 bits.
 */
const CHUNK_SHIFT = 10;
const CHUNK_ROWS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_ROWS - 1;

export interface StringStore {
  readonly count: number;
  /**
   * Joined values, CHUNK_ROWS per chunk. A chunk is UTF-8 bytes when the store came from a worker
   * (packStringStore) and the chunk has not been read since: a transferred buffer instead of 34 MB of strings
   * that structured clone copied on the main thread at 10^6 quotes. Decoded, and replaced, on its first read.
   */
  readonly chunks: (string | Uint8Array)[];
  /**
   * Start of value i in its chunk; `count + 1` entries, the last the end of the last value unless that ends a
   * chunk (a chunk's last value ends at the chunk's end). 16 bits when every chunk is shorter than 2^16
   * characters, which halves what offsets cost at 10^6 rows. Null when every value is empty.
   */
  readonly offsets: Uint16Array | Int32Array | null;
  /**
   * Its byte chunks are raw DEFLATE of their UTF-8 (deflateStringStore), kept so: a read inflates its chunk into
   * a small LRU (deflated-chunks.ts) rather than replacing it, so the text does not build back up as it is read.
   * Not readonly: a store that arrives as plain bytes becomes deflated when the worker's deflated chunks follow
   * (swapInDeflated).
   */
  deflated?: boolean;
}

// ignoreBOM keeps a chunk's leading U+FEFF, which the decoder would otherwise take for a byte-order mark and drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The decoded chunks of each deflated store; a WeakMap, since a store travels as plain data. */
const inflated = new WeakMap<StringStore, InflatedChunks>();

function inflatedOf(store: StringStore): InflatedChunks {
  let chunks = inflated.get(store);
  if (!chunks) inflated.set(store, (chunks = new InflatedChunks()));
  return chunks;
}

/** Chunk c's text: decoded the first time it is read when it arrived as bytes, inflated on each read out of the LRU when deflated. */
function chunkOf(store: StringStore, c: number): string {
  const chunk = store.chunks[c];
  if (typeof chunk === 'string') return chunk;
  if (store.deflated) return inflatedOf(store).get(c, chunk);
  const text = utf8.decode(chunk);
  store.chunks[c] = text;
  return text;
}

/** Lone surrogates do not survive UTF-8, so a chunk holding one travels as a string. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string): boolean => {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !loneSurrogate.test(text);
};

/**
 * The store as a worker posts it: each chunk as its UTF-8 bytes (transfer encodedBuffers of it), a buffer
 * per chunk so that no joined copy is made, read on the other side as they are. `store` stays usable.
 */
export function packStringStore(store: StringStore): StringStore {
  const encoder = new TextEncoder();
  const chunks = store.chunks.map((_, c) => {
    const text = chunkOf(store, c);
    return wellFormed(text) ? encoder.encode(text) : text;
  });
  return { count: store.count, chunks, offsets: store.offsets };
}

/**
 * The store as a worker posts it for good: as packStringStore, each byte chunk deflated. For quotes and notes,
 * which a user reads a few at a time; `store` stays usable.
 */
export async function deflateStringStore(store: StringStore): Promise<StringStore> {
  const packed = packStringStore(store);
  const bytes = packed.chunks.filter((chunk): chunk is Uint8Array => typeof chunk !== 'string');
  if (bytes.length === 0) return packed;
  const deflated = await deflateChunks(bytes);
  let next = 0;
  const chunks = packed.chunks.map((chunk) => (typeof chunk === 'string' ? chunk : deflated[next++]));
  return { count: packed.count, chunks, offsets: packed.offsets, deflated: true };
}

/**
 * The deflated chunks of a store, as the worker posts them after the dataset: `null` where its chunk stays a
 * string (a lone surrogate). The chunks in the order of the store's, for swapInDeflated.
 */
export async function deflatedChunksOf(store: StringStore): Promise<(Uint8Array | null)[]> {
  const deflated = await deflateStringStore(store);
  return deflated.deflated ? deflated.chunks.map((chunk) => (typeof chunk === 'string' ? null : chunk)) : [];
}

/**
 * Puts the deflated chunks of a store that arrived as plain bytes in place of its own, bytes or decoded text
 * alike, in one synchronous pass: there is no moment at which a read finds one chunk swapped and the store not
 * marked deflated. A value read before stays a string of its own; the next read of its chunk inflates it.
 * A null chunk is one the worker kept as a string (a lone surrogate), which the store holds as that string too.
 * False, and the store left as it is, when the chunks do not fit it (another dataset's, or none).
 */
export function swapInDeflated(store: StringStore, deflated: readonly (Uint8Array | null)[]): boolean {
  if (store.deflated || deflated.length === 0 || deflated.length !== store.chunks.length) return false;
  for (let c = 0; c < deflated.length; c++) {
    const chunk = deflated[c];
    if (chunk) store.chunks[c] = chunk;
  }
  store.deflated = true;
  return true;
}

/** Chunks a deflated store holds inflated now (its LRU), oldest first; empty for any other store. */
export function inflatedChunks(store: StringStore): number[] {
  return store.deflated ? (inflated.get(store)?.held() ?? []) : [];
}

/** The buffers of a packed store's chunks, to transfer rather than copy. */
export function encodedBuffers(store: StringStore): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const chunk of store.chunks) if (typeof chunk !== 'string') buffers.add(chunk.buffer as ArrayBuffer);
  return [...buffers];
}

/** The end of value i in its chunk. */
function endOf(store: StringStore, offsets: Uint16Array | Int32Array, i: number): number {
  return (i + 1) & CHUNK_MASK ? offsets[i + 1] : chunkOf(store, i >> CHUNK_SHIFT).length;
}

export function storedString(store: StringStore, i: number): string {
  const offsets = store.offsets;
  if (offsets === null) return '';
  const start = offsets[i];
  const end = endOf(store, offsets, i);
  if (start === end) return '';
  const value = chunkOf(store, i >> CHUNK_SHIFT).slice(start, end);
  return store.deflated ? detached(value) : value;
}

/**
 * A value that does not keep its chunk alive. V8 makes a slice of 13 characters or more a view of its parent,
 * so a row object kept by the lazy array (an edge's evidence, a table page) held its whole inflated chunk and
 * the LRU freed nothing: 2,000 kept quotes from 2,000 chunks held 83 MB, against 3 MB so. Slicing a concatenation
 * flattens it into a new string of one character more, which is all the slice then keeps; 0.3 µs a value,
 * where a JSON round trip took 2.
 */
const detached = (value: string): string => (' ' + value).slice(1);

export function storedLength(store: StringStore, i: number): number {
  return store.offsets === null ? 0 : endOf(store, store.offsets, i) - store.offsets[i];
}

/**
 * Bytes the store holds, counting a chunk with any character above U+00FF as two bytes per character, a chunk
 * not decoded yet as its UTF-8 bytes, and a deflated one as its compressed bytes (its LRU of decoded chunks left out).
 */
export function storeBytes(store: StringStore): number {
  let bytes = store.offsets?.byteLength ?? 0;
  for (const chunk of store.chunks) {
    // eslint-disable-next-line no-control-regex
    if (typeof chunk === 'string') bytes += /[^\u0000-\u00ff]/.test(chunk) ? chunk.length * 2 : chunk.length;
    else bytes += chunk.byteLength;
  }
  return bytes;
}

export class StringStoreBuilder {
  private chunks: (string | Uint8Array)[] = [];
  private pending: string[] = [];
  private offsets: Int32Array;
  private count = 0;
  /** Characters of the chunk being filled. */
  private length = 0;
  private longestChunk = 0;
  private anyText = false;

  constructor(capacity = 1024) {
    this.offsets = new Int32Array(Math.max(1, capacity) + 1);
  }

  push(value: string): void {
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.pending.push(value);
    this.length += value.length;
    if (this.length > 0x7fffffff) throw new Error('entente/string-store: more than 2^31 characters');
    if (value) this.anyText = true;
    this.count++;
    if (this.pending.length === CHUNK_ROWS) this.flush();
    // The next value starts here in its chunk: at 0 after a flush.
    this.offsets[this.count] = this.length;
  }

  get size(): number {
    return this.count;
  }

  private flush(): void {
    // join() returns one flat string, so the values' parent texts are no longer referenced;
    // but a lone value would come back as itself, which a JSON round trip copies.
    const pending = this.pending;
    const chunk = pending.length === 1 ? (JSON.parse(JSON.stringify(pending[0])) as string) : pending.join('');
    this.chunks.push(chunk);
    if (chunk.length > this.longestChunk) this.longestChunk = chunk.length;
    this.pending = [];
    this.length = 0;
  }

  finish(): StringStore {
    if (this.pending.length > 0) this.flush();
    const offsets = !this.anyText ? null : this.longestChunk <= 0xffff ? Uint16Array.from(this.offsets.subarray(0, this.count + 1)) : this.offsets.slice(0, this.count + 1);
    return { count: this.count, chunks: this.anyText ? this.chunks : [], offsets };
  }
}

export function stringStoreOf(values: readonly string[]): StringStore {
  const builder = new StringStoreBuilder(values.length);
  for (const value of values) builder.push(value);
  return builder.finish();
}
