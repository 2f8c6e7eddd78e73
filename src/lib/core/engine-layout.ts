/**
 * What createFilterEngine builds first, the rows sorted by kind and span length and every edge's and
 * actor's full count, made of typed arrays only, so that the import worker can build it and post it: at a
 * million rows, sorting them on the main thread held the page for seconds, and the full counts, a pass
 * over every row, 40-75 ms in the task that shows the first result.
 */
import { edgeTotalsOf, type EdgeTotals } from './edge-totals';
import type { RelationIndex } from './relation-index';
import { buildSpanLayout, type SpanLayout } from './span-layout';

export interface EngineLayout {
  /** The layout of spans as attested; the carried-forward one is built when first asked for. */
  attested: SpanLayout;
  /** Only read by the engines, so the explorer's and the facet counts' engines share them. */
  totals: EdgeTotals;
}

export function buildEngineLayout(index: RelationIndex): EngineLayout {
  return {
    attested: buildSpanLayout(index, index.ends),
    totals: edgeTotalsOf(index),
  };
}

/** The buffers of a layout, to transfer rather than copy. */
export function engineLayoutBuffers(layout: EngineLayout): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const collect = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(layout);
  return [...buffers];
}
