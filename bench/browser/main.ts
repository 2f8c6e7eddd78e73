/**
 * Bench page: the 100k dataset drawn by our GraphRenderer, and window.bench
 * to time filter-to-frame with our display update against a rebuilt graph
 * handed to sigma, for the same filter states. No layout runs: positions are
 * buildGraph's initial ones, so both sides draw the same picture.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { type FilterResult, type RelationFilter } from '../../src/lib/core/filter';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { GraphRenderer } from '../../src/lib/render/renderer';
import { SIGMA_SETTINGS } from '../../src/lib/render/sigma-settings';
import { computeDisplay } from '../../src/lib/render/display';
import { createRebuildContext, rebuildFilteredGraph } from '../baseline';
import { BENCH_TODAY, generateDataset, randomFilters } from '../generate';

export const BENCH_RELATIONS = 100_000;
const WARMUP = 2;

export interface FrameStats {
  /** From the filter change until two animation frames later, i.e. the new picture is on screen. */
  toFrameMedian: number;
  toFrameP95: number;
  /** The synchronous part: filtering, display update and sigma's render call. */
  mainThreadMedian: number;
  iterations: number;
}

export interface BenchApi {
  relations: number;
  edges: number;
  measureOurs(n: number): Promise<FrameStats>;
  /** Replaces our renderer with a plain sigma instance, so call it after measureOurs. */
  measureRebuild(n: number): Promise<FrameStats>;
}

declare global {
  interface Window {
    bench?: BenchApi;
    benchError?: string;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function measure(filters: RelationFilter[], n: number, apply: (filter: RelationFilter) => void): Promise<FrameStats> {
  const toFrame: number[] = [];
  const mainThread: number[] = [];
  for (let i = 0; i < WARMUP + n; i++) {
    const start = performance.now();
    apply(filters[i]);
    const applied = performance.now();
    await nextFrame();
    await nextFrame();
    if (i < WARMUP) continue;
    toFrame.push(performance.now() - start);
    mainThread.push(applied - start);
  }
  return { toFrameMedian: quantile(toFrame, 0.5), toFrameP95: quantile(toFrame, 0.95), mainThreadMedian: quantile(mainThread, 0.5), iterations: n };
}

async function setUp(): Promise<BenchApi> {
  const container = document.getElementById('graph')!;
  const index = buildRelationIndex(generateDataset(BENCH_RELATIONS), BENCH_TODAY);
  const noop = () => {};
  const renderer = new GraphRenderer(container, index, { nodeClick: noop, edgeClick: noop, stageClick: noop, layoutChange: noop });
  const engine = createFilterEngine(index);
  const update = (filter: RelationFilter) => renderer.update({ result: engine.update(filter), focus: null, selectedEdge: null, showIsolated: false });
  update({ from: index.extent.start, to: BENCH_TODAY, typeMask: new Uint8Array(index.typeIds.length).fill(1) });
  await nextFrame();
  await nextFrame();
  const filters = randomFilters(index.typeIds.length, index.extent, 1000);
  const context = createRebuildContext(index, renderer.graph);

  return {
    relations: index.relationCount,
    edges: index.edges.length,
    measureOurs: (n) => measure(filters, n, update),
    async measureRebuild(n) {
      renderer.kill();
      // The same node and edge programs as ours; the rebuilt graph carries its display attributes itself.
      const curvatureOf = (filtered: FilterResult) =>
        computeDisplay(index, renderer.graph, { result: filtered, focus: null, selectedEdge: null, showIsolated: false }).edgeCurvature;
      const sigma = new Sigma(rebuildFilteredGraph(context, filters[0], curvatureOf), container, SIGMA_SETTINGS as Partial<Settings>);
      await nextFrame();
      return measure(filters, n, (filter) => sigma.setGraph(rebuildFilteredGraph(context, filter, curvatureOf)));
    },
  };
}

setUp().then(
  (api) => (window.bench = api),
  (error: unknown) => (window.benchError = String((error as Error)?.stack ?? error)),
);
