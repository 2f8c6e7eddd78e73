import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/core/load';
import { columnBuffers, packDataset, unpackDataset } from '../../src/lib/core/relation-columns-pack';
import { relationColumnsOf } from '../../src/lib/core/relation-columns';
import { deflatedChunksOf, encodedBuffers, inflatedChunks, packStringStore, storeBytes, storedString, stringStoreOf, swapInDeflated, type StringStore } from '../../src/lib/core/string-store';
import { datasetToFiles, generateDataset } from '../../bench/generate';

/** A store as the page receives it first: plain UTF-8 chunks, transferred. */
function arrivedPlain(values: string[]): StringStore {
  const packed = packStringStore(stringStoreOf(values));
  return structuredClone(packed, { transfer: encodedBuffers(packed) });
}

/** The deflated chunks as the worker posts them after the dataset, transferred. */
async function arrivingDeflated(values: string[]): Promise<(Uint8Array | null)[]> {
  const chunks = await deflatedChunksOf(stringStoreOf(values));
  return structuredClone(chunks, { transfer: chunks.filter((c): c is Uint8Array => c !== null).map((c) => c.buffer as ArrayBuffer) });
}

const values = Array.from({ length: 5 * 1024 + 7 }, (_, i) => (i % 11 === 3 ? '' : `${i % 7 === 0 ? 'Пашинян' : 'Armenia'} signed an agreement with Azerbaijan ${i}`));

describe('deflated chunks swapped into a store that arrived plain', () => {
  it('reads every value the same before, after, and with some chunks decoded when the swap came', async () => {
    const store = arrivedPlain(values);
    const deflated = await arrivingDeflated(values);
    // Before: chunks 0 and 3 are read, so they are held decoded as strings; the others are still bytes.
    expect(storedString(store, 5)).toBe(values[5]);
    const keptBefore = storedString(store, 3 * 1024 + 1);
    expect(store.chunks.map((c) => typeof c)).toEqual(['string', 'object', 'object', 'string', 'object', 'object']);
    const plainBytes = storeBytes(store);
    expect(swapInDeflated(store, deflated)).toBe(true);
    expect(store.deflated).toBe(true);
    // Decoded and raw chunks alike are deflated now, and hold far less than the plain text did.
    expect(store.chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(storeBytes(store)).toBeLessThan(plainBytes / 3);
    // A value taken before the swap is still its text.
    expect(keptBefore).toBe(values[3 * 1024 + 1]);
    expect(inflatedChunks(store)).toEqual([]);
    for (let i = 0; i < values.length; i++) expect(storedString(store, i)).toBe(values[i]);
    // After: read out of the LRU of inflated chunks, the store's chunks staying deflated.
    expect(inflatedChunks(store).length).toBeGreaterThan(0);
    expect(store.chunks.every((c) => c instanceof Uint8Array)).toBe(true);
  });

  it('reads correctly between the dataset and its deflated chunks, while one store is swapped and the other not', async () => {
    const quote = arrivedPlain(values);
    const reversed = values.slice().reverse();
    const note = arrivedPlain(reversed);
    const quoteDeflated = await arrivingDeflated(values);
    const noteDeflated = await arrivingDeflated(reversed);
    // During: the deflated chunks are on their way; reads interleave with the swap of the quotes alone.
    for (let i = 0; i < values.length; i += 97) expect([storedString(quote, i), storedString(note, i)]).toEqual([values[i], reversed[i]]);
    expect(swapInDeflated(quote, quoteDeflated)).toBe(true);
    for (let i = 0; i < values.length; i += 89) expect([storedString(quote, i), storedString(note, i)]).toEqual([values[i], reversed[i]]);
    expect(note.deflated).toBeUndefined();
    expect(swapInDeflated(note, noteDeflated)).toBe(true);
    for (let i = 0; i < values.length; i++) expect([storedString(quote, i), storedString(note, i)]).toEqual([values[i], reversed[i]]);
  });

  it('reads a chunk again that was read while held inflated, across the swap', async () => {
    const store = arrivedPlain(values);
    const deflated = await arrivingDeflated(values);
    const before = storedString(store, 2048 + 10);
    swapInDeflated(store, deflated);
    expect(storedString(store, 2048 + 10)).toBe(before);
    expect(inflatedChunks(store)).toEqual([2]);
    expect(storedString(store, 2048 + 11)).toBe(values[2048 + 11]);
  });

  it('leaves a store as it is for chunks that do not fit it, none, or a second swap', async () => {
    const store = arrivedPlain(values);
    expect(swapInDeflated(store, [])).toBe(false);
    expect(swapInDeflated(store, (await arrivingDeflated(values.slice(0, 1024))))).toBe(false);
    expect(store.deflated).toBeUndefined();
    expect(swapInDeflated(store, await arrivingDeflated(values))).toBe(true);
    const chunks = store.chunks.slice();
    expect(swapInDeflated(store, await arrivingDeflated(values))).toBe(false);
    expect(store.chunks).toEqual(chunks);
    for (let i = 0; i < values.length; i += 50) expect(storedString(store, i)).toBe(values[i]);
  });

  it('keeps a chunk with a lone surrogate as its string and swaps the others', async () => {
    const odd = values.map((v, i) => (i === 1500 ? 'broken \uD83D pair' : v));
    const store = arrivedPlain(odd);
    const deflated = await arrivingDeflated(odd);
    expect(deflated.map((c) => c === null)).toEqual([false, true, false, false, false, false]);
    expect(swapInDeflated(store, deflated)).toBe(true);
    expect(typeof store.chunks[1]).toBe('string');
    for (let i = 0; i < odd.length; i++) expect(storedString(store, i)).toBe(odd[i]);
  });

  it('has nothing to swap when every value is empty', async () => {
    const store = arrivedPlain(['', '']);
    expect(await arrivingDeflated(['', ''])).toEqual([]);
    expect(swapInDeflated(store, [])).toBe(false);
    expect(storedString(store, 1)).toBe('');
  });

  it('gives the same rows of a dataset posted plain, then with its quotes and notes swapped in', async () => {
    const loaded = loadDataset(datasetToFiles(generateDataset(3000)));
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    const expected = loaded.dataset.relations.map((r) => ({ ...r }));
    const packed = packDataset(loaded.dataset);
    const arrived = structuredClone(packed, { transfer: columnBuffers(packed.columns) });
    const rows = unpackDataset(arrived).relations;
    expect(rows.slice(0, 1500).map((r) => ({ ...r }))).toEqual(expected.slice(0, 1500));
    // The worker deflates its own stores, the packed ones' buffers having gone with the dataset.
    const own = relationColumnsOf(loaded.dataset);
    expect(swapInDeflated(arrived.columns.quote, await deflatedChunksOf(own.quote))).toBe(true);
    expect(swapInDeflated(arrived.columns.note, await deflatedChunksOf(own.note))).toBe(true);
    expect(rows.map((r) => ({ ...r }))).toEqual(expected);
  });
});
