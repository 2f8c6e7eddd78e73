/** What a hovered edge says in its tooltip: type, who to whom, how many relations and when. */
import type { AggregatedEdge } from './relation-index';
import type { Relation, RelationType } from './model';

export interface EdgeSummary {
  type: string;
  color: string;
  /** "Armenia → Azerbaijan" for a directed type, "Armenia – Russia" for an undirected one. */
  between: string;
  /** "3 relations, 2020-09-27 – 2020-11-10", or "1 relation, 2022-09". */
  counts: string;
}

/** Earliest start and latest end of the relations as coded (ISO dates, possibly partial, compare as text). */
export function dateSpanText(relations: readonly Relation[]): string {
  if (!relations.length) return '';
  let first = relations[0].date;
  let last = relations[0].endDate || relations[0].date;
  for (const r of relations) {
    if (r.date < first) first = r.date;
    const end = r.endDate || r.date;
    if (end > last) last = end;
  }
  return first === last ? first : `${first} – ${last}`;
}

export function edgeSummary(edge: AggregatedEdge, type: RelationType | undefined, relations: readonly Relation[], labelOf: (actorId: string) => string): EdgeSummary {
  const n = relations.length;
  const span = dateSpanText(relations);
  return {
    type: type?.label ?? edge.type,
    color: type?.color ?? '#888888',
    between: `${labelOf(edge.source)} ${edge.directed ? '→' : '–'} ${labelOf(edge.target)}`,
    counts: `${n} relation${n === 1 ? '' : 's'}${span ? `, ${span}` : ''}`,
  };
}
