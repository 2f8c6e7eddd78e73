/**
 * Where the page's retained memory goes after a load (issue 12 §1: ≤ 150 MB JS heap + typed-array buffers at
 * 1M relations). Opens the built app on a generated dataset as bench/load-bench.ts does, takes a heap snapshot
 * after a forced gc, and sums every ArrayBuffer backing store by the property path that holds it
 * (e.g. `attested.kinds[].groups[].starts`), and the JS heap by what dominates it.
 *
 * `npx tsx bench/browser-memory.ts [--size=1m] [--dist=dist] [--top=40] [--snapshot=<file to write>] [--from=<snapshot to read>]`.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { datasetToFiles, generateDataset } from './generate';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import { seedServedFiles } from '../tests/e2e/generated-dataset';

const MB = 1024 * 1024;
const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const relations = SIZES[arg('size', '1m')];
const dist = resolve(arg('dist', 'dist'));
const top = Number(arg('top', '40'));

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

async function takeSnapshot(): Promise<{ snapshot: Snapshot; heapMB: number; buffersMB: number }> {
  const files = datasetToFiles(generateDataset(relations)) as Record<string, string>;
  const dataDir = join(dist, '__memory-bench');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dataDir, name)), { recursive: true });
    await writeFile(join(dataDir, name), text);
  }
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, server.url, { width: 1280, height: 800 });
    await page.waitForSelector('.shell[data-status="ready"]', { timeout: 120_000 });
    const entry = { id: 'memory-bench', name: 'Memory bench', format: 'graph-data', importedAt: new Date().toISOString(), counts: { actors: 0, relations, sources: 0, types: 0 }, dateRange: { from: '', to: '' }, size: 0, hasTexts: false };
    await seedServedFiles(page, '__memory-bench', Object.keys(files), entry);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.shell[data-status="ready"]') && (window as unknown as { __entente?: { firstFrameMs(): number } }).__entente?.firstFrameMs(), undefined, { timeout: 300_000, polling: 200 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, backingStorageSize = 0 } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    const workersMB = await workerHeaps(browser);
    console.log(`workers' JS heaps + buffers after load, before and after a gc (not in the page's figures): ${workersMB.length ? workersMB.map((mb) => mb.toFixed(1)).join(', ') + ' MB' : 'none running'}`);
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }: { chunk: string }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const text = chunks.join('');
    const out = arg('snapshot', '');
    if (out) await writeFile(out, text);
    return { snapshot: JSON.parse(text) as Snapshot, heapMB: usedSize / MB, buffersMB: backingStorageSize / MB };
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Each running worker's heap (usedSize + backingStorageSize, after a gc), through the browser's CDP session. */
async function workerHeaps(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string }> };
  const replies = new Map<string, (message: { id: number; result?: Record<string, number> }) => void>();
  session.on('Target.receivedMessageFromTarget', ({ sessionId, message }: { sessionId: string; message: string }) => replies.get(sessionId)?.(JSON.parse(message)));
  const sizes: number[] = [];
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, number>>((done) => {
        const mine = ++id;
        replies.set(sessionId, (message) => message.id === mine && done(message.result ?? {}));
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
      });
    const before = await call('Runtime.getHeapUsage');
    await call('HeapProfiler.collectGarbage');
    const { usedSize = 0, backingStorageSize = 0 } = await call('Runtime.getHeapUsage');
    sizes.push(((before.usedSize ?? 0) + (before.backingStorageSize ?? 0)) / MB, (usedSize + backingStorageSize) / MB);
  }
  await session.detach();
  return sizes;
}

