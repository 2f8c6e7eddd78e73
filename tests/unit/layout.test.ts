import { describe, expect, test } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { LayoutSteps, NODE_STRIDE, EDGE_STRIDE, positionsOf } from '../../src/lib/core/layout-steps';
import { buildGraph, strongestEdges } from '../../src/lib/render/build-graph';
import { influenceFor, LARGE_LAYOUT_FROM_NODES, layoutMatrices, layoutSettings, settleOptionsFor } from '../../src/lib/render/layout';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';
import { dataset, rel, type } from './helpers';

/** A ring of `n` nodes with chords, as FA2 matrices, started on a tight spiral. */
function ringMatrices(n: number): { nodes: Float32Array; edges: Float32Array } {
  const nodes = new Float32Array(n * NODE_STRIDE);
  for (let i = 0; i < n; i++) {
    nodes[i * NODE_STRIDE] = Math.cos(i) * (1 + i * 0.01);
    nodes[i * NODE_STRIDE + 1] = Math.sin(i) * (1 + i * 0.01);
    nodes[i * NODE_STRIDE + 6] = 3;
    nodes[i * NODE_STRIDE + 7] = 1;
    nodes[i * NODE_STRIDE + 8] = 1;
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) pairs.push([i, (i + 1) % n], [i, (i + 7) % n]);
  const edges = new Float32Array(pairs.length * EDGE_STRIDE);
  pairs.forEach(([s, t], k) => edges.set([s * NODE_STRIDE, t * NODE_STRIDE, 1], k * EDGE_STRIDE));
  return { nodes, edges };
}

const SETTINGS = { linLogMode: true, gravity: 1, scalingRatio: 5, slowDown: 4, adjustSizes: false, edgeWeightInfluence: 0.5, barnesHutOptimize: false, barnesHutTheta: 0.5, strongGravityMode: true, outboundAttractionDistribution: false };

describe('LayoutSteps', () => {
  test('runs in batches until the movement falls under the threshold, and reports its way there', () => {
    const { nodes, edges } = ringMatrices(60);
    const start = nodes.slice();
    const steps = new LayoutSteps(nodes, edges, SETTINGS, { minIterations: 50, maxIterations: 5000, checkEvery: 10, settledMovement: 0.0004 });
    const reports = [];
    let clock = 0;
    // A fake clock that advances 1 ms per reading: each batch is a few checks long.
    for (let k = 0; k < 1000; k++) {
      const progress = steps.run(3, () => clock++);
      reports.push(progress);
      if (progress.finished) break;
    }
    const last = reports.at(-1)!;
    expect(last.finished).toBe('settled');
    expect(last.iterations).toBeGreaterThanOrEqual(50);
    expect(last.iterations).toBeLessThan(5000);
    expect(last.movement).toBeLessThan(0.0004);
    expect(last.fraction).toBe(1);
    expect(reports.length).toBeGreaterThan(1);
    // Progress only goes forward, and is below 1 until the end.
    for (let k = 1; k < reports.length - 1; k++) expect(reports[k].fraction).toBeLessThan(1);
    expect(steps.positions()).not.toEqual(start.filter((_, i) => i % NODE_STRIDE < 2));
  });

  test('stops at maxIterations when it does not settle first', () => {
    const { nodes, edges } = ringMatrices(40);
    const steps = new LayoutSteps(nodes, edges, SETTINGS, { minIterations: 10, maxIterations: 30, checkEvery: 10, settledMovement: 0 });
    let progress = steps.run(1e9);
    expect(progress).toMatchObject({ finished: 'limit', iterations: 30 });
    progress = steps.run(1e9);
    expect(progress.iterations).toBe(30);
  });
});

describe('LayoutSteps never ends at 0 iterations', () => {
  test('a zero time box still runs one check of iterations', () => {
    const { nodes, edges } = ringMatrices(30);
    const steps = new LayoutSteps(nodes, edges, SETTINGS, { checkEvery: 10, settledMovement: 0 });
    expect(steps.run(0).iterations).toBe(10);
  });

  test('a clock that jumps past the time cap at every reading (iterations longer than the cap) still counts a batch before "timeout"', () => {
    const { nodes, edges } = ringMatrices(30);
    const steps = new LayoutSteps(nodes, edges, SETTINGS, { checkEvery: 10, settledMovement: 0, maxDurationMs: 50 });
    let clock = 0;
    const progress = steps.run(10, () => (clock += 1000));
    expect(progress.finished).toBe('timeout');
    expect(progress.iterations).toBe(10);
    expect(steps.positions()).not.toEqual(positionsOf(ringMatrices(30).nodes));
  });

  test('the time cap counts from the first batch, not from when the run was set up (a busy main thread or a slow worker start)', () => {
    const { nodes, edges } = ringMatrices(30);
    let clock = 0;
    const steps = new LayoutSteps(nodes, edges, SETTINGS, { checkEvery: 10, settledMovement: 0, maxIterations: 1e6, maxDurationMs: 100 });
    clock = 1e6; // The worker got its message long after the layout was asked for.
    let progress = steps.run(5, () => (clock += 1));
    expect(progress.finished).toBeNull();
    while (!progress.finished) progress = steps.run(5, () => (clock += 1));
    expect(progress.finished).toBe('timeout');
    expect(progress.iterations).toBeGreaterThanOrEqual(10 * 50);
  });

  test('cooling brings a jittering layout to rest, where the same run without it only reaches its limit', () => {
    const jittery = { ...SETTINGS, slowDown: 0.05 };
    const options = { minIterations: 50, maxIterations: 3000, checkEvery: 10, settledMovement: 0.0004 };
    const hot = ringMatrices(60);
    expect(new LayoutSteps(hot.nodes, hot.edges, jittery, options).run(1e9).finished).toBe('limit');
    const cooled = ringMatrices(60);
    const progress = new LayoutSteps(cooled.nodes, cooled.edges, jittery, { ...options, coolFrom: 100, coolFactor: 1.2 }).run(1e9);
    expect(progress.finished).toBe('settled');
    expect(progress.iterations).toBeLessThan(3000);
    // The caller's settings are left alone (cooling works on a copy).
    expect(jittery.slowDown).toBe(0.05);
  });
});

