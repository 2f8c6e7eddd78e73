/**
 * The filter engine as it was before the per-type inside/outside choice (issue 12), kept so the bench
 * can show the change against it in the same run.
 *
 * The filter engine used on every slider move. It gives the same result as
 * filterRelations (the reference full scan) but touches only the rows that
 * can be in the window: rows are grouped by type and how long they last, each
 * group sorted by start, so a window is a binary search plus a scan of its
 * candidates (a hidden modality is one more check per candidate, made only when
 * a modality is hidden); the legend's counts per type and modality come from
 * sorted starts and ends alone. Carrying standing relations forward changes
 * the ends, so it has its own grouping, built the first time it is asked for.
 * Per row it only counts into the row's edge (and its statement): which rows
 * are visible (`result.visible`) is worked out when first asked for, because
 * the renderer needs only counts per edge and per actor, and the previous
 * result is undone edge by edge instead of cleared.
 */
import { ALL_MODALITIES, createFilterResult, type FilterResult, type RelationFilter } from '../src/lib/core/filter';
import { MODALITIES } from '../src/lib/core/model';
import type { RelationIndex } from '../src/lib/core/relation-index';

/** Upper bounds of span lengths (days) that share a group; short events never wait behind decade-long states. */
const LENGTH_CLASSES = [0, 31, 366, 3660, Infinity];

interface SpanGroup {
  type: number;
  maxLength: number;
  starts: Int32Array;
  ends: Int32Array;
  rows: Int32Array;
  edges: Int32Array;
  statements: Int32Array;
  /** How a visible row counts towards the statements: see STATEMENT_*. */
  statementRole: Uint8Array;
  modalities: Uint8Array;
}

/**
 * Most statements are visible all at once or not at all: their rows share one group, lie next to each
 * other in it and have the same span and modality. Such a statement is counted at its first row, the
 * others count nothing, and no stamp is needed. Only the rest are deduplicated with a stamp per statement.
 */
const STATEMENT_REST = 0;
const STATEMENT_HEAD = 1;
const STATEMENT_STAMPED = 2;

