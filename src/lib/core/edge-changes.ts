/**
 * Which aggregated edges may have changed count since the renderer last asked: every edge counted at
 * that time and every edge counted since. An update hands over the edges it undoes as one block copy,
 * repeats and all; the repeats are dropped once, when the list is taken, with a bit per edge.
 */
export interface EdgeChanges {
  /** Edges whose count changes (those of an update being undone, or of a move): the first `count` of `edges`, or every edge when `all`. */
  note(edges: Int32Array, count: number, all: boolean): void;
  /**
   * Those noted since the last take plus edges[first, last) of the current update (every edge when `all`), each once.
   * Read-only, and valid until the next take: it is a view of a buffer the next take writes again.
   */
  take(edges: Int32Array, first: number, last: number, all: boolean): Int32Array;
}

export function createEdgeChanges(edgeCount: number): EdgeChanges {
  // Room for a few updates between two takes (a slider moving faster than frames); past it, everything is listed.
  const noted = new Int32Array(Math.max(16, 2 * edgeCount));
  let notedCount = 0;
  let everything = false;
  // One bit per edge for the take's deduplication: 64 KB at half a million edges, where a stamp per edge
  // (2 MB) missed the cache on about every edge and pushed the counts out of it before the next update.
  const taken = new Int32Array((edgeCount + 31) >>> 5);
  let allEdges: Int32Array | null = null;
  // The list a take hands over, reused: a fresh one per take (up to 2 MB at half a million edges, zeroed,
  // outside the heap) cost more than the deduplication itself and drove collections. One slot more, for the
  // branchless append's last write.
  const out = new Int32Array(edgeCount + 1);

  function note(edges: Int32Array, count: number, all: boolean): void {
    if (everything) return;
    if (all || notedCount + count > noted.length) {
      everything = true;
      return;
    }
    noted.set(edges.subarray(0, count), notedCount);
    notedCount += count;
  }

  /** Appends to `out`, from position n, the edges list[first, last) not yet marked; returns the new length. */
  function distinct(list: Int32Array, first: number, last: number, n: number): number {
    for (let k = first; k < last; k++) {
      const e = list[k];
      const word = e >>> 5;
      const bit = 1 << (e & 31);
      const bits = taken[word];
      // Written whether or not it is new, so the loop has no branch on it: which edges repeat is random.
      out[n] = e;
      n += (bits & bit) === 0 ? 1 : 0;
      taken[word] = bits | bit;
    }
    return n;
  }

  function takeDistinct(edges: Int32Array, first: number, last: number): Int32Array {
    const n = distinct(edges, first, last, distinct(noted, 0, notedCount, 0));
    // Cleared edge by edge when few were taken, as a block when many were.
    if (n < taken.length) for (let k = 0; k < n; k++) taken[out[k] >>> 5] = 0;
    else taken.fill(0);
    return out.subarray(0, n);
  }

  function take(edges: Int32Array, first: number, last: number, all: boolean): Int32Array {
    const listed = everything || all ? (allEdges ??= everyEdge(edgeCount)) : takeDistinct(edges, first, last);
    everything = false;
    notedCount = 0;
    return listed;
  }

  return { note, take };
}

/** 0 to count - 1. A loop: Int32Array.from(Array(n).keys()) took 150 ms of the first take at half a million edges. */
function everyEdge(count: number): Int32Array {
  const out = new Int32Array(count);
  for (let e = 0; e < count; e++) out[e] = e;
  return out;
}
