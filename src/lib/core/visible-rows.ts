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

/**
 * Whether the filter shows every row of the layout: no masks, and every kind with rows shown and inside
 * the window, as in the state the app opens in. Then marking is one fill, not a pass through the groups
 * (at a million rows, a pass that held the sources legend's first count for 20-40 ms).
 */
function showsEveryRow(filter: RelationFilter, layout: SpanLayout, rows: number): boolean {
  if (filter.rowMask || filter.edgeMask) return false;
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  let held = 0;
  for (let k = 0; k < layout.kinds.length; k++) {
    const kind = layout.kinds[k];
    if (kind.rowCount === 0) continue;
    const shown = filter.typeMask[Math.floor(k / MODALITY_COUNT)] !== 0 && modalityMask[k % MODALITY_COUNT] !== 0;
    if (!shown || filter.from > kind.minStart || filter.to < kind.maxEnd) return false;
    held += kind.rowCount;
  }
  return held === rows;
}

export function markVisibleRows(filter: RelationFilter | null, layout: SpanLayout, visible: Uint8Array): void {
  if (filter && showsEveryRow(filter, layout, visible.length)) {
    visible.fill(1);
    return;
  }
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
