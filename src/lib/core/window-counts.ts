/**
 * Counting one type's rows in a window into their edges, whichever way touches fewer rows:
 * - inside: a binary search per group, then a scan of the rows that can be in the window;
 * - outside: start from every row of the type (each edge's full count, precomputed) and take away the
 *   rows outside the window, a prefix of the rows sorted by end plus a suffix of each group sorted by
 *   start, and the rows of hidden modalities.
 * Statements are counted at their head rows (a run of heads is one subtraction of prefix counts) and,
 * for the few that are not simple, with a stamp per statement.
 */
import type { LayoutSearch } from './day-bounds';
import type { RelationFilter } from './filter';
import { isMaskedRow } from './legend-counts';
import { lowerBound, upperBound } from './sorted-search';
import { MODALITY_COUNT, type EdgeColumn, type Kind, type SpanGroup } from './span-layout';
import { headsBefore } from './head-bits';

/** The running totals of one update. */
export interface Tally {
  edgeCounts: Int32Array;
  nodeCounts: Int32Array;
  /** Edges with a count, each once: the first `touchedCount` (one slot more, for appends without a branch). */
  touched: Int32Array;
  touchedCount: number;
  rows: number;
  /** Statements counted at their head row, and stamped statements: visible statements are the sum. */
  heads: number;
  stamped: number;
  /**
   * A statement counted in this update carries its stamp, so nothing needs clearing between updates: by statement number
   * (masked counts stamp every statement; empty until the first masked count, 2.8 MB at a million rows that most sessions never use)...
   */
  statementStamp: Int32Array;
  statementCount: number;
  /** The index's statement of each row, for masked counts. */
  statementOf: Int32Array;
  /** ...and by the layout's stamped-statement number (its stampedCount), for counts that stamp only the statements that need it. */
  stampedStamp: Int32Array;
  stamp: number;
}

/** A tally over the result's edge and node counts; `touched` has one slot more than there are edges. */
export function createTally(counts: { edgeCounts: Int32Array; nodeCounts: Int32Array }, edgeCount: number, statementCount: number, statementOf: Int32Array): Tally {
  return {
    edgeCounts: counts.edgeCounts,
    nodeCounts: counts.nodeCounts,
    touched: new Int32Array(edgeCount + 1),
    touchedCount: 0,
    rows: 0,
    heads: 0,
    stamped: 0,
    statementStamp: new Int32Array(0),
    statementCount,
    statementOf,
    stampedStamp: new Int32Array(0),
    stamp: 0,
  };
}

/** Counts the stamped statements of a group among positions [first, last), those before `sure` only if they reach `from`. */
function countStampedInGroup(group: SpanGroup, first: number, sure: number, last: number, from: number, tally: Tally): void {
  const { stamped, stampedEnds, stampedIds } = group;
  const { stampedStamp, stamp } = tally;
  let seen = 0;
  for (let j = lowerBound(stamped, first); j < stamped.length; j++) {
    const k = stamped[j];
    if (k >= last) break;
    if (k < sure && stampedEnds[j] < from) continue;
    const st = stampedIds[j];
    if (stampedStamp[st] === stamp) continue;
    stampedStamp[st] = stamp;
    seen++;
  }
  tally.stamped += seen;
}

/**
 * Counts the rows of one group in the window, into their edges and actors: those starting before it
 * only if they reach into it. An edge counted for the first time is appended to `touched` without a
 * branch (the slot is written anyway, and kept only when the count was 0): which rows start an edge's
 * count is random, so a branch there is mispredicted about every other row. [first, last) are the
 * positions insideCost found: rows starting from `from - maxLength` to `to`; those from `sure` on start
 * in the window, so they are in it, and only those before need their end checked.
 */
