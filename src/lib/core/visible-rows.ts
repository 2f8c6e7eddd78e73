/**
 * Which rows are visible, worked out only when asked for: the renderer needs counts per edge and per
 * actor, so an update does not mark rows.
 */
import { ALL_MODALITIES, type RelationFilter } from './filter';
import { isMaskedRow } from './legend-counts';
import { lowerBound, upperBound } from './sorted-search';
import { MODALITY_COUNT, type SpanGroup, type SpanLayout } from './span-layout';

function* shownGroups(filter: RelationFilter, layout: SpanLayout): Generator<SpanGroup> {
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  for (let t = 0; t * MODALITY_COUNT < layout.kinds.length; t++) {
    if (filter.typeMask[t] === 0) continue;
    for (let m = 0; m < MODALITY_COUNT; m++) if (modalityMask[m] !== 0) yield* layout.kinds[t * MODALITY_COUNT + m].groups;
  }
}

export function markVisibleRows(filter: RelationFilter | null, layout: SpanLayout, visible: Uint8Array): void {
  visible.fill(0);
  if (!filter || filter.from > filter.to) return;
  const { from, to } = filter;
  const masking = !!(filter.rowMask || filter.edgeMask);
  for (const group of shownGroups(filter, layout)) {
    // The group's days are offsets from its dayBase.
    const fromDay = from - group.dayBase;
    const last = upperBound(group.starts, to - group.dayBase);
    for (let k = lowerBound(group.starts, fromDay - group.maxLength); k < last; k++) {
      if (group.ends[k] < fromDay || (masking && isMaskedRow(filter, group, k))) continue;
      visible[group.rows[k]] = 1;
    }
  }
}
