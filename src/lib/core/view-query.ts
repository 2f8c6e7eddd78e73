/**
 * The view as a query string:
 * `?types=a,b&modality=asserted,reported&from=YYYY-MM-DD&to=YYYY-MM-DD&carry=today&focus=id&scope=a,b&depth=2&rollup=1`.
 * Parsing never throws: whatever cannot be used is reported as a notice and ignored.
 */
import { parsePartialDate } from './dates';
import { MODALITIES } from './model';
import { FILTER_QUERY_PARAMS, filterQueryParams, parseFilterQuery, type FilterQuery, type FilterQueryState, type FilterVocabulary } from './view-filters-query';

export interface ViewQuery {
  types?: string[];
  modalities?: string[];
  from?: number;
  to?: number;
  /** Standing relations carried forward to today. */
  carryForward?: boolean;
  focus?: string;
  /** Pinned actors of the scope (ego network). */
  scope?: string[];
  /** Steps from the pinned actors, 1 or 2. */
  depth?: number;
  /** People and bodies counted as their state or organisation. */
  rollUp?: boolean;
  /** Actor kinds, sources, minimum weight and period B (view-filters-query.ts). */
  filters?: FilterQuery;
}

export interface ParsedViewQuery {
  view: ViewQuery;
  notices: string[];
}

export interface ViewVocabulary {
  typeIds: readonly string[];
  actorIds: readonly string[];
  /** Kinds and sources for the kind and source filters; without them those parameters are ignored. */
  filters?: FilterVocabulary;
}

const KNOWN_PARAMS = new Set<string>(['types', 'modality', 'from', 'to', 'carry', 'focus', 'scope', 'depth', 'rollup', ...FILTER_QUERY_PARAMS]);
const CARRY_ON = new Set(['today', '1', 'true']);
const CARRY_OFF = new Set(['', '0', 'false', 'off']);

export function parseViewQuery(search: string, vocabulary: ViewVocabulary): ParsedViewQuery {
  const params = new URLSearchParams(search);
  const view: ViewQuery = {};
  const notices: string[] = [];

  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMS.has(key)) notices.push(`Ignored unknown parameter "${key}".`);
  }

  const types = listParam(params, 'types', vocabulary.typeIds, ['relation type', 'relation types'], notices);
  if (types) view.types = types;
  const modalities = listParam(params, 'modality', MODALITIES, ['modality', 'modalities'], notices);
  if (modalities) view.modalities = modalities;

  for (const bound of ['from', 'to'] as const) {
    const text = params.get(bound);
    if (text === null) continue;
    const date = parsePartialDate(text);
    if (!date) notices.push(`Ignored "${bound}=${text}": not a date (use YYYY-MM-DD).`);
    else view[bound] = bound === 'from' ? date.start : date.end;
  }
  if (view.from !== undefined && view.to !== undefined && view.from > view.to) {
    notices.push('Ignored "from" and "to": the window ends before it starts.');
    delete view.from;
    delete view.to;
  }

  const carry = params.get('carry');
  if (carry !== null) {
    if (CARRY_ON.has(carry)) view.carryForward = true;
    else if (!CARRY_OFF.has(carry)) notices.push(`Ignored "carry=${carry}": use carry=today to carry standing relations forward.`);
  }

  const focus = params.get('focus');
  if (focus !== null && focus !== '') {
    if (vocabulary.actorIds.includes(focus)) view.focus = focus;
    else notices.push(`Ignored focus "${focus}": no such actor.`);
  }

  const scopeText = params.get('scope');
  if (scopeText !== null && scopeText !== '') {
    const requested = scopeText.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = requested.filter((t) => !vocabulary.actorIds.includes(t));
    if (unknown.length) notices.push(`Ignored scope ${unknown.length > 1 ? 'actors' : 'actor'} ${unknown.map((t) => `"${t}"`).join(', ')}: no such actor.`);
    const usable = [...new Set(requested.filter((t) => vocabulary.actorIds.includes(t)))];
    if (usable.length) view.scope = usable;
  }
  const depth = params.get('depth');
  if (depth !== null) {
    if (depth === '1' || depth === '2') view.depth = Number(depth);
    else notices.push(`Ignored "depth=${depth}": use depth=1 or depth=2.`);
  }
  const rollUp = params.get('rollup');
  if (rollUp !== null) {
    if (CARRY_ON.has(rollUp) || rollUp === 'on') view.rollUp = true;
    else if (!CARRY_OFF.has(rollUp)) notices.push(`Ignored "rollup=${rollUp}": use rollup=1 to count people and bodies as their state or organisation.`);
  }
  if (vocabulary.filters) view.filters = parseFilterQuery(params, vocabulary.filters, notices);
  return { view, notices };
}

/**
 * A comma-separated list of known ids. Unknown ids are dropped with a notice; when nothing usable
 * is left the parameter is ignored rather than show an empty graph, but an empty list still means none.
 */
function listParam(params: URLSearchParams, name: string, known: readonly string[], [one, many]: [string, string], notices: string[]): string[] | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const requested = text.split(',').map((t) => t.trim()).filter(Boolean);
  const usable = requested.filter((t) => known.includes(t));
  const unknown = requested.filter((t) => !known.includes(t));
  if (unknown.length) notices.push(`Ignored unknown ${unknown.length > 1 ? many : one} ${unknown.map((t) => `"${t}"`).join(', ')}.`);
  return usable.length > 0 || requested.length === 0 ? usable : undefined;
}

export interface SerializableView {
  types: readonly string[];
  allTypes: readonly string[];
  /** Shown modalities; all of MODALITIES when absent. */
  modalities?: readonly string[];
  carryForward?: boolean;
  from: string;
  to: string;
  isFullExtent: boolean;
  focus: string | null;
  scope?: readonly string[];
  depth?: number;
  rollUp?: boolean;
  filters?: FilterQueryState & { vocabulary: FilterVocabulary };
}

/** Writes only what differs from the default view, so a plain visit keeps a plain URL. */
export function serializeViewQuery(view: SerializableView): string {
  const params: string[] = [];
  if (view.types.length !== view.allTypes.length) params.push(`types=${view.types.map(encodeURIComponent).join(',')}`);
  if (view.modalities && view.modalities.length !== MODALITIES.length) params.push(`modality=${view.modalities.join(',')}`);
  if (!view.isFullExtent) params.push(`from=${view.from}`, `to=${view.to}`);
  if (view.carryForward) params.push('carry=today');
  if (view.filters) params.push(...filterQueryParams(view.filters, view.filters.vocabulary));
  if (view.focus) params.push(`focus=${encodeURIComponent(view.focus)}`);
  if (view.scope?.length) params.push(`scope=${view.scope.map(encodeURIComponent).join(',')}`, `depth=${view.depth ?? 1}`);
  if (view.rollUp) params.push('rollup=1');
  return params.length ? `?${params.join('&')}` : '';
}