export function countInside(group: SpanGroup, from: number, tally: Tally, first: number, sure: number, last: number): void {
  const { ends, edges, sources, targets, edgeBase } = group;
  const headBits = group.heads.bits;
  // The group's ends are days after its dayBase.
  const fromDay = from - group.dayBase;
  const { edgeCounts: counts, nodeCounts: nodes, touched } = tally;
  // Local counters: the hot loops then write registers, not the tally's fields.
  let n = tally.touchedCount;
  let rows = last - sure;
  let heads = headsBefore(group.heads, last) - headsBefore(group.heads, sure);
  for (let k = first; k < sure; k++) {
    if (ends[k] < fromDay) continue;
    rows++;
    const e = edges[k] + edgeBase;
    const c = counts[e];
    counts[e] = c + 1;
    touched[n] = e;
    n += (c - 1) >>> 31;
    nodes[sources[k]]++;
    nodes[targets[k]]++;
    heads += (headBits[k >>> 5] >>> (k & 31)) & 1;
  }
  for (let k = sure; k < last; k++) {
    const e = edges[k] + edgeBase;
    const c = counts[e];
    counts[e] = c + 1;
    touched[n] = e;
    n += (c - 1) >>> 31;
    nodes[sources[k]]++;
    nodes[targets[k]]++;
  }
  tally.touchedCount = n;
  tally.rows += rows;
  tally.heads += heads;
  if (group.stamped.length > 0) countStampedInGroup(group, first, sure, last, from, tally);
}

/** As countInside, skipping masked rows; a mask may hide a statement's head and keep the rest, so every statement is stamped. */
export function countInsideMasked(group: SpanGroup, filter: RelationFilter, tally: Tally): void {
  const from = filter.from - group.dayBase;
  const to = filter.to - group.dayBase;
  const { starts, ends, edges, sources, targets, rows: rowOf, edgeBase } = group;
  if (tally.statementStamp.length < tally.statementCount) tally.statementStamp = new Int32Array(tally.statementCount);
  const { edgeCounts: counts, nodeCounts: nodes, touched, statementStamp, stamp, statementOf } = tally;
  const last = upperBound(starts, to);
  let n = tally.touchedCount;
  let rows = 0;
  let seen = 0;
  for (let k = lowerBound(starts, from - group.maxLength); k < last; k++) {
    if (ends[k] < from || isMaskedRow(filter, group, k)) continue;
    rows++;
    const e = edges[k] + edgeBase;
    if (counts[e]++ === 0) touched[n++] = e;
    nodes[sources[k]]++;
    nodes[targets[k]]++;
    const st = statementOf[rowOf[k]];
    if (statementStamp[st] !== stamp) {
      statementStamp[st] = stamp;
      seen++;
    }
  }
  tally.touchedCount = n;
  tally.rows += rows;
  tally.stamped += seen;
}

/** Takes positions [first, last) of `edges` (edge numbers less `base`) away from their edges' counts. */
function subtract(counts: Int32Array, edges: EdgeColumn, base: number, first: number, last: number): void {
  for (let k = first; k < last; k++) counts[edges[k] + base]--;
}

/** Takes kind k's rows outside the window (or all of them, when its modality is hidden) away from the full counts; `bounds` as insideCost left them. */
export function subtractOutside(kinds: Kind[], k: number, from: number, to: number, shown: boolean, tally: Tally, bounds: Int32Array, search: LayoutSearch): void {
  const kind = kinds[k];
  const counts = tally.edgeCounts;
  if (!shown) {
    subtract(counts, kind.endEdges, kind.endEdgeBase, 0, kind.rowCount);
    return;
  }
  const endedBefore = search.kindEnds.lower(k, kind.ends, from);
  subtract(counts, kind.endEdges, kind.endEdgeBase, 0, endedBefore);
  let outside = endedBefore;
  let heads = headsBefore(kind.endHeads, endedBefore);
  for (let j = 0; j < kind.groups.length; j++) {
    const group = kind.groups[j];
    const n = group.starts.length;
    const startsAfter = bounds[2 * j + 1];
    subtract(counts, group.edges, group.edgeBase, startsAfter, n);
    outside += n - startsAfter;
    heads += headsBefore(group.heads, n) - headsBefore(group.heads, startsAfter);
  }
  tally.rows += kind.rowCount - outside;
  tally.heads += kind.heads - heads;
  countStampedInWindow(kind, from, to, tally);
}

