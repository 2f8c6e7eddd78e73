/**
 * Which rows are visible, worked out only when asked for: the renderer needs counts per edge and per
 * actor, so an update does not mark rows. When the marks in the array are of another window under the
 * same types and modalities (a slider move), only the rows in the strips between the two windows are
 * marked again, not every row the new window reaches: at a million rows a fresh marking was 1-5 ms.
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

/** The window an array's marks are of, under types and modalities copied (callers reuse their arrays); only unmasked markings are kept. */
interface Marked {
  layout: SpanLayout;
  from: number;
  to: number;
  typeMask: Uint8Array;
  modalityMask: Uint8Array;
}
const markedOf = new WeakMap<Uint8Array, Marked>();

/** The shortest span of each group, so the rows whose end lies in a strip are found by their start. */
const shortestOf = new WeakMap<SpanGroup, number>();
function shortestSpan(group: SpanGroup): number {
  let shortest = shortestOf.get(group);
  if (shortest === undefined) {
    shortest = group.maxLength;
    for (let k = 0; k < group.starts.length; k++) shortest = Math.min(shortest, group.ends[k] - group.starts[k]);
    shortestOf.set(group, shortest);
  }
  return shortest;
}

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] !== 0) !== (b[i] !== 0)) return false;
  return true;
};

/** Windows that do not overlap share no strip: marking afresh touches fewer rows. */
const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from <= b.to && b.from <= a.to;

export function markVisibleRows(filter: RelationFilter | null, layout: SpanLayout, visible: Uint8Array): void {
  const last = markedOf.get(visible);
  markedOf.delete(visible);
  if (!filter || filter.from > filter.to) {
    visible.fill(0);
    return;
  }
  const masking = !!(filter.rowMask || filter.edgeMask);
  const modalityMask = filter.modalityMask ?? ALL_MODALITIES;
  if (masking) markAfresh(filter, layout, visible, true);
  else if (last && last.layout === layout && overlaps(last, filter) && sameValues(last.typeMask, filter.typeMask) && sameValues(last.modalityMask, modalityMask)) moveMarks(filter, layout, visible, last);
  else markAfresh(filter, layout, visible, false);
  if (!masking) markedOf.set(visible, { layout, from: filter.from, to: filter.to, typeMask: Uint8Array.from(filter.typeMask), modalityMask: Uint8Array.from(modalityMask) });
}

function markAfresh(filter: RelationFilter, layout: SpanLayout, visible: Uint8Array, masking: boolean): void {
  visible.fill(0);
  const { from, to } = filter;
  for (const group of shownGroups(filter, layout)) {
    const last = upperBound(group.starts, to);
    for (let k = lowerBound(group.starts, from - group.maxLength); k < last; k++) {
      if (group.ends[k] < from || (masking && isMaskedRow(filter, group, k))) continue;
      visible[group.rows[k]] = 1;
    }
  }
}

/**
 * From the marks of `before` to those of `filter`, same types and modalities, no masks: a row changes only if
 * its start lies between the two ends of the windows or its end between their starts, and a row is visible
 * when it starts by the window's end and ends by its start. Rows of hidden types keep their 0.
 */
function moveMarks(filter: RelationFilter, layout: SpanLayout, visible: Uint8Array, before: { from: number; to: number }): void {
  const { from, to } = filter;
  const lowTo = Math.min(to, before.to);
  const highTo = Math.max(to, before.to);
  const lowFrom = Math.min(from, before.from);
  const highFrom = Math.max(from, before.from);
  for (const group of shownGroups(filter, layout)) {
    const { starts, ends, rows } = group;
    const mark = (first: number, last: number) => {
      for (let k = first; k < last; k++) visible[rows[k]] = starts[k] <= to && ends[k] >= from ? 1 : 0;
    };
    // Starts in (lowTo, highTo]: in one window's reach, not the other's.
    if (lowTo < highTo) mark(upperBound(starts, lowTo), upperBound(starts, highTo));
    // Ends in [lowFrom, highFrom): ending within one window, before the other; found by start, given the group's span lengths.
    if (lowFrom < highFrom) mark(lowerBound(starts, lowFrom - group.maxLength), lowerBound(starts, highFrom - shortestSpan(group)));
  }
}
