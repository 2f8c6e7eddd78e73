/**
 * The filter engine used on every slider move. It gives the same result as filterRelations (the
 * reference full scan) but touches only a fraction of the rows. Every aggregated edge has one type, so
 * each shown type is counted on its own, from inside the window or from outside it, whichever touches
 * fewer rows (window-counts.ts). When every type is shown and counted from outside, as over the whole
 * period (the state the app opens in), the full counts are copied as a block and what lies outside is
 * taken away: nothing, over the whole period. The legend's counts come from sorted starts and ends
 * (legend-counts.ts). Carrying standing relations forward changes the ends, so it has its own layout,
 * built the first time it is asked for. A window moved a little (a slider dragged) with the same types,
 * modalities and ends is counted from the previous counts, through the rows between the old and the new
 * bounds (window-moves.ts), when that touches fewer rows. Otherwise the previous result is undone,
 * edge by edge when it touched few edges, as a block when it touched many. The edges undone or counted since the renderer
 * last asked are kept (edge-changes.ts), so its display update scales with what changed.
 */
import { ALL_MODALITIES, type FilterResult, type RelationFilter } from './filter';
import type { RelationIndex } from './relation-index';
import type { LayoutSearch } from './day-bounds';
import { createEdgeChanges } from './edge-changes';
import type { EngineLayout } from './engine-layout';
import { engineLayoutsOf } from './engine-layouts';
import { copyTypeFullCounts, edgeTotalsOf } from './edge-totals';
import { countLegend, countMaskedLegend } from './legend-counts';
import { MODALITY_COUNT, type Kind } from './span-layout';
import { markVisibleRows } from './visible-rows';
import { addAllEdgesToActors, addListedEdgesToActors } from './node-counts';
import { countFloor, countInside, countInsideMasked, countStampedInWindow, holdsAll, insideCost, outsideCost, subtractOutside, createTally } from './window-counts';
import { canMoveFrom, clearDropped, createCountedWindow, createMoveState, moveCost, moveWindow, rememberCounted, type CountedWindow } from './window-moves';

export interface FilterEngine {
  readonly result: FilterResult;
  update(filter: RelationFilter): FilterResult;
  /**
   * The aggregated edges whose count may have changed since the last call (a superset, without repeats);
   * the first call lists every edge counted so far. Read-only, and valid until the next call, which reuses its buffer.
   */
  takeChangedEdges(): Int32Array;
}

export { buildEngineLayout, engineLayoutBuffers, type EngineLayout } from './engine-layout';

