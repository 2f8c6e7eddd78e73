import { describe, expect, it } from 'vitest';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { buildGraph, strongestEdges } from '../../src/lib/render/build-graph';
import { addEdgesInSlices, graphOfNodes } from '../../src/lib/render/graph-chunks';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

describe('graph built in slices', () => {
  const { index } = withRollupEdges(buildRelationIndex(generateDataset(20_000), BENCH_TODAY));
  const kept = strongestEdges(index, 3_000);

  it('holds the same nodes and edges as buildGraph, and yields between slices', async () => {
    const whole = buildGraph(index, kept);
    // A clock that moves 5 ms per read: every 256 edges a slice ends, so there are several.
    let clock = 0;
    const fractions: number[] = [];
    const sliced = await addEdgesInSlices(graphOfNodes(index), index, kept, (f) => fractions.push(f), () => (clock += 5));
    expect(sliced.order).toBe(whole.order);
    expect(sliced.size).toBe(whole.size);
    expect(sliced.edges().sort()).toEqual(whole.edges().sort());
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThan(fractions[k - 1]);
  });
});
