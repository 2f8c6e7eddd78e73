/**
 * Which aggregated edges may have changed count since the renderer last asked: every edge counted at
 * that time and every edge counted since. An update hands over the edges it undoes as one block copy,
 * repeats and all; the repeats are dropped once, when the list is taken, with a stamp per edge, so
 * nothing needs clearing between takes.
 */
export interface EdgeChanges {
  /** Edges whose count changes (those of an update being undone, or of a move): the first `count` of `edges`, or every edge when `all`. */
  note(edges: Int32Array, count: number, all: boolean): void;
  /** Those noted since the last take plus edges[first, last) of the current update (every edge when `all`), each once. */
  take(edges: Int32Array, first: number, last: number, all: boolean): Int32Array;
}

export function createEdgeChanges(edgeCount: number): EdgeChanges {
  // Room for a few updates between two takes (a slider moving faster than frames); past it, everything is listed.
  const noted = new Int32Array(Math.max(16, 2 * edgeCount));
  let notedCount = 0;
  let everything = false;
  const takenAt = new Int32Array(edgeCount);
  let stamp = 0;
  let allEdges: Int32Array | null = null;

  function note(edges: Int32Array, count: number, all: boolean): void {
    if (everything) return;
    if (all || notedCount + count > noted.length) {
      everything = true;
      return;
    }
    noted.set(edges.subarray(0, count), notedCount);
    notedCount += count;
  }

  function distinct(lists: Array<[Int32Array, number, number]>, total: number): Int32Array {
    const out = new Int32Array(total);
    let n = 0;
    const current = ++stamp;
    for (const [list, first, last] of lists) {
      for (let k = first; k < last; k++) {
        const e = list[k];
        if (takenAt[e] === current) continue;
        takenAt[e] = current;
        out[n++] = e;
      }
    }
    return out.subarray(0, n);
  }

  function take(edges: Int32Array, first: number, last: number, all: boolean): Int32Array {
    const listed = everything || all ? (allEdges ??= everyEdge(edgeCount)).slice() : distinct([[noted, 0, notedCount], [edges, first, last]], notedCount + last - first);
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
