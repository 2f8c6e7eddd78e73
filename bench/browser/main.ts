/**
 * Bench page: the 100k dataset drawn three ways, and window.bench to time
 * filter-to-frame and main-thread work for the same filter changes:
 * - ours: the filter engine, then GraphRenderer.update (the display brought
 *   up to date from the engine's changed edges, a partial sigma refresh);
 * - reducers: one graph, sigma reducers hiding what the filter hides, a full
 *   refresh per change (sigma's own recommendation), the full scan to filter;
 * - rebuild: a new graph of what is visible handed to sigma (Gephi Lite).
 * No layout runs: positions are buildGraph's initial ones, so all three draw
 * the same actors at the same places.
 */
import Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type FilterResult, type RelationFilter } from '../../src/lib/core/filter';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { KIND_STYLES } from '../../src/lib/core/kind-styles';
import { GraphRenderer } from '../../src/lib/render/renderer';
import { SIGMA_SETTINGS } from '../../src/lib/render/sigma-settings';
import { computeDisplay } from '../../src/lib/render/display';
import { edgeSize, nodeSize } from '../../src/lib/render/styles';
import type { EdgeAttributes, NodeAttributes } from '../../src/lib/render/build-graph';
import { createRebuildContext, rebuildFilteredGraph } from '../baseline';
import { BENCH_TODAY, generateDataset } from '../generate';
import { CHANGE_KINDS, changeSequences, timedStep, type ChangeKind } from '../changes';
import { profileSigma, type StageProfile } from './profile';

/** 100k, or the page's `?relations=` (bench/browser-profile.ts --relations=1000000 for the 1M move). */
export const BENCH_RELATIONS = Number(new URLSearchParams(location.search).get('relations') ?? 100_000);
const WARMUP = 2;

export interface FrameStats {
  /** From the filter change until two animation frames later, i.e. the new picture is on screen. */
  toFrameMedian: number;
  toFrameP95: number;
  /** Main-thread work of the change: the synchronous part (filter, display update) plus sigma's render of it, wherever that ran. */
  mainThreadMedian: number;
  mainThreadP95: number;
  iterations: number;
  /** Changes applied in all, the way's first state, warm-up and untimed ones included. */
  changesApplied: number;
}

export type Way = 'ours' | 'reducers' | 'rebuild';
/** A change to the way's sigma settings for one profile, to see what a stage costs: no labels, or sigma's own label drawer and grid. */
export type FramePart = 'render' | 'edges' | 'nodes' | 'labels' | 'picking';
export type Tweak = 'none' | 'no-labels' | 'sigma-labels';

