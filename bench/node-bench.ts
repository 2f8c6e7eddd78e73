/**
 * Node half of the bench, for one dataset size: what a filter change costs
 * (the engine alone, and the engine with the display update the renderer
 * makes) against the previous engine, the full scan and the rebuild baseline,
 * for three kinds of change: random windows, the whole period (the state the
 * app opens in) and a slider dragged a week at a time; then every load stage
 * the app pays for, against bare CSV parsing, with the heap each retains.
 */
import Papa from 'papaparse';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../src/lib/core/relation-index';
import { ALL_MODALITIES, createFilterResult, filterRelations, type FilterResult, type RelationFilter } from '../src/lib/core/filter';
import { createFilterEngine, type FilterEngine } from '../src/lib/core/filter-engine';
import { monthlyHistogram } from '../src/lib/core/histogram';
import { createActorSearch } from '../src/lib/core/actor-search';
import { DEFAULT_EDGE_LIMIT, buildGraph, strongestEdges, type EntenteGraph } from '../src/lib/render/build-graph';
import { computeDisplay, updateDisplay, type DisplayArrays } from '../src/lib/render/display';
import { createPreviousFilterEngine } from './previous-engine';
import { createRebuildContext, rebuildFilteredGraph } from './baseline';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';
import { CHANGE_KINDS, changeSequences, timedStep, type ChangeKind } from './changes';

export { CHANGE_KINDS, type ChangeKind };

export interface NodeBenchPlan {
  relations: number;
  filterIterations: number;
  rebuildIterations: number;
  loadRepeats: number;
}


export interface ChangeResult {
  /** The filter engine alone. */
  engine: Stats;
  /** The engine, then the display update and the list of items sigma repaints: a slider move minus sigma's own refresh. */
  move: Stats;
  /** Edges whose look changed, median per change. */
  changedEdges: number;
  /** The engine as it was before issue 12. */
  previousEngine: Stats;
  /** The previous engine with the previous display path: computeDisplay over every edge, then a diff of every node and edge. */
  previousMove: Stats;
  fullScan: Stats;
  rebuild: Stats;
  meanVisibleRows: number;
}

export interface LoadStages {
  dataset: number;
  index: number;
  graph: number;
  engine: number;
  histogram: number;
  search: number;
}

