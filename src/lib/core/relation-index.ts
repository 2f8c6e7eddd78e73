/**
 * Arrays precomputed once per dataset so that a filter change is a single pass
 * over typed arrays: day spans (as attested, and carried forward to today),
 * type and modality indices, statements and the aggregated edge of every
 * relation row.
 */
import { parsePartialDate, type DaySpan } from './dates';
import { MODALITIES, type Dataset, type Modality } from './model';
import { endsArrayOf, NO_END_DATE, relationColumnsOf, type RelationColumns } from './relation-columns';
import { lastDayOfStart } from './text-ranges';
import { edgeAt, prebuiltIndexOf } from './relation-index-pack';
import { lazyArray } from './lazy-array';
import { rowsByStart } from './index-order';
import { edgesOfRows } from './edge-grouping';

/** Relation rows of one type between one pair of actors, drawn as a single edge. */
export interface AggregatedEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
}

export interface RelationIndex {
  dataset: Dataset;
  today: number;
  relationCount: number;
  typeIds: string[];
  actorIds: string[];
  starts: Int32Array;
  /** Last day of each row as its source attests it: a standing row without end date holds through its source's publication date. */
  ends: Int32Array;
  /**
   * The same, with standing rows without end date carried forward to `today`, or to an end another row of the
   * same relation gives. Worked out when first read (withCarriedEnds): only carrying forward needs it, and at a
   * million rows it is 4 MB the page held, and the worker posted, whether or not anyone carried anything forward.
   */
  carriedEnds: Int32Array;
  typeOf: Uint16Array;
  /** Index into MODALITIES of each row. */
  modalityOf: Uint8Array;
  /** Dense statement number of each row: rows of one source sharing a `statement` id share it, a row without one has its own. */
  statementOf: Int32Array;
  statementCount: number;
  /** Aggregated edge of each row. Edges are numbered by type (in the dataset's type order), then by their first row in time: exports list them so. */
  edgeOf: Int32Array;
  /** Made when read, from edgeTypeOf, edgeSourceIndex and edgeTargetIndex. */
  edges: AggregatedEdge[];
  edgeTypeOf: Uint16Array;
  edgeSourceIndex: Int32Array;
  edgeTargetIndex: Int32Array;
  /** Relation rows of each edge, in dataset order: views into edgeRows, made when read. */
  edgeRelations: Int32Array[];
  /** All rows grouped by edge: those of edge e are edgeRows[edgeRowStart[e]] up to edgeRows[edgeRowStart[e + 1]]. */
  edgeRows: Int32Array;
  edgeRowStart: Int32Array;
  /** The rows as columns, for code that reads every row (counts, search) without making row objects. */
  columns: RelationColumns;
  /** From the earliest start to the latest attested day; carrying states forward does not stretch it to today. */
  extent: DaySpan;
}

export function aggregatedEdgeKey(subject: string, object: string, type: string, directed: boolean): string {
  if (directed || subject < object) return `${type}:${subject}>${object}`;
  return `${type}:${object}>${subject}`;
}

/**
 * Carried forward, a standing row holds until today, unless another row of the same relation
 * (same subject, object and type) says it ended: then it stops at the first such end on or
 * after its start. One source's "outgoing Secretary General" ends his term; another source
 * from his first year does not carry him into the next decade.
 */
function capCarriedEnds(columns: RelationColumns, isState: Uint8Array, edgeTypeOf: Uint16Array, edgeRows: Int32Array, edgeRowStart: Int32Array, starts: Int32Array, ends: Int32Array, carriedEnds: Int32Array): void {
  const precision = columns.precision;
  let stated = new Int32Array(16);
  for (let e = 0; e < edgeTypeOf.length; e++) {
    if (!isState[edgeTypeOf[e]]) continue;
    const from = edgeRowStart[e];
    const to = edgeRowStart[e + 1];
    let n = 0;
    for (let k = from; k < to; k++) {
      const i = edgeRows[k];
      if (precision[i] >> 2 === NO_END_DATE) continue;
      if (n === stated.length) {
        const grown = new Int32Array(n * 2);
        grown.set(stated);
        stated = grown;
      }
      stated[n++] = ends[i];
    }
    if (n === 0) continue;
    const sorted = stated.subarray(0, n).sort();
    for (let k = from; k < to; k++) {
      const i = edgeRows[k];
      if (precision[i] >> 2 !== NO_END_DATE) continue;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < starts[i]) lo = mid + 1;
        else hi = mid;
      }
      if (lo < n) carriedEnds[i] = Math.max(ends[i], Math.min(carriedEnds[i], sorted[lo]));
    }
  }
}