/** Spread of the nodes' distances from their centre: about 0.1 on the starting ring. */
function radiusSpread(positions: Float32Array): number {
  const n = positions.length / 2;
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) (cx += positions[2 * i]), (cy += positions[2 * i + 1]);
  const radii = Array.from({ length: n }, (_, i) => Math.hypot(positions[2 * i] - cx / n, positions[2 * i + 1] - cy / n));
  const mean = radii.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(radii.reduce((a, r) => a + (r - mean) ** 2, 0) / n) / mean;
}

describe('the large-graph layout profile', () => {
  test('at 100k relations (1,000 nodes) it settles and leaves the starting ring, with masses by neighbour count', { timeout: 120_000 }, () => {
    const { index } = withRollupEdges(buildRelationIndex(generateDataset(100_000), BENCH_TODAY));
    const graph = buildGraph(index);
    expect(graph.order).toBeGreaterThanOrEqual(LARGE_LAYOUT_FROM_NODES);
    const settings = layoutSettings(graph);
    expect(settings).toMatchObject({ barnesHutOptimize: true, adjustSizes: false, linLogMode: false, massByNeighbours: true });
    const { nodes, edges } = layoutMatrices(graph, settings.edgeWeightInfluence as number, true);
    let maxMass = 0;
    for (let i = 0; i < graph.order; i++) maxMass = Math.max(maxMass, nodes[i * NODE_STRIDE + 6]);
    expect(maxMass).toBeLessThanOrEqual(graph.order);
    const start = radiusSpread(positionsOf(nodes));
    expect(start).toBeLessThan(0.15);
    const steps = new LayoutSteps(nodes, edges, influenceFor(settings), { ...settleOptionsFor(graph), maxDurationMs: Infinity });
    let progress = steps.run(0);
    while (!progress.finished) progress = steps.run(1000);
    expect(progress.finished).toBe('settled');
    expect(progress.iterations).toBeLessThan(1000);
    expect(radiusSpread(steps.positions())).toBeGreaterThan(0.18);
  });

  test('a small graph keeps the small-graph settings (and its picture)', () => {
    const graph = buildGraph(buildRelationIndex(generateDataset(2_000), BENCH_TODAY));
    expect(graph.order).toBeLessThan(LARGE_LAYOUT_FROM_NODES);
    expect(layoutSettings(graph)).toMatchObject({ linLogMode: true, adjustSizes: true, slowDown: 4 });
    expect(settleOptionsFor(graph).coolFactor).toBe(1);
  });
});

describe('strongestEdges', () => {
  const t = type('meet', 'event', false);
  // a-b: 3 relations, a-c: 2, b-c: 2, c-d: 1.
  const ds = dataset([t], ['a', 'b', 'c', 'd'], [
    rel('a', 'b', 'meet', '2020-01-01'), rel('a', 'b', 'meet', '2020-01-02'), rel('a', 'b', 'meet', '2020-01-03'),
    rel('a', 'c', 'meet', '2020-01-01'), rel('a', 'c', 'meet', '2020-01-02'),
    rel('b', 'c', 'meet', '2020-01-01'), rel('b', 'c', 'meet', '2020-01-02'),
    rel('c', 'd', 'meet', '2020-01-01'),
  ]);
  const index = buildRelationIndex(ds, BENCH_TODAY);
  const heldPairs = (kept: Uint8Array) => index.edges.filter((_, e) => kept[e]).map((e) => `${e.source}-${e.target}`).sort();
  const strength = (e: number) => index.edgeRelations[e].length;

  test('keeps every edge up to the limit', () => {
    expect(heldPairs(strongestEdges(index, 4))).toEqual(['a-b', 'a-c', 'b-c', 'c-d']);
    expect(heldPairs(strongestEdges(index, 100))).toHaveLength(4);
  });

  test('keeps the strongest by relation count, ties in index order, exactly `limit` of them', () => {
    expect(heldPairs(strongestEdges(index, 1))).toEqual(['a-b']);
    const two = strongestEdges(index, 2);
    expect(two.reduce((a, b) => a + b, 0)).toBe(2);
    const firstTie = index.edges.findIndex((_, e) => strength(e) === 2);
    expect(two[firstTie]).toBe(1);
    expect(heldPairs(strongestEdges(index, 3))).toEqual(['a-b', 'a-c', 'b-c']);
  });

  test('on a generated dataset, the graph holds exactly the limit and no weaker edge than one it drops', () => {
    const big = buildRelationIndex(generateDataset(20_000, 3), BENCH_TODAY);
    const limit = Math.floor(big.edges.length / 3);
    const kept = strongestEdges(big, limit);
    const graph = buildGraph(big, kept);
    const held = graph.filterEdges((_, a) => !a.affiliation);
    expect(held).toHaveLength(limit);
    let weakestHeld = Infinity;
    let strongestDropped = 0;
    big.edges.forEach((_, e) => {
      if (kept[e]) weakestHeld = Math.min(weakestHeld, big.edgeRelations[e].length);
      else strongestDropped = Math.max(strongestDropped, big.edgeRelations[e].length);
    });
    expect(weakestHeld).toBeGreaterThanOrEqual(strongestDropped);
  });
});
