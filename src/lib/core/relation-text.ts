/** How a relation's dates and source read in the panels and the table, so both say the same. */
import type { Relation, RelationType, Source } from './model';

/** The dates as the source coded them: "2022-09", or "2020-11-10 – 2023" for a bounded span. */
export function relationDateText(relation: Relation): string {
  return relation.endDate ? `${relation.date} – ${relation.endDate}` : relation.date;
}

/** Whether the dataset names the outlet; "Unknown", as datasets written before this rule say, names none. */
export function isOutletKnown(source: Source): boolean {
  return !!source.outlet && !/^unknown$/i.test(source.outlet.trim());
}

export function outletText(source: Source): string {
  return isOutletKnown(source) ? source.outlet : 'outlet not identified';
}

/**
 * For a standing relation without end date, how far its source attests it:
 * "attested through 2022-11-23 by RT". Null for events and bounded spans, whose dates say it all.
 */
export function attestationText(relation: Relation, type: RelationType | undefined, source: Source | undefined, carryForward = false): string | null {
  if (!type || type.temporal !== 'state' || relation.endDate || !source) return null;
  // A row dated after its source's publication (it should not be) is attested through its own date.
  const through = relation.date > source.published ? relation.date : source.published;
  const by = isOutletKnown(source) ? source.outlet : `“${source.title}” (outlet not identified)`;
  return `attested through ${through} by ${by}${carryForward ? '; carried forward to today' : ''}`;
}