const MODALITY_INDEX = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));

export function modalityIndexOf(modality: Modality | '' | undefined): number {
  return MODALITY_INDEX.get(modality || 'asserted') ?? 0;
}

function sameIds(a: readonly string[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i].id) return false;
  return true;
}

export function buildRelationIndex(dataset: Dataset, today: number): RelationIndex {
  const ready = prebuiltIndexOf(dataset);
  if (ready && ready.today === today) return ready;
  const { types, actors, sources } = dataset;
  let columns = relationColumnsOf(dataset);
  if (!sameIds(columns.typeIds, types) || !sameIds(columns.actorIds, actors)) {
    // The dataset was re-assembled around the rows of another one: number its ids afresh.
    columns = relationColumnsOf({ ...dataset, relations: dataset.relations.slice() });
  }
  const count = columns.count;
  const actorCount = actors.length;
  // A source attests what it reports through the last day of its publication date.
  const publishedEnd = new Map(sources.map((s) => [s.id, parsePartialDate(s.published)?.end ?? -Infinity]));
  const attestedThrough = Float64Array.from(columns.sourceIds, (id) => publishedEnd.get(id) ?? -Infinity);
  const isState = Uint8Array.from(types, (t) => (t.temporal === 'state' ? 1 : 0));
  const isDirected = Uint8Array.from(types, (t) => (t.directed ? 1 : 0));
  const { dateStart, endDateEnd, precision, source, subject, object, type: typeOf, modality: modalityOf, statement } = columns;

  // A span starts on the first day of its date, always: the column serves as is.
  const starts = dateStart;
  const ends = endsArrayOf(columns);
  let extentStart = Infinity;
  let extentEnd = -Infinity;
  let lastStart = -Infinity;
  // The last day of a year or month date, from its first day and precision, worked out once per day in a flat
  // table (four slots a day, one per precision code) rather than per row; a Map by date cost more than the sum.
  let minStart = 0;
  let maxStart = -1;
  for (let i = 0; i < count; i++) {
    const start = dateStart[i];
    if (i === 0 || start < minStart) minStart = start;
    if (i === 0 || start > maxStart) maxStart = start;
  }
  const lastDays = maxStart - minStart < 2 * count + 100_000 ? new Int32Array((maxStart - minStart + 1) * 4) : null;
  for (let i = 0; i < count; i++) {
    const start = dateStart[i];
    const p = precision[i];
    let end: number;
    if (p >> 2 !== NO_END_DATE) end = endDateEnd[i];
    else {
      let dateEnd: number;
      if ((p & 3) === 2) dateEnd = start;
      else if (lastDays === null) dateEnd = lastDayOfStart(start, p & 3);
      else {
        // Held as days past minStart, plus one: 0 is a slot not worked out yet.
        const slot = (start - minStart) * 4 + (p & 3);
        const held = lastDays[slot];
        if (held !== 0) dateEnd = minStart + held - 1;
        else lastDays[slot] = (dateEnd = lastDayOfStart(start, p & 3)) - minStart + 1;
      }
      end = isState[typeOf[i]] ? Math.max(dateEnd, attestedThrough[source[i]]) : dateEnd;
    }
    ends[i] = end;
    if (start < extentStart) extentStart = start;
    if (start > lastStart) lastStart = start;
    if (end > extentEnd) extentEnd = end;
  }

  // Actors in the order of their ids, so that an undirected edge runs from the id that sorts first.
  const rank = new Int32Array(actorCount);
  Int32Array.from({ length: actorCount }, (_, a) => a)
    .sort((a, b) => (actors[a].id < actors[b].id ? -1 : actors[a].id > actors[b].id ? 1 : 0))
    .forEach((a, r) => (rank[a] = r));

  // Edges are numbered by type, then in order of their first row in time (edge-grouping.ts), so
  // rows close in time count into edges close in memory: the filter engine's per-row increments then mostly hit the cache.
  const byStart = rowsByStart(starts, extentStart, lastStart);
  const { edgeOf, edgeTypeOf, edgeSourceIndex, edgeTargetIndex } = edgesOfRows({ byStart, typeOf, subject, object, isDirected, rank, actorCount, typeCount: types.length });
  const edgeCount = edgeTypeOf.length;

  // Rows of each edge, in dataset order, as one array: a typed array per edge cost 100 bytes of header each.
  const edgeRowStart = new Int32Array(edgeCount + 1);
  for (let i = 0; i < count; i++) edgeRowStart[edgeOf[i] + 1]++;
  for (let e = 0; e < edgeCount; e++) edgeRowStart[e + 1] += edgeRowStart[e];
  const edgeRows = new Int32Array(count);
  const fill = edgeRowStart.slice(0, edgeCount);
  for (let i = 0; i < count; i++) edgeRows[fill[edgeOf[i]]++] = i;

  // Statements, like edges, are numbered by their first row in time, so the engine's per-row statement stamps stay close in memory.
  // Rows with a statement id share its number; a row without one is a statement of its own.
  const statementOf = new Int32Array(count);
  const renumbered = new Int32Array(columns.statementIds.count).fill(-1);
  let statementCount = 0;
  for (let k = 0; k < count; k++) {
    const i = byStart[k];
    const s = statement[i];
    if (s < 0) statementOf[i] = statementCount++;
    else {
      if (renumbered[s] < 0) renumbered[s] = statementCount++;
      statementOf[i] = renumbered[s];
    }
  }

  const typeIds = types.map((t) => t.id);
  const actorIds = actors.map((a) => a.id);
  const edges = lazyArray<AggregatedEdge>(edgeCount, (e) => edgeAt(types, actors, edgeTypeOf[e], edgeSourceIndex[e], edgeTargetIndex[e]));
  const edgeRelations = lazyArray(edgeCount, (e) => edgeRows.subarray(edgeRowStart[e], edgeRowStart[e + 1]));

  return withCarriedEnds({
    dataset,
    today,
    relationCount: count,
    typeIds,
    actorIds,
    starts,
    ends,
    typeOf,
    modalityOf,
    statementOf,
    statementCount,
    edgeOf,
    edges,
    edgeTypeOf,
    edgeSourceIndex,
    edgeTargetIndex,
    edgeRelations,
    edgeRows,
    edgeRowStart,
    columns,
    extent: count > 0 ? { start: extentStart, end: extentEnd } : { start: today, end: today },
  });
}

