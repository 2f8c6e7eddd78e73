/**
 * What a filter result is, and the reference full scan that defines it: which
 * relation rows are visible under a date window, a set of relation types and
 * a set of modalities, whether standing relations are carried forward, and the
 * counts every view needs. The app uses the faster filter engine
 * (filter-engine.ts), which is tested to give the same results.
 */
import { MODALITIES } from './model';
import type { RelationIndex } from './relation-index';

export interface RelationFilter {
  /** First day of the window, inclusive (day number). */
  from: number;
  /** Last day of the window, inclusive (day number). */
  to: number;
  /** 1 for each type index that is shown. */
  typeMask: Uint8Array;
  /** 1 for each modality (index into MODALITIES) that is shown; all when absent. */
  modalityMask?: Uint8Array;
  /** Standing relations without end date hold until today instead of through their source's publication date. */
  carryForward?: boolean;
  /**
   * 1 for each relation row that may be shown at all (a source filter, for example); absent means all.
   * A masked row counts nowhere, not even in the legend: it is as if the dataset did not hold it.
   */
  rowMask?: Uint8Array;
  /** 1 for each aggregated edge that may be shown at all (a scope or an actor-kind filter); absent means all. Masked like `rowMask`. */
  edgeMask?: Uint8Array;
}

export const ALL_MODALITIES: Uint8Array = new Uint8Array(MODALITIES.length).fill(1);

export function modalityMaskOf(shown: Iterable<string>): Uint8Array {
  const set = new Set(shown);
  return Uint8Array.from(MODALITIES, (m) => (set.has(m) ? 1 : 0));
}

export interface FilterResult {
  /** 1 for each relation row visible under both the window and the types. */
  visible: Uint8Array;
  visibleCount: number;
  /** Distinct statements among the visible rows. */
  visibleStatementCount: number;
  /** Rows per type in the window and of a shown modality, whether or not the type is shown: the legend's counts. */
  typeCountsInWindow: Int32Array;
  /** Rows per modality in the window and of a shown type, whether or not the modality is shown. */
  modalityCountsInWindow: Int32Array;
  /** Visible rows per aggregated edge. */
  edgeCounts: Int32Array;
  /** Visible rows touching each actor. */
  nodeCounts: Int32Array;
  /**
   * The filter engine's list of the edges whose count may have changed since it was last taken (see
   * FilterEngine.takeChangedEdges); absent from a full scan, which says nothing about what changed.
   */
  takeChangedEdges?: () => Int32Array;
}

/**
 * The rows of `out` with other edge and node counts (rolled up, or a copy for a new wrapper): `visible` stays a
 * getter, so the engine's per-row mask is built only when something reads it.
 */
export function withCounts(out: FilterResult, edgeCounts: Int32Array, nodeCounts: Int32Array): FilterResult {
  return {
    get visible() {
      return out.visible;
    },
    visibleCount: out.visibleCount,
    visibleStatementCount: out.visibleStatementCount,
    typeCountsInWindow: out.typeCountsInWindow,
    modalityCountsInWindow: out.modalityCountsInWindow,
    edgeCounts,
    nodeCounts,
  };
}

export function createFilterResult(index: RelationIndex): FilterResult {
  return {
    visible: new Uint8Array(index.relationCount),
    visibleCount: 0,
    visibleStatementCount: 0,
    typeCountsInWindow: new Int32Array(index.typeIds.length),
    modalityCountsInWindow: new Int32Array(MODALITIES.length),
    edgeCounts: new Int32Array(index.edges.length),
    nodeCounts: new Int32Array(index.actorIds.length),
  };
}

export function typeMaskOf(index: RelationIndex, shownTypes: Iterable<string>): Uint8Array {
  const shown = new Set(shownTypes);
  return Uint8Array.from(index.typeIds, (id) => (shown.has(id) ? 1 : 0));
}

/** Filters every relation row into `into` (reused across calls) and returns it. */
export function filterRelations(index: RelationIndex, filter: RelationFilter, into: FilterResult = createFilterResult(index)): FilterResult {
  const { starts, typeOf, modalityOf, statementOf, edgeOf, relationCount } = index;
  const ends = filter.carryForward ? index.carriedEnds : index.ends;
  const { from, to, typeMask } = filter;
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  const { visible, typeCountsInWindow, modalityCountsInWindow, edgeCounts, nodeCounts } = into;
  typeCountsInWindow.fill(0);
  modalityCountsInWindow.fill(0);
  edgeCounts.fill(0);
  nodeCounts.fill(0);
  const statementSeen = new Uint8Array(index.statementCount);
  let visibleCount = 0;
  let visibleStatementCount = 0;

  const { rowMask, edgeMask } = filter;
  for (let i = 0; i < relationCount; i++) {
    if (starts[i] > to || ends[i] < from || (rowMask && rowMask[i] === 0) || (edgeMask && edgeMask[edgeOf[i]] === 0)) {
      visible[i] = 0;
      continue;
    }
    const t = typeOf[i];
    const m = modalityOf[i];
    if (modalityMask[m]) typeCountsInWindow[t]++;
    if (typeMask[t]) modalityCountsInWindow[m]++;
    if (typeMask[t] === 0 || modalityMask[m] === 0) {
      visible[i] = 0;
      continue;
    }
    visible[i] = 1;
    visibleCount++;
    edgeCounts[edgeOf[i]]++;
    if (statementSeen[statementOf[i]] === 0) {
      statementSeen[statementOf[i]] = 1;
      visibleStatementCount++;
    }
  }

  const { edgeSourceIndex, edgeTargetIndex } = index;
  for (let e = 0; e < edgeCounts.length; e++) {
    const c = edgeCounts[e];
    if (c === 0) continue;
    nodeCounts[edgeSourceIndex[e]] += c;
    nodeCounts[edgeTargetIndex[e]] += c;
  }
  into.visibleCount = visibleCount;
  into.visibleStatementCount = visibleStatementCount;
  return into;
}

/** Indices of the visible relation rows, in dataset order. */
export function visibleRelationIndices(result: FilterResult): number[] {
  const out: number[] = [];
  const { visible } = result;
  for (let i = 0; i < visible.length; i++) if (visible[i]) out.push(i);
  return out;
}
