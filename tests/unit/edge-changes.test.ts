import { describe, expect, it } from 'vitest';
import { createEdgeChanges } from '../../src/lib/core/edge-changes';

const sorted = (edges: Int32Array) => Array.from(edges).sort((a, b) => a - b);

describe('createEdgeChanges', () => {
  it('lists each noted or current edge once, and again in a later take: few edges taken, then many', () => {
    const changes = createEdgeChanges(1000);
    // Edges 32 apart or more, so each has a word of marks to itself.
    changes.note(Int32Array.of(5, 40, 5, 70), 3, false);
    expect(sorted(changes.take(Int32Array.of(40, 70, 999), 0, 3, false))).toEqual([5, 40, 70, 999]);
    // Taken again: the first take's marks must not hide them.
    expect(sorted(changes.take(Int32Array.of(5, 70, 999), 0, 3, false))).toEqual([5, 70, 999]);
    const many = Int32Array.from({ length: 900 }, (_, k) => (k * 7) % 1000);
    changes.note(many, many.length, false);
    expect(sorted(changes.take(many, 0, 900, false))).toEqual(sorted(many));
    expect(sorted(changes.take(Int32Array.of(5, 1), 0, 2, false))).toEqual([1, 5]);
    expect(changes.take(new Int32Array(0), 0, 0, true).length).toBe(1000);
  });

  it('keeps listing each edge once when more is noted between two takes than there are edges', () => {
    const changes = createEdgeChanges(100);
    // Three updates' worth of 60 edges each, between two takes: 180 noted for 100 edges, 90 of them distinct.
    for (let update = 0; update < 3; update++) {
      const edges = Int32Array.from({ length: 60 }, (_, k) => (k * 3 + update * 15) % 90);
      changes.note(edges, edges.length, false);
    }
    const taken = changes.take(Int32Array.of(95), 0, 1, false);
    expect(taken.length).toBeLessThan(100);
    const expected = new Set<number>([95]);
    for (let update = 0; update < 3; update++) for (let k = 0; k < 60; k++) expected.add((k * 3 + update * 15) % 90);
    expect(sorted(taken)).toEqual([...expected].sort((a, b) => a - b));
    // The cut's marks are cleared: the next take lists its edges again.
    changes.note(Int32Array.of(3, 6), 2, false);
    expect(sorted(changes.take(new Int32Array(0), 0, 0, false))).toEqual([3, 6]);
  });

  it('lists every edge, then a few, then every edge again, from one reused buffer', () => {
    const changes = createEdgeChanges(50);
    const every = Array.from({ length: 50 }, (_, e) => e);
    expect(Array.from(changes.take(new Int32Array(0), 0, 0, true))).toEqual(every);
    expect(sorted(changes.take(Int32Array.of(7, 3, 7), 0, 3, false))).toEqual([3, 7]);
    changes.note(new Int32Array(0), 0, true);
    expect(Array.from(changes.take(new Int32Array(0), 0, 0, false))).toEqual(every);
    expect(Array.from(changes.take(new Int32Array(0), 0, 0, true))).toEqual(every);
  });

  it('with the counts, unites one list noted without repeats and the counted edges without marks, each once', () => {
    const changes = createEdgeChanges(100);
    const counts = new Int32Array(100);
    // The previous update's edges; now 40 and 70 still have a count, 5 and 99 are back at 0.
    changes.note(Int32Array.of(5, 40, 70, 99), 4, false, true);
    counts[40] = 2;
    counts[70] = 1;
    counts[12] = 3;
    expect(sorted(changes.take(Int32Array.of(40, 12, 70), 0, 3, false, counts))).toEqual([5, 12, 40, 70, 99]);
    // Two lists noted, or one with repeats: the counts are not enough, and the marks deduplicate.
    changes.note(Int32Array.of(5, 5, 12), 3, false);
    expect(sorted(changes.take(Int32Array.of(12), 0, 1, false, counts))).toEqual([5, 12]);
    changes.note(Int32Array.of(1, 2), 2, false, true);
    changes.note(Int32Array.of(2, 3), 2, false, true);
    expect(sorted(changes.take(new Int32Array(0), 0, 0, false, counts))).toEqual([1, 2, 3]);
    // An empty window after a count: every noted edge is listed.
    changes.note(Int32Array.of(7, 8), 2, false, true);
    expect(sorted(changes.take(new Int32Array(0), 0, 0, false, new Int32Array(100)))).toEqual([7, 8]);
  });
});
