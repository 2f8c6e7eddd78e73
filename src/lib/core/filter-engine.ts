/**
 * The filter engine used on every slider move. It gives the same result as
 * filterRelations (the reference full scan) but touches only a fraction of
 * the rows. Rows are grouped by type, modality and how long they last, each
 * group sorted by start, and, per type and modality, once more sorted by end.
 * Every aggregated edge has one type, so each shown type is counted on its
 * own, whichever way is cheaper:
 * - inside: a binary search per group, then a scan of the rows that can be in
 *   the window, counting into their edges;
 * - outside: start from every row of the type (each edge's full count,
 *   precomputed) and take away the rows outside the window, a prefix of the
 *   rows sorted by end plus a suffix of each group sorted by start, and the
 *   rows of hidden modalities. Over the whole period, the state the app opens
 *   in, nothing is outside, so it costs one write per edge.
 * The legend's counts per type and modality come from sorted starts and ends
 * alone. Carrying standing relations forward changes the ends, so it has its
 * own grouping, built the first time it is asked for. Which rows are visible
 * (`result.visible`) is worked out when first asked for, because the renderer
 * needs only counts per edge and per actor, and the previous result is undone
 * edge by edge instead of cleared. The edges undone or counted since the
 * renderer last asked are kept (`takeChangedEdges`), so its display update
 * scales with what changed, not with the number of edges.
 */
import { ALL_MODALITIES, createFilterResult, type FilterResult, type RelationFilter } from './filter';
import { MODALITIES } from './model';
import type { RelationIndex } from './relation-index';

/** Upper bounds of span lengths (days) that share a group; short events never wait behind decade-long states. */
const LENGTH_CLASSES = [0, 31, 366, 3660, Infinity];

interface SpanGroup {
  type: number;
  modality: number;
  maxLength: number;
  starts: Int32Array;
  ends: Int32Array;
  rows: Int32Array;
  edges: Int32Array;
  statements: Int32Array;
  /** How a visible row counts towards the statements: see STATEMENT_*. */
  statementRole: Uint8Array;
}

/**
 * Most statements are visible all at once or not at all: their rows share one group, lie next to each
 * other in it and have the same span and modality. Such a statement is counted at its first row, the
 * others count nothing, and no stamp is needed. Only the rest are deduplicated with a stamp per statement.
 */
const STATEMENT_REST = 0;
const STATEMENT_HEAD = 1;
const STATEMENT_STAMPED = 2;

/** The rows of one type and modality, for counting from the outside. */
interface Kind {
  groups: SpanGroup[];
  rowCount: number;
  /** Rows counted as a statement's head. */
  heads: number;
  /** Sorted by end: ends, edges and statement roles. */
  ends: Int32Array;
  endEdges: Int32Array;
  endRoles: Uint8Array;
  /** The rows whose statement is stamped: their spans and statements. */
  stampedStarts: Int32Array;
  stampedEnds: Int32Array;
  stampedStatements: Int32Array;
}

/** Everything that depends on the rows' ends: one for spans as attested, one for spans carried forward. */
interface SpanLayout {
  /** Index type * MODALITIES.length + modality. */
  kinds: Kind[];
}

