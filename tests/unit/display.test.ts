import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { buildGraph } from '../../src/lib/render/build-graph';
import { computeDisplay, updateDisplay, type DisplayArrays } from '../../src/lib/render/display';
import { BENCH_TODAY, generateDataset, randomFilters } from '../../bench/generate';

function expectSameLook(ours: DisplayArrays, expected: DisplayArrays) {
  expect(Buffer.from(ours.nodeShown).equals(Buffer.from(expected.nodeShown))).toBe(true);
  expect(Array.from(ours.nodeSize)).toEqual(Array.from(expected.nodeSize));
  expect(Array.from(ours.edgeSize)).toEqual(Array.from(expected.edgeSize));
  expect(Array.from(ours.edgeCurvature)).toEqual(Array.from(expected.edgeCurvature));
}

describe('updateDisplay', () => {
  // The bench's generator: Zipf-like actors, so many pairs hold parallel edges of several types.
  const index = buildRelationIndex(generateDataset(6000), BENCH_TODAY);
  const graph = buildGraph(index);
  const engine = createFilterEngine(index);
  const stateOf = (showIsolated = false) => ({ result: engine.result, focus: null, selectedEdge: null, showIsolated });

  it('brings the display to what computeDisplay gives, from the changed edges alone, and reports exactly what changed', () => {
    const filters = randomFilters(index.typeIds.length, index.extent, 80, 3);
    engine.update(filters[0]);
    engine.takeChangedEdges();
    const display = computeDisplay(index, graph, stateOf());
    let parallelChanges = 0;
    filters.slice(1).forEach((filter, i) => {
      const before = computeDisplay(index, graph, stateOf());
      // Every fifth move goes to the whole period, the state the app opens in; some moves come two per frame.
      engine.update(i % 5 === 0 ? { ...filter, from: index.extent.start, to: BENCH_TODAY } : filter);
      if (i % 3 === 0) engine.update(filters[(i + 7) % filters.length]);
      const changes = updateDisplay(index, display, stateOf(), engine.takeChangedEdges())!;
      const expected = computeDisplay(index, graph, stateOf());
      expectSameLook(display, expected);
      const edgesChanged = Array.from(expected.edgeSize.keys()).filter((e) => expected.edgeSize[e] !== before.edgeSize[e] || expected.edgeCurvature[e] !== before.edgeCurvature[e]);
      const nodesChanged = Array.from(expected.nodeSize.keys()).filter((n) => expected.nodeSize[n] !== before.nodeSize[n] || expected.nodeShown[n] !== before.nodeShown[n]);
      expect([...changes.edges].sort((a, b) => a - b)).toEqual(edgesChanged);
      expect([...changes.nodes].sort((a, b) => a - b)).toEqual(nodesChanged);
      parallelChanges += edgesChanged.filter((e) => expected.edgeCurvature[e] !== before.edgeCurvature[e] && expected.edgeSize[e] > 0 && before.edgeSize[e] > 0).length;
    });
    // Curves re-fanned because a sibling appeared or vanished, not only because the edge itself did.
    expect(parallelChanges).toBeGreaterThan(0);
  });

  it('leaves a focus, a selection or a change of showIsolated to computeDisplay', () => {
    const display = computeDisplay(index, graph, stateOf());
    expect(updateDisplay(index, display, { ...stateOf(), focus: index.actorIds[0] }, null)).toBeNull();
    expect(updateDisplay(index, display, { ...stateOf(), selectedEdge: 0 }, null)).toBeNull();
    expect(updateDisplay(index, display, stateOf(true), null)).toBeNull();
    const none = updateDisplay(index, display, stateOf(), null)!;
    expect([none.nodes.length, none.edges.length]).toEqual([0, 0]);
  });
});
