/**
 * ForceAtlas2 in its web worker, stopped once the picture has settled so it
 * never jiggles on. Settling is judged by how far nodes still move relative
 * to the size of the drawing.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { EntenteGraph } from './build-graph';

export interface LayoutOptions {
  /** Stop at the latest after this long, settled or not. */
  maxDurationMs: number;
  /** Mean movement per check, as a share of the drawing's diagonal, under which the layout counts as settled. */
  settledMovement: number;
  checkIntervalMs: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { maxDurationMs: 6000, settledMovement: 0.0015, checkIntervalMs: 250 };

export interface LayoutRun {
  readonly done: Promise<void>;
  stop(): void;
}

function snapshot(graph: EntenteGraph): Float64Array {
  const positions = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_, a) => {
    positions[i++] = a.x;
    positions[i++] = a.y;
  });
  return positions;
}

function meanMovementShare(before: Float64Array, after: Float64Array): number {
  let moved = 0;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < after.length; i += 2) {
    moved += Math.hypot(after[i] - before[i], after[i + 1] - before[i + 1]);
    minX = Math.min(minX, after[i]);
    maxX = Math.max(maxX, after[i]);
    minY = Math.min(minY, after[i + 1]);
    maxY = Math.max(maxY, after[i + 1]);
  }
  const diagonal = Math.hypot(maxX - minX, maxY - minY) || 1;
  return moved / (after.length / 2 || 1) / diagonal;
}

export function runLayout(graph: EntenteGraph, options: Partial<LayoutOptions> = {}): LayoutRun {
  const { maxDurationMs, settledMovement, checkIntervalMs } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    gravity: 1,
    scalingRatio: 30,
    slowDown: 4,
    adjustSizes: true,
    outboundAttractionDistribution: true,
    edgeWeightInfluence: 0.5,
  };
  const layout = new FA2Layout(graph, { settings, getEdgeWeight: 'weight' });
  let stopped = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const startedAt = performance.now();
  let previous = snapshot(graph);
  let calmChecks = 0;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    layout.kill();
    finish();
  };
  const timer = setInterval(() => {
    const current = snapshot(graph);
    calmChecks = meanMovementShare(previous, current) < settledMovement ? calmChecks + 1 : 0;
    previous = current;
    if (calmChecks >= 2 || performance.now() - startedAt > maxDurationMs) stop();
  }, checkIntervalMs);
  layout.start();
  return { done, stop };
}