/** Everything that depends on the rows' ends: one for spans as attested, one for spans carried forward. */
interface SpanLayout {
  groups: SpanGroup[];
  /** Sorted ends per type × modality (index type * MODALITIES.length + modality). */
  endsByKind: Int32Array[];
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

const MODALITY_COUNT = MODALITIES.length;

function buildGroups(index: RelationIndex, ends: Int32Array): SpanGroup[] {
  const { starts, typeOf, modalityOf, edgeOf, statementOf, relationCount } = index;
  const members = new Map<number, number[]>();
  for (let i = 0; i < relationCount; i++) {
    const key = typeOf[i] * LENGTH_CLASSES.length + lengthClass(ends[i] - starts[i]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const groups = [...members.entries()].map(([key, list]) => {
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
      statements: rows.map((r) => statementOf[r]),
      statementRole: new Uint8Array(rows.length),
      modalities: Uint8Array.from(rows, (r) => modalityOf[r]),
    };
  });
  assignStatementRoles(index, ends, groups);
  return groups;
}

function assignStatementRoles(index: RelationIndex, ends: Int32Array, groups: SpanGroup[]): void {
  const { starts, modalityOf, statementOf, statementCount } = index;
  const rowsOf = new Int32Array(statementCount);
  for (let i = 0; i < index.relationCount; i++) rowsOf[statementOf[i]]++;
  // A statement is simple when one run of one group holds all its rows, with one span and one modality.
  const seen = new Int32Array(statementCount);
  const simple = new Uint8Array(statementCount).fill(1);
  for (const { rows, statements } of groups) {
    for (let k = 0; k < rows.length; k++) {
      const st = statements[k];
      if (k > 0 && statements[k - 1] === st) {
        const [r, p] = [rows[k], rows[k - 1]];
        if (starts[r] !== starts[p] || ends[r] !== ends[p] || modalityOf[r] !== modalityOf[p]) simple[st] = 0;
      } else if (seen[st] > 0) simple[st] = 0;
      seen[st]++;
    }
  }
  for (const { statements, statementRole } of groups) {
    for (let k = 0; k < statements.length; k++) {
      const st = statements[k];
      if (!simple[st] || seen[st] !== rowsOf[st]) statementRole[k] = STATEMENT_STAMPED;
      else statementRole[k] = k > 0 && statements[k - 1] === st ? STATEMENT_REST : STATEMENT_HEAD;
    }
  }
}

/** The values of each type × modality, sorted. */
function sortedByKind(index: RelationIndex, values: Int32Array): Int32Array[] {
  const perKind = Array.from({ length: index.typeIds.length * MODALITY_COUNT }, () => [] as number[]);
  for (let i = 0; i < index.relationCount; i++) perKind[index.typeOf[i] * MODALITY_COUNT + index.modalityOf[i]].push(values[i]);
  return perKind.map((list) => Int32Array.from(list).sort());
}

export function createPreviousFilterEngine(index: RelationIndex): FilterEngine {
  const startsByKind = sortedByKind(index, index.starts);
  const layouts = new Map<boolean, SpanLayout>();
  const layoutFor = (carryForward: boolean): SpanLayout => {
    let layout = layouts.get(carryForward);
    if (!layout) {
      const ends = carryForward ? index.carriedEnds : index.ends;
      layouts.set(carryForward, (layout = { groups: buildGroups(index, ends), endsByKind: sortedByKind(index, ends) }));
    }
    return layout;
  };
  layoutFor(false);
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const counts = createFilterResult(index);
  const visible = counts.visible;
  const touchedEdges = new Int32Array(index.edges.length);
  // Statements that are not simple are counted with a stamp per statement, so nothing needs clearing between updates.
  const statementStamp = new Int32Array(index.statementCount);
  let stamp = 0;
  let touchedCount = 0;
  let current: RelationFilter | null = null;
  let visibleIsStale = true;

  function shownGroups(filter: RelationFilter): SpanGroup[] {
    return layoutFor(!!filter.carryForward).groups.filter((g) => filter.typeMask[g.type] !== 0);
  }

  /** The modality mask when it hides something, else null: the common case skips the check per row. */
  function hidingMask(filter: RelationFilter): Uint8Array | null {
    const mask = filter.modalityMask;
    return mask && mask.includes(0) ? mask : null;
  }

  function isMasked(filter: RelationFilter, group: SpanGroup, k: number): boolean {
    const { rowMask, edgeMask } = filter;
    return (rowMask !== undefined && rowMask[group.rows[k]] === 0) || (edgeMask !== undefined && edgeMask[group.edges[k]] === 0);
  }

  function markVisibleRows() {
    visible.fill(0);
    if (current && current.from <= current.to) {
      const { from, to } = current;
      const hiding = hidingMask(current);
      for (const group of shownGroups(current)) {
        const last = upperBound(group.starts, to);
        for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) {
          if (group.ends[k] < from || (hiding !== null && hiding[group.modalities[k]] === 0)) continue;
          if (isMasked(current, group, k)) continue;
          visible[group.rows[k]] = 1;
        }
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
    visibleStatementCount: 0,
    typeCountsInWindow: counts.typeCountsInWindow,
    modalityCountsInWindow: counts.modalityCountsInWindow,
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

  function countKinds(filter: RelationFilter, endsByKind: Int32Array[]) {
    const { from, to, typeMask } = filter;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { typeCountsInWindow, modalityCountsInWindow } = result;
    typeCountsInWindow.fill(0);
    modalityCountsInWindow.fill(0);
    if (from > to) return;
    for (let t = 0; t < typeCountsInWindow.length; t++) {
      for (let m = 0; m < MODALITY_COUNT; m++) {
        const kind = t * MODALITY_COUNT + m;
        // A span ending before `from` also starts before `to`, so rows in the window = (start ≤ to) − (end < from).
        const n = upperBound(startsByKind[kind], to) - lowerBound(endsByKind[kind], from);
        if (modalityMask[m]) typeCountsInWindow[t] += n;
        if (typeMask[t]) modalityCountsInWindow[m] += n;
      }
    }
  }

  /**
   * With a row or edge mask the legend's counts cannot come from sorted starts and ends, since masked
   * rows count nowhere: they are counted in the scan instead, which then covers hidden types too.
   */
  function countMaskedKinds(filter: RelationFilter) {
    const { from, to, typeMask } = filter;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { typeCountsInWindow, modalityCountsInWindow } = result;
    typeCountsInWindow.fill(0);
    modalityCountsInWindow.fill(0);
    if (from > to) return;
    for (const group of layoutFor(!!filter.carryForward).groups) {
      const last = upperBound(group.starts, to);
      for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) {
        if (group.ends[k] < from || isMasked(filter, group, k)) continue;
        const m = group.modalities[k];
        if (modalityMask[m]) typeCountsInWindow[group.type]++;
        if (typeMask[group.type]) modalityCountsInWindow[m]++;
      }
    }
  }

  function update(filter: RelationFilter): FilterResult {
    undoPrevious();
    current = filter;
    visibleIsStale = true;
    const { from, to } = filter;
    const { edgeCounts, nodeCounts } = result;
    const masking = !!(filter.rowMask || filter.edgeMask);
    if (masking) countMaskedKinds(filter);
    else countKinds(filter, layoutFor(!!filter.carryForward).endsByKind);
    let visibleCount = 0;
    let statementCount = 0;
    stamp++;
    if (from <= to) {
      const hiding = hidingMask(filter);
      for (const group of shownGroups(filter)) {
        const { starts, ends, edges, statements, statementRole, modalities } = group;
        const last = upperBound(starts, to);
        for (let k = lowerBound(starts, from - group.maxLength); k < last; k++) {
          if (ends[k] < from) continue;
          if (hiding !== null && hiding[modalities[k]] === 0) continue;
          if (masking && isMasked(filter, group, k)) continue;
          visibleCount++;
          const e = edges[k];
          if (edgeCounts[e]++ === 0) touchedEdges[touchedCount++] = e;
          // A mask may hide a statement's head row and keep the rest, so masked scans stamp every statement.
          const role = masking ? STATEMENT_STAMPED : statementRole[k];
          if (role === STATEMENT_HEAD) statementCount++;
          else if (role === STATEMENT_STAMPED && statementStamp[statements[k]] !== stamp) {
            statementStamp[statements[k]] = stamp;
            statementCount++;
          }
        }
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      const e = touchedEdges[k];
      nodeCounts[edgeSourceIndex[e]] += edgeCounts[e];
      nodeCounts[edgeTargetIndex[e]] += edgeCounts[e];
    }
    result.visibleCount = visibleCount;
    result.visibleStatementCount = statementCount;
    return result;
  }

  return { result, update };
}