export interface NodeBenchResult {
  plan: NodeBenchPlan;
  actors: number;
  edges: number;
  csvMB: number;
  changes: Record<ChangeKind, ChangeResult>;
  bareScan: Stats;
  loadMs: LoadStages & { total: number };
  papaParseMs: number;
  /** Heap retained after each stage, the CSV text dropped: what stays alive of it counts in `dataset`. */
  heapMB: LoadStages & { total: number };
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

/**
 * One load, from the CSV files as bytes: the texts are decoded here, handed to the loader and dropped,
 * so the heap measured after each stage holds only what the app keeps, source text included.
 */
function loadOnce(bytes: Record<string, Uint8Array>) {
  const decoder = new TextDecoder();
  const before = memoryInUse();
  const texts: { files: Record<string, string> | null } = { files: Object.fromEntries(Object.entries(bytes).map(([name, b]) => [name, decoder.decode(b)])) };
  const [loaded, datasetMs] = timed(() => loadDataset(texts.files!));
  texts.files = null;
  if (!loaded.ok) throw new Error(`bench: generated dataset does not load: ${loaded.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  const afterDataset = memoryInUse();
  const [index, indexMs] = timed(() => buildRelationIndex(loaded.dataset, BENCH_TODAY));
  const afterIndex = memoryInUse();
  const [graph, graphMs] = timed(() => buildGraph(index));
  const afterGraph = memoryInUse();
  const [engine, engineMs] = timed(() => createFilterEngine(index));
  const afterEngine = memoryInUse();
  const [histogram, histogramMs] = timed(() => monthlyHistogram(index, ALL_MODALITIES));
  const afterHistogram = memoryInUse();
  const [search, searchMs] = timed(() => createActorSearch(index.dataset.actors, index.dataset.relations));
  const afterSearch = memoryInUse();
  const heap = {
    dataset: (afterDataset - before) / MB,
    index: (afterIndex - afterDataset) / MB,
    graph: (afterGraph - afterIndex) / MB,
    engine: (afterEngine - afterGraph) / MB,
    histogram: (afterHistogram - afterEngine) / MB,
    search: (afterSearch - afterHistogram) / MB,
    total: (afterSearch - before) / MB,
  };
  return { index, graph, engine, kept: [histogram, search], ms: { dataset: datasetMs, index: indexMs, graph: graphMs, engine: engineMs, histogram: histogramMs, search: searchMs }, heap };
}

function measureLoad(bytes: Record<string, Uint8Array>, repeats: number) {
  const texts = Object.values(bytes).map((b) => new TextDecoder().decode(b));
  const papaTimes: number[] = [];
  for (let r = 0; r < repeats; r++) papaTimes.push(timed(() => texts.map((text) => Papa.parse<string[]>(text, { delimiter: ',' }).data.length))[1]);
  texts.length = 0;
  const runs: LoadStages[] = [];
  let last: ReturnType<typeof loadOnce> | null = null;
  for (let r = 0; r < repeats; r++) {
    last = null;
    last = loadOnce(bytes);
    runs.push(last.ms);
  }
  const stage = (key: keyof LoadStages) => median(runs.map((m) => m[key]));
  const loadMs = { dataset: stage('dataset'), index: stage('index'), graph: stage('graph'), engine: stage('engine'), histogram: stage('histogram'), search: stage('search'), total: 0 };
  loadMs.total = loadMs.dataset + loadMs.index + loadMs.graph + loadMs.engine + loadMs.histogram + loadMs.search;
  return { built: last!, loadMs, papaParseMs: median(papaTimes) };
}

/**
 * The renderer's update without sigma: the display brought up to date, giving the indices of the nodes and
 * edges it repaints (render/repaint.ts writes those into sigma's program arrays; the browser bench times that).
 */
function displayMove(index: RelationIndex, engine: FilterEngine, display: DisplayArrays, held: Uint8Array): number {
  const changes = updateDisplay(index, display, { result: engine.result, focus: null, selectedEdge: null, showIsolated: false, held }, engine.takeChangedEdges())!;
  return changes.edges.length;
}

/** The display path before issue 12: every display array recomputed, then every node and edge compared (renderer.ts changedItems). */
function previousDisplayMove(index: RelationIndex, graph: EntenteGraph, result: FilterResult, before: DisplayArrays): { after: DisplayArrays; changed: number } {
  const after = computeDisplay(index, graph, { result, focus: null, selectedEdge: null, showIsolated: false });
  const nodes: string[] = [];
  for (let i = 0; i < after.nodeShown.length; i++) {
    if (before.nodeShown[i] !== after.nodeShown[i] || before.nodeSize[i] !== after.nodeSize[i] || before.nodeEmphasis[i] !== after.nodeEmphasis[i]) nodes.push(index.actorIds[i]);
  }
  const edges: string[] = [];
  for (let e = 0; e < after.edgeSize.length; e++) {
    if (before.edgeSize[e] !== after.edgeSize[e] || before.edgeCurvature[e] !== after.edgeCurvature[e] || before.edgeEmphasis[e] !== after.edgeEmphasis[e]) edges.push(index.edges[e].key);
  }
  return { after, changed: nodes.length + edges.length };
}

function measureChange(kind: ChangeKind, sequence: RelationFilter[], plan: NodeBenchPlan, index: RelationIndex, graph: EntenteGraph, engine: FilterEngine): ChangeResult {
  const warmup = kind === 'whole period' ? 20 : 10;
  const isTimed = (i: number) => i >= warmup && timedStep(kind, i);
  // Ours, the previous engine and the full scan take turns on each filter state, so that a load on the
  // machine that comes and goes weighs on all three alike.
  const previous = createPreviousFilterEngine(index);
  const scanResult = createFilterResult(index);
  const engineTimes: number[] = [];
  const previousTimes: number[] = [];
  const scanTimes: number[] = [];
  let visibleRows = 0;
  sequence.forEach((filter, i) => {
    const [, ms] = timed(() => engine.update(filter));
    const [, previousMs] = timed(() => previous.update(filter));
    const [, scanMs] = timed(() => filterRelations(index, filter, scanResult));
    if (!isTimed(i)) return;
    engineTimes.push(ms);
    previousTimes.push(previousMs);
    scanTimes.push(scanMs);
    visibleRows += engine.result.visibleCount;
  });

  // The same sequence as a slider move: engine and display update, the display carried from step to step.
  engine.update(sequence[0]);
  engine.takeChangedEdges();
  // As the renderer does: the display covers the edges the graph holds (the DEFAULT_EDGE_LIMIT strongest), as buildGraph keeps them.
  const held = strongestEdges(index, DEFAULT_EDGE_LIMIT);
  const display = computeDisplay(index, graph, { result: engine.result, focus: null, selectedEdge: null, showIsolated: false, held });
  const moveTimes: number[] = [];
  const changed: number[] = [];
  let before = computeDisplay(index, graph, { result: previous.update(sequence[0]), focus: null, selectedEdge: null, showIsolated: false });
  const previousMoveTimes: number[] = [];
  // Fewer previous moves (each walks every edge twice), taking turns with ours on the same states.
  const previousMoveSteps = warmup + Math.min(plan.filterIterations, 60);
  sequence.forEach((filter, i) => {
    const [edges, ms] = timed(() => {
      engine.update(filter);
      return displayMove(index, engine, display, held);
    });
    if (i < previousMoveSteps) {
      const [{ after }, previousMs] = timed(() => previousDisplayMove(index, graph, previous.update(filter), before));
      before = after;
      if (isTimed(i)) previousMoveTimes.push(previousMs);
    }
    if (!isTimed(i)) return;
    moveTimes.push(ms);
    changed.push(edges);
  });

  // The same filter states, fewer of them, because each rebuild is slow.
  const context = createRebuildContext(index, graph);
  for (const filter of sequence.slice(0, 3)) rebuildFilteredGraph(context, filter);
  const rebuildTimes: number[] = [];
  for (let i = warmup; rebuildTimes.length < plan.rebuildIterations && i < sequence.length; i++) {
    if (!timedStep(kind, i)) continue;
    rebuildTimes.push(timed(() => rebuildFilteredGraph(context, sequence[i]))[1]);
  }
  return {
    engine: stats(engineTimes),
    move: stats(moveTimes),
    changedEdges: median(changed),
    previousEngine: stats(previousTimes),
    previousMove: stats(previousMoveTimes),
    fullScan: stats(scanTimes),
    rebuild: stats(rebuildTimes),
    meanVisibleRows: visibleRows / engineTimes.length,
  };
}

export function runNodeBench(plan: NodeBenchPlan, log: (line: string) => void): NodeBenchResult {
  const [files, generateMs] = timed(() => datasetToFiles(generateDataset(plan.relations)));
  const encoder = new TextEncoder();
  const bytes = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encoder.encode(text)]));
  const csvMB = Object.values(bytes).reduce((sum, b) => sum + b.byteLength, 0) / MB;
  log(`  generated ${csvMB.toFixed(1)} MB of CSV in ${Math.round(generateMs)} ms`);

  const { built, loadMs, papaParseMs } = measureLoad(bytes, plan.loadRepeats);
  const { index, graph, engine } = built;
  log(`  loaded in ${Math.round(loadMs.total)} ms (${index.edges.length} aggregated edges)`);

  const sequences = changeSequences(index, plan.filterIterations + 20);
  const changes = {} as Record<ChangeKind, ChangeResult>;
  for (const kind of CHANGE_KINDS) {
    changes[kind] = measureChange(kind, sequences[kind], plan, index, graph, engine);
    log(`  ${kind}: engine ${changes[kind].engine.median.toFixed(2)} ms, move ${changes[kind].move.median.toFixed(2)} ms`);
  }
  // The machine's floor: one bare pass counting rows in the window, no types, no edges.
  const floorTimes = sequences['random windows'].slice(20).map((filter) =>
    timed(() => {
      const { starts } = index;
      const ends = filter.carryForward ? index.carriedEnds : index.ends;
      let inWindow = 0;
      for (let i = 0; i < starts.length; i++) if (starts[i] <= filter.to && ends[i] >= filter.from) inWindow++;
      return inWindow;
    })[1],
  );

  return {
    plan,
    actors: index.actorIds.length,
    edges: index.edges.length,
    csvMB,
    changes,
    bareScan: stats(floorTimes),
    loadMs,
    papaParseMs,
    heapMB: built.heap,
  };
}
