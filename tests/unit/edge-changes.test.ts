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
});
