/**
 * A window moved by a little (a slider dragged), with the same types, modalities and ends, is counted
 * from the previous counts: only the rows in the two strips between the old and the new bounds change.
 * While the two windows overlap, every strip is a run of sorted rows with nothing to check per row:
 * - moving `to`: the rows starting between the old and the new `to` (each group sorted by start);
 * - moving `from`: the rows ending between the old and the new `from` (each kind sorted by end).
 * Stamped statements cannot be taken away one row at a time, so they are counted afresh.
 */
import type { LayoutSearch } from './day-bounds';
import type { RelationFilter } from './filter';
import { MODALITY_COUNT, type EdgeColumn, type Kind } from './span-layout';
import { countStampedInWindow, type Tally } from './window-counts';
import { headsBefore } from './head-bits';

export interface Window {
  from: number;
  to: number;
}

/** What a move keeps besides the tally: the edges it changed, and which edges left the touched list's counts at 0. */
export interface MoveState {
  /**
   * The edges a move changed, repeats and all: the first `movedCount`. Room for half the edges, since the engine moves only
   * when the strips hold fewer rows than that (shouldMove); grown, should a caller move further.
   */
  moved: Int32Array;
  movedCount: number;
  /**
   * A bit per edge, set when a move brought its count to 0 since the touched list was last started afresh: it is still in
   * that list. 64 KB at half a million edges, where a stamp per edge took 2 MB; cleared by clearDropped.
   */
  dropped: Int32Array;
  /** Whether any bit of `dropped` may be set, so a count afresh after no move clears nothing. */
  anyDropped: boolean;
  /** Every edge counts as touched (the counts were copied whole), so nothing is appended. */
  touchedAll: boolean;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

export function createMoveState(edgeCount: number, edgeSource: Int32Array, edgeTarget: Int32Array): MoveState {
  return { moved: new Int32Array(Math.ceil(edgeCount / 2) + 1), movedCount: 0, dropped: new Int32Array((edgeCount + 31) >>> 5), anyDropped: false, touchedAll: false, edgeSource, edgeTarget };
}

/** Forgets which edges moves dropped: for when the touched list starts afresh. */
export function clearDropped(state: MoveState): void {
  if (state.anyDropped) state.dropped.fill(0);
  state.anyDropped = false;
}

/** Whether a kind is counted under the filter. */
const isShown = (filter: RelationFilter, modalityMask: Uint8Array, kind: number) => filter.typeMask[Math.floor(kind / MODALITY_COUNT)] !== 0 && modalityMask[kind % MODALITY_COUNT] !== 0;

/** Rows in the strips between two overlapping windows, over the shown kinds. */
export function moveCost(kinds: Kind[], filter: RelationFilter, modalityMask: Uint8Array, previous: Window, search: LayoutSearch): number {
  const { groupStarts, kindEnds, firstGroup } = search;
  let cost = 0;
  for (let k = 0; k < kinds.length; k++) {
    if (!isShown(filter, modalityMask, k)) continue;
    const { ends, groups } = kinds[k];
    cost += Math.abs(kindEnds.lower(k, ends, filter.from) - kindEnds.lower(k, ends, previous.from));
    for (let j = 0; j < groups.length; j++) {
      const starts = groups[j].starts;
      cost += Math.abs(groupStarts.upper(firstGroup[k] + j, starts, filter.to) - groupStarts.upper(firstGroup[k] + j, starts, previous.to));
    }
  }
  return cost;
}

/** Adds (sign 1) or takes away (sign -1) the rows at positions [first, last) of `edges` (edge numbers less `base`). */
function applyStrip(edges: EdgeColumn, base: number, first: number, last: number, sign: 1 | -1, tally: Tally, state: MoveState): void {
  const { edgeCounts: counts, nodeCounts: nodes, touched } = tally;
  if (state.movedCount + last - first > state.moved.length) {
    const grown = new Int32Array(2 * (state.movedCount + last - first));
    grown.set(state.moved.subarray(0, state.movedCount));
    state.moved = grown;
  }
  const { moved, dropped, touchedAll, edgeSource, edgeTarget } = state;
  let n = tally.touchedCount;
  let m = state.movedCount;
  for (let k = first; k < last; k++) {
    const e = edges[k] + base;
    const c = counts[e] + sign;
    counts[e] = c;
    nodes[edgeSource[e]] += sign;
    nodes[edgeTarget[e]] += sign;
    moved[m++] = e;
    if (c === 0) {
      dropped[e >>> 5] |= 1 << (e & 31);
      state.anyDropped = true;
    } else if (c === 1 && sign === 1 && !touchedAll && (dropped[e >>> 5] & (1 << (e & 31))) === 0) touched[n++] = e;
  }
  tally.touchedCount = n;
  state.movedCount = m;
  tally.rows += sign * (last - first);
}

/** Moves `to` within kind k's groups: rows starting in (old, new] come in, or those in (new, old] go. */
function moveTo(kinds: Kind[], k: number, previous: number, next: number, tally: Tally, state: MoveState, search: LayoutSearch): void {
  const { groups } = kinds[k];
  for (let j = 0; j < groups.length; j++) {
    const g = groups[j];
    const a = search.groupStarts.upper(search.firstGroup[k] + j, g.starts, Math.min(previous, next));
    const b = search.groupStarts.upper(search.firstGroup[k] + j, g.starts, Math.max(previous, next));
    if (a === b) continue;
    const sign = next > previous ? 1 : -1;
    applyStrip(g.edges, g.edgeBase, a, b, sign, tally, state);
    tally.heads += sign * (headsBefore(g.heads, b) - headsBefore(g.heads, a));
  }
}

/** Moves `from` within kind k: rows ending in [old, new) go, or those in [new, old) come in. */
function moveFrom(kinds: Kind[], k: number, previous: number, next: number, tally: Tally, state: MoveState, search: LayoutSearch): void {
  const kind = kinds[k];
  const a = search.kindEnds.lower(k, kind.ends, Math.min(previous, next));
  const b = search.kindEnds.lower(k, kind.ends, Math.max(previous, next));
  if (a === b) return;
  const sign = next < previous ? 1 : -1;
  applyStrip(kind.endEdges, kind.endEdgeBase, a, b, sign, tally, state);
  tally.heads += sign * (headsBefore(kind.endHeads, b) - headsBefore(kind.endHeads, a));
}

/**
 * Brings the tally from the previous window to the filter's. The windows must overlap and both be
 * non-empty: then moving `to` first leaves a window whose rows starting past `to` all reach `from`.
 */
export function moveWindow(kinds: Kind[], filter: RelationFilter, modalityMask: Uint8Array, previous: Window, tally: Tally, state: MoveState, search: LayoutSearch): void {
  state.movedCount = 0;
  tally.stamped = 0;
  for (let k = 0; k < kinds.length; k++) {
    if (!isShown(filter, modalityMask, k)) continue;
    moveTo(kinds, k, previous.to, filter.to, tally, state, search);
    moveFrom(kinds, k, previous.from, filter.from, tally, state, search);
    if (kinds[k].stampedStarts.length > 0) countStampedInWindow(kinds[k], filter.from, filter.to, tally);
  }
}

/** Whether two windows overlap, both holding at least one day. */
export function overlaps(a: Window, b: Window): boolean {
  return a.from <= a.to && b.from <= b.to && a.from <= b.to && b.from <= a.to;
}

/** Whether two masks show the same members (any non-zero value is shown). */
export function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] !== 0) !== (b[i] !== 0)) return false;
  return true;
}

