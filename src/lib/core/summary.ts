/** Counts that describe a dataset at a glance, as check-data prints them. */
import { formatDay } from './dates';
import { ACTOR_KINDS, MODALITIES, type Dataset } from './model';
import { hasEndDate, lastDayOf, relationColumnsOf, type RelationColumns } from './relation-columns';

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

/** Counts per name, in the order given first (each starting at 0), then any other name in the order met. */
function countsIn(order: readonly string[], names: readonly string[], counts: ArrayLike<number>): Array<[string, number]> {
  const byName = new Map<string, number>(order.map((key) => [key, 0]));
  for (let k = 0; k < names.length; k++) if (counts[k] > 0 || !byName.has(names[k])) byName.set(names[k], (byName.get(names[k]) ?? 0) + counts[k]);
  return [...byName].filter(([name, n]) => n > 0 || order.includes(name));
}

function countsOf(column: ArrayLike<number>, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (let i = 0; i < column.length; i++) counts[column[i]]++;
  return counts;
}

/** First and last day of all rows: the latest end of a row without end date is that of the latest start of each precision. */
function dayRange(columns: RelationColumns): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const latestStart = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < columns.count; i++) {
    const start = columns.dateStart[i];
    if (start < first) first = start;
    if (hasEndDate(columns, i)) last = Math.max(last, columns.endDateEnd[i]);
    else {
      const p = columns.precision[i] & 3;
      if (start > latestStart[p]) latestStart[p] = start;
    }
  }
  latestStart.forEach((start, p) => {
    if (start > -Infinity) last = Math.max(last, lastDayOf(start, p));
  });
  return { first, last };
}

/** Statements per source: distinct statement ids (numbered per source by the columns), plus every row without one. */
function statementCounts(columns: RelationColumns): Int32Array {
  const counts = new Int32Array(columns.sourceIds.length);
  const seen = new Uint8Array(columns.statementIds.count);
  for (let i = 0; i < columns.count; i++) {
    const s = columns.statement[i];
    if (s < 0) counts[columns.source[i]]++;
    else if (!seen[s]) {
      seen[s] = 1;
      counts[columns.source[i]]++;
    }
  }
  return counts;
}

/** Reads the columns, not the row objects, so that a million rows are counted without making one. */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const columns = relationColumnsOf(dataset);
  const { first, last } = dayRange(columns);
  const sourceIds = dataset.sources.map((s) => s.id);
  const statements = countsIn(sourceIds, columns.sourceIds, statementCounts(columns));
  return {
    actorCount: dataset.actors.length,
    relationCount: columns.count,
    statementCount: statements.reduce((n, [, count]) => n + count, 0),
    sourceCount: dataset.sources.length,
    typeCount: dataset.types.length,
    actorsPerKind: countsIn(ACTOR_KINDS, dataset.actors.map((a) => a.kind), dataset.actors.map(() => 1)),
    relationsPerType: countsIn(dataset.types.map((t) => t.id), columns.typeIds, countsOf(columns.type, columns.typeIds.length)),
    relationsPerSource: countsIn(sourceIds, columns.sourceIds, countsOf(columns.source, columns.sourceIds.length)),
    statementsPerSource: statements,
    relationsPerModality: countsIn(MODALITIES, MODALITIES, countsOf(columns.modality, MODALITIES.length)),
    dateRange: columns.count ? { from: formatDay(first), to: formatDay(last) } : { from: '', to: '' },
  };
}

// One formatter for all counts: toLocaleString makes a new one per call, ~20 µs, and each slider move formats dozens of legend counts.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A count as people read it: 1,000,000, not 1000000. */
export const formatCount = (n: number): string => COUNT_FORMAT.format(n);

/** The status line: "Showing 148 of 175 relations", and "from 101 statements" when rows share statements. */
export function visibleCountText(visible: number, total: number, statements: number | null): string {
  const shown = `Showing ${formatCount(visible)} of ${formatCount(total)} relations`;
  return statements === null ? shown : `${shown} from ${formatCount(statements)} statement${statements === 1 ? '' : 's'}`;
}
