/**
 * Which positions of a sorted column hold a statement's head (statement-roles.ts), one bit each, with the
 * heads before each word of 32 bits: the heads before a position are its word's count plus a popcount.
 * A quarter of a byte a row, where a count before every position took 2 or 4 bytes (and a role byte per
 * row besides): 5 MB less per layout at a million rows. The counts are read at a window's bounds only, a
 * few hundred times per update; the scans read a row's bit.
 */
export interface HeadBits {
  /** Bit k & 31 of word k >>> 5: whether position k holds a head. One word more than the positions need. */
  bits: Int32Array;
  /** before[w]: heads in the words before w. */
  before: Int32Array;
}

/** The head bits of `isHead` over positions 0 to count - 1. */
export function headBitsOf(count: number, isHead: (k: number) => boolean): HeadBits {
  const words = (count >>> 5) + 1;
  const bits = new Int32Array(words);
  for (let k = 0; k < count; k++) if (isHead(k)) bits[k >>> 5] |= 1 << (k & 31);
  const before = new Int32Array(words + 1);
  for (let w = 0; w < words; w++) before[w + 1] = before[w] + popcount(bits[w]);
  return { bits, before };
}

/** Heads at positions before k, for k from 0 to the count of positions. */
export function headsBefore(heads: HeadBits, k: number): number {
  const w = k >>> 5;
  return heads.before[w] + popcount(heads.bits[w] & ((1 << (k & 31)) - 1));
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