/** What the current counts are of, when a move may start from them: masks copied, since a caller may reuse its arrays. */
export interface CountedWindow extends Window {
  carryForward: boolean;
  typeMask: Uint8Array;
  modalityMask: Uint8Array;
}

/** One record, reused, so an update allocates nothing. */
export function createCountedWindow(typeCount: number): CountedWindow {
  return { from: 0, to: 0, carryForward: false, typeMask: new Uint8Array(typeCount), modalityMask: new Uint8Array(MODALITY_COUNT) };
}

export function rememberCounted(into: CountedWindow, filter: RelationFilter, modalityMask: Uint8Array): CountedWindow {
  into.from = filter.from;
  into.to = filter.to;
  into.carryForward = !!filter.carryForward;
  into.typeMask.set(filter.typeMask);
  into.modalityMask.set(modalityMask);
  return into;
}

/** Whether counts of `counted` are of a window with the filter's types, modalities and ends, overlapping its window. */
export function canMoveFrom(counted: CountedWindow | null, filter: RelationFilter, modalityMask: Uint8Array): counted is CountedWindow {
  if (!counted || filter.rowMask || filter.edgeMask || counted.carryForward !== !!filter.carryForward || !overlaps(counted, filter)) return false;
  return sameMask(counted.typeMask, filter.typeMask) && sameMask(counted.modalityMask, modalityMask);
}
