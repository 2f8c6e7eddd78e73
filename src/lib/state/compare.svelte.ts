/**
 * Comparing two periods: period A is the date window, period B a second window
 * kept here. While a comparison is on, the explorer's result covers both
 * periods and marks each edge (core/compare.ts); the table can keep one state.
 */
import { stateOfEdge, type Period, type PeriodComparison, type PeriodState } from '../core/compare';
import { visibleRelationIndices, type FilterResult } from '../core/filter';
import type { Relation } from '../core/model';
import type { RelationIndex } from '../core/relation-index';

export class PeriodCompare {
  active = $state(false);
  /** Period B; period A is the explorer's date window. */
  b = $state.raw<Period>({ from: 0, to: 0 });
  /** The table's rows: every compared row, or those of edges in one state. */
  tableState = $state<PeriodState | 'all'>('all');

  start(b: Period): void {
    this.b = { from: Math.min(b.from, b.to), to: Math.max(b.from, b.to) };
    this.active = true;
  }

  setB(from: number, to: number): void {
    this.b = { from: Math.min(from, to), to: Math.max(from, to) };
  }

  stop(): void {
    this.active = false;
    this.tableState = 'all';
  }
}

export const compare = new PeriodCompare();

/** The table's rows while comparing: the explorer's visible relations, or those of edges in one state, each with its state. */
export function comparedTableRows(
  index: RelationIndex | null,
  result: (FilterResult & { comparison?: PeriodComparison }) | null,
  show: PeriodState | 'all',
): { relations: readonly Relation[]; stateOf: Map<string, PeriodState> } | null {
  if (!index || !result?.comparison) return null;
  const stateOf = new Map<string, PeriodState>();
  const relations: Relation[] = [];
  const { dataset } = index;
  for (const row of visibleRelationIndices(result)) {
    const state = stateOfEdge(result.comparison, index.edgeOf[row]);
    if (!state || (show !== 'all' && state !== show)) continue;
    relations.push(dataset.relations[row]);
    stateOf.set(dataset.relations[row].id, state);
  }
  return { relations, stateOf };
}
