/**
 * Arrays precomputed once per dataset so that a filter change is a single pass
 * over typed arrays: day spans, type indices and the aggregated edge of every
 * relation row.
 */
import { parsePartialDate, relationSpan, type DaySpan } from './dates';
import type { Dataset } from './model';

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
  ends: Int32Array;
  typeOf: Uint16Array;
  edgeOf: Int32Array;
  edges: AggregatedEdge[];
  edgeSourceIndex: Int32Array;
  edgeTargetIndex: Int32Array;
  /** Relation rows of each edge, in dataset order. */
  edgeRelations: Int32Array[];
  /** From the earliest start to the latest date written down; open-ended states do not stretch it to today. */
  extent: DaySpan;
}

export function aggregatedEdgeKey(subject: string, object: string, type: string, directed: boolean): string {
  if (directed || subject < object) return `${type}:${subject}>${object}`;
  return `${type}:${object}>${subject}`;
}

export function buildRelationIndex(dataset: Dataset, today: number): RelationIndex {
  const { relations, types, actors } = dataset;
  const count = relations.length;
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const typeOf = new Uint16Array(count);
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
    const span = relationSpan(relation.date, relation.endDate, types[t].temporal, today);
    if (!span) throw new Error(`entente/relation-index: invalid date in ${relation.id}`);
    starts[i] = span.start;
    ends[i] = span.end;
    typeOf[i] = t;
    extentStart = Math.min(extentStart, span.start);
    const written = relation.endDate ? parsePartialDate(relation.endDate)! : parsePartialDate(relation.date)!;
    extentEnd = Math.max(extentEnd, written.end);
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
    typeOf,
    edgeOf,
    edges,
    edgeSourceIndex,
    edgeTargetIndex,
    edgeRelations: edgeRelationLists.map((list) => Int32Array.from(list)),
    extent: count > 0 ? { start: extentStart, end: extentEnd } : { start: today, end: today },
  };
}
