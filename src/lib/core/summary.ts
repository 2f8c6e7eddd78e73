/** Counts that describe a dataset at a glance, as check-data prints them. */
import { parsePartialDate, formatDay } from './dates';
import { ACTOR_KINDS, MODALITIES, type Dataset } from './model';

export interface DatasetSummary {
  actorCount: number;
  relationCount: number;
  /** Distinct statements: rows of one source sharing a `statement` id count once, a row without one counts alone. */
  statementCount: number;
  sourceCount: number;
  typeCount: number;
  actorsPerKind: Array<[string, number]>;
  relationsPerType: Array<[string, number]>;
  relationsPerSource: Array<[string, number]>;
  statementsPerSource: Array<[string, number]>;
  relationsPerModality: Array<[string, number]>;
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
  const statements = new Map<string, Set<string>>(dataset.sources.map((s) => [s.id, new Set()]));
  for (const r of dataset.relations) {
    const set = statements.get(r.source) ?? new Set<string>();
    set.add(r.statement ? `s:${r.statement}` : `row:${r.line}`);
    statements.set(r.source, set);
  }
  return {
    actorCount: dataset.actors.length,
    relationCount: dataset.relations.length,
    statementCount: [...statements.values()].reduce((n, set) => n + set.size, 0),
    sourceCount: dataset.sources.length,
    typeCount: dataset.types.length,
    actorsPerKind: countBy(dataset.actors, (a) => a.kind, ACTOR_KINDS),
    relationsPerType: countBy(dataset.relations, (r) => r.type, dataset.types.map((t) => t.id)),
    relationsPerSource: countBy(dataset.relations, (r) => r.source, dataset.sources.map((s) => s.id)),
    statementsPerSource: [...statements].map(([id, set]) => [id, set.size]),
    relationsPerModality: countBy(dataset.relations, (r) => r.modality || 'asserted', MODALITIES),
    dateRange: dataset.relations.length ? { from: formatDay(first), to: formatDay(last) } : { from: '', to: '' },
  };
}

/** The status line: "Showing 148 of 175 relations", and "from 101 statements" when rows share statements. */
export function visibleCountText(visible: number, total: number, statements: number | null): string {
  const shown = `Showing ${visible} of ${total} relations`;
  return statements === null ? shown : `${shown} from ${statements} statement${statements === 1 ? '' : 's'}`;
}
