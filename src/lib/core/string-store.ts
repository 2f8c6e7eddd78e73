/**
 * Many short strings (quotes, notes, statement ids) kept as a few long flat
 * strings and one offset array. A quote read from a CSV file is a V8 "sliced
 * string" that keeps the whole file text alive; copying every value into a
 * joined chunk lets the file text go, and costs 4 bytes of offset per value
 * instead of an object header each.
 */

/**
 * Values per chunk: small enough that one non-Latin-1 quote makes only its chunk two-byte, and that a chunk of
 * quotes of usual length (tens of characters) stays under 65,536 characters, so offsets into it fit 16 bits.
 */
const CHUNK_SHIFT = 10;
const CHUNK_ROWS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_ROWS - 1;

export interface StringStore {
  readonly count: number;
  /** Joined values, CHUNK_ROWS per chunk. */
  readonly chunks: string[];
  /**
   * Start of value i in its chunk; `count + 1` entries, the last the end of the last value unless that ends a
   * chunk (a chunk's last value ends at the chunk's end). 16 bits when every chunk is shorter than 2^16
   * characters, which halves what offsets cost at 10^6 rows. Null when every value is empty.
   */
  readonly offsets: Uint16Array | Int32Array | null;
}

/** The end of value i in its chunk. */
function endOf(store: StringStore, offsets: Uint16Array | Int32Array, i: number): number {
  return (i + 1) & CHUNK_MASK ? offsets[i + 1] : store.chunks[i >> CHUNK_SHIFT].length;
}

export function storedString(store: StringStore, i: number): string {
  const offsets = store.offsets;
  if (offsets === null) return '';
  const start = offsets[i];
  const end = endOf(store, offsets, i);
  if (start === end) return '';
  return store.chunks[i >> CHUNK_SHIFT].slice(start, end);
}

export function storedLength(store: StringStore, i: number): number {
  return store.offsets === null ? 0 : endOf(store, store.offsets, i) - store.offsets[i];
}

/** Bytes the store holds, counting a chunk with any character above U+00FF as two bytes per character. */
export function storeBytes(store: StringStore): number {
  let bytes = store.offsets?.byteLength ?? 0;
  // eslint-disable-next-line no-control-regex
  for (const chunk of store.chunks) bytes += /[^\u0000-\u00ff]/.test(chunk) ? chunk.length * 2 : chunk.length;
  return bytes;
}

export class StringStoreBuilder {
  private chunks: string[] = [];
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
