import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { buildGraph, strongestEdges } from '../../src/lib/render/build-graph';
import { computeDisplay, edgeCurvatureOf, edgeSizeOf, updateDisplay } from '../../src/lib/render/display';
import { parallelGroups } from '../../src/lib/render/parallel-edges';
import { parallelCurvature } from '../../src/lib/render/styles';
import { expectSameLook, perEdge } from './display-look';
import { BENCH_TODAY, generateDataset, randomFilters } from '../../bench/generate';

describe('updateDisplay with a held-edge mask', () => {
  const index = buildRelationIndex(generateDataset(6000), BENCH_TODAY);
  const edgeCount = index.edges.length;
  // A third of the edges, the strongest, as the renderer holds above its limit: many held edges have non-held siblings.
  const held = strongestEdges(index, Math.floor(edgeCount / 3));
  const graph = buildGraph(index, held);
  const engine = createFilterEngine(index);
  const stateOf = (mask: Uint8Array = held) => ({ result: engine.result, focus: null, selectedEdge: null, showIsolated: false, held: mask });
  const allHeldState = () => ({ ...stateOf(), held: undefined });

  it('has parallel groups where held edges sit beside edges not held', () => {
    const mixed = parallelGroups(index).filter((g) => g.some((e) => held[e]) && g.some((e) => !held[e]));
    expect(mixed.length).toBeGreaterThan(10);
  });

  it('after any sequence of filter results equals computeDisplay on the held edges, and reports exactly what changed', () => {
    const filters = randomFilters(index.typeIds.length, index.extent, 80, 11);
    engine.update(filters[0]);
    engine.takeChangedEdges();
    const display = computeDisplay(index, graph, stateOf());
    filters.slice(1).forEach((filter, i) => {
      const before = computeDisplay(index, graph, stateOf());
      // Whole period, random windows with type masks, and two results per frame.
      engine.update(i % 5 === 0 ? { ...filter, from: index.extent.start, to: BENCH_TODAY } : filter);
      if (i % 3 === 0) engine.update(filters[(i + 7) % filters.length]);
      const changes = updateDisplay(index, display, stateOf(), engine.takeChangedEdges())!;
      expect(changes).not.toBeNull();
      const expected = computeDisplay(index, graph, stateOf());
      expectSameLook(display, expected);
      const [now, was] = [perEdge(expected), perEdge(before)];
      const edgesChanged = Array.from(now.size.keys()).filter((e) => now.size[e] !== was.size[e] || now.curvature[e] !== was.curvature[e]);
      const nodesChanged = Array.from(expected.nodeSize.keys()).filter((n) => expected.nodeSize[n] !== before.nodeSize[n] || expected.nodeShown[n] !== before.nodeShown[n]);
      expect([...changes.edges].sort((a, b) => a - b)).toEqual(edgesChanged);
      expect([...changes.nodes].sort((a, b) => a - b)).toEqual(nodesChanged);
    });
  });

  it('gives edges not held no look, node sizes over all rows, and fans parallel edges among held ones only', () => {
    engine.update({ from: index.extent.start, to: BENCH_TODAY, typeMask: new Uint8Array(index.typeIds.length).fill(1) });
    const ours = computeDisplay(index, graph, stateOf());
    const all = computeDisplay(index, graph, allHeldState());
    const { edgeCounts } = engine.result;
    for (let e = 0; e < edgeCount; e++) {
      if (held[e]) expect(edgeSizeOf(ours, e)).toBe(edgeSizeOf(all, e));
      else expect(ours.edgeSlot[e]).toBe(-1);
    }
    expect(Array.from(ours.nodeSize)).toEqual(Array.from(all.nodeSize));
    let fannedAmongHeld = 0;
    for (const group of parallelGroups(index)) {
      // Held and visible, in index order: the fan as if only these were there, each bent by its own direction.
      const shown = Array.from(group).filter((e) => held[e] && edgeCounts[e] > 0);
      const firstSource = index.edgeSourceIndex[shown[0]];
      shown.forEach((e, i) => {
        const sign = index.edgeSourceIndex[e] === firstSource ? 1 : -1;
        const bend = shown.length < 2 ? 0 : Math.fround(sign * parallelCurvature(i, shown.length)) || 0;
        expect(edgeCurvatureOf(ours, e)).toBe(bend);
      });
      if (shown.length >= 2 && group.some((e) => !held[e] && edgeCounts[e] > 0)) fannedAmongHeld++;
      // A group wholly held fans as it does with every edge held.
      if (group.every((e) => held[e])) for (const e of group) expect(edgeCurvatureOf(ours, e)).toBe(edgeCurvatureOf(all, e));
    }
    expect(fannedAmongHeld).toBeGreaterThan(0);
  });

  it('starts over when the held edges change', () => {
    const display = computeDisplay(index, graph, stateOf());
    expect(updateDisplay(index, display, stateOf(strongestEdges(index, 10)), null)).toBeNull();
    expect(updateDisplay(index, display, allHeldState(), null)).toBeNull();
  });
});
