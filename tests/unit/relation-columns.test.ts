import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/core/load';
import { lazyArray } from '../../src/lib/core/lazy-array';
import { relationColumnsOf } from '../../src/lib/core/relation-columns';
import { columnBuffers, packDataset, unpackDataset } from '../../src/lib/core/relation-columns-pack';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { indexBuffers, packRelationIndex, unpackRelationIndex } from '../../src/lib/core/relation-index-pack';
import { encodedBuffers, packStringStore, storeBytes, storedLength, storedString, stringStoreOf } from '../../src/lib/core/string-store';
import { BENCH_TODAY, datasetToFiles, generateDataset } from '../../bench/generate';

describe('lazyArray', () => {
  it('is an array to every consumer, and gives the same object for an index every time', () => {
    let made = 0;
    const rows = lazyArray(3, (i) => (made++, { i }));
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBe(3);
    expect(made).toBe(0);
    expect(rows[1]).toBe(rows[1]);
    expect(made).toBe(1);
    expect(rows.map((r) => r.i)).toEqual([0, 1, 2]);
    expect(rows.filter((r) => r.i > 0).length).toBe(2);
    expect([...rows]).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(rows).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(Object.keys(rows)).toEqual(['0', '1', '2']);
    expect(rows[3]).toBeUndefined();
    expect(2 in rows).toBe(true);
    expect(3 in rows).toBe(false);
    expect(JSON.stringify(rows)).toBe('[{"i":0},{"i":1},{"i":2}]');
  });
});

describe('string store', () => {
  it('gives back every value, empty ones and non-Latin-1 ones included, across chunks', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? '' : i % 11 === 0 ? `Пашинян ${i}` : `quote ${i}`));
    const store = stringStoreOf(values);
    for (let i = 0; i < values.length; i += 997) expect(storedString(store, i)).toBe(values[i]);
    expect(storedString(store, values.length - 1)).toBe(values[values.length - 1]);
    expect(stringStoreOf(['', '']).offsets).toBeNull();
  });

  it('keeps 16-bit offsets while every chunk is shorter than 2^16 characters, 32-bit ones otherwise, and reads both alike', () => {
    for (const [length, width] of [[30, Uint16Array], [100, Int32Array]] as const) {
      // 1024 values to a chunk: 30 characters each stay under 2^16 per chunk, 100 do not.
      for (const count of [1023, 1024, 1025, 2048, 3000]) {
        const values = Array.from({ length: count }, (_, i) => (i % 5 === 0 ? '' : `${i}`.padStart(length, 'x')));
        const store = stringStoreOf(values);
        expect(store.offsets).toBeInstanceOf(width);
        for (let i = 0; i < count; i++) {
          expect(storedString(store, i)).toBe(values[i]);
          expect(storedLength(store, i)).toBe(values[i].length);
        }
      }
    }
  });
});

describe('string store from a worker', () => {
  it('travels as transferred UTF-8 bytes and gives back every value exactly, decoding each chunk on its first read', () => {
    // Non-Latin-1, Latin-1 above ASCII, a leading U+FEFF (a decoder's byte-order mark), astral characters, empty values.
    const odd = ['\uFEFFbom first', 'café naïve', 'Пашинян', '𝔘𝔫𝔦 😀', '\u0085\u009f'];
    const values = Array.from({ length: 5000 }, (_, i) => (i % 13 === 0 ? '' : i % 1024 === 0 ? odd[((i >> 10) + 4) % odd.length] : `${odd[i % odd.length]} ${i}`));
    const packed = packStringStore(stringStoreOf(values));
    const transfer = encodedBuffers(packed);
    expect(transfer.length).toBe(5);
    const arrived = structuredClone(packed, { transfer });
    expect(arrived.chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    const bytes = storeBytes(arrived);
    expect(bytes).toBeGreaterThan(0);
    expect(storedString(arrived, 4999)).toBe(values[4999]);
    expect(arrived.chunks.filter((c) => typeof c === 'string').length).toBe(1);
    for (let i = 0; i < values.length; i++) {
      expect(storedString(arrived, i)).toBe(values[i]);
      expect(storedLength(arrived, i)).toBe(values[i].length);
    }
    // Every chunk decoded: the bytes are let go.
    expect(arrived.chunks.every((c) => typeof c === 'string')).toBe(true);
  });

  it('keeps a chunk with a lone surrogate as a string, which UTF-8 would replace', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? 'broken \uD83D pair' : i === 2900 ? '\uDE00 alone' : `v${i}`));
    const arrived = structuredClone(packStringStore(stringStoreOf(values)));
    expect(arrived.chunks.map((c) => typeof c === 'string')).toEqual([false, true, true]);
    for (let i = 0; i < values.length; i++) expect(storedString(arrived, i)).toBe(values[i]);
  });
});

