/**
 * `node --expose-gc --import tsx bench/engine-memory.ts [--sizes=1m] [--rounds=2] [--against=path/to/filter-engine.ts]`:
 * the heap a filter engine retains (heapUsed + arrayBuffers after gc, the index already built), after
 * the bench's filter sequences and a takeChangedEdges after each, as the app asks. With --against, the
 * other engine is measured in the same run, turn about (ABBA). Also lists the attested layout's bytes
 * by field, to show where they go.
 */
import { resolve } from 'node:path';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { createFilterEngine, buildEngineLayout } from '../src/lib/core/filter-engine';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';
import { CHANGE_KINDS, changeSequences } from './changes';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('engine-memory: run with node --expose-gc');
const MB = 1024 * 1024;
const inUse = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const against = arg('against');
type Create = typeof createFilterEngine;
const other: Create | null = against ? ((await import(resolve(against))) as { createFilterEngine: Create }).createFilterEngine : null;

/** Bytes of typed arrays under a value, by the key that holds them. */
function bytesByField(value: unknown, into: Map<string, number>, key = ''): Map<string, number> {
  if (ArrayBuffer.isView(value)) into.set(key, (into.get(key) ?? 0) + value.byteLength);
  else if (Array.isArray(value)) value.forEach((v) => bytesByField(v, into, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) bytesByField(v, into, k);
  return into;
}

for (const size of (arg('sizes') ?? '1m').split(',')) {
  const loaded = loadDataset(datasetToFiles(generateDataset(SIZES[size])));
  if (!loaded.ok) throw new Error('engine-memory: generated dataset does not load');
  const index = buildRelationIndex(loaded.dataset, BENCH_TODAY);
  const sequences = changeSequences(index, 60);
  // Worked out on first read and kept by the index: read here so that it counts for neither engine.
  void index.carriedEnds;
  const fields = bytesByField(buildEngineLayout(index).attested, new Map());
  const layoutMB = [...fields.values()].reduce((a, b) => a + b, 0) / MB;
  console.log(`${size}: ${index.relationCount} rows, ${index.edgeTypeOf.length} edges, ${index.actorIds.length} actors, ${index.statementCount} statements, ${index.typeIds.length} types; attested layout ${layoutMB.toFixed(1)} MB:`);
  console.log('  ' + [...fields].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / MB).toFixed(2)}`).join(', '));
  const retained = (create: Create): number => {
    const before = inUse();
    let engine: ReturnType<Create> | null = create(index);
    const built = inUse();
    for (const kind of CHANGE_KINDS) for (const filter of sequences[kind]) {
      engine.update(filter);
      engine.takeChangedEdges();
    }
    const after = inUse();
    engine = null;
    console.log(`    built ${((built - before) / MB).toFixed(1)} MB, after updates ${((after - before) / MB).toFixed(1)} MB`);
    return (after - before) / MB;
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  const rounds = Number(arg('rounds') ?? 2);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['ours', 'other'] : ['other', 'ours'];
    for (const who of order) {
      if (who === 'ours') ours.push(retained(createFilterEngine));
      else if (other) theirs.push(retained(other));
    }
  }
  const fmt = (v: number[]) => v.map((x) => x.toFixed(1)).join(' ');
  console.log(`  retained engine MB: ours ${fmt(ours)}${other ? `; against ${fmt(theirs)}` : ''}`);
}
