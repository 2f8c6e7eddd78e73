import { describe, expect, test } from 'vitest';
import { largeGraphNodeSize, LARGE_GRAPH_NODES, MAX_EXTRA_PX, nodeSizeScale, nodeSizeScaleOf } from '../../src/lib/core/node-size-scale';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

const scaleOf = (index: ReturnType<typeof buildRelationIndex>) =>
  nodeSizeScale(index.actorIds.length, index.edgeSourceIndex, index.edgeTargetIndex, (e) => index.edgeRowStart[e + 1] - index.edgeRowStart[e]);

describe('node sizes at scale', () => {
  test('a small graph keeps its sizes', () => {
    expect(nodeSizeScale(LARGE_GRAPH_NODES, [0], [1], () => 5).large).toBe(false);
  });

  test('the reference is the largest per-actor row count, both ends counted', () => {
    expect(nodeSizeScale(1000, [0, 0, 2], [1, 2, 3], (e) => [5, 7, 1][e])).toEqual({ large: true, maxRelations: 12 });
  });

  test('at 100k relations no node is drawn larger than half its base plus the cap, and sizes still grow with relations', () => {
    const index = buildRelationIndex(generateDataset(100_000), BENCH_TODAY);
    const scale = scaleOf(index);
    expect(scale.large).toBe(true);
    expect(nodeSizeScaleOf(index)).toEqual(scale);
    expect(nodeSizeScaleOf(index)).toBe(nodeSizeScaleOf(index));
    expect(scale.maxRelations).toBeGreaterThan(500);
    expect(largeGraphNodeSize(9, scale.maxRelations, scale)).toBeCloseTo(4.5 + MAX_EXTRA_PX);
    expect(largeGraphNodeSize(9, scale.maxRelations * 10, scale)).toBeCloseTo(4.5 + MAX_EXTRA_PX);
    expect(largeGraphNodeSize(9, 0, scale)).toBe(4.5);
    expect(largeGraphNodeSize(9, 100, scale)).toBeLessThan(largeGraphNodeSize(9, 400, scale));
  });
});
