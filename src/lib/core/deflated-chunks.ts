/**
 * Text chunks kept compressed at rest. At 10^6 relations the quotes were the largest single item in a tab
 * (33.6 MB of UTF-8), yet a user reads a few of them at a time. So the import worker deflates each chunk
 * (raw DEFLATE of its UTF-8), and a chunk is inflated only when a value in it is read, into a small LRU of
 * decoded chunks, so that browsing the evidence or the table does not build the whole text back up.
 *
 * Compressing uses the platform's CompressionStream (native zlib, about 18 ms/MB here against fflate's
 * 25-55 ms/MB: bench/quote-compression.ts), and fflate where there is none. Inflating must be synchronous,
 * since a quote is read inside a row object's construction, so it is always fflate's inflateSync (0.3 ms for
 * a 1024-row chunk of 35 kB).
 */
import { deflateSync, inflateSync } from 'fflate';

/** Decoded chunks kept per store. Sequential readers (export) need one; an edge's evidence, scattered over the file, a few. */
export const INFLATED_CHUNKS = 8;

// ignoreBOM keeps a chunk's leading U+FEFF, which the decoder would otherwise take for a byte-order mark and drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Written to the stream and read back directly: going through a Blob and a Response, as first written, took 10 s
 * of the worker's time at 10^6 quotes in Chromium (a worker's Blob lives in the browser process), and twice the
 * time of this in Node.
 */
async function streamDeflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>);
  void writer.close();
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.byteLength;
  }
  // One part that fills its buffer is kept as it is; otherwise a copy, so that no transferred buffer is larger than its chunk.
  if (parts.length === 1 && parts[0].byteOffset === 0 && parts[0].byteLength === parts[0].buffer.byteLength) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Each chunk as raw DEFLATE, in order. */
export async function deflateChunks(chunks: readonly Uint8Array[]): Promise<Uint8Array[]> {
  if (typeof CompressionStream === 'function') {
    try {
      return await Promise.all(chunks.map(streamDeflate));
    } catch {
      // A platform without 'deflate-raw' (older than Chromium 103): the synchronous path below.
    }
  }
  return chunks.map((chunk) => deflateSync(chunk, { level: 1 }));
}

/** The text of a deflated chunk. */
export function inflateText(deflated: Uint8Array): string {
  return utf8.decode(inflateSync(deflated));
}

/** The last few chunks read, most recent last (a Map keeps insertion order). */
export class InflatedChunks {
  private texts = new Map<number, string>();
  /** The chunk read last, answered without touching the Map: a table page or an export reads one chunk row after row. */
  private lastChunk = -1;
  private lastText = '';

  constructor(private readonly capacity = INFLATED_CHUNKS) {}

  get(c: number, deflated: Uint8Array): string {
    if (c === this.lastChunk) return this.lastText;
    let text = this.texts.get(c);
    if (text !== undefined) {
      this.texts.delete(c);
    } else {
      text = inflateText(deflated);
      if (this.texts.size >= this.capacity) this.texts.delete(this.texts.keys().next().value as number);
    }
    this.texts.set(c, text);
    this.lastChunk = c;
    this.lastText = text;
    return text;
  }

  /** Chunks held decoded, oldest first: for tests and the memory bench. */
  held(): number[] {
    return [...this.texts.keys()];
  }
}
