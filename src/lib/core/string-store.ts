/**
 * Many short strings (quotes, notes, statement ids) kept as a few long flat
 * strings and one offset array. A quote read from a CSV file is a V8 "sliced
 * string" that keeps the whole file text alive; copying every value into a
 * joined chunk lets the file text go, and costs 4 bytes of offset per value
 * instead of an object header each.
 */

/** Values per chunk: small enough that one non-Latin-1 quote makes only its chunk two-byte. */
const CHUNK_SHIFT = 14;
const CHUNK_ROWS = 1 << CHUNK_SHIFT;

export interface StringStore {
  readonly count: number;
  /** Joined values, CHUNK_ROWS per chunk. */
  readonly chunks: string[];
  /** Start of value i in the concatenation of all chunks; `count + 1` entries. Null when every value is empty. */
  readonly offsets: Int32Array | null;
}

export function storedString(store: StringStore, i: number): string {
  const offsets = store.offsets;
  if (offsets === null) return '';
  const start = offsets[i];
  const end = offsets[i + 1];
  if (start === end) return '';
  const chunk = i >> CHUNK_SHIFT;
  const base = offsets[chunk << CHUNK_SHIFT];
  return store.chunks[chunk].slice(start - base, end - base);
}

export function storedLength(store: StringStore, i: number): number {
  return store.offsets === null ? 0 : store.offsets[i + 1] - store.offsets[i];
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
  private length = 0;
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
    this.offsets[++this.count] = this.length;
    if (this.pending.length === CHUNK_ROWS) this.flush();
  }

  get size(): number {
    return this.count;
  }

  private flush(): void {
    // join() returns one flat string, so the values' parent texts are no longer referenced;
    // but a lone value would come back as itself, which a JSON round trip copies.
    const pending = this.pending;
    this.chunks.push(pending.length === 1 ? (JSON.parse(JSON.stringify(pending[0])) as string) : pending.join(''));
    this.pending = [];
  }

  finish(): StringStore {
    if (this.pending.length > 0) this.flush();
    const offsets = this.anyText ? this.offsets.slice(0, this.count + 1) : null;
    return { count: this.count, chunks: this.anyText ? this.chunks : [], offsets };
  }
}

export function stringStoreOf(values: readonly string[]): StringStore {
  const builder = new StringStoreBuilder(values.length);
  for (const value of values) builder.push(value);
  return builder.finish();
}
