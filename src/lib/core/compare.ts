/**
 * Comparing two periods: which aggregated edges are drawn in period A only, in
 * period B only, or in both, under one filter (types, modalities, masks,
 * carry-forward) and one minimum weight. An edge is in a period when at least
 * `minWeight` (and at least one) of its relations are visible in that period's
 * window, exactly as filterRelations would count them for that window. The
 * result is a FilterResult over both periods together, so the graph, the
 * status line, the table and the exports show A ∪ B; a row counts once even
 * when it lies in both windows. One full scan of the rows, by the reference
 * semantics: a comparison is set up once, not moved on every frame.
 */
import { ALL_MODALITIES, type FilterResult, type RelationFilter } from './filter';
import { dayNumber, formatDay } from './dates';
import type { RelationIndex } from './relation-index';

export interface Period {
  /** First day, inclusive (day number). */
  from: number;
  /** Last day, inclusive (day number). */
  to: number;
}

/** Per edge: not drawn, only in A, only in B, in both (bit 1 is A, bit 2 is B). */
export const NOT_DRAWN = 0;
export const ONLY_A = 1;
export const ONLY_B = 2;
export const IN_BOTH = 3;

export type PeriodState = 'a' | 'b' | 'both';
export const PERIOD_STATES: readonly PeriodState[] = ['a', 'b', 'both'];
const STATE_CODE: Record<PeriodState, number> = { a: ONLY_A, b: ONLY_B, both: IN_BOTH };

/** Colours of the three states on a light background (each at least 3:1 on white) and on the dark picture. */
export const PERIOD_COLORS: Record<PeriodState, { light: string; dark: string }> = {
  a: { light: '#c25a00', dark: '#f2a04a' },
  b: { light: '#1f6fb8', dark: '#74aef0' },
  both: { light: '#5b6472', dark: '#aab3c0' },
};

export interface PeriodComparison {
  a: Period;
  b: Period;
  /** Per aggregated edge: NOT_DRAWN, ONLY_A, ONLY_B or IN_BOTH. */
  edgeState: Uint8Array;
  /** Visible relations of each edge in A's window, and in B's. */
  countsA: Int32Array;
  countsB: Int32Array;
  /** Drawn edges per state. */
  edgeTotals: Record<PeriodState, number>;
}

export interface ComparedResult extends FilterResult {
  comparison: PeriodComparison;
}

/** Filters every row for both periods at once; `filter.from`/`filter.to` are ignored in favour of `a` and `b`. */
export function comparePeriods(index: RelationIndex, filter: RelationFilter, a: Period, b: Period, minWeight = 1): ComparedResult {
  const { starts, typeOf, modalityOf, statementOf, edgeOf, relationCount } = index;
  const ends = filter.carryForward ? index.carriedEnds : index.ends;
  const { typeMask, rowMask, edgeMask } = filter;
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  const edgeCount = index.edges.length;
  const typeCountsInWindow = new Int32Array(index.typeIds.length);
  const modalityCountsInWindow = new Int32Array(modalityMask.length);
  const countsA = new Int32Array(edgeCount);
  const countsB = new Int32Array(edgeCount);
  // Bit 1: visible in A's window, bit 2: in B's, before the minimum weight is known.
  const rowIn = new Uint8Array(relationCount);

  for (let i = 0; i < relationCount; i++) {
    if ((rowMask && rowMask[i] === 0) || (edgeMask && edgeMask[edgeOf[i]] === 0)) continue;
    const inA = starts[i] <= a.to && ends[i] >= a.from;
    const inB = starts[i] <= b.to && ends[i] >= b.from;
    if (!inA && !inB) continue;
    const t = typeOf[i];
    const m = modalityOf[i];
    if (modalityMask[m]) typeCountsInWindow[t]++;
    if (typeMask[t]) modalityCountsInWindow[m]++;
    if (typeMask[t] === 0 || modalityMask[m] === 0) continue;
    const e = edgeOf[i];
    if (inA) countsA[e]++;
    if (inB) countsB[e]++;
    rowIn[i] = (inA ? ONLY_A : 0) | (inB ? ONLY_B : 0);
  }

  const least = Math.max(1, minWeight);
  const edgeState = new Uint8Array(edgeCount);
  const edgeTotals: Record<PeriodState, number> = { a: 0, b: 0, both: 0 };
  for (let e = 0; e < edgeCount; e++) {
    const state = (countsA[e] >= least ? ONLY_A : 0) | (countsB[e] >= least ? ONLY_B : 0);
    edgeState[e] = state;
    if (state === ONLY_A) edgeTotals.a++;
    else if (state === ONLY_B) edgeTotals.b++;
    else if (state === IN_BOTH) edgeTotals.both++;
  }

  const visible = new Uint8Array(relationCount);
  const edgeCounts = new Int32Array(edgeCount);
  const nodeCounts = new Int32Array(index.actorIds.length);
  const statementSeen = new Uint8Array(index.statementCount);
  let visibleCount = 0;
  let visibleStatementCount = 0;
  for (let i = 0; i < relationCount; i++) {
    // A row shows when it lies in a period in which its edge is drawn.
    if ((rowIn[i] & edgeState[edgeOf[i]]) === 0) continue;
    visible[i] = 1;
    visibleCount++;
    edgeCounts[edgeOf[i]]++;
    if (!statementSeen[statementOf[i]]) {
      statementSeen[statementOf[i]] = 1;
      visibleStatementCount++;
    }
  }
  for (let e = 0; e < edgeCount; e++) {
    if (edgeCounts[e] === 0) continue;
    nodeCounts[index.edgeSourceIndex[e]] += edgeCounts[e];
    nodeCounts[index.edgeTargetIndex[e]] += edgeCounts[e];
  }
  return {
    visible,
    visibleCount,
    visibleStatementCount,
    typeCountsInWindow,
    modalityCountsInWindow,
    edgeCounts,
    nodeCounts,
    comparison: { a: { ...a }, b: { ...b }, edgeState, countsA, countsB, edgeTotals },
  };
}

