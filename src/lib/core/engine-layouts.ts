/**
 * The filter engine's layouts, one per kind of ends (as attested, or carried forward), each built the
 * first time it is asked for, with the working arrays an update of that layout needs.
 */
import { layoutSearchOf, type LayoutSearch } from './day-bounds';
import type { EngineLayout } from './engine-layout';
import type { RelationIndex } from './relation-index';
import { buildSpanLayout, type SpanLayout } from './span-layout';

export interface LayoutEntry {
  layout: SpanLayout;
  /** Stamps by stamped-statement number (Tally.stampedStamp). */
  stamps: Int32Array;
  /** Room per kind for its groups' bounds in a window (insideCost). */
  bounds: Int32Array[];
  search: LayoutSearch;
}

function entryOf(layout: SpanLayout): LayoutEntry {
  return {
    layout,
    stamps: new Int32Array(layout.stampedCount),
    bounds: layout.kinds.map((kind) => new Int32Array(2 * kind.groups.length)),
    search: layoutSearchOf(layout.kinds),
  };
}

/** `prebuilt`: the attested layout the import worker built and posted, instead of sorting the rows here. */
export function engineLayoutsOf(index: RelationIndex, prebuilt?: EngineLayout): (carryForward: boolean) => LayoutEntry {
  const layouts = new Map<boolean, LayoutEntry>(prebuilt ? [[false, entryOf(prebuilt.attested)]] : []);
  return (carryForward) => {
    let entry = layouts.get(carryForward);
    if (!entry) layouts.set(carryForward, (entry = entryOf(buildSpanLayout(index, carryForward ? index.carriedEnds : index.ends))));
    return entry;
  };
}
