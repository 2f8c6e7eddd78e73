/**
 * The kind, source, weight and comparison filters in the query string:
 * `kinds=state,organisation` (the kinds shown), `hide-outlet=RT` (repeated,
 * since outlet names hold commas), `hide-sources=id,id`, `sources=id` (only
 * these), `min-relations=3` and `compare=2022` or `compare=2022-01-01..2022-06-30`
 * (period B; period A is the date window). Parsing never throws: what cannot
 * be used becomes a notice.
 */
import { formatDay, parsePartialDate } from './dates';
import type { Period } from './compare';
import { periodText } from './compare';
import type { ActorKind, Source } from './model';
import { outletGroups, type ViewFilterSelection } from './view-filters';

export const FILTER_QUERY_PARAMS = ['kinds', 'sources', 'hide-outlet', 'hide-sources', 'min-relations', 'compare'] as const;

export interface FilterQuery {
  hiddenKinds?: ActorKind[];
  hiddenSources?: string[];
  minWeight?: number;
  /** Period B of a comparison. */
  compare?: Period;
}

export interface FilterVocabulary {
  /** Kinds of the dataset's actors, in legend order. */
  kinds: readonly ActorKind[];
  sources: readonly Source[];
}

const list = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);
const quoted = (items: string[]) => items.map((t) => `"${t}"`).join(', ');

export function parseFilterQuery(params: URLSearchParams, vocabulary: FilterVocabulary, notices: string[]): FilterQuery {
  const query: FilterQuery = {};
  const kinds = params.get('kinds');
  if (kinds !== null) {
    const requested = list(kinds);
    const unknown = requested.filter((k) => !vocabulary.kinds.includes(k as ActorKind));
    if (unknown.length) notices.push(`Ignored unknown actor kind${unknown.length > 1 ? 's' : ''} ${quoted(unknown)}.`);
    if (requested.length === 0 || unknown.length < requested.length) query.hiddenKinds = vocabulary.kinds.filter((k) => !requested.includes(k));
  }

  const ids = new Set(vocabulary.sources.map((s) => s.id));
  const hidden = new Set<string>();
  const only = params.get('sources');
  if (only !== null) {
    const requested = list(only);
    const unknown = requested.filter((id) => !ids.has(id));
    if (unknown.length) notices.push(`Ignored unknown source${unknown.length > 1 ? 's' : ''} ${quoted(unknown)}.`);
    if (unknown.length < requested.length) for (const id of ids) if (!requested.includes(id)) hidden.add(id);
  }
  const groups = outletGroups({ types: [], actors: [], relations: [], sources: [...vocabulary.sources] });
  for (const outlet of params.getAll('hide-outlet')) {
    const group = groups.find((g) => g.outlet === outlet);
    if (!group) notices.push(`Ignored unknown outlet "${outlet}".`);
    else for (const s of group.sources) hidden.add(s.id);
  }
  const hide = params.get('hide-sources');
  if (hide !== null) {
    const requested = list(hide);
    const unknown = requested.filter((id) => !ids.has(id));
    if (unknown.length) notices.push(`Ignored unknown source${unknown.length > 1 ? 's' : ''} ${quoted(unknown)}.`);
    for (const id of requested) if (ids.has(id)) hidden.add(id);
  }
  if (only !== null || params.has('hide-outlet') || hide !== null) query.hiddenSources = vocabulary.sources.map((s) => s.id).filter((id) => hidden.has(id));

  const min = params.get('min-relations');
  if (min !== null) {
    const n = Number(min);
    if (Number.isInteger(n) && n >= 1) query.minWeight = n;
    else notices.push(`Ignored "min-relations=${min}": use a whole number of relations, 1 or more.`);
  }

  const compare = params.get('compare');
  if (compare !== null) {
    const period = parsePeriod(compare);
    if (period) query.compare = period;
    else notices.push(`Ignored "compare=${compare}": give period B as a date or two joined by "..", for example compare=2022.`);
  }
  return query;
}

/** "2022", "2022-03" or "2022-01-05..2022-02-10"; null when it is not a period. */
export function parsePeriod(text: string): Period | null {
  const [first, second, ...rest] = text.split('..');
  if (rest.length) return null;
  const start = parsePartialDate(first.trim());
  const end = parsePartialDate((second ?? first).trim());
  if (!start || !end || start.start > end.end) return null;
  return { from: start.start, to: end.end };
}

export function periodParam(period: Period): string {
  const text = periodText(period);
  return text.includes(' to ') ? `${formatDay(period.from)}..${formatDay(period.to)}` : text;
}

export interface FilterQueryState extends ViewFilterSelection {
  compare: Period | null;
}

/** The query parameters for what differs from no filter, each as `name=value`. */
export function filterQueryParams(state: FilterQueryState, vocabulary: FilterVocabulary): string[] {
  const params: string[] = [];
  const hiddenKinds = vocabulary.kinds.filter((k) => state.hiddenKinds.includes(k));
  if (hiddenKinds.length) params.push(`kinds=${vocabulary.kinds.filter((k) => !hiddenKinds.includes(k)).join(',')}`);
  if (state.hiddenSources.length) {
    const hidden = new Set(state.hiddenSources);
    const shown = vocabulary.sources.filter((s) => !hidden.has(s.id));
    const outlets: string[] = [];
    const loose: string[] = [];
    for (const group of outletGroups({ types: [], actors: [], relations: [], sources: [...vocabulary.sources] })) {
      const out = group.sources.filter((s) => hidden.has(s.id));
      if (out.length === group.sources.length) outlets.push(group.outlet);
      else loose.push(...out.map((s) => s.id));
    }
    // Whichever says it in fewer words: the sources kept, or the outlets and sources left out.
    if (shown.length > 0 && shown.length < outlets.length + loose.length) params.push(`sources=${shown.map((s) => encodeURIComponent(s.id)).join(',')}`);
    else {
      for (const outlet of outlets) params.push(`hide-outlet=${encodeURIComponent(outlet)}`);
      if (loose.length) params.push(`hide-sources=${loose.map(encodeURIComponent).join(',')}`);
    }
  }
  if (state.minWeight > 1) params.push(`min-relations=${state.minWeight}`);
  if (state.compare) params.push(`compare=${periodParam(state.compare)}`);
  return params;
}