/** Whether a visible row belongs to an edge in `state` (the table's "only in B", for example). */
export function rowInState(index: RelationIndex, comparison: PeriodComparison, row: number, state: PeriodState): boolean {
  return comparison.edgeState[index.edgeOf[row]] === STATE_CODE[state];
}

export function stateOfEdge(comparison: PeriodComparison, edge: number): PeriodState | null {
  const code = comparison.edgeState[edge];
  return code === ONLY_A ? 'a' : code === ONLY_B ? 'b' : code === IN_BOTH ? 'both' : null;
}

/** "2020" for a calendar year, "2020-03" for a calendar month, else "2020-01-05 to 2020-02-10". */
export function periodText(period: Period): string {
  const from = formatDay(period.from);
  const to = formatDay(period.to);
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  if (from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01') && formatDay(period.to + 1).endsWith('-01')) return from.slice(0, 7);
  return `${from} to ${to}`;
}

export function stateLabel(state: PeriodState, comparison: Pick<PeriodComparison, 'a' | 'b'>): string {
  if (state === 'a') return `Only in A (${periodText(comparison.a)})`;
  if (state === 'b') return `Only in B (${periodText(comparison.b)})`;
  return 'In both';
}

/** The picture's legend entries for the three states, with their edge counts. */
export function comparisonSwatches(comparison: PeriodComparison, palette: 'light' | 'dark' = 'light'): Array<{ label: string; color: string; directed: boolean }> {
  return PERIOD_STATES.map((state) => ({
    label: `${stateLabel(state, comparison)}: ${comparison.edgeTotals[state]} edge${comparison.edgeTotals[state] === 1 ? '' : 's'}`,
    color: PERIOD_COLORS[state][palette],
    directed: false,
  }));
}

/** The caption's first words: "A 2020 vs B 2022". */
export function comparisonText(comparison: Pick<PeriodComparison, 'a' | 'b'>): string {
  return `A ${periodText(comparison.a)} vs B ${periodText(comparison.b)}`;
}

/**
 * Periods to start a comparison with: the window as A and the same length right after it as B (or right
 * before, when nothing follows); a window over the whole extent becomes its first and its last year.
 */
export function openingPeriods(window: Period, extent: Period): { a: Period; b: Period } {
  if (window.from <= extent.from && window.to >= extent.to) {
    const firstYear = Number(formatDay(extent.from).slice(0, 4));
    const lastYear = Number(formatDay(extent.to).slice(0, 4));
    const year = (y: number) => ({ from: dayNumber(y, 1, 1), to: dayNumber(y, 12, 31) });
    if (firstYear !== lastYear) return { a: year(firstYear), b: year(lastYear) };
  }
  const length = window.to - window.from + 1;
  const after = { from: window.to + 1, to: window.to + length };
  const before = { from: window.from - length, to: window.from - 1 };
  return { a: { ...window }, b: after.from <= extent.to ? after : before };
}
