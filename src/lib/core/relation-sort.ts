/** Ordering of relation rows for the table view: by one column, ties kept in file order so flipping the sort does not shuffle them. */
import { parsePartialDate } from './dates';
import type { Relation } from './model';

export type RelationSortKey = 'date' | 'type' | 'subject' | 'object' | 'source';

export interface RelationLabels {
  actor(id: string): string;
  type(id: string): string;
  source(id: string): string;
}

export function sortRelations(relations: readonly Relation[], key: RelationSortKey, ascending: boolean, labels: RelationLabels): Relation[] {
  const valueOf: Record<RelationSortKey, (r: Relation) => string | number> = {
    date: (r) => parsePartialDate(r.date)?.start ?? Number.NEGATIVE_INFINITY,
    type: (r) => labels.type(r.type),
    subject: (r) => labels.actor(r.subject),
    object: (r) => labels.actor(r.object),
    source: (r) => labels.source(r.source),
  };
  const value = valueOf[key];
  const sign = ascending ? 1 : -1;
  return relations
    .map((relation) => ({ relation, value: value(relation) }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) * sign || inFileOrder(a.relation, b.relation))
    .map((entry) => entry.relation);
}

function inFileOrder(a: Relation, b: Relation): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line;
}
