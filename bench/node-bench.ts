/**
 * Node half of the bench, for one dataset size: filter updates against the
 * rebuild baseline, CSV-to-graph load time against bare CSV parsing, and
 * memory of the filter engine against the graphology graph.
 */
import Papa from 'papaparse';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type FilterResult } from '../src/lib/core/filter';
import { createFilterEngine } from '../src/lib/core/filter-engine';
import { buildGraph } from '../src/lib/render/build-graph';
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
  fullScan: Stats;
  bareScan: Stats;
  engineBuildMs: number;
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
  const arrays = [index.starts, index.ends, index.carriedEnds, index.typeOf, index.modalityOf, index.statementOf, index.edgeOf, index.edgeSourceIndex, index.edgeTargetIndex, ...index.edgeRelations];
  const resultArrays = [result.visible, result.typeCountsInWindow, result.modalityCountsInWindow, result.edgeCounts, result.nodeCounts];
  return [...arrays, ...resultArrays].reduce((sum, array) => sum + array.byteLength, 0);
}

/** One load, in its own call so that nothing of the previous one is still on the stack when measuring. */
function loadOnce(files: Record<string, string>) {
  const before = memoryInUse();
  const [loaded, datasetMs] = timed(() => loadDataset(files));
  if (!loaded.ok) throw new Error(`bench: generated dataset does not load: ${loaded.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  const afterDataset = memoryInUse();
  const [index, indexMs] = timed(() => buildRelationIndex(loaded.dataset, BENCH_TODAY));
  const afterIndex = memoryInUse();
  const [graph, graphMs] = timed(() => buildGraph(index));
  const afterGraph = memoryInUse();
  return {
    index,
    graph,
    ms: { dataset: datasetMs, index: indexMs, graph: graphMs },
    heapMB: { dataset: (afterDataset - before) / MB, index: (afterIndex - afterDataset) / MB, graph: (afterGraph - afterIndex) / MB },
  };
}

function measureLoad(files: Record<string, string>, repeats: number) {
  const papaTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    papaTimes.push(timed(() => Object.values(files).map((text) => Papa.parse<string[]>(text, { delimiter: ',' }).data.length))[1]);
  }
  const runs: Array<ReturnType<typeof loadOnce>['ms']> = [];
  let last: ReturnType<typeof loadOnce> | null = null;
  for (let r = 0; r < repeats; r++) {
    last = null;
    last = loadOnce(files);
    runs.push(last.ms);
  }
  const loadMs = { dataset: median(runs.map((m) => m.dataset)), index: median(runs.map((m) => m.index)), graph: median(runs.map((m) => m.graph)), total: 0 };
  loadMs.total = loadMs.dataset + loadMs.index + loadMs.graph;
  return { built: last!, loadMs, papaParseMs: median(papaTimes), heapMB: last!.heapMB };
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
  const [engine, engineBuildMs] = timed(() => createFilterEngine(index));
  log(`  filter engine built in ${Math.round(engineBuildMs)} ms`);
  const result = engine.result;
  const ourTimes: number[] = [];
  let visibleRows = 0;
  filters.forEach((filter, i) => {
    const [, ms] = timed(() => engine.update(filter));
    if (i < warmup) return;
    ourTimes.push(ms);
    visibleRows += result.visibleCount;
  });
  // The machine's floor: one bare pass counting rows in the window, no types, no edges.
  const floorTimes = filters.slice(warmup).map((filter) =>
    timed(() => {
      const { starts } = index;
      const ends = filter.carryForward ? index.carriedEnds : index.ends;
      let inWindow = 0;
      for (let i = 0; i < starts.length; i++) if (starts[i] <= filter.to && ends[i] >= filter.from) inWindow++;
      return inWindow;
    })[1],
  );
  // The plain full scan the engine replaces, for the record.
  const scanResult = createFilterResult(index);
  const scanTimes = filters.slice(warmup).map((filter) => timed(() => filterRelations(index, filter, scanResult))[1]);

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
    fullScan: stats(scanTimes),
    bareScan: stats(floorTimes),
    engineBuildMs,
    rebuild: stats(rebuildTimes),
    loadMs,
    papaParseMs,
    heapMB,
    engineMB: engineBytes(index, result) / MB,
  };
}
