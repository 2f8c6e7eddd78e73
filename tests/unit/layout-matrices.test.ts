import { describe, expect, it } from 'vitest';
import { EDGE_STRIDE, NODE_STRIDE } from '../../src/lib/core/layout-steps';
import { mergeLayoutEdges } from '../../src/lib/core/layout-matrices';
import { buildGraph } from '../../src/lib/render/build-graph';
import { layoutInput, layoutMatrices } from '../../src/lib/render/layout';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';
import type { EntenteGraph } from '../../src/lib/render/build-graph';

/** The matrices as render/layout.ts made them on the main thread in one pass, before the merge moved to the worker. */
function oneShotMatrices(graph: EntenteGraph, influence: number, massByNeighbours: boolean): { nodes: Float32Array; edges: Float32Array } {
  const keys = graph.nodes();
  const position = new Map<string, number>();
  const nodes = new Float32Array(keys.length * NODE_STRIDE);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    position.set(key, i);
    nodes[i * NODE_STRIDE] = a.x;
    nodes[i * NODE_STRIDE + 1] = a.y;
    nodes[i * NODE_STRIDE + 6] = 1;
    nodes[i * NODE_STRIDE + 7] = 1;
    nodes[i * NODE_STRIDE + 8] = a.size || 1;
  });
  const pull = new Map<number, number>();
  graph.forEachEdge((_key, attributes, source, target) => {
    const s = position.get(source)!;
    const t = position.get(target)!;
    const weight = attributes.weight || 1;
    nodes[s * NODE_STRIDE + 6] += weight;
    nodes[t * NODE_STRIDE + 6] += weight;
    const pair = s < t ? s * keys.length + t : t * keys.length + s;
    pull.set(pair, (pull.get(pair) ?? 0) + (influence === 0 ? 1 : weight ** influence));
  });
  if (massByNeighbours) {
    for (let i = 0; i < keys.length; i++) nodes[i * NODE_STRIDE + 6] = 1;
    for (const pair of pull.keys()) {
      nodes[Math.floor(pair / keys.length) * NODE_STRIDE + 6] += 1;
      nodes[(pair % keys.length) * NODE_STRIDE + 6] += 1;
    }
  }
  const edges = new Float32Array(pull.size * EDGE_STRIDE);
  let e = 0;
  for (const [pair, total] of pull) {
    edges[e] = Math.floor(pair / keys.length) * NODE_STRIDE;
    edges[e + 1] = (pair % keys.length) * NODE_STRIDE;
    edges[e + 2] = influence === 0 ? total : total ** (1 / influence);
    e += EDGE_STRIDE;
  }
  return { nodes, edges };
}

describe('layout matrices merged in the worker', () => {
  const { index } = withRollupEdges(buildRelationIndex(generateDataset(20_000, 11), BENCH_TODAY));
  const graph = buildGraph(index);

  it('lists every edge once, by node position, with its weight', () => {
    const { keys, list } = layoutInput(graph);
    expect(list.sources.length).toBe(graph.size);
    const k = 7 % graph.size;
    const edge = graph.edges()[k];
    expect(keys[list.sources[k]]).toBe(graph.source(edge));
    expect(keys[list.targets[k]]).toBe(graph.target(edge));
    expect(list.weights[k]).toBe(graph.getEdgeAttribute(edge, 'weight') || 1);
  });

  for (const [influence, massByNeighbours] of [[0.5, true], [0.5, false], [0, false], [1, true]] as const) {
    it(`gives the one-shot matrices, influence ${influence}, masses by ${massByNeighbours ? 'neighbours' : 'weight'}`, () => {
      const expected = oneShotMatrices(graph, influence, massByNeighbours);
      // As the worker gets them: through structured clone.
      const { nodes, list } = structuredClone(layoutInput(graph));
      const edges = mergeLayoutEdges(nodes, list, influence, massByNeighbours);
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.length).toBeLessThan(graph.size * EDGE_STRIDE);
      expect(Array.from(nodes)).toEqual(Array.from(expected.nodes));
      expect(Array.from(edges)).toEqual(Array.from(expected.edges));
      expect(Array.from(layoutMatrices(graph, influence, massByNeighbours).edges)).toEqual(Array.from(expected.edges));
    });
  }
});
