/** Counts that describe a dataset at a glance, as check-data prints them. */
import { parsePartialDate, formatDay } from './dates';
import { ACTOR_KINDS, type Dataset } from './model';

export interface DatasetSummary {
  actorCount: number;
  relationCount: number;
  sourceCount: number;
  typeCount: number;
  actorsPerKind: Array<[string, number]>;
  relationsPerType: Array<[string, number]>;
  relationsPerSource: Array<[string, number]>;
  dateRange: { from: string; to: string };
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string, order: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>(order.map((key) => [key, 0]));
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts];
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  let first = Infinity;
  let last = -Infinity;
  for (const relation of dataset.relations) {
    first = Math.min(first, parsePartialDate(relation.date)!.start);
    last = Math.max(last, parsePartialDate(relation.endDate || relation.date)!.end);
  }
  return {
    actorCount: dataset.actors.length,
    relationCount: dataset.relations.length,
    sourceCount: dataset.sources.length,
    typeCount: dataset.types.length,
    actorsPerKind: countBy(dataset.actors, (a) => a.kind, ACTOR_KINDS),
    relationsPerType: countBy(dataset.relations, (r) => r.type, dataset.types.map((t) => t.id)),
    relationsPerSource: countBy(dataset.relations, (r) => r.source, dataset.sources.map((s) => s.id)),
    dateRange: dataset.relations.length ? { from: formatDay(first), to: formatDay(last) } : { from: '', to: '' },
  };
}