export interface BenchApi {
  relations: number;
  edges: number;
  /** Times `n` changes of one kind the given way; the ways must be measured in this order, since each replaces the one before. */
  measure(way: Way, kind: ChangeKind, n: number): Promise<FrameStats>;
  /** Per-stage timings of `n` changes of one kind the given way (profile.ts); `finish` adds gl.finish() after each program. */
  profile(way: Way, kind: ChangeKind, n: number, finish: boolean, tweak?: Tweak): Promise<StageProfile[]>;
  /**
   * Median time between animation frames while the way's sigma re-renders the same picture every frame, with parts
   * left out: what a frame of that content costs the compositor and rasteriser, whatever the filter change.
   */
  frameCost(way: Way, kind: ChangeKind, frames: number, leaveOut: FramePart[]): Promise<number>;
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

/** Render time sigma spends outside the synchronous part of a change (a render scheduled for the next frame). */
function renderClock(sigma: Sigma<NodeAttributes, EdgeAttributes> | Sigma) {
  const clock = { outside: 0, inChange: false, startedAt: 0 };
  sigma.on('beforeRender', () => (clock.startedAt = performance.now()));
  sigma.on('afterRender', () => {
    if (!clock.inChange) clock.outside += performance.now() - clock.startedAt;
  });
  return clock;
}

async function measureSequence(sequence: RelationFilter[], kind: ChangeKind, n: number, apply: (filter: RelationFilter) => void, clock: ReturnType<typeof renderClock>): Promise<FrameStats> {
  const toFrame: number[] = [];
  const mainThread: number[] = [];
  let i = 0;
  for (; toFrame.length < n && i < sequence.length; i++) {
    clock.outside = 0;
    clock.inChange = true;
    const start = performance.now();
    apply(sequence[i]);
    const applied = performance.now();
    clock.inChange = false;
    await nextFrame();
    await nextFrame();
    if (i < WARMUP || !timedStep(kind, i)) continue;
    toFrame.push(performance.now() - start);
    mainThread.push(applied - start + clock.outside);
  }
  return { toFrameMedian: quantile(toFrame, 0.5), toFrameP95: quantile(toFrame, 0.95), mainThreadMedian: quantile(mainThread, 0.5), mainThreadP95: quantile(mainThread, 0.95), iterations: toFrame.length, changesApplied: i + 1 };
}

async function setUp(): Promise<BenchApi> {
  const container = document.getElementById('graph')!;
  const index = buildRelationIndex(generateDataset(BENCH_RELATIONS), BENCH_TODAY);
  const noop = () => {};
  const renderer = new GraphRenderer(container, index, { nodeClick: noop, edgeClick: noop, stageClick: noop, layoutChange: noop });
  const engine = createFilterEngine(index);
  const sequences = changeSequences(index, 200);
  const whole = { from: index.extent.start, to: BENCH_TODAY, typeMask: new Uint8Array(index.typeIds.length).fill(1) };
  // While a profile runs, where ours' synchronous part goes: the engine, the display update, the repaint of what changed.
  let stage: ((name: string, ms: number) => void) | null = null;
  const updateOurs = (filter: RelationFilter) => {
    const started = performance.now();
    const result = engine.update(filter);
    const filtered = performance.now();
    renderer.update({ result, focus: null, selectedEdge: null, showIsolated: false });
    stage?.('engine', filtered - started);
    stage?.('renderer.update', performance.now() - filtered);
  };
  // The renderer hands what changed to its DirectRepaint (render/repaint.ts) as paint(nodes, edges).
  const painter = (renderer as unknown as { painter: { paint(nodes: Int32Array, edges: Int32Array): void } }).painter;
  const ownRepaint = painter.paint.bind(painter);
  painter.paint = (nodes, edges) => {
    const started = performance.now();
    ownRepaint(nodes, edges);
    stage?.('repaint', performance.now() - started);
    stage?.('changed nodes', nodes.length);
    stage?.('changed edges', edges.length);
  };
  // Measured once the graph holds every held edge: while it fills, each added edge makes sigma re-process everything at the next frame.
  await renderer.ready;
  updateOurs(whole);
  await nextFrame();
  await nextFrame();
  const graph = renderer.graph;
  const context = createRebuildContext(index, graph);
  // Curves fanned once over the whole period, as a peer would with @sigma/edge-curve's parallel-edge index.
  const staticCurvature = computeDisplay(index, graph, { result: engine.update(whole), focus: null, selectedEdge: null, showIsolated: false }).edgeCurvature;
  let active: Way = 'ours';
  let clock = renderClock(renderer.sigma);
  let reducers: { sigma: Sigma<NodeAttributes, EdgeAttributes>; apply(filter: RelationFilter): void } | null = null;
  let rebuilt: Sigma | null = null;

  function reducerSigma() {
    const result: FilterResult = createFilterResult(index);
    filterRelations(index, whole, result);
    const nodeReducer = (_node: string, a: NodeAttributes): Partial<NodeDisplayData> => {
      const style = KIND_STYLES[a.kind as keyof typeof KIND_STYLES];
      const count = result.nodeCounts[a.index];
      return count === 0 ? { ...a, hidden: true } : { ...a, color: style.color, type: style.program, size: nodeSize(style.baseSize, count) };
    };
    const edgeReducer = (_edge: string, a: EdgeAttributes): Partial<EdgeDisplayData> => {
      if (a.affiliation) return { hidden: true };
      const directed = index.edges[a.index].directed;
      const type = a.parallel ? (directed ? 'curvedArrow' : 'curved') : directed ? 'arrow' : 'line';
      const count = result.edgeCounts[a.index];
      if (count === 0) return { hidden: true, type } as Partial<EdgeDisplayData>;
      return { color: a.color, size: edgeSize(count), type, curvature: a.parallel ? staticCurvature[a.index] || 1e-4 : 0 } as Partial<EdgeDisplayData>;
    };
    const sigma = new Sigma(graph, container, { ...SIGMA_SETTINGS, nodeReducer, edgeReducer } as Partial<Settings<NodeAttributes, EdgeAttributes>>);
    // The filter writes into `result`, which the reducers read; then sigma re-runs them for every node and edge.
    const apply = (filter: RelationFilter) => {
      filterRelations(index, filter, result);
      sigma.refresh({ skipIndexation: true });
    };
    return { sigma, apply };
  }

  const curvatureOf = (filtered: FilterResult) => computeDisplay(index, graph, { result: filtered, focus: null, selectedEdge: null, showIsolated: false }).edgeCurvature;

  /** Makes `way` the one drawing (each replaces the one before), applies the sequence's first state and returns how the way applies a filter. */
  async function activateWay(way: Way, kind: ChangeKind): Promise<(filter: RelationFilter) => void> {
    const sequence = sequences[kind];
    if (way !== active) {
      if (active === 'ours') renderer.kill();
      else if (active === 'reducers') reducers?.sigma.kill();
      else rebuilt?.kill();
      if (way === 'ours') throw new Error('bench: ours is measured first, before the baselines replace it');
      active = way;
      if (way === 'reducers') {
        reducers = reducerSigma();
        clock = renderClock(reducers.sigma);
      } else {
        // The same node and edge programs as ours; the rebuilt graph carries its display attributes itself.
        rebuilt = new Sigma(rebuildFilteredGraph(context, sequence[0], curvatureOf), container, SIGMA_SETTINGS as Partial<Settings>);
        clock = renderClock(rebuilt);
      }
    }
    const apply =
      way === 'ours' ? updateOurs : way === 'reducers' ? reducers!.apply : (filter: RelationFilter) => rebuilt!.setGraph(rebuildFilteredGraph(context, filter, curvatureOf));
    apply(sequence[0]);
    await nextFrame();
    await nextFrame();
    return apply;
  }

  return {
    relations: index.relationCount,
    edges: index.edges.length,
    async measure(way, kind, n) {
      const apply = await activateWay(way, kind);
      return measureSequence(sequences[kind], kind, n, apply, clock);
    },
    async frameCost(way, kind, frames, leaveOut) {
      const apply = await activateWay(way, kind);
      // The whole period's sequence starts in a random window and jumps into the whole period next.
      if (kind === 'whole period') apply(sequences[kind][1]);
      const sigma = (way === 'ours' ? renderer.sigma : way === 'reducers' ? reducers!.sigma : rebuilt!) as unknown as Sigma;
      const internals = sigma as unknown as { render(): void; nodePrograms: Record<string, { render(p: unknown): void; pickProgram: unknown }>; edgePrograms: Record<string, { render(p: unknown): void }> };
      const undo: Array<() => void> = [];
      const skip = (program: { render(p: unknown): void }) => {
        const own = program.render;
        program.render = () => {};
        undo.push(() => (program.render = own));
      };
      if (leaveOut.includes('edges')) Object.values(internals.edgePrograms).forEach(skip);
      if (leaveOut.includes('nodes')) Object.values(internals.nodePrograms).forEach(skip);
      if (leaveOut.includes('picking')) {
        for (const program of Object.values(internals.nodePrograms)) {
          const pick = program.pickProgram;
          program.pickProgram = null;
          undo.push(() => (program.pickProgram = pick));
        }
      }
      if (leaveOut.includes('labels')) {
        sigma.setSetting('renderLabels', false);
        undo.push(() => sigma.setSetting('renderLabels', true));
      }
      await nextFrame();
      await nextFrame();
      const intervals: number[] = [];
      let last = await nextFrame();
      try {
        for (let i = 0; i < frames; i++) {
          if (!leaveOut.includes('render')) internals.render();
          const t = await nextFrame();
          intervals.push(t - last);
          last = t;
        }
      } finally {
        for (const u of undo) u();
      }
      return quantile(intervals, 0.5);
    },
    async profile(way, kind, n, finish, tweak = 'none') {
      const apply = await activateWay(way, kind);
      const sequence = sequences[kind];
      const sigma = (way === 'ours' ? renderer.sigma : way === 'reducers' ? reducers!.sigma : rebuilt!) as unknown as Sigma;
      const keys = ['renderLabels', 'defaultDrawNodeLabel', 'labelDensity', 'labelGridCellSize', 'labelRenderedSizeThreshold'] as const;
      const before = Object.fromEntries(keys.map((k) => [k, sigma.getSetting(k)]));
      if (tweak === 'no-labels') sigma.setSetting('renderLabels', false);
      if (tweak === 'sigma-labels') sigma.setSettings({ defaultDrawNodeLabel: drawDiscNodeLabel, labelDensity: SIGMA_SETTINGS.labelDensity, labelGridCellSize: SIGMA_SETTINGS.labelGridCellSize, labelRenderedSizeThreshold: SIGMA_SETTINGS.labelRenderedSizeThreshold });
      const profiler = profileSigma(sigma, finish);
      stage = (name, ms) => profiler.stage(name, ms);
      const out: StageProfile[] = [];
      try {
        for (let i = 1; out.length < n && i < sequence.length; i++) {
          const timed = i > WARMUP && timedStep(kind, i);
          if (timed) profiler.start();
          apply(sequence[i]);
          if (timed) profiler.markApplied();
          await nextFrame();
          await nextFrame();
          if (timed) out.push(profiler.stop());
        }
      } finally {
        profiler.restore();
        stage = null;
        sigma.setSettings(before);
      }
      return out;
    },
  };
}

export { CHANGE_KINDS };

// After the load event: building the 100k graph takes longer than page.goto waits on a loaded machine.
window.addEventListener('load', () =>
  setTimeout(() =>
    setUp().then(
      (api) => (window.bench = api),
      (error: unknown) => (window.benchError = String((error as Error)?.stack ?? error)),
    ),
  ),
);