export interface FilterEngine {
  readonly result: FilterResult;
  update(filter: RelationFilter): FilterResult;
  /**
   * The aggregated edges whose count may have changed since the last call (a superset, without repeats);
   * the first call lists every edge counted so far.
   */
  takeChangedEdges(): Int32Array;
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
    const key = (typeOf[i] * MODALITY_COUNT + modalityOf[i]) * LENGTH_CLASSES.length + lengthClass(ends[i] - starts[i]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const groups = [...members.entries()].map(([key, list]) => {
    // A stable sort: rows of one statement, next to each other in the dataset, stay next to each other.
    const rows = Int32Array.from(list).sort((a, b) => starts[a] - starts[b]);
    let maxLength = 0;
    for (const r of rows) maxLength = Math.max(maxLength, ends[r] - starts[r]);
    const kind = Math.floor(key / LENGTH_CLASSES.length);
    return {
      type: Math.floor(kind / MODALITY_COUNT),
      modality: kind % MODALITY_COUNT,
      maxLength,
      starts: rows.map((r) => starts[r]),
      ends: rows.map((r) => ends[r]),
      rows,
      edges: rows.map((r) => edgeOf[r]),
      statements: rows.map((r) => statementOf[r]),
      statementRole: new Uint8Array(rows.length),
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

function buildKinds(index: RelationIndex, groups: SpanGroup[]): Kind[] {
  return Array.from({ length: index.typeIds.length * MODALITY_COUNT }, (_, kind) => {
    const own = groups.filter((g) => g.type * MODALITY_COUNT + g.modality === kind);
    const ends: number[] = [];
    const edges: number[] = [];
    const roles: number[] = [];
    const stamped: number[] = [];
    const order: number[] = [];
    let heads = 0;
    for (const g of own) {
      for (let k = 0; k < g.rows.length; k++) {
        order.push(order.length);
        ends.push(g.ends[k]);
        edges.push(g.edges[k]);
        roles.push(g.statementRole[k]);
        if (g.statementRole[k] === STATEMENT_HEAD) heads++;
        if (g.statementRole[k] === STATEMENT_STAMPED) stamped.push(g.starts[k], g.ends[k], g.statements[k]);
      }
    }
    order.sort((a, b) => ends[a] - ends[b]);
    const third = (offset: number) => Int32Array.from({ length: stamped.length / 3 }, (_, i) => stamped[3 * i + offset]);
    return {
      groups: own,
      rowCount: order.length,
      heads,
      ends: Int32Array.from(order, (i) => ends[i]),
      endEdges: Int32Array.from(order, (i) => edges[i]),
      endRoles: Uint8Array.from(order, (i) => roles[i]),
      stampedStarts: third(0),
      stampedEnds: third(1),
      stampedStatements: third(2),
    };
  });
}

/** The values of each type × modality, sorted. */
function sortedByKind(index: RelationIndex, values: Int32Array): Int32Array[] {
  const perKind = Array.from({ length: index.typeIds.length * MODALITY_COUNT }, () => [] as number[]);
  for (let i = 0; i < index.relationCount; i++) perKind[index.typeOf[i] * MODALITY_COUNT + index.modalityOf[i]].push(values[i]);
  return perKind.map((list) => Int32Array.from(list).sort());
}

/** The aggregated edges of each type, and every edge's count of rows. */
function edgesByType(index: RelationIndex): { typeEdges: Int32Array[]; fullCounts: Int32Array } {
  const lists = index.typeIds.map(() => [] as number[]);
  const fullCounts = new Int32Array(index.edges.length);
  for (let i = 0; i < index.relationCount; i++) fullCounts[index.edgeOf[i]]++;
  const typeOfEdge = new Int32Array(index.edges.length).fill(-1);
  for (let i = 0; i < index.relationCount; i++) typeOfEdge[index.edgeOf[i]] = index.typeOf[i];
  typeOfEdge.forEach((t, e) => t >= 0 && lists[t].push(e));
  return { typeEdges: lists.map((list) => Int32Array.from(list)), fullCounts };
}

/** The engine's sorted groups for spans as attested, which a worker can build and post (all typed arrays). */
export interface EngineLayout {
  startsByKind: Int32Array[];
  attested: SpanLayout;
}

/** Builds what createFilterEngine would build first; in the import worker, so the main thread does not sort a million rows. */
export function buildEngineLayout(index: RelationIndex): EngineLayout {
  return { startsByKind: sortedByKind(index, index.starts), attested: { kinds: buildKinds(index, buildGroups(index, index.ends)) } };
}

/** The buffers of a layout, to transfer rather than copy. */
export function engineLayoutBuffers(layout: EngineLayout): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...layout.startsByKind];
  for (const kind of layout.attested.kinds) {
    arrays.push(kind.ends, kind.endEdges, kind.endRoles, kind.stampedStarts, kind.stampedEnds, kind.stampedStatements);
    for (const g of kind.groups) arrays.push(g.starts, g.ends, g.rows, g.edges, g.statements, g.statementRole);
  }
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export function createFilterEngine(index: RelationIndex, prebuilt?: EngineLayout): FilterEngine {
  const startsByKind = prebuilt?.startsByKind ?? sortedByKind(index, index.starts);
  const layouts = new Map<boolean, SpanLayout>(prebuilt ? [[false, prebuilt.attested]] : []);
  const layoutFor = (carryForward: boolean): SpanLayout => {
    let layout = layouts.get(carryForward);
    if (!layout) {
      const groups = buildGroups(index, carryForward ? index.carriedEnds : index.ends);
      layouts.set(carryForward, (layout = { kinds: buildKinds(index, groups) }));
    }
    return layout;
  };
  layoutFor(false);
  const { typeEdges, fullCounts } = edgesByType(index);
  const typeCount = index.typeIds.length;
  const edgeCount = index.edges.length;
  const { edgeSourceIndex, edgeTargetIndex } = index;
  const counts = createFilterResult(index);
  const visible = counts.visible;
  const touchedEdges = new Int32Array(edgeCount);
  // Edges undone since the renderer last asked, each once.
  const changedEdges = new Int32Array(edgeCount);
  const changedFlag = new Uint8Array(edgeCount);
  let changedCount = 0;
  // Statements that are not simple are counted with a stamp per statement, so nothing needs clearing between updates.
  const statementStamp = new Int32Array(index.statementCount);
  let stamp = 0;
  let touchedCount = 0;
  let current: RelationFilter | null = null;
  let visibleIsStale = true;

  function* shownGroups(filter: RelationFilter): Generator<SpanGroup> {
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { kinds } = layoutFor(!!filter.carryForward);
    for (let t = 0; t < typeCount; t++) {
      if (filter.typeMask[t] === 0) continue;
      for (let m = 0; m < MODALITY_COUNT; m++) if (modalityMask[m] !== 0) yield* kinds[t * MODALITY_COUNT + m].groups;
    }
  }

  function isMasked(filter: RelationFilter, group: SpanGroup, k: number): boolean {
    const { rowMask, edgeMask } = filter;
    return (rowMask !== undefined && rowMask[group.rows[k]] === 0) || (edgeMask !== undefined && edgeMask[group.edges[k]] === 0);
  }

  function markVisibleRows() {
    visible.fill(0);
    if (current && current.from <= current.to) {
      const { from, to } = current;
      for (const group of shownGroups(current)) {
        const last = upperBound(group.starts, to);
        for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) {
          if (group.ends[k] < from || isMasked(current, group, k)) continue;
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
    takeChangedEdges: () => takeChangedEdges(),
  };

  function undoPrevious() {
    const { edgeCounts, nodeCounts } = result;
    for (let k = 0; k < touchedCount; k++) {
      const e = touchedEdges[k];
      edgeCounts[e] = 0;
      nodeCounts[edgeSourceIndex[e]] = 0;
      nodeCounts[edgeTargetIndex[e]] = 0;
      if (changedFlag[e] === 0) {
        changedFlag[e] = 1;
        changedEdges[changedCount++] = e;
      }
    }
    touchedCount = 0;
  }

  function takeChangedEdges(): Int32Array {
    for (let k = 0; k < touchedCount; k++) {
      const e = touchedEdges[k];
      if (changedFlag[e] === 0) {
        changedFlag[e] = 1;
        changedEdges[changedCount++] = e;
      }
    }
    const out = changedEdges.slice(0, changedCount);
    for (let k = 0; k < changedCount; k++) changedFlag[changedEdges[k]] = 0;
    changedCount = 0;
    return out;
  }

  /** Zeroes the legend's counts; false when the window is empty, so there is nothing to count. */
  function clearKindCounts(filter: RelationFilter): boolean {
    result.typeCountsInWindow.fill(0);
    result.modalityCountsInWindow.fill(0);
    return filter.from <= filter.to;
  }

  function countKinds(filter: RelationFilter, kinds: Kind[]) {
    const { from, to, typeMask } = filter;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { typeCountsInWindow, modalityCountsInWindow } = result;
    if (!clearKindCounts(filter)) return;
    for (let t = 0; t < typeCountsInWindow.length; t++) {
      for (let m = 0; m < MODALITY_COUNT; m++) {
        const kind = t * MODALITY_COUNT + m;
        // A span ending before `from` also starts before `to`, so rows in the window = (start ≤ to) − (end < from).
        const n = upperBound(startsByKind[kind], to) - lowerBound(kinds[kind].ends, from);
        if (modalityMask[m]) typeCountsInWindow[t] += n;
        if (typeMask[t]) modalityCountsInWindow[m] += n;
      }
    }
  }

  /**
   * With a row or edge mask the legend's counts cannot come from sorted starts and ends, since masked
   * rows count nowhere: they are counted in the scan instead, which then covers hidden types too.
   */
  function countMaskedKinds(filter: RelationFilter, kinds: Kind[]) {
    const { from, to, typeMask } = filter;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { typeCountsInWindow, modalityCountsInWindow } = result;
    if (!clearKindCounts(filter)) return;
    for (const kind of kinds) {
      for (const group of kind.groups) {
        const last = upperBound(group.starts, to);
        const m = group.modality;
        for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) {
          if (group.ends[k] < from || isMasked(filter, group, k)) continue;
          if (modalityMask[m]) typeCountsInWindow[group.type]++;
          if (typeMask[group.type]) modalityCountsInWindow[m]++;
        }
      }
    }
  }

  // Running totals of one update, shared by the counting functions below.
  let visibleCount = 0;
  let statementCount = 0;

  /** Counts the candidate rows of one group, scanning from the first that can reach into the window. */
  function countInside(group: SpanGroup, filter: RelationFilter, masking: boolean) {
    const { from, to } = filter;
    const { starts, ends, edges, statements, statementRole } = group;
    const { edgeCounts } = result;
    const last = upperBound(starts, to);
    // A row starting in the window is in it; only those starting before need their end checked.
    const sure = lowerBound(starts, from);
    // Local counters and a local stamp: the hot loop then writes registers, not the closure's variables.
    let rows = 0;
    let statementsSeen = 0;
    let touched = touchedCount;
    const currentStamp = stamp;
    for (let k = lowerBound(starts, from - group.maxLength); k < last; k++) {
      if (k < sure && ends[k] < from) continue;
      if (masking && isMasked(filter, group, k)) continue;
      rows++;
      const e = edges[k];
      if (edgeCounts[e]++ === 0) touchedEdges[touched++] = e;
      // A mask may hide a statement's head row and keep the rest, so masked scans stamp every statement.
      const role = masking ? STATEMENT_STAMPED : statementRole[k];
      if (role === STATEMENT_HEAD) statementsSeen++;
      else if (role === STATEMENT_STAMPED && statementStamp[statements[k]] !== currentStamp) {
        statementStamp[statements[k]] = currentStamp;
        statementsSeen++;
      }
    }
    touchedCount = touched;
    visibleCount += rows;
    statementCount += statementsSeen;
  }

  /** Takes rows away from their edges' full counts: positions [first, last) of sorted edges and roles. */
  function subtract(edges: Int32Array, roles: Uint8Array, first: number, last: number) {
    const { edgeCounts } = result;
    visibleCount -= last - first;
    let heads = 0;
    for (let k = first; k < last; k++) {
      edgeCounts[edges[k]]--;
      if (roles[k] === STATEMENT_HEAD) heads++;
    }
    statementCount -= heads;
  }

  /** Counts one type as all its rows minus those outside the window or of a hidden modality. */
  function countOutside(t: number, filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array) {
    const { from, to } = filter;
    const { edgeCounts } = result;
    const own = typeEdges[t];
    touchedEdges.set(own, touchedCount);
    touchedCount += own.length;
    for (let k = 0; k < own.length; k++) edgeCounts[own[k]] = fullCounts[own[k]];
    for (let m = 0; m < MODALITY_COUNT; m++) {
      const kind = kinds[t * MODALITY_COUNT + m];
      visibleCount += kind.rowCount;
      statementCount += kind.heads;
      if (modalityMask[m] === 0) {
        subtract(kind.endEdges, kind.endRoles, 0, kind.rowCount);
        continue;
      }
      subtract(kind.endEdges, kind.endRoles, 0, lowerBound(kind.ends, from));
      for (const group of kind.groups) subtract(group.edges, group.statementRole, upperBound(group.starts, to), group.starts.length);
      const { stampedStarts, stampedEnds, stampedStatements } = kind;
      for (let k = 0; k < stampedStarts.length; k++) {
        if (stampedStarts[k] > to || stampedEnds[k] < from || statementStamp[stampedStatements[k]] === stamp) continue;
        statementStamp[stampedStatements[k]] = stamp;
        statementCount++;
      }
    }
  }

  /** Rows an inside count scans for one type, and rows plus edges an outside count writes. */
  function insideCost(t: number, filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array): number {
    let cost = 0;
    for (let m = 0; m < MODALITY_COUNT; m++) {
      if (modalityMask[m] === 0) continue;
      for (const g of kinds[t * MODALITY_COUNT + m].groups) cost += upperBound(g.starts, filter.to) - lowerBound(g.starts, filter.from - g.maxLength);
    }
    return cost;
  }

  function outsideCost(t: number, filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array): number {
    let cost = typeEdges[t].length;
    for (let m = 0; m < MODALITY_COUNT; m++) {
      const kind = kinds[t * MODALITY_COUNT + m];
      if (modalityMask[m] === 0) {
        cost += kind.rowCount;
        continue;
      }
      cost += lowerBound(kind.ends, filter.from) + kind.stampedStarts.length;
      for (const g of kind.groups) cost += g.starts.length - upperBound(g.starts, filter.to);
    }
    return cost;
  }

  function update(filter: RelationFilter): FilterResult {
    undoPrevious();
    current = filter;
    visibleIsStale = true;
    const { from, to, typeMask } = filter;
    const { edgeCounts, nodeCounts } = result;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const { kinds } = layoutFor(!!filter.carryForward);
    const masking = !!(filter.rowMask || filter.edgeMask);
    if (masking) countMaskedKinds(filter, kinds);
    else countKinds(filter, kinds);
    visibleCount = 0;
    statementCount = 0;
    stamp++;
    if (from <= to) {
      for (let t = 0; t < typeCount; t++) {
        if (typeMask[t] === 0) continue;
        // Masks apply per row, so a masked filter always counts from the inside.
        if (!masking && outsideCost(t, filter, kinds, modalityMask) < insideCost(t, filter, kinds, modalityMask)) {
          countOutside(t, filter, kinds, modalityMask);
          continue;
        }
        for (let m = 0; m < MODALITY_COUNT; m++) {
          if (modalityMask[m] === 0) continue;
          for (const group of kinds[t * MODALITY_COUNT + m].groups) countInside(group, filter, masking);
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

  return { result, update, takeChangedEdges };
}