/** `prebuilt`: the layout the import worker built and posted (engine-layout.ts), instead of sorting the rows here. */
export function createFilterEngine(index: RelationIndex, prebuilt?: EngineLayout): FilterEngine {
  const typeCount = index.typeIds.length;
  const layoutEntry = engineLayoutsOf(index, prebuilt);
  layoutEntry(false);
  const totals = prebuilt?.totals ?? edgeTotalsOf(index);
  const { typeEdgeCounts, typeRanges, fullCounts, fullNodeCounts } = totals;
  const { edgeSourceIndex, edgeTargetIndex, statementCount: allStatements } = index;
  const edgeCount = fullCounts.length;
  // The result's arrays but `visible`, made when first read: a byte a row (1 MB at a million rows) that an update does not need.
  const counts = {
    typeCountsInWindow: new Int32Array(typeCount),
    modalityCountsInWindow: new Int32Array(MODALITY_COUNT),
    edgeCounts: new Int32Array(index.edges.length),
    nodeCounts: new Int32Array(index.actorIds.length),
  };
  let visible: Uint8Array | null = null;
  const changes = createEdgeChanges(edgeCount);
  const tally = createTally(counts, edgeCount, index.statementCount, index.statementOf);
  // Set when the current counts came from copying every edge's full count: then every edge is touched.
  let touchedAll = false;
  // Set while tally.touched[0, touchedCount) is exactly the edges with a count, each once, as after counting every type from
  // inside: then a take needs no deduplication (edge-changes.ts). Not after types scattered in from outside (they list edges
  // at 0) or a move (it keeps edges it brought to 0).
  let touchedExact = true;
  // The touched edges already handed to the renderer, so a move hands over only what it changed.
  let reportedTouched = 0;
  let reportedAll = false;
  const moves = createMoveState(edgeCount, edgeSourceIndex, edgeTargetIndex);
  const countedState = createCountedWindow(typeCount);
  let counted: CountedWindow | null = null;
  let current: RelationFilter | null = null;
  let visibleIsStale = true;
  // The current layout's groups' bounds in the window, noted by chooseDirections for the count.
  let bounds: Int32Array[] = [];
  let search: LayoutSearch = layoutEntry(false).search;
  // Per type: count from outside the window (1) or from inside (0), chosen afresh by each update.
  const fromOutside = new Uint8Array(typeCount);
  // The types whose edges may hold a count (those shown at the last count), and where each type's edges lie.
  const countedTypes = new Uint8Array(typeCount);

  const result: FilterResult = {
    get visible() {
      visible ??= new Uint8Array(index.relationCount);
      if (visibleIsStale) markVisibleRows(current, layoutEntry(!!current?.carryForward).layout, visible);
      visibleIsStale = false;
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

  /**
   * Clears the previous counts: edge by edge when it touched few edges, as blocks when it touched many,
   * one block per type it counted (edges are numbered by type), since only those hold counts.
   */
  function undoPrevious(): void {
    const { edgeCounts, nodeCounts } = result;
    const { touched, touchedCount } = tally;
    changes.note(touched, touchedCount, touchedAll, touchedExact);
    if (touchedAll || !typeRanges) edgeCounts.fill(0);
    else if (touchedCount * 8 > edgeCount) {
      for (let t = 0; t < typeCount; t++) if (countedTypes[t] !== 0) edgeCounts.fill(0, typeRanges[t], typeRanges[t + 1]);
    } else for (let k = 0; k < touchedCount; k++) edgeCounts[touched[k]] = 0;
    if (touchedAll || nodeCounts.length <= 2 * touchedCount) nodeCounts.fill(0);
    else {
      for (let k = 0; k < touchedCount; k++) {
        nodeCounts[edgeSourceIndex[touched[k]]] = 0;
        nodeCounts[edgeTargetIndex[touched[k]]] = 0;
      }
    }
    tally.touchedCount = 0;
    touchedAll = false;
    touchedExact = true;
    reportedTouched = 0;
    reportedAll = false;
    clearDropped(moves);
  }

  function takeChangedEdges(): Int32Array {
    const taken = changes.take(tally.touched, reportedTouched, tally.touchedCount, touchedAll && !reportedAll, touchedExact ? result.edgeCounts : undefined);
    reportedTouched = tally.touchedCount;
    reportedAll = touchedAll;
    return taken;
  }

  /** Chooses, per shown type, the cheaper way to count; returns the rows and edges that costs. */
  function chooseDirections(filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array): number {
    const { from, to, typeMask } = filter;
    let cost = 0;
    for (let t = 0; t < typeCount; t++) {
      fromOutside[t] = 0;
      if (typeMask[t] === 0) continue;
      const inside = insideCost(kinds, t, from, to, modalityMask, bounds, search);
      const outside = outsideCost(kinds, t, from, modalityMask, bounds, search) + typeEdgeCounts[t];
      fromOutside[t] = outside <= inside ? 1 : 0;
      cost += Math.min(outside, inside);
    }
    return cost;
  }

  const allFromOutside = (typeMask: Uint8Array) => fromOutside.every((outside, t) => outside === 1 && typeMask[t] !== 0);

  /** Every type from outside: the full counts copied as one block, then what lies outside taken away. */
  function countAllFromOutside(filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array): void {
    const { from, to } = filter;
    result.edgeCounts.set(fullCounts);
    touchedAll = true;
    touchedExact = false;
    let everything = true;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[k];
      const shown = modalityMask[k % MODALITY_COUNT] !== 0;
      if (kind.rowCount === 0) continue;
      if (shown && holdsAll(kind, from, to)) {
        tally.rows += kind.rowCount;
        tally.heads += kind.heads;
      } else {
        subtractOutside(kinds, k, from, to, shown, tally, bounds[k], search);
        everything = false;
      }
    }
    if (everything) {
      // Every row is in the window: each statement once (at its head, or stamped), each actor with its full count.
      tally.stamped = allStatements - tally.heads;
      result.nodeCounts.set(fullNodeCounts);
      return;
    }
    for (let k = 0; k < kinds.length; k++) {
      if (modalityMask[k % MODALITY_COUNT] !== 0 && kinds[k].rowCount > 0 && holdsAll(kinds[k], from, to)) countStampedInWindow(kinds[k], from, to, tally);
    }
    addAllEdgesToActors(result.edgeCounts, result.nodeCounts, edgeSourceIndex, edgeTargetIndex);
  }

  /** One type from outside: its edges' full counts scattered in, then what lies outside taken away, then its actors counted. */
  function countTypeFromOutside(t: number, filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array): void {
    const { edgeCounts } = result;
    const first = tally.touchedCount;
    touchedExact = false;
    tally.touchedCount += copyTypeFullCounts(totals, t, edgeCounts, tally.touched, first);
    for (let m = 0; m < MODALITY_COUNT; m++) subtractOutside(kinds, t * MODALITY_COUNT + m, filter.from, filter.to, modalityMask[m] !== 0, tally, bounds[t * MODALITY_COUNT + m], search);
    addListedEdgesToActors(tally.touched, first, tally.touchedCount, result.edgeCounts, result.nodeCounts, edgeSourceIndex, edgeTargetIndex);
  }

  function countTypeFromInside(t: number, filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array, masking: boolean): void {
    for (let m = 0; m < MODALITY_COUNT; m++) {
      if (modalityMask[m] === 0) continue;
      const { groups } = kinds[t * MODALITY_COUNT + m];
      const b = bounds[t * MODALITY_COUNT + m];
      const g0 = search.firstGroup[t * MODALITY_COUNT + m];
      for (let j = 0; j < groups.length; j++) {
        if (masking) {
          countInsideMasked(groups[j], filter, tally);
          continue;
        }
        const first = b[2 * j];
        const last = b[2 * j + 1];
        const sure = Math.max(first, Math.min(last, search.groupStarts.lower(g0 + j, groups[j].starts, filter.from)));
        countInside(groups[j], filter.from, tally, first, sure, last);
      }
    }
  }

  function countWindow(filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array, masking: boolean): void {
    // Masks apply per row, so a masked filter always counts from the inside.
    if (!masking && allFromOutside(filter.typeMask)) {
      countAllFromOutside(filter, kinds, modalityMask);
      return;
    }
    for (let t = 0; t < typeCount; t++) {
      if (filter.typeMask[t] === 0) continue;
      if (!masking && fromOutside[t]) countTypeFromOutside(t, filter, kinds, modalityMask);
      else countTypeFromInside(t, filter, kinds, modalityMask, masking);
    }
  }

  /**
   * Whether to move the current counts to the filter rather than count afresh: when the strips cost less than half
   * a count afresh. Leaves chooseDirections' choices made whenever the answer is no and a count afresh needs them.
   */
  function shouldMove(filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array, masking: boolean): boolean {
    const fresh = !masking && filter.from <= filter.to;
    if (!canMoveFrom(counted, filter, modalityMask)) {
      if (fresh) chooseDirections(filter, kinds, modalityMask);
      return false;
    }
    const strips = 2 * moveCost(kinds, filter, modalityMask, counted!, search);
    // A drag's strips are mostly far fewer rows than the floor of any count afresh, which the legend's counts
    // give: then the count's own costs (a few hundred searches, cold after a frame) are not needed.
    if (strips < Math.min(countFloor(kinds, filter.typeMask, modalityMask, result.typeCountsInWindow, typeEdgeCounts), edgeCount)) return true;
    return strips < Math.min(fresh ? chooseDirections(filter, kinds, modalityMask) : Infinity, edgeCount);
  }

  /** Counts the filter afresh, or moves the current counts to it when that touches fewer rows. */
  function count(filter: RelationFilter, kinds: Kind[], modalityMask: Uint8Array, masking: boolean): void {
    const movable = canMoveFrom(counted, filter, modalityMask);
    if (shouldMove(filter, kinds, modalityMask, masking)) {
      moves.touchedAll = touchedAll;
      touchedExact = false;
      moveWindow(kinds, filter, modalityMask, counted!, tally, moves, search);
      changes.note(moves.moved, moves.movedCount, false);
    } else {
      undoPrevious();
      // A type the mask does not reach counts as shown, as everywhere here.
      for (let t = 0; t < typeCount; t++) countedTypes[t] = filter.typeMask[t] === 0 ? 0 : 1;
      tally.rows = 0;
      tally.heads = 0;
      tally.stamped = 0;
      if (filter.from <= filter.to) countWindow(filter, kinds, modalityMask, masking);
    }
    // A move needs the touched list to hold every edge with a count exactly once: true of scans and whole copies, not of types scattered in from outside.
    const exact = !masking && filter.from <= filter.to && (touchedAll || fromOutside.every((outside, t) => outside === 0 || filter.typeMask[t] === 0) || movable);
    counted = exact && filter.typeMask.length === typeCount ? rememberCounted(countedState, filter, modalityMask) : null;
  }

  function update(filter: RelationFilter): FilterResult {
    current = filter;
    visibleIsStale = true;
    const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
    const entry = layoutEntry(!!filter.carryForward);
    const { layout, stamps } = entry;
    bounds = entry.bounds;
    search = entry.search;
    const { kinds } = layout;
    tally.stampedStamp = stamps;
    const masking = !!(filter.rowMask || filter.edgeMask);
    if (masking) countMaskedLegend(filter, kinds, result);
    else countLegend(filter, kinds, result, search);
    tally.stamp++;
    count(filter, kinds, modalityMask, masking);
    result.visibleCount = tally.rows;
    result.visibleStatementCount = tally.heads + tally.stamped;
    return result;
  }

  return { result, update, takeChangedEdges };
}
