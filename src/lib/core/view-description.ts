/**
 * One sentence that says what the graph shows, for the canvas's accessible
 * name: "Graph of 12 actors and 19 relations, 1 Sep – 30 Sep 2022, 1 type".
 */
import { formatDay } from './dates';

export interface ViewFacts {
  actorCount: number;
  relationCount: number;
  /** Inclusive day numbers of the date window. */
  from: number;
  to: number;
  typeCount: number;
  totalTypeCount: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function dayParts(day: number): { d: number; m: string; y: string } {
  const [y, m, d] = formatDay(day).split('-');
  return { d: Number(d), m: MONTHS[Number(m) - 1], y };
}

/** "1 Sep – 30 Sep 2022" within a year, "1 Sep 2021 – 30 Sep 2022" across years, "5 Jan 2023" for one day. */
export function describeWindow(from: number, to: number): string {
  const a = dayParts(from);
  const b = dayParts(to);
  if (from === to) return `${b.d} ${b.m} ${b.y}`;
  return a.y === b.y ? `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}` : `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
}

export function describeView(facts: ViewFacts): string {
  const types = facts.typeCount === facts.totalTypeCount && facts.totalTypeCount > 1 ? `all ${facts.totalTypeCount} types` : plural(facts.typeCount, 'type');
  return `Graph of ${plural(facts.actorCount, 'actor')} and ${plural(facts.relationCount, 'relation')}, ${describeWindow(facts.from, facts.to)}, ${types}`;
}