/** Counts the stamped statements of a kind with a row in the window. */
export function countStampedInWindow(kind: Kind, from: number, to: number, tally: Tally): void {
  const { stampedStarts, stampedEnds, stampedStatements } = kind;
  const { stampedStamp, stamp } = tally;
  let seen = 0;
  for (let k = 0; k < stampedStarts.length; k++) {
    if (stampedStarts[k] > to || stampedEnds[k] < from || stampedStamp[stampedStatements[k]] === stamp) continue;
    stampedStamp[stampedStatements[k]] = stamp;
    seen++;
  }
  tally.stamped += seen;
}

/**
 * Rows an inside count scans for one type. Notes, per shown group j of kind i, the positions it scans in
 * bounds[i][2j] and [2j + 1] (rows starting from `from - maxLength` to `to`), so that the count and
 * outsideCost do not search again: on cold caches, the searches were a tenth of an update.
 */
export function insideCost(kinds: Kind[], t: number, from: number, to: number, modalityMask: Uint8Array, bounds: Int32Array[], search: LayoutSearch): number {
  const { groupStarts, firstGroup } = search;
  let cost = 0;
  for (let m = 0; m < MODALITY_COUNT; m++) {
    if (modalityMask[m] === 0) continue;
    const { groups } = kinds[t * MODALITY_COUNT + m];
    const b = bounds[t * MODALITY_COUNT + m];
    const g0 = firstGroup[t * MODALITY_COUNT + m];
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j];
      const last = groupStarts.upper(g0 + j, g.starts, to);
      const first = Math.min(last, groupStarts.lower(g0 + j, g.starts, from - g.maxLength));
      b[2 * j] = first;
      b[2 * j + 1] = last;
      cost += last - first;
    }
  }
  return cost;
}

/** Rows an outside count takes away for one type (its edges' copy is counted by the caller), from the bounds insideCost noted. */
export function outsideCost(kinds: Kind[], t: number, from: number, modalityMask: Uint8Array, bounds: Int32Array[], search: LayoutSearch): number {
  let cost = 0;
  for (let m = 0; m < MODALITY_COUNT; m++) {
    const kind = kinds[t * MODALITY_COUNT + m];
    if (modalityMask[m] === 0) {
      cost += kind.rowCount;
      continue;
    }
    const b = bounds[t * MODALITY_COUNT + m];
    cost += search.kindEnds.lower(t * MODALITY_COUNT + m, kind.ends, from) + kind.stampedStarts.length;
    for (let j = 0; j < kind.groups.length; j++) cost += kind.groups[j].starts.length - b[2 * j + 1];
  }
  return cost;
}

/** Whether a kind's rows all lie in the window: then counting it from outside takes nothing away. */
export const holdsAll = (kind: Kind, from: number, to: number) => kind.rowCount === 0 || (from <= kind.minStart && to >= kind.maxEnd);

/**
 * At most the rows and edges a count afresh costs (the sum of insideCost and outsideCost's minima), from the legend's counts
 * of rows in the window: per shown type, an inside count scans at least those, an outside one takes away at least its other
 * rows of shown modalities and copies its edges.
 */
export function countFloor(kinds: Kind[], typeMask: Uint8Array, modalityMask: Uint8Array, inWindow: Int32Array, typeEdgeCounts: Int32Array): number {
  let floor = 0;
  for (let t = 0; t < inWindow.length; t++) {
    if (typeMask[t] === 0) continue;
    let rows = 0;
    for (let m = 0; m < MODALITY_COUNT; m++) if (modalityMask[m] !== 0) rows += kinds[t * MODALITY_COUNT + m].rowCount;
    floor += Math.min(inWindow[t], rows - inWindow[t] + typeEdgeCounts[t]);
  }
  return floor;
}
