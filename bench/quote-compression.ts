/**
 * Quote chunks compressed at rest (issue 12 §1): ratio, compression cost and the cost of reading one quote from a
 * cold chunk (inflate + UTF-8 decode of its whole chunk), by rows per chunk and scheme, over the bench generator's
 * quotes. CPU time (process.cpuUsage), since the machine is shared and wall time is noisy.
 *
 * `node --import tsx bench/quote-compression.ts [rows=200000]`
 */
import { deflateSync, inflateSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { generateDataset } from './generate';

const N = Number(process.argv[2] ?? 200_000);
const quotes = generateDataset(N).relations.map((r) => r.quote);
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const cpuMs = (f: () => void): number => {
  const s = process.cpuUsage();
  f();
  const d = process.cpuUsage(s);
  return (d.user + d.system) / 1000;
};
async function native(chunks: Uint8Array[]): Promise<Uint8Array[]> {
  return Promise.all(chunks.map(async (c) => new Uint8Array(await new Response(new Blob([c as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer())));
}
const MB = 1048576;
for (const rows of [256, 512, 1024, 2048]) {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < quotes.length; i += rows) chunks.push(enc.encode(quotes.slice(i, i + rows).join('')));
  const raw = chunks.reduce((s, c) => s + c.byteLength, 0);
  const schemes: Array<[string, () => Uint8Array[]]> = [
    ['fflate l1', () => chunks.map((c) => deflateSync(c, { level: 1 }))],
    ['fflate l6', () => chunks.map((c) => deflateSync(c, { level: 6 }))],
    ['zlib l1', () => chunks.map((c) => deflateRawSync(c, { level: 1 }))],
    ['zlib l6', () => chunks.map((c) => deflateRawSync(c, { level: 6 }))],
  ];
  for (const [name, run] of schemes) {
    let z: Uint8Array[] = [];
    const ms = cpuMs(() => (z = run()));
    const zb = z.reduce((s, c) => s + c.byteLength, 0);
    const reads = 400;
    const readMs = cpuMs(() => {
      for (let k = 0; k < reads; k++) dec.decode(inflateSync(z[(k * 7919) % z.length])).charCodeAt(0);
    }) / reads;
    console.log(`rows ${rows} ${name}: ${(raw / MB).toFixed(2)} MB -> ${(zb / MB).toFixed(2)} MB (x${(raw / zb).toFixed(1)}), compress ${(ms / (raw / MB)).toFixed(1)} ms/MB, one cold read ${readMs.toFixed(3)} ms`);
  }
  const t = performance.now();
  const z = await native(chunks);
  const zb = z.reduce((s, c) => s + c.byteLength, 0);
  console.log(`rows ${rows} CompressionStream: x${(raw / zb).toFixed(1)}, wall ${((performance.now() - t) / (raw / MB)).toFixed(1)} ms/MB; fflate reads it: ${dec.decode(inflateSync(z[0])) === dec.decode(chunks[0])}`);
}

// Through the store as the page has it (1024 rows a chunk): one quote from a cold chunk, and from a held one.
{
  const { deflateStringStore, storedString, stringStoreOf } = await import('../src/lib/core/string-store');
  const store = await deflateStringStore(stringStoreOf(quotes));
  const chunkCount = Math.ceil(quotes.length / 1024);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let k = 0; k < 300; k++) {
    // Chunks 16 apart: never one of the 8 held.
    const i = ((k * 16) % chunkCount) * 1024 + (k % 1024);
    let t = performance.now();
    if (storedString(store, i) !== quotes[i]) throw new Error('quote-compression: wrong quote');
    cold.push(performance.now() - t);
    t = performance.now();
    storedString(store, i + 1);
    warm.push(performance.now() - t);
  }
  const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
  console.log(`store, 1024 rows a chunk: one quote from a cold chunk ${median(cold).toFixed(3)} ms median (p90 ${cold[Math.floor(cold.length * 0.9)].toFixed(3)}), from a held chunk ${(median(warm) * 1000).toFixed(1)} µs`);
}