describe('relation columns', () => {
  const generated = generateDataset(3000);
  const loaded = loadDataset(datasetToFiles(generated));
  if (!loaded.ok) throw new Error(loaded.issues[0].message);
  const dataset = loaded.dataset;

  it('give back every row exactly as written', () => {
    expect(dataset.relations.length).toBe(generated.relations.length);
    // The generator writes rows source by source, in order, as the loader reads them.
    for (let i = 0; i < generated.relations.length; i++) expect(dataset.relations[i]).toMatchObject(generated.relations[i]);
  });

  it('index the same as the row objects do', () => {
    const fromColumns = buildRelationIndex(dataset, BENCH_TODAY);
    // A plain array has no columns behind it: the index numbers its rows afresh.
    const plain = { ...dataset, relations: dataset.relations.map((r) => ({ ...r })) };
    const fromRows = buildRelationIndex(plain, BENCH_TODAY);
    for (const key of ['starts', 'ends', 'carriedEnds', 'typeOf', 'modalityOf', 'statementOf', 'edgeOf', 'edgeSourceIndex', 'edgeTargetIndex'] as const) {
      expect(Array.from(fromColumns[key]), key).toEqual(Array.from(fromRows[key]));
    }
    expect(fromColumns.statementCount).toBe(fromRows.statementCount);
    expect(fromColumns.edges.map((e) => e.key)).toEqual(fromRows.edges.map((e) => e.key));
    expect(fromColumns.edgeRelations.map((rows) => Array.from(rows))).toEqual(fromRows.edgeRelations.map((rows) => Array.from(rows)));
    expect(fromColumns.extent).toEqual(fromRows.extent);
    // Shared statements make fewer statements than rows.
    expect(fromColumns.statementCount).toBeLessThan(fromColumns.relationCount);
  });

  it('travel from a worker as columns and an index, and arrive as the same dataset', () => {
    // Transferring detaches the buffers: the sender's copy is unusable afterwards, so take what to compare first.
    const sent = loadDataset(datasetToFiles(generated));
    if (!sent.ok) throw new Error(sent.issues[0].message);
    const index = buildRelationIndex(sent.dataset, BENCH_TODAY);
    const edgeKeys = index.edges.map((e) => e.key);
    const carriedEnds = Array.from(index.carriedEnds);
    const message = { dataset: packDataset(sent.dataset), index: packRelationIndex(index) };
    const transfer = [...new Set([...columnBuffers(message.dataset.columns), ...indexBuffers(message.index)])];
    const arrived = structuredClone(message, { transfer });
    const unpacked = unpackDataset(arrived.dataset);
    const unpackedIndex = unpackRelationIndex(arrived.index, unpacked);
    expect(unpacked.relations).toEqual(generated.relations.map((r, i) => ({ ...r, attributes: dataset.relations[i].attributes })));
    // buildRelationIndex finds the index that came with the dataset instead of building one.
    expect(buildRelationIndex(unpacked, BENCH_TODAY)).toBe(unpackedIndex);
    expect(unpackedIndex.edges.map((e) => e.key)).toEqual(edgeKeys);
    expect(Array.from(unpackedIndex.carriedEnds)).toEqual(carriedEnds);
    expect(relationColumnsOf(unpacked).count).toBe(dataset.relations.length);
  });
});
