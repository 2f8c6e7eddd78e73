/**
 * PairTable (relation-lookups.ts): the fast path's look-up of an id by its digest and its characters packed
 * two to a word. A hit must be the exact id, never one of the same digest and length.
 */
import { describe, expect, it } from 'vitest';
import { ID_PAIR_WORDS, PairTable, packedPair } from '../../src/lib/core/relation-lookups';
import { MAX_ID_CHARS } from '../../src/lib/core/limits';
import { digestRange } from '../../src/lib/core/text-ranges';

/** The pairs of `text` as the scan forms them, at word `base` of a buffer. */
function pairsOf(text: string, base = 0): Int32Array {
  const pairs = new Int32Array(base + ID_PAIR_WORDS).fill(-7);
  for (let i = 0; i < text.length && i < 2 * ID_PAIR_WORDS; i += 2) pairs[base + (i >> 1)] = packedPair(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
  return pairs;
}

const find = (table: PairTable, text: string, digest = digestRange(text, 0, text.length), base = 3) => table.findPairs(pairsOf(text, base), base, text.length, digest);

describe('PairTable', () => {
  const ids = ['armenia', 'csto', 'a', 'nikol-pashinyan', 'x'.repeat(MAX_ID_CHARS)];
  const table = new PairTable(ids, [10, 11, 12, 13, 14]);

  it('finds each id, of odd and even length, by its number', () => {
    expect(ids.map((id) => find(table, id))).toEqual([10, 11, 12, 13, 14]);
  });

  it('finds nothing for an unknown id, a prefix, an id one character longer, or too long a field', () => {
    expect(find(table, 'armenib')).toBe(-1);
    expect(find(table, 'armeni')).toBe(-1);
    expect(find(table, 'armenia!')).toBe(-1);
    expect(find(table, 'x'.repeat(MAX_ID_CHARS + 1))).toBe(-1);
  });

  it('compares the characters, not only the digest and the length', () => {
    // Another id's digest, as a collision would give it: the pairs still differ.
    expect(find(table, 'armenib', digestRange('armenia', 0, 7))).toBe(-1);
    expect(find(table, 'csta', digestRange('csto', 0, 4))).toBe(-1);
  });
});
