/**
 * The filter engine used on every slider move. It gives the same result as
 * filterRelations (the reference full scan) but touches only the rows that
 * can be in the window: rows are grouped by type and by how long they last,
 * each group sorted by start, so a window is a binary search plus a scan of
 * its candidates; the legend's counts per type come from sorted starts and
 * ends alone. Per row it only counts into the row's edge: which rows are
 * visible (`result.visible`) is worked out when first asked for, because the
 * renderer needs only counts per edge and per actor, and the previous result
 * is undone edge by edge instead of cleared.
 */
import { createFilterResult, type FilterResult, type RelationFilter } from './filter';
import type { RelationIndex } from './relation-index';

/** Upper bounds of span lengths (days) that share a group; short events never wait behind decade-long states. */
const LENGTH_CLASSES = [0, 31, 366, 3660, Infinity];

interface SpanGroup {
  type: number;
  maxLength: number;
  starts: Int32Array;
  ends: Int32Array;
  rows: Int32Array;
  edges: Int32Array;
}

export interface FilterEngine {
  readonly result: FilterResult;
  update(filter: RelationFilter): FilterResult;
}

/** First position whose value is ≥ `value` in an ascending array. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > `value` in an ascending array. */
function upperBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lengthClass(length: number): number {
  let c = 0;
  while (length > LENGTH_CLASSES[c]) c++;
  return c;
}

function buildGroups(index: RelationIndex): SpanGroup[] {
  const { starts, ends, typeOf, edgeOf, relationCount } = index;
  const members = new Map<number, number[]>();
  for (let i = 0; i < relationCount; i++) {
    const key = typeOf[i] * LENGTH_CLASSES.length + lengthClass(ends[i] - starts[i]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  return [...members.entries()].map(([key, list]) => {
    const rows = Int32Array.from(list).sort((a, b) => starts[a] - starts[b]);
    let maxLength = 0;
    for (const r of rows) maxLength = Math.max(maxLength, ends[r] - starts[r]);
    return {
      type: Math.floor(key / LENGTH_CLASSES.length),
      maxLength,
      starts: rows.map((r) => starts[r]),
      ends: rows.map((r) => ends[r]),
      rows,
      edges: rows.map((r) => edgeOf[r]),
    };
  });
}

function sortedByType(index: RelationIndex, values: Int32Array): Int32Array[] {
  const perType = index.typeIds.map(() => [] as number[]);
  for (let i = 0; i < index.relationCount; i++) perType[index.typeOf[i]].push(values[i]);
  return perType.map((list) => Int32Array.from(list).sort());
}

export function createFilterEngine(index: RelationIndex): FilterEngine {
  const groups = buildGroups(index);
  const startsByType = sortedByType(index, index.starts);
  const endsByType = sortedByType(index, index.ends);
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const counts = createFilterResult(index);
  const visible = counts.visible;
  const touchedEdges = new Int32Array(index.edges.length);
  let touchedCount = 0;
  let current: RelationFilter | null = null;
  let visibleIsStale = true;

  function markVisibleRows() {
    visible.fill(0);
    if (current && current.from <= current.to) {
      const { from, to, typeMask } = current;
      for (const group of groups) {
        if (typeMask[group.type] === 0) continue;
        const last = upperBound(group.starts, to);
        for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) if (group.ends[k] >= from) visible[group.rows[k]] = 1;
      }
    }
    visibleIsStale = false;
  }

  const result: FilterResult = {
    get visible() {
      if (visibleIsStale) markVisibleRows();
      return visible;
    },
    visibleCount: 0,
    typeCountsInWindow: counts.typeCountsInWindow,
    edgeCounts: counts.edgeCounts,
    nodeCounts: counts.nodeCounts,
  };

  function undoPrevious() {
    const { edgeCounts, nodeCounts } = result;
    for (let k = 0; k < touchedCount; k++) {
      const e = touchedEdges[k];
      edgeCounts[e] = 0;
      nodeCounts[edgeSourceIndex[e]] = 0;
      nodeCounts[edgeTargetIndex[e]] = 0;
    }
    touchedCount = 0;
  }

  function update(filter: RelationFilter): FilterResult {
    undoPrevious();
    current = filter;
    visibleIsStale = true;
    const { from, to, typeMask } = filter;
    const { edgeCounts, nodeCounts, typeCountsInWindow } = result;
    // A span ending before `from` also starts before `to`, so rows in the window = (start ≤ to) − (end < from).
    for (let t = 0; t < typeCountsInWindow.length; t++) {
      typeCountsInWindow[t] = from > to ? 0 : upperBound(startsByType[t], to) - lowerBound(endsByType[t], from);
    }
    let visibleCount = 0;
    if (from <= to) {
      for (const group of groups) {
        if (typeMask[group.type] === 0) continue;
        const { starts, ends, edges } = group;
        const last = upperBound(starts, to);
        for (let k = lowerBound(starts, from - group.maxLength); k < last; k++) {
          if (ends[k] < from) continue;
          visibleCount++;
          const e = edges[k];
          if (edgeCounts[e]++ === 0) touchedEdges[touchedCount++] = e;
        }
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      const e = touchedEdges[k];
      nodeCounts[edgeSourceIndex[e]] += edgeCounts[e];
      nodeCounts[edgeTargetIndex[e]] += edgeCounts[e];
    }
    result.visibleCount = visibleCount;
    return result;
  }

  return { result, update };
}
