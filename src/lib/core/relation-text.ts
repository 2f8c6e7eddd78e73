/** How a relation's dates and source read in the panels and the table, so both say the same. */
import type { Relation, Source } from './model';

/** The dates as the source coded them: "2022-09", or "2020-11-10 – 2023" for a bounded span. */
export function relationDateText(relation: Relation): string {
  return relation.endDate ? `${relation.date} – ${relation.endDate}` : relation.date;
}

export function outletText(source: Source): string {
  return source.outlet || 'Unknown outlet';
}
