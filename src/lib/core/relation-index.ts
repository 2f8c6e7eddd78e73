/**
 * Arrays precomputed once per dataset so that a filter change is a single pass
 * over typed arrays: day spans (as attested, and carried forward to today),
 * type and modality indices, statements and the aggregated edge of every
 * relation row.
 */
import { parsePartialDate, relationSpan, type DaySpan } from './dates';
import { MODALITIES, type Dataset, type Modality } from './model';

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
  /** The same, with standing rows without end date carried forward to `today`, or to an end another row of the same relation gives. */
  carriedEnds: Int32Array;
  typeOf: Uint16Array;
  /** Index into MODALITIES of each row. */
  modalityOf: Uint8Array;
  /** Dense statement number of each row: rows of one source sharing a `statement` id share it, a row without one has its own. */
  statementOf: Int32Array;
  statementCount: number;
  edgeOf: Int32Array;
  edges: AggregatedEdge[];
  edgeSourceIndex: Int32Array;
  edgeTargetIndex: Int32Array;
  /** Relation rows of each edge, in dataset order. */
  edgeRelations: Int32Array[];
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
function capCarriedEnds(dataset: Dataset, typeOf: Uint16Array, starts: Int32Array, ends: Int32Array, carriedEnds: Int32Array, edgeRows: number[][]): void {
  const { relations, types } = dataset;
  for (const rows of edgeRows) {
    if (types[typeOf[rows[0]]].temporal !== 'state') continue;
    const stated = Int32Array.from(rows.filter((i) => relations[i].endDate).map((i) => ends[i])).sort();
    if (stated.length === 0) continue;
    for (const i of rows) {
      if (relations[i].endDate) continue;
      let lo = 0;
      let hi = stated.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (stated[mid] < starts[i]) lo = mid + 1;
        else hi = mid;
      }
      if (lo < stated.length) carriedEnds[i] = Math.max(ends[i], Math.min(carriedEnds[i], stated[lo]));
    }
  }
}

const MODALITY_INDEX = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));

export function modalityIndexOf(modality: Modality | '' | undefined): number {
  return MODALITY_INDEX.get(modality || 'asserted') ?? 0;
}

export function buildRelationIndex(dataset: Dataset, today: number): RelationIndex {
  const { relations, types, actors, sources } = dataset;
  const count = relations.length;
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  // A source attests what it reports through the last day of its publication date.
  const attestedThrough = new Map(sources.map((s) => [s.id, parsePartialDate(s.published)?.end ?? -Infinity]));
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const carriedEnds = new Int32Array(count);
  const typeOf = new Uint16Array(count);
  const modalityOf = new Uint8Array(count);
  const statementOf = new Int32Array(count);
  const statementByKey = new Map<string, number>();
  let statementCount = 0;
  const edgeOf = new Int32Array(count);
  const edges: AggregatedEdge[] = [];
  const edgeByKey = new Map<string, number>();
  const edgeRelationLists: number[][] = [];
  let extentStart = Infinity;
  let extentEnd = -Infinity;

  for (let i = 0; i < count; i++) {
    const relation = relations[i];
    const t = typeIndex.get(relation.type);
    if (t === undefined) throw new Error(`entente/relation-index: unknown relation type "${relation.type}" in ${relation.id}`);
    const temporal = types[t].temporal;
    const span = relationSpan(relation.date, relation.endDate, temporal, attestedThrough.get(relation.source) ?? -Infinity);
    const carried = relationSpan(relation.date, relation.endDate, temporal, today);
    if (!span || !carried) throw new Error(`entente/relation-index: invalid date in ${relation.id}`);
    starts[i] = span.start;
    ends[i] = span.end;
    carriedEnds[i] = Math.max(span.end, carried.end);
    typeOf[i] = t;
    modalityOf[i] = modalityIndexOf(relation.modality);
    if (relation.statement) {
      const key = `${relation.source}\u0000${relation.statement}`;
      let s = statementByKey.get(key);
      if (s === undefined) statementByKey.set(key, (s = statementCount++));
      statementOf[i] = s;
    } else statementOf[i] = statementCount++;
    extentStart = Math.min(extentStart, span.start);
    extentEnd = Math.max(extentEnd, span.end);
  }

  // Edges are numbered in order of their first row in time, so rows close in time count into
  // edges close in memory: the filter engine's per-row increments then mostly hit the cache.
  const byStart = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
  for (const i of byStart) {
    const relation = relations[i];
    const type = types[typeOf[i]];
    const key = aggregatedEdgeKey(relation.subject, relation.object, type.id, type.directed);
    let e = edgeByKey.get(key);
    if (e === undefined) {
      e = edges.length;
      edgeByKey.set(key, e);
      const forward = type.directed || relation.subject < relation.object;
      edges.push({
        key,
        source: forward ? relation.subject : relation.object,
        target: forward ? relation.object : relation.subject,
        type: type.id,
        directed: type.directed,
      });
      edgeRelationLists.push([]);
    }
    edgeOf[i] = e;
  }
  for (let i = 0; i < count; i++) edgeRelationLists[edgeOf[i]].push(i);
  // Statements, like edges, are numbered by their first row in time, so the engine's per-row statement stamps stay close in memory.
  const renumbered = new Int32Array(statementCount).fill(-1);
  let nextStatement = 0;
  for (const i of byStart) if (renumbered[statementOf[i]] < 0) renumbered[statementOf[i]] = nextStatement++;
  for (let i = 0; i < count; i++) statementOf[i] = renumbered[statementOf[i]];
  capCarriedEnds(dataset, typeOf, starts, ends, carriedEnds, edgeRelationLists);

  const edgeSourceIndex = new Int32Array(edges.length);
  const edgeTargetIndex = new Int32Array(edges.length);
  edges.forEach((edge, e) => {
    const s = actorIndex.get(edge.source);
    const t = actorIndex.get(edge.target);
    if (s === undefined || t === undefined) throw new Error(`entente/relation-index: unknown actor in edge ${edge.key}`);
    edgeSourceIndex[e] = s;
    edgeTargetIndex[e] = t;
  });

  return {
    dataset,
    today,
    relationCount: count,
    typeIds: types.map((t) => t.id),
    actorIds: actors.map((a) => a.id),
    starts,
    ends,
    carriedEnds,
    typeOf,
    modalityOf,
    statementOf,
    statementCount,
    edgeOf,
    edges,
    edgeSourceIndex,
    edgeTargetIndex,
    edgeRelations: edgeRelationLists.map((list) => Int32Array.from(list)),
    extent: count > 0 ? { start: extentStart, end: extentEnd } : { start: today, end: today },
  };
}
