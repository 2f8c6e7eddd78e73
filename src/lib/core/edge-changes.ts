/**
 * Which aggregated edges may have changed count since the renderer last asked: every edge counted at
 * that time and every edge counted since. An update hands over the edges it undoes as one block copy,
 * repeats and all; the repeats are dropped once, when the list is taken, with a bit per edge.
 */
export interface EdgeChanges {
  /**
   * Edges whose count changes (those of an update being undone, or of a move): the first `count` of `edges`, or every edge when `all`.
   * `withoutRepeats`: the caller knows they hold no repeats, as an undone update's touched list does.
   */
  note(edges: Int32Array, count: number, all: boolean, withoutRepeats?: boolean): void;
  /**
   * Those noted since the last take plus edges[first, last) of the current update (every edge when `all`), each once.
   * Read-only, and valid until the next take: it is a view of a buffer the next take writes again.
   * `counts`, when the caller knows that edges[first, last) are, each once, exactly the edges whose count is not 0: lets a take
   * after one distinct note skip the deduplication (see unionByCounts).
   */
  take(edges: Int32Array, first: number, last: number, all: boolean, counts?: Int32Array): Int32Array;
}

export function createEdgeChanges(edgeCount: number): EdgeChanges {
  // Room for one update's edges between two takes, as when the renderer takes after every update. A slider moving faster
  // than frames fills it: then the list is first cut to its distinct edges, and past that, everything is listed.
  // Twice the edges, as before, held 2 MB more at half a million edges for what a cut does.
  const noted = new Int32Array(Math.max(16, edgeCount + 1));
  let notedCount = 0;
  // How many lists were noted since the last take, and whether all of them were distinct.
  let notedLists = 0;
  let notedDistinct = true;
  let everything = false;
  // One bit per edge for the take's deduplication: 64 KB at half a million edges, where a stamp per edge
  // (2 MB) missed the cache on about every edge and pushed the counts out of it before the next update.
  const taken = new Int32Array((edgeCount + 31) >>> 5);
  // The list a take hands over, reused: a fresh one per take (up to 2 MB at half a million edges, zeroed,
  // outside the heap) cost more than the deduplication itself and drove collections. One slot more, for the
  // branchless append's last write. When every edge is listed, it holds 0 to edgeCount - 1 (and says so in
  // `holdsEveryEdge`, so that listing them again writes nothing): a list of its own for that took 2 MB more.
  const out = new Int32Array(edgeCount + 1);
  let holdsEveryEdge = false;

  function note(edges: Int32Array, count: number, all: boolean, withoutRepeats = false): void {
    if (everything) return;
    notedLists++;
    notedDistinct &&= withoutRepeats;
    if (!all && notedCount + count > noted.length) notedCount = clearMarks(noted, distinct(noted, 0, notedCount, noted, 0));
    if (all || notedCount + count > noted.length) {
      everything = true;
      return;
    }
    noted.set(edges.subarray(0, count), notedCount);
    notedCount += count;
  }

  /** Appends to `into`, from position n, the edges list[first, last) not yet marked, and marks them; returns the new length. */
  function distinct(list: Int32Array, first: number, last: number, into: Int32Array, n: number): number {
    for (let k = first; k < last; k++) {
      const e = list[k];
      const word = e >>> 5;
      const bit = 1 << (e & 31);
      const bits = taken[word];
      // Written whether or not it is new, so the loop has no branch on it: which edges repeat is random.
      // In place (into = list, n ≤ k), the write lands on a slot already read.
      into[n] = e;
      n += (bits & bit) === 0 ? 1 : 0;
      taken[word] = bits | bit;
    }
    return n;
  }

  /** Clears the marks of into[0, n), edge by edge when few, as a block when many; returns n. */
  function clearMarks(into: Int32Array, n: number): number {
    if (n < taken.length) for (let k = 0; k < n; k++) taken[into[k] >>> 5] = 0;
    else taken.fill(0);
    return n;
  }

  function takeDistinct(edges: Int32Array, first: number, last: number): Int32Array {
    holdsEveryEdge = false;
    const n = clearMarks(out, distinct(edges, first, last, out, distinct(noted, 0, notedCount, out, 0)));
    return out.subarray(0, n);
  }

  function everyEdge(): Int32Array {
    // A loop: Int32Array.from(Array(n).keys()) took 150 ms of the first take at half a million edges.
    if (!holdsEveryEdge) for (let e = 0; e < edgeCount; e++) out[e] = e;
    holdsEveryEdge = true;
    return out.subarray(0, edgeCount);
  }

  /**
   * The union of one distinct noted list and edges[0, last), the edges whose count is not 0, without a bit per edge:
   * a noted edge whose count is not 0 is in that list already, so only those at 0 are added. At a million rows, the
   * deduplication's test and mark of every edge of both lists took about 1 ms a take.
   */
  function unionByCounts(edges: Int32Array, last: number, counts: Int32Array): Int32Array {
    holdsEveryEdge = false;
    out.set(edges.subarray(0, last));
    let n = last;
    for (let k = 0; k < notedCount; k++) {
      const e = noted[k];
      // Written whether or not it is kept, so the loop has no branch on it (out has one slot more than there are edges).
      out[n] = e;
      n += (counts[e] - 1) >>> 31;
    }
    return out.subarray(0, n);
  }

  function take(edges: Int32Array, first: number, last: number, all: boolean, counts?: Int32Array): Int32Array {
    const byCounts = counts !== undefined && first === 0 && notedLists <= 1 && notedDistinct;
    const listed = everything || all ? everyEdge() : byCounts ? unionByCounts(edges, last, counts) : takeDistinct(edges, first, last);
    everything = false;
    notedCount = 0;
    notedLists = 0;
    notedDistinct = true;
    return listed;
  }

  return { note, take };
}
