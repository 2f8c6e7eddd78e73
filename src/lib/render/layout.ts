/**
 * ForceAtlas2 in its own web worker (core/layout-steps.ts), stopped once the
 * picture has settled so it never jiggles on. The worker iterates freely and
 * reports positions every REPORT_EVERY_MS; the graph takes the latest report
 * once per animation frame, so drawing a large graph never holds the layout
 * back, nor a fast layout the drawing (graphology's own supervisor waited for
 * the main thread after every single iteration, and wrote every one). The
 * time cap is the worker's, on its own clock; the main thread keeps only a
 * last resort far beyond it. Graphs of LARGE_LAYOUT_FROM_NODES or more get
 * their own settings (see largeLayoutSettings).
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { DEFAULT_SETTLE_OPTIONS, NODE_STRIDE, type LayoutFinish, type LayoutProgress, type LayoutSettings, type SettleOptions } from '../core/layout-steps';
import { mergeLayoutEdges, type LayoutEdgeList } from '../core/layout-matrices';
import type { LayoutReply, LayoutRequest } from '../workers/layout-messages';
import type { EntenteGraph } from './build-graph';

/** The app's settling rule: the worker stops itself at these limits (its time cap on its own clock). */
export const LAYOUT_SETTLE_OPTIONS: SettleOptions = { ...DEFAULT_SETTLE_OPTIONS, maxDurationMs: 10_000 };
export const LAYOUT_MAX_DURATION_MS = LAYOUT_SETTLE_OPTIONS.maxDurationMs;
/**
 * From this many nodes on, the large-graph profile (see layoutSettings). Below it the small-graph
 * settings stay as they were, so the bundled dataset and the pixel tests keep their picture.
 */
export const LARGE_LAYOUT_FROM_NODES = 500;
/** A large graph's picture has formed after about 100 iterations (bench/layout-bench.ts); cooling then brings it to rest. */
const LARGE_SETTLE_OPTIONS: Partial<SettleOptions> = { coolFrom: 100, coolFactor: 1.15 };
const REPORT_EVERY_MS = 80;
/**
 * A last resort on the main thread, should the worker never answer (it failed to start): well past the
 * worker's own cap, because a main thread busy drawing a large graph delays the worker's reports.
 */
const MAIN_THREAD_GRACE_MS = 30_000;

const isLarge = (graph: EntenteGraph) => graph.order >= LARGE_LAYOUT_FROM_NODES;

export type LayoutEnd = LayoutFinish | 'stopped';

export interface LayoutOutcome {
  iterations: number;
  ms: number;
  end: LayoutEnd;
}

export interface LayoutRun {
  /** Resolves once the layout has stopped, the positions it reached kept in the graph. */
  readonly done: Promise<LayoutOutcome>;
  stop(): void;
}

export function layoutSettings(graph: EntenteGraph): LayoutSettings {
  return isLarge(graph) ? largeLayoutSettings(graph) : smallLayoutSettings(graph);
}

/** The settings a graph under LARGE_LAYOUT_FROM_NODES gets (and, before the large profile, every graph got). */
export function smallLayoutSettings(graph: EntenteGraph): LayoutSettings {
  return {
    ...forceAtlas2.inferSettings(graph),
    // Exact repulsion: the large profile takes over long before Barnes-Hut would pay.
    barnesHutOptimize: false,
    // LinLog keeps hubs from flinging their one-edge neighbours to the rim, so people stay near their state or body.
    linLogMode: true,
    gravity: 1,
    scalingRatio: 5,
    slowDown: 4,
    adjustSizes: true,
    edgeWeightInfluence: 0.5,
    outboundAttractionDistribution: false,
    strongGravityMode: true,
  };
}

/**
 * At 10^3 nodes and tens of thousands of edges the small-graph settings left the starting ring in
 * place: adjustSizes caps every move at a fraction of a unit (FA2's anti-collision speed is a tenth of
 * the normal one and its force is capped at 10), masses of thousands of relations damp it further, and
 * LinLog pushes the heavy hubs to the rim; the movement check then saw almost no movement and called it
 * settled. Linear attraction with masses by neighbour count pulls hubs to the middle, Barnes-Hut at
 * Gephi's theta of 1.2 costs a fifth of the exact repulsion here, and cooling ends the jitter.
 */
export function largeLayoutSettings(graph: EntenteGraph): LayoutSettings {
  return {
    barnesHutOptimize: true,
    barnesHutTheta: 1.2,
    linLogMode: false,
    gravity: 1,
    strongGravityMode: true,
    scalingRatio: 10,
    slowDown: 2,
    adjustSizes: false,
    edgeWeightInfluence: 0.5,
    outboundAttractionDistribution: false,
    // Marks the profile for layoutMatrices (graphology's iterate ignores unknown settings).
    massByNeighbours: graph.order > 0,
  };
}

