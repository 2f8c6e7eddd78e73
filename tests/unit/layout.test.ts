import { describe, expect, test } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { LayoutSteps, NODE_STRIDE, EDGE_STRIDE } from '../../src/lib/core/layout-steps';
import { buildGraph, strongestEdges } from '../../src/lib/render/build-graph';
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
