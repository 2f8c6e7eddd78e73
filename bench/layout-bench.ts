/**
 * `npx tsx bench/layout-bench.ts [--relations=100000] [--seeds=42,43,44]`: the
 * app's layout stepping (core/layout-steps.ts with render/layout.ts's settings,
 * matrices and settling rule) run to the end in Node, in 80 ms batches as the
 * worker runs it, on generated datasets. Reports iterations, seconds to
 * settle, ms per iteration, and two shape figures of the result: the spread of
 * the nodes' distances from the centre (radius CV; the starting ring is about
 * 0.1) and the mean edge length over the mean distance of node pairs (lower:
 * linked nodes closer). The baseline in the same run is the previous settings
 * (the small-graph profile on the same graph). Run it on an otherwise quiet
 * machine; it is not a test.
 */
import { loadavg } from 'node:os';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { withRollupEdges } from '../src/lib/core/rollup';
import { EDGE_STRIDE, LayoutSteps, NODE_STRIDE, positionsOf, type LayoutSettings, type SettleOptions } from '../src/lib/core/layout-steps';
import { buildGraph } from '../src/lib/render/build-graph';
import { influenceFor, LAYOUT_SETTLE_OPTIONS, layoutMatrices, layoutSettings, settleOptionsFor, smallLayoutSettings } from '../src/lib/render/layout';
import { BENCH_TODAY, generateDataset } from './generate';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const relations = Number(arg('relations', '100000'));
const seeds = arg('seeds', '42,43,44').split(',').map(Number);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function shape(positions: Float32Array, edges: Float32Array): string {
  const n = positions.length / 2;
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) (cx += positions[2 * i]), (cy += positions[2 * i + 1]);
  (cx /= n), (cy /= n);
  const radii = Array.from({ length: n }, (_, i) => Math.hypot(positions[2 * i] - cx, positions[2 * i + 1] - cy));
  const mean = radii.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(radii.reduce((a, r) => a + (r - mean) ** 2, 0) / n);
  const dist = (a: number, b: number) => Math.hypot(positions[2 * a] - positions[2 * b], positions[2 * a + 1] - positions[2 * b + 1]);
  let edgeLength = 0;
  const edgeCount = edges.length / EDGE_STRIDE;
  for (let e = 0; e < edgeCount; e++) edgeLength += dist(edges[e * EDGE_STRIDE] / NODE_STRIDE, edges[e * EDGE_STRIDE + 1] / NODE_STRIDE);
  // Deterministic pseudo-random pairs.
  let pairLength = 0;
  const pairs = 20_000;
  for (let k = 0; k < pairs; k++) pairLength += dist((k * 7919) % n, (k * 104_729 + 13) % n);
  return `radius CV ${(sd / mean).toFixed(2)}, edge/pair length ${(edgeLength / edgeCount / (pairLength / pairs)).toFixed(2)}`;
}

function runToEnd(label: string, nodes: Float32Array, edges: Float32Array, settings: LayoutSettings, options: SettleOptions): void {
  const steps = new LayoutSteps(nodes, edges, settings, options);
  const start = performance.now();
  let progress = steps.run(0);
  const firstReport = performance.now() - start;
  while (!progress.finished) progress = steps.run(80);
  const seconds = (performance.now() - start) / 1000;
  const perIteration = (seconds * 1000) / progress.iterations;
  console.log(`  ${label.padEnd(9)} ${String(progress.iterations).padStart(5)} it ${seconds.toFixed(2).padStart(6)} s ${perIteration.toFixed(2).padStart(6)} ms/it  first report ${firstReport.toFixed(0)} ms  ${progress.finished.padEnd(7)}  ${shape(steps.positions(), edges)}  load ${load()}`);
}

console.log(`layout bench: ${relations.toLocaleString('en')} relations, seeds ${seeds.join(', ')}; load average ${load()}`);
for (const seed of seeds) {
  const { index } = withRollupEdges(buildRelationIndex(generateDataset(relations, seed), BENCH_TODAY));
  const graph = buildGraph(index);
  const settings = layoutSettings(graph);
  const ours = layoutMatrices(graph, settings.edgeWeightInfluence as number, settings.massByNeighbours === true);
  console.log(`seed ${seed}: ${graph.order} nodes, ${graph.size} graph edges, ${ours.edges.length / EDGE_STRIDE} layout edges (pairs); start: ${shape(positionsOf(ours.nodes), ours.edges)}`);
  runToEnd('ours', ours.nodes, ours.edges, influenceFor(settings), settleOptionsFor(graph));
  const previous = smallLayoutSettings(graph);
  const before = layoutMatrices(graph, previous.edgeWeightInfluence as number);
  runToEnd('previous', before.nodes, before.edges, influenceFor(previous), LAYOUT_SETTLE_OPTIONS);
}
