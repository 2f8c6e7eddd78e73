/**
 * The legend's counts: rows per type in the window (of a shown modality) and per modality (of a shown
 * type), whether or not the type or modality itself is shown.
 */
import type { LayoutSearch } from './day-bounds';
import { ALL_MODALITIES, type FilterResult, type RelationFilter } from './filter';
import { lowerBound, upperBound } from './sorted-search';
import { MODALITY_COUNT, type Kind, type SpanGroup } from './span-layout';

type LegendCounts = Pick<FilterResult, 'typeCountsInWindow' | 'modalityCountsInWindow'>;

/** Zeroes the legend's counts; false when the window is empty, so there is nothing to count. */
function clearLegendCounts(filter: RelationFilter, into: LegendCounts): boolean {
  into.typeCountsInWindow.fill(0);
  into.modalityCountsInWindow.fill(0);
  return filter.from <= filter.to;
}

/**
 * From sorted starts and ends alone: a span ending before `from` also starts before `to`, so rows in the window
 * = (start ≤ to) − (end < from). The starts are those of the kind's groups, each sorted: a sorted copy of them
 * per kind cost 4 bytes a row (4 MB at a million rows) for a few hundred binary searches less per update.
 * `search` holds the layout's bucketed searches of those group starts and the kinds' ends (day-bounds.ts).
 */
export function countLegend(filter: RelationFilter, kinds: Kind[], into: LegendCounts, search: LayoutSearch): void {
  const { from, to, typeMask } = filter;
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  const { typeCountsInWindow, modalityCountsInWindow } = into;
  if (!clearLegendCounts(filter, into)) return;
  for (let t = 0; t < typeCountsInWindow.length; t++) {
    for (let m = 0; m < MODALITY_COUNT; m++) {
      const k = t * MODALITY_COUNT + m;
      const kind = kinds[k];
      if (kind.rowCount === 0) continue;
      let n = -search.kindEnds.lower(k, kind.ends, from);
      const first = search.firstGroup[k];
      for (let j = 0; j < kind.groups.length; j++) n += search.groupStarts.upper(first + j, kind.groups[j].starts, to);
      if (modalityMask[m]) typeCountsInWindow[t] += n;
      if (typeMask[t]) modalityCountsInWindow[m] += n;
    }
  }
}

export function isMaskedRow(filter: RelationFilter, group: SpanGroup, k: number): boolean {
  const { rowMask, edgeMask } = filter;
  return (rowMask !== undefined && rowMask[group.rows[k]] === 0) || (edgeMask !== undefined && edgeMask[group.edges[k] + group.edgeBase] === 0);
}

/**
 * With a row or edge mask, masked rows count nowhere, so the legend cannot come from sorted starts and
 * ends: every candidate row of every type is checked instead.
 */
export function countMaskedLegend(filter: RelationFilter, kinds: Kind[], into: LegendCounts): void {
  const { from, to, typeMask } = filter;
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  const { typeCountsInWindow, modalityCountsInWindow } = into;
  if (!clearLegendCounts(filter, into)) return;
  for (const kind of kinds) {
    for (const group of kind.groups) {
      // The group's days are offsets from its dayBase.
      const last = upperBound(group.starts, to - group.dayBase);
      const m = group.modality;
      for (let k = lowerBound(group.starts, from - group.dayBase - group.maxLength); k < last; k++) {
        if (group.ends[k] < from - group.dayBase || isMaskedRow(filter, group, k)) continue;
        if (modalityMask[m]) typeCountsInWindow[group.type]++;
        if (typeMask[group.type]) modalityCountsInWindow[m]++;
      }
    }
  }
}