/**
 * The carried-forward ends: a standing row without end date holds until `today` (or its attested end, if later),
 * then capped by the ends other rows of its relation give (capCarriedEnds); every other row ends as attested.
 */
function carriedEndsOf(index: Omit<RelationIndex, 'carriedEnds'>): Int32Array {
  const { columns, ends, today, starts, edgeTypeOf, edgeRows, edgeRowStart } = index;
  const isState = Uint8Array.from(index.dataset.types, (t) => (t.temporal === 'state' ? 1 : 0));
  const { precision, type: typeOf } = columns;
  const carriedEnds = new Int32Array(index.relationCount);
  for (let i = 0; i < carriedEnds.length; i++) {
    carriedEnds[i] = precision[i] >> 2 === NO_END_DATE && isState[typeOf[i]] ? Math.max(ends[i], today) : ends[i];
  }
  capCarriedEnds(columns, isState, edgeTypeOf, edgeRows, edgeRowStart, starts, ends, carriedEnds);
  return carriedEnds;
}

/**
 * `index` with carriedEnds worked out on first read, then kept. An own, enumerable property, so that an index
 * spread into another (rollup.ts) carries it; packRelationIndex leaves it out without reading it.
 */
export function withCarriedEnds(index: Omit<RelationIndex, 'carriedEnds'>): RelationIndex {
  return Object.defineProperty(index, 'carriedEnds', {
    configurable: true,
    enumerable: true,
    get(this: RelationIndex) {
      const value = carriedEndsOf(this);
      Object.defineProperty(this, 'carriedEnds', { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
  }) as RelationIndex;
}

/** An index as a worker posts it: everything but the dataset and the lazy arrays, which are rebuilt on arrival. */
