/**
 * ForceAtlas2 in its web worker, stopped once the picture has settled so it
 * never jiggles on. Settling is judged per iteration (the supervisor writes
 * positions back once per iteration), not per wall-clock tick, so a busy
 * machine gets the same picture as an idle one.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { EntenteGraph } from './build-graph';

export interface LayoutOptions {
  /** Mean movement per iteration, as a share of the drawing's diagonal, under which the layout counts as settled. */
  settledMovement: number;
  minIterations: number;
  maxIterations: number;
  /** Stop at the latest after this long, whatever the iteration count. */
  maxDurationMs: number;
  /** Iterations between two movement checks. */
  checkEvery: number;
}

const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  settledMovement: 0.0004,
  minIterations: 150,
  maxIterations: 1500,
  maxDurationMs: 20_000,
  checkEvery: 10,
};

export interface LayoutRun {
  /** Resolves with the number of iterations run once the layout has stopped. */
  readonly done: Promise<number>;
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

function layoutSettings(graph: EntenteGraph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    // LinLog keeps hubs from flinging their one-edge neighbours to the rim, so people stay near their state or body.
    linLogMode: true,
    gravity: 1,
    scalingRatio: 5,
    slowDown: 4,
    adjustSizes: true,
    edgeWeightInfluence: 0.5,
  };
}

export function runLayout(graph: EntenteGraph, options: Partial<LayoutOptions> = {}): LayoutRun {
  const { settledMovement, minIterations, maxIterations, maxDurationMs, checkEvery } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const layout = new FA2Layout(graph, { settings: layoutSettings(graph), getEdgeWeight: 'weight' });
  let finish: (iterations: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  let stopped = false;
  let iterations = 0;
  let previous = snapshot(graph);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    layout.stop();
    graph.off('eachNodeAttributesUpdated', onIteration);
    clearTimeout(deadline);
    // The supervisor still finishes handling the current message; kill the worker after it.
    setTimeout(() => layout.kill(), 0);
    finish(iterations);
  };
  const onIteration = () => {
    iterations++;
    if (iterations % checkEvery !== 0) return;
    const current = snapshot(graph);
    const perIteration = meanMovementShare(previous, current) / checkEvery;
    previous = current;
    if ((iterations >= minIterations && perIteration < settledMovement) || iterations >= maxIterations) stop();
  };
  const deadline = setTimeout(stop, maxDurationMs);
  graph.on('eachNodeAttributesUpdated', onIteration);
  layout.start();
  return { done, stop };
}
