/**
 * The kinds of filter change the bench times, as sequences of filter states, shared by the Node and the
 * browser bench (no Node APIs here).
 */
import type { RelationFilter } from '../src/lib/core/filter';
import type { RelationIndex } from '../src/lib/core/relation-index';
import { BENCH_TODAY, randomFilters } from './generate';

export const CHANGE_KINDS = ['random windows', 'whole period', 'slider drag'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The filter states of each kind of change, each preceded by the state it changes from. */
export function changeSequences(index: RelationIndex, count: number): Record<ChangeKind, RelationFilter[]> {
  const random = randomFilters(index.typeIds.length, index.extent, count);
  const all = new Uint8Array(index.typeIds.length).fill(1);
  const whole: RelationFilter = { from: index.extent.start, to: BENCH_TODAY, typeMask: all };
  // The whole period after a random window: the jump back to the opening state, timed on the way in.
  const wholeAfterWindow = random.flatMap((filter) => [filter, whole]);
  // A one-year window dragged across the period a week per move, all types shown.
  const span = index.extent.end - index.extent.start - 365;
  const drag = Array.from({ length: count }, (_, i) => {
    const from = index.extent.start + ((i * 7) % Math.max(1, span));
    return { from, to: from + 365, typeMask: all };
  });
  return { 'random windows': random, 'whole period': wholeAfterWindow, 'slider drag': drag };
}

/** Which steps of a sequence are timed: every one, or for the whole period only the jumps into it. */
export const timedStep = (kind: ChangeKind, i: number) => kind !== 'whole period' || i % 2 === 1;