/** The settling options a graph's profile needs, on top of the app's rule. */
export function settleOptionsFor(graph: EntenteGraph): SettleOptions {
  return { ...LAYOUT_SETTLE_OPTIONS, ...(isLarge(graph) ? LARGE_SETTLE_OPTIONS : {}) };
}

/**
 * The graph's nodes as graphology-layout-forceatlas2's node matrix (masses at 1, raised by
 * mergeLayoutEdges) and its edges as a list, in graph.nodes() order: a plain pass, so that the pairs are
 * merged in the layout worker (core/layout-matrices.ts).
 */
export function layoutInput(graph: EntenteGraph): { keys: string[]; nodes: Float32Array; list: LayoutEdgeList } {
  const keys = graph.nodes();
  const position = new Map<string, number>();
  const nodes = new Float32Array(keys.length * NODE_STRIDE);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    position.set(key, i);
    const n = i * NODE_STRIDE;
    nodes[n] = a.x;
    nodes[n + 1] = a.y;
    nodes[n + 6] = 1; // mass, raised to 1 + weighted degree by mergeLayoutEdges
    nodes[n + 7] = 1; // convergence
    nodes[n + 8] = a.size || 1;
  });
  const list: LayoutEdgeList = { sources: new Int32Array(graph.size), targets: new Int32Array(graph.size), weights: new Float64Array(graph.size) };
  let k = 0;
  graph.forEachEdge((_key, attributes, source, target) => {
    list.sources[k] = position.get(source)!;
    list.targets[k] = position.get(target)!;
    list.weights[k] = attributes.weight || 1;
    k++;
  });
  return { keys, nodes, list };
}

/** graphology-layout-forceatlas2's matrices for the graph, in graph.nodes() order, as the layout worker makes them. */
export function layoutMatrices(graph: EntenteGraph, influence: number, massByNeighbours = false): { keys: string[]; nodes: Float32Array; edges: Float32Array } {
  const { keys, nodes, list } = layoutInput(graph);
  return { keys, nodes, edges: mergeLayoutEdges(nodes, list, influence, massByNeighbours) };
}

/** With edgeWeightInfluence 0, merged pairs carry their edge count as a weight, applied at influence 1. */
export const influenceFor = (settings: LayoutSettings): LayoutSettings => (settings.edgeWeightInfluence === 0 ? { ...settings, edgeWeightInfluence: 1 } : settings);

export function runLayout(graph: EntenteGraph, onProgress: (progress: LayoutProgress) => void, options: Partial<SettleOptions> = {}): LayoutRun {
  const settle = { ...settleOptionsFor(graph), ...options };
  const settings = layoutSettings(graph);
  const { keys, nodes, list } = layoutInput(graph);
  const startedAt = performance.now();
  const worker = new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'entente-layout' });
  let finish: (outcome: LayoutOutcome) => void = () => {};
  const done = new Promise<LayoutOutcome>((resolve) => (finish = resolve));
  let latest: LayoutReply | null = null;
  let iterations = 0;
  let frame = 0;
  let ended = false;

  const apply = () => {
    frame = 0;
    if (!latest) return;
    const { positions } = latest;
    latest = null;
    let i = 0;
    // Keys are walked in the matrix order; the graph's node set does not change while the layout runs.
    graph.updateEachNodeAttributes(
      (_node, attributes) => {
        attributes.x = positions[2 * i];
        attributes.y = positions[2 * i + 1];
        i++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  };
  const end = (how: LayoutEnd) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    clearTimeout(lastResort);
    if (frame) cancelAnimationFrame(frame);
    apply();
    finish({ iterations, ms: Math.round(performance.now() - startedAt), end: how });
  };
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    if (ended) return;
    latest = event.data;
    iterations = event.data.progress.iterations;
    onProgress(event.data.progress);
    if (event.data.progress.finished) return end(event.data.progress.finished);
    frame ||= requestAnimationFrame(apply);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.error(`entente/layout: the layout worker failed: ${event.message}`);
    end('stopped');
  };
  const lastResort = setTimeout(() => end('timeout'), settle.maxDurationMs + MAIN_THREAD_GRACE_MS);
  if (keys.length < 2) queueMicrotask(() => end('settled'));
  else {
    const request: LayoutRequest = { kind: 'start', nodes, list, influence: settings.edgeWeightInfluence as number, massByNeighbours: settings.massByNeighbours === true, settings: influenceFor(settings), options: settle, reportEveryMs: REPORT_EVERY_MS };
    worker.postMessage(request, [nodes.buffer, list.sources.buffer, list.targets.buffer, list.weights.buffer]);
  }
  // Stop keeps what the user sees: the latest report, applied at once; the worker is terminated mid-batch.
  return { done, stop: () => end('stopped') };
}
