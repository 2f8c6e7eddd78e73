/**
 * Node half of the bench, for one dataset size: filter updates against the
 * rebuild baseline, CSV-to-graph load time against bare CSV parsing, and
 * memory of the filter engine against the graphology graph.
 */
import Papa from 'papaparse';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type FilterResult } from '../src/lib/core/filter';
import { buildGraph, type EntenteGraph } from '../src/lib/render/build-graph';
import { createRebuildContext, rebuildFilteredGraph } from './baseline';
import { BENCH_TODAY, datasetToFiles, generateDataset, randomFilters } from './generate';

export interface NodeBenchPlan {
  relations: number;
  filterIterations: number;
  rebuildIterations: number;
  loadRepeats: number;
}

export interface NodeBenchResult {
  plan: NodeBenchPlan;
  actors: number;
  edges: number;
  csvMB: number;
  meanVisibleRows: number;
  ours: Stats;
  rebuild: Stats;
  loadMs: { dataset: number; index: number; graph: number; total: number };
  papaParseMs: number;
  heapMB: { dataset: number; index: number; graph: number };
  engineMB: number;
}

export interface Stats {
  median: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Typed arrays live outside the JS heap, so both halves count. */
function memoryInUse(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

function median(values: number[]): number {
  return stats(values).median;
}

function engineBytes(index: RelationIndex, result: FilterResult): number {
  const arrays = [index.starts, index.ends, index.typeOf, index.edgeOf, index.edgeSourceIndex, index.edgeTargetIndex, ...index.edgeRelations];
  const resultArrays = [result.visible, result.typeCountsInWindow, result.edgeCounts, result.nodeCounts];
  return [...arrays, ...resultArrays].reduce((sum, array) => sum + array.byteLength, 0);
}

function measureLoad(files: Record<string, string>, repeats: number) {
  const papaTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const [, ms] = timed(() => Object.values(files).map((text) => Papa.parse<string[]>(text, { delimiter: ',' }).data.length));
    papaTimes.push(ms);
  }
  const times = { dataset: [] as number[], index: [] as number[], graph: [] as number[] };
  let built: { index: RelationIndex; graph: EntenteGraph } | null = null;
  let heapMB = { dataset: 0, index: 0, graph: 0 };
  for (let r = 0; r < repeats; r++) {
    built = null;
    const before = memoryInUse();
    const [loaded, datasetMs] = timed(() => loadDataset(files));
    if (!loaded.ok) throw new Error(`bench: generated dataset does not load: ${loaded.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
    const afterDataset = memoryInUse();
    const [index, indexMs] = timed(() => buildRelationIndex(loaded.dataset, BENCH_TODAY));
    const afterIndex = memoryInUse();
    const [graph, graphMs] = timed(() => buildGraph(index));
    const afterGraph = memoryInUse();
    times.dataset.push(datasetMs);
    times.index.push(indexMs);
    times.graph.push(graphMs);
    heapMB = { dataset: (afterDataset - before) / MB, index: (afterIndex - afterDataset) / MB, graph: (afterGraph - afterIndex) / MB };
    built = { index, graph };
  }
  const loadMs = { dataset: median(times.dataset), index: median(times.index), graph: median(times.graph), total: 0 };
  loadMs.total = loadMs.dataset + loadMs.index + loadMs.graph;
  return { built: built!, loadMs, papaParseMs: median(papaTimes), heapMB };
}

export function runNodeBench(plan: NodeBenchPlan, log: (line: string) => void): NodeBenchResult {
  const [files, generateMs] = timed(() => datasetToFiles(generateDataset(plan.relations)));
  const csvMB = Object.values(files).reduce((sum, text) => sum + text.length, 0) / MB;
  log(`  generated ${csvMB.toFixed(1)} MB of CSV in ${Math.round(generateMs)} ms`);

  const { built, loadMs, papaParseMs, heapMB } = measureLoad(files, plan.loadRepeats);
  const { index, graph } = built;
  log(`  loaded to a graph in ${Math.round(loadMs.total)} ms (${index.edges.length} aggregated edges)`);

  const warmup = Math.min(20, plan.filterIterations);
  const filters = randomFilters(index.typeIds.length, index.extent, warmup + plan.filterIterations);
  const result = createFilterResult(index);
  const ourTimes: number[] = [];
  let visibleRows = 0;
  filters.forEach((filter, i) => {
    const [, ms] = timed(() => filterRelations(index, filter, result));
    if (i < warmup) return;
    ourTimes.push(ms);
    visibleRows += result.visibleCount;
  });

  // The same filter states as ours after the warm-up, fewer of them, because each rebuild is slow.
  const context = createRebuildContext(index, graph);
  for (const filter of filters.slice(0, 3)) rebuildFilteredGraph(context, filter);
  const rebuildTimes = filters.slice(warmup, warmup + plan.rebuildIterations).map((filter) => timed(() => rebuildFilteredGraph(context, filter))[1]);
  log(`  filtered ${plan.filterIterations}x, rebuilt ${rebuildTimes.length}x (mean ${Math.round(visibleRows / plan.filterIterations)} rows visible)`);

  return {
    plan,
    actors: index.actorIds.length,
    edges: index.edges.length,
    csvMB,
    meanVisibleRows: visibleRows / plan.filterIterations,
    ours: stats(ourTimes),
    rebuild: stats(rebuildTimes),
    loadMs,
    papaParseMs,
    heapMB,
    engineMB: engineBytes(index, result) / MB,
  };
}