function analyse(s: Snapshot): string[] {
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const nodeTypes = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const N = nf.length;
  const E = ef.length;
  const nodeCount = s.nodes.length / N;
  const [tType, tName, tSize, tEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const firstEdge = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) firstEdge[n + 1] = firstEdge[n] + s.nodes[n * N + tEdges];
  // Retainers: for each node, the (owner, edge) pairs that point at it.
  const retainerCount = new Int32Array(nodeCount + 1);
  for (let e = 0; e < s.edges.length; e += E) retainerCount[s.edges[e + eTo] / N + 1]++;
  for (let n = 0; n < nodeCount; n++) retainerCount[n + 1] += retainerCount[n];
  const retainers = new Int32Array(s.edges.length / E);
  const retainerEdge = new Int32Array(s.edges.length / E);
  const fill = retainerCount.slice();
  for (let n = 0; n < nodeCount; n++) {
    for (let k = firstEdge[n]; k < firstEdge[n + 1]; k++) {
      const to = s.edges[k * E + eTo] / N;
      retainers[fill[to]] = n;
      retainerEdge[fill[to]++] = k;
    }
  }
  const nameOf = (n: number) => s.strings[s.nodes[n * N + tName]];
  const typeOf = (n: number) => nodeTypes[s.nodes[n * N + tType]];
  const edgeLabel = (k: number) => {
    const type = edgeTypes[s.edges[k * E + eType]];
    const name = s.edges[k * E + eName];
    if (type === 'element') return '[]';
    if (type === 'hidden' || type === 'weak' || type === 'shortcut') return null;
    return type === 'property' || type === 'internal' || type === 'context' ? s.strings[name] : String(name);
  };
  // A backing store's path: the property names on the way up from it, skipping the store's own ArrayBuffer and
  // typed-array hops, up to four names.
  const skip = new Set(['backing_store', 'buffer', 'elements', 'table', 'map', '__proto__', 'native', 'properties']);
  const pathOf = (start: number): string => {
    const names: string[] = [];
    let n = start;
    const seen = new Set<number>();
    while (names.length < 4) {
      seen.add(n);
      let next = -1;
      let label: string | null = null;
      for (let r = retainerCount[n]; r < retainerCount[n + 1]; r++) {
        const owner = retainers[r];
        const l = edgeLabel(retainerEdge[r]);
        if (l === null || seen.has(owner)) continue;
        if (typeOf(owner) === 'synthetic') continue;
        next = owner;
        label = l;
        break;
      }
      if (next < 0) break;
      if (label && !skip.has(label)) names.unshift(/^\d+$/.test(label) ? '[]' : label);
      n = next;
    }
    return `${names.join('.')}  (${nameOf(n)})`;
  };
  const byPath = new Map<string, { bytes: number; count: number }>();
  let storeTotal = 0;
  for (let n = 0; n < nodeCount; n++) {
    if (!nameOf(n).includes('JSArrayBufferData') && !(typeOf(n) === 'native' && nameOf(n).includes('ArrayBuffer'))) continue;
    const size = s.nodes[n * N + tSize];
    storeTotal += size;
    const path = pathOf(n);
    const entry = byPath.get(path) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count++;
    byPath.set(path, entry);
  }
  let heapTotal = 0;
  const byType = new Map<string, number>();
  for (let n = 0; n < nodeCount; n++) {
    if (nameOf(n).includes('JSArrayBufferData')) continue;
    const size = s.nodes[n * N + tSize];
    heapTotal += size;
    const key = `${typeOf(n)}:${typeOf(n) === 'object' || typeOf(n) === 'closure' ? nameOf(n) : ''}`;
    byType.set(key, (byType.get(key) ?? 0) + size);
  }
  const lines = [`backing stores ${(storeTotal / MB).toFixed(1)} MB in the snapshot, by the path holding them:`];
  for (const [path, { bytes, count }] of [...byPath].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) lines.push(`  ${(bytes / MB).toFixed(2).padStart(7)} MB ×${String(count).padStart(5)}  ${path}`);
  lines.push(`other heap nodes ${(heapTotal / MB).toFixed(1)} MB, by type and constructor (self sizes):`);
  for (const [key, bytes] of [...byType].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${(bytes / MB).toFixed(2).padStart(7)} MB  ${key}`);
  // The heaviest kinds of JS objects, by the path holding them, to see what makes many small ones.
  for (const kind of ['object:Int32Array', 'array:', 'native:', 'object:Object', 'string:']) {
    const paths = new Map<string, { bytes: number; count: number }>();
    for (let n = 0; n < nodeCount; n++) {
      const t = typeOf(n);
      if (`${t}:${t === 'object' ? nameOf(n) : ''}` !== kind) continue;
      const path = t === 'native' ? nameOf(n).slice(0, 60) : pathOf(n);
      const entry = paths.get(path) ?? { bytes: 0, count: 0 };
      entry.bytes += s.nodes[n * N + tSize];
      entry.count++;
      paths.set(path, entry);
    }
    lines.push(`${kind} by path:`);
    for (const [path, { bytes, count }] of [...paths].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 8)) lines.push(`  ${(bytes / MB).toFixed(2).padStart(7)} MB ×${String(count).padStart(7)}  ${path}`);
  }
  return lines;
}

const from = arg('from', '');
if (from) console.log(analyse(JSON.parse(await readFile(from, 'utf8')) as Snapshot).join('\n'));
else {
  const { snapshot, heapMB, buffersMB } = await takeSnapshot();
  console.log(`${relations.toLocaleString('en')} relations, ${dist}: heap ${heapMB.toFixed(1)} MB + buffers ${buffersMB.toFixed(1)} MB = ${(heapMB + buffersMB).toFixed(1)} MB`);
  console.log(analyse(snapshot).join('\n'));
}
