import { describe, expect, it } from 'vitest';
import { edgesOfRows, hashedEdges, type EdgeInput } from '../../src/lib/core/edge-grouping';
import { seededRandom } from '../../bench/generate';

/** Random rows over a few actors and types (some undirected), in a shuffled time order. */
function rows(count: number, actorCount: number, typeCount: number, seed: number): EdgeInput {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const subject = new Int32Array(count);
  const object = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    subject[i] = pick(actorCount);
    object[i] = (subject[i] + 1 + pick(actorCount - 1)) % actorCount;
  }
  const typeOf = Uint16Array.from({ length: count }, () => pick(typeCount));
  const isDirected = Uint8Array.from({ length: typeCount }, (_, t) => t % 3);
  const rank = Int32Array.from({ length: actorCount }, (_, a) => actorCount - 1 - a);
  const byStart = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = pick(i + 1);
    [byStart[i], byStart[j]] = [byStart[j], byStart[i]];
  }
  return { byStart, typeOf, subject, object, isDirected, rank, actorCount, typeCount };
}

const plain = (edges: ReturnType<typeof edgesOfRows>) => Object.fromEntries(Object.entries(edges).map(([k, v]) => [k, Array.from(v)]));

describe('edgesOfRows', () => {
  it.each([
    [2000, 30, 4],
    [5000, 7, 12],
    [300, 200, 2],
  ])('numbers edges as the hashed table does: %i rows, %i actors, %i types', (count, actorCount, typeCount) => {
    const input = rows(count, actorCount, typeCount, count + actorCount);
    expect(plain(edgesOfRows(input))).toEqual(plain(hashedEdges(input)));
  });

  it('groups a pair of an undirected type both ways round, and numbers edges by type, then by first row in time', () => {
    // Rows in time order 0..3: type 1 (undirected) 0-1 and 1-0 are one edge, type 0 (directed) 1>0 and 0>1 are two.
    const input: EdgeInput = {
      byStart: Int32Array.from([0, 1, 2, 3]),
      typeOf: Uint16Array.from([1, 0, 1, 0]),
      subject: Int32Array.from([0, 1, 1, 0]),
      object: Int32Array.from([1, 0, 0, 1]),
      isDirected: Uint8Array.from([1, 0]),
      rank: Int32Array.from([0, 1]),
      actorCount: 2,
      typeCount: 2,
    };
    expect(plain(edgesOfRows(input))).toEqual({ edgeOf: [2, 0, 2, 1], edgeTypeOf: [0, 0, 1], edgeSourceIndex: [1, 0, 0], edgeTargetIndex: [0, 1, 1] });
  });
});
