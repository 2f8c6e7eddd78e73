import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { buildGraph, strongestEdges } from '../../src/lib/render/build-graph';
import { heldEdgesOf, parallelGroups } from '../../src/lib/render/parallel-edges';
import { computeDisplay, edgeCurvatureOf, updateDisplay, type DisplayState } from '../../src/lib/render/display';
import { expectSameLook, perEdge } from './display-look';
import { BENCH_TODAY, generateDataset, randomFilters } from '../../bench/generate';

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
    let ordered = 0;
    filters.slice(1).forEach((filter, i) => {
      const before = computeDisplay(index, graph, stateOf());
      // Every fifth move goes to the whole period, the state the app opens in; some moves come two per frame.
      engine.update(i % 5 === 0 ? { ...filter, from: index.extent.start, to: BENCH_TODAY } : filter);
      if (i % 3 === 0) engine.update(filters[(i + 7) % filters.length]);
      const changes = updateDisplay(index, display, stateOf(), engine.takeChangedEdges())!;
      const expected = computeDisplay(index, graph, stateOf());
      expectSameLook(display, expected);
      const [now, was] = [perEdge(expected), perEdge(before)];
      const edgesChanged = Array.from(now.size.keys()).filter((e) => now.size[e] !== was.size[e] || now.curvature[e] !== was.curvature[e]);
      const nodesChanged = Array.from(expected.nodeSize.keys()).filter((n) => expected.nodeSize[n] !== before.nodeSize[n] || expected.nodeShown[n] !== before.nodeShown[n]);
      expect([...changes.edges].sort((a, b) => a - b)).toEqual(edgesChanged);
      expect([...changes.nodes].sort((a, b) => a - b)).toEqual(nodesChanged);
      // Many changed edges come in index order, so the repaint reads sigma's data about as it lies in memory.
      if (changes.edges.length * 32 > index.edges.length) {
        expect(changes.edges.every((e, k) => k === 0 || changes.edges[k - 1] < e)).toBe(true);
        ordered++;
      }
      parallelChanges += edgesChanged.filter((e) => now.curvature[e] !== was.curvature[e] && now.size[e] > 0 && was.size[e] > 0).length;
    });
    // Curves re-fanned because a sibling appeared or vanished, not only because the edge itself did.
    expect(parallelChanges).toBeGreaterThan(0);
    expect(ordered).toBeGreaterThan(10);
  });

  it('leaves a focus, a selection or a change of showIsolated to computeDisplay', () => {
    const display = computeDisplay(index, graph, stateOf());
    expect(updateDisplay(index, display, { ...stateOf(), focus: index.actorIds[0] }, null)).toBeNull();
    expect(updateDisplay(index, display, { ...stateOf(), selectedEdge: 0 }, null)).toBeNull();
    expect(updateDisplay(index, display, stateOf(true), null)).toBeNull();
    const none = updateDisplay(index, display, stateOf(), null)!;
    expect([none.nodes.length, none.edges.length]).toEqual([0, 0]);
  });

  describe('with a held-edge mask', () => {
    const edgeCount = index.edges.length;
    // A random half, so that many held edges have siblings the graph does not hold.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const randomHalf = Uint8Array.from({ length: edgeCount }, () => (random() < 0.5 ? 1 : 0));
    const masks: Array<[string, Uint8Array]> = [
      ['the strongest third', strongestEdges(index, Math.floor(edgeCount / 3))],
      ['a random half', randomHalf],
      ['all edges', new Uint8Array(edgeCount).fill(1)],
    ];

    it.each(masks)('%s: updateDisplay after any sequence of filters equals computeDisplay on the held edges', (_name, held) => {
      const withHeld = (): DisplayState => ({ ...stateOf(), held });
      const filters = randomFilters(index.typeIds.length, index.extent, 60, 11);
      engine.update(filters[0]);
      engine.takeChangedEdges();
      const display = computeDisplay(index, graph, withHeld());
      let refanned = 0;
      filters.slice(1).forEach((filter, i) => {
        const before = computeDisplay(index, graph, withHeld());
        engine.update(i % 4 === 0 ? { ...filter, from: index.extent.start, to: BENCH_TODAY } : filter);
        if (i % 3 === 0) engine.update(filters[(i + 5) % filters.length]);
        // Now and then the engine's list is not passed: any edge may have changed.
        const changes = updateDisplay(index, display, withHeld(), i % 7 === 6 ? null : engine.takeChangedEdges())!;
        const expected = computeDisplay(index, graph, withHeld());
        expectSameLook(display, expected);
        for (let e = 0; e < edgeCount; e++) if (!held[e]) expect(display.edgeSlot[e]).toBe(-1);
        const [now, was] = [perEdge(expected), perEdge(before)];
      const edgesChanged = Array.from(now.size.keys()).filter((e) => now.size[e] !== was.size[e] || now.curvature[e] !== was.curvature[e]);
        const nodesChanged = Array.from(expected.nodeSize.keys()).filter((n) => expected.nodeSize[n] !== before.nodeSize[n] || expected.nodeShown[n] !== before.nodeShown[n]);
        expect([...changes.edges].sort((a, b) => a - b)).toEqual(edgesChanged);
        expect([...changes.nodes].sort((a, b) => a - b)).toEqual(nodesChanged);
        refanned += edgesChanged.filter((e) => now.curvature[e] !== was.curvature[e] && now.size[e] > 0 && was.size[e] > 0).length;
      });
      expect(refanned).toBeGreaterThan(0);
    });

    it('sizes nodes over every row, held or not, and fans parallel edges among held ones only', () => {
      const [, held] = masks[1];
      engine.update({ from: index.extent.start, to: BENCH_TODAY, typeMask: new Uint8Array(index.typeIds.length).fill(1) });
      const all = computeDisplay(index, graph, stateOf());
      const some = computeDisplay(index, graph, { ...stateOf(), held });
      expect(Array.from(some.nodeSize)).toEqual(Array.from(all.nodeSize));
      expect(Array.from(some.nodeShown)).toEqual(Array.from(all.nodeShown));
      const { groups } = heldEdgesOf(index, held);
      let wholeGroups = 0;
      let splitGroups = 0;
      for (const group of parallelGroups(index)) {
        const members = group.filter((e) => held[e] === 1);
        if (members.length === group.length) {
          // Every edge of the pair held: drawn exactly as with no mask.
          wholeGroups++;
          for (const e of group) expect(edgeCurvatureOf(some, e)).toBe(edgeCurvatureOf(all, e));
        } else if (members.length === 1) {
          // One held edge of the pair: drawn straight, not bent around siblings that are never drawn.
          splitGroups++;
          expect(edgeCurvatureOf(some, members[0])).toBe(0);
        }
      }
      expect(wholeGroups).toBeGreaterThan(0);
      expect(splitGroups).toBeGreaterThan(0);
      expect(groups.every((g) => g.length >= 2 && g.every((e) => held[e] === 1))).toBe(true);
    });

    it('starts over when the mask changes', () => {
      const display = computeDisplay(index, graph, { ...stateOf(), held: masks[0][1] });
      expect(updateDisplay(index, display, { ...stateOf(), held: masks[1][1] }, null)).toBeNull();
      expect(updateDisplay(index, display, stateOf(), null)).toBeNull();
    });
  });
});
