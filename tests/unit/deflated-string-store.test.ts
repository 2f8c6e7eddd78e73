import { afterEach, describe, expect, it, vi } from 'vitest';
import { INFLATED_CHUNKS, InflatedChunks, deflateChunks } from '../../src/lib/core/deflated-chunks';
import { deflateStringStore, encodedBuffers, inflatedChunks, storeBytes, storedLength, storedString, stringStoreOf, type StringStore } from '../../src/lib/core/string-store';

/** A store as the page receives it from the import worker: deflated, its buffers transferred. */
async function arrivedDeflated(values: string[]): Promise<StringStore> {
  const packed = await deflateStringStore(stringStoreOf(values));
  return structuredClone(packed, { transfer: encodedBuffers(packed) });
}

// Non-Latin-1, Latin-1 above ASCII, a leading U+FEFF (a decoder's byte-order mark), astral characters, C1 controls.
const odd = ['\uFEFFbom first', 'café naïve', 'Пашинян', '𝔘𝔫𝔦 😀', '\u0085\u009f'];

afterEach(() => vi.unstubAllGlobals());

describe('deflated string store', () => {
  it('gives back every value exactly across chunk boundaries, a chunk starting with U+FEFF included', async () => {
    for (const count of [1, 1023, 1024, 1025, 2049]) {
      // Value 1024 starts the second chunk, so its U+FEFF is that chunk's first character.
      const values = Array.from({ length: count }, (_, i) => (i % 13 === 5 ? '' : i % 1024 === 0 ? odd[(i >> 10) % odd.length] : `${odd[i % odd.length]} ${i}`));
      const arrived = await arrivedDeflated(values);
      expect(arrived.deflated).toBe(true);
      for (let i = 0; i < count; i++) {
        expect(storedString(arrived, i)).toBe(values[i]);
        expect(storedLength(arrived, i)).toBe(values[i].length);
      }
    }
  });

  it('keeps its chunks deflated as they are read, smaller than their UTF-8, and holds only a few inflated', async () => {
    const values = Array.from({ length: 20 * 1024 }, (_, i) => `Armenia signed an agreement with Azerbaijan, officials said ${i}`);
    const utf8Bytes = new TextEncoder().encode(values.join('')).byteLength;
    const arrived = await arrivedDeflated(values);
    expect(storeBytes(arrived)).toBeLessThan(utf8Bytes / 3);
    for (let i = 0; i < values.length; i += 101) expect(storedString(arrived, i)).toBe(values[i]);
    expect(arrived.chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    const held = inflatedChunks(arrived);
    expect(held.length).toBe(INFLATED_CHUNKS);
    // The most recently read chunks, in the order they were read.
    expect(held).toEqual(Array.from({ length: INFLATED_CHUNKS }, (_, k) => 20 - INFLATED_CHUNKS + k));
  });

  it('keeps a chunk with a lone surrogate as a string, and deflates the others', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? 'broken \uD83D pair' : i === 2900 ? '\uDE00 alone' : `v${i}`));
    const arrived = await arrivedDeflated(values);
    expect(arrived.chunks.map((c) => typeof c === 'string')).toEqual([false, true, true]);
    for (let i = 0; i < values.length; i++) expect(storedString(arrived, i)).toBe(values[i]);
  });

  it('has nothing to deflate when every value is empty', async () => {
    const arrived = await arrivedDeflated(['', '', '']);
    expect(arrived.chunks).toEqual([]);
    expect(storedString(arrived, 2)).toBe('');
  });

  it('deflates with fflate where the platform has no CompressionStream, readable alike', async () => {
    const chunks = [new TextEncoder().encode(odd.join('|').repeat(50))];
    const native = await deflateChunks(chunks);
    vi.stubGlobal('CompressionStream', undefined);
    const fallback = await deflateChunks(chunks);
    expect(fallback[0]).not.toEqual(native[0]);
    const values = Array.from({ length: 1500 }, (_, i) => `${odd[i % odd.length]} ${i}`);
    const arrived = await arrivedDeflated(values);
    for (let i = 0; i < values.length; i++) expect(storedString(arrived, i)).toBe(values[i]);
  });
});

describe('inflated chunks LRU', () => {
  it('inflates a chunk once while it is held, and drops the least recently read beyond its capacity', async () => {
    const texts = ['zero', 'one', 'two', 'three'];
    const deflated = await deflateChunks(texts.map((t) => new TextEncoder().encode(t)));
    const lru = new InflatedChunks(2);
    expect(lru.get(0, deflated[0])).toBe('zero');
    expect(lru.get(1, deflated[1])).toBe('one');
    // Reading 0 again makes 1 the oldest, so 2 pushes out 1.
    expect(lru.get(0, deflated[0])).toBe('zero');
    expect(lru.get(2, deflated[2])).toBe('two');
    expect(lru.held()).toEqual([0, 2]);
    // A held chunk is answered from the LRU: the bytes passed are not read (these would inflate to "three").
    expect(lru.get(0, deflated[3])).toBe('zero');
    expect(lru.get(2, deflated[3])).toBe('two');
    expect(lru.get(1, deflated[1])).toBe('one');
    expect(lru.held()).toEqual([2, 1]);
  });
});
