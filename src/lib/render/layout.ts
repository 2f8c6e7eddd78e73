/**
 * ForceAtlas2 in its own web worker (core/layout-steps.ts), stopped once the
 * picture has settled so it never jiggles on. The worker iterates freely and
 * reports positions every REPORT_EVERY_MS; the graph takes the latest report
 * once per animation frame, so drawing a large graph never holds the layout
 * back, nor a fast layout the drawing (graphology's own supervisor waited for
 * the main thread after every single iteration, and wrote every one).
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { EDGE_STRIDE, NODE_STRIDE, type LayoutProgress, type LayoutSettings, type SettleOptions } from '../core/layout-steps';
import type { LayoutReply, LayoutRequest } from '../workers/layout-messages';
import type { EntenteGraph } from './build-graph';

export interface LayoutOptions extends SettleOptions {
  /** Stop at the latest after this long, whatever the iteration count. */
  maxDurationMs: number;
}

const DEFAULT_LAYOUT_OPTIONS: Partial<LayoutOptions> = { maxDurationMs: 20_000 };
const REPORT_EVERY_MS = 80;
/** Above this many nodes Barnes-Hut's approximate repulsion (n log n) beats the exact one (n²) on this workload. */
export const BARNES_HUT_FROM_NODES = 1000;

export type LayoutEnd = 'settled' | 'limit' | 'timeout' | 'stopped';

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
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > BARNES_HUT_FROM_NODES,
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
 * graphology-layout-forceatlas2's matrices for the graph, in graph.nodes() order. The typed edges
 * of one pair become one layout edge pulling as hard as they did together (FA2 pulls with
 * weight^influence), which halves the per-iteration work on a dense multigraph.
 */
function layoutMatrices(graph: EntenteGraph, influence: number): { keys: string[]; nodes: Float32Array; edges: Float32Array } {
  const keys = graph.nodes();
  const position = new Map<string, number>();
  const nodes = new Float32Array(keys.length * NODE_STRIDE);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    position.set(key, i);
    const n = i * NODE_STRIDE;
    nodes[n] = a.x;
    nodes[n + 1] = a.y;
    nodes[n + 6] = 1; // mass, raised to 1 + weighted degree below
    nodes[n + 7] = 1; // convergence
    nodes[n + 8] = a.size || 1;
  });
  const pull = new Map<number, number>();
  graph.forEachEdge((_key, attributes, source, target) => {
    const s = position.get(source)!;
    const t = position.get(target)!;
    const weight = attributes.weight || 1;
    // Hubs repel more, as in graphology's own matrices.
    nodes[s * NODE_STRIDE + 6] += weight;
    nodes[t * NODE_STRIDE + 6] += weight;
    const pair = s < t ? s * keys.length + t : t * keys.length + s;
    pull.set(pair, (pull.get(pair) ?? 0) + (influence === 0 ? 1 : weight ** influence));
  });
  const edges = new Float32Array(pull.size * EDGE_STRIDE);
  let e = 0;
  for (const [pair, total] of pull) {
    edges[e] = Math.floor(pair / keys.length) * NODE_STRIDE;
    edges[e + 1] = (pair % keys.length) * NODE_STRIDE;
    // With influence 0 FA2 ignores weights, so a pair's edge count becomes its weight under influence 1.
    edges[e + 2] = influence === 0 ? total : total ** (1 / influence);
    e += EDGE_STRIDE;
  }
  return { keys, nodes, edges };
}

/** With edgeWeightInfluence 0, merged pairs carry their edge count as a weight, applied at influence 1. */
const influenceFor = (settings: LayoutSettings): LayoutSettings => (settings.edgeWeightInfluence === 0 ? { ...settings, edgeWeightInfluence: 1 } : settings);

export function runLayout(graph: EntenteGraph, onProgress: (progress: LayoutProgress) => void, options: Partial<LayoutOptions> = {}): LayoutRun {
  const { maxDurationMs, ...settle } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const settings = layoutSettings(graph);
  const { keys, nodes, edges } = layoutMatrices(graph, settings.edgeWeightInfluence as number);
  const startedAt = performance.now();
  const worker = new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'entente-layout' });
  let finish: (outcome: LayoutOutcome) => void = () => {};
  const done = new Promise<LayoutOutcome>((resolve) => (finish = resolve));
  let latest: LayoutReply | null = null;
  let iterations = 0;
  let frame = 0;
  let stopped = false;

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
    if (stopped) return;
    stopped = true;
    worker.terminate();
    clearTimeout(deadline);
    if (frame) cancelAnimationFrame(frame);
    apply();
    finish({ iterations, ms: Math.round(performance.now() - startedAt), end: how });
  };
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    if (stopped) return;
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
  const deadline = setTimeout(() => end('timeout'), maxDurationMs);
  if (keys.length < 2) queueMicrotask(() => end('settled'));
  else worker.postMessage({ kind: 'start', nodes, edges, settings: influenceFor(settings), options: settle, reportEveryMs: REPORT_EVERY_MS } satisfies LayoutRequest, [nodes.buffer, edges.buffer]);
  return { done, stop: () => end('stopped') };
}
