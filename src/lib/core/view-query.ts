/**
 * The view as a query string: `?types=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD&focus=id`.
 * Parsing never throws: whatever cannot be used is reported as a notice and ignored.
 */
import { parsePartialDate } from './dates';

export interface ViewQuery {
  types?: string[];
  from?: number;
  to?: number;
  focus?: string;
}

export interface ParsedViewQuery {
  view: ViewQuery;
  notices: string[];
}

export interface ViewVocabulary {
  typeIds: readonly string[];
  actorIds: readonly string[];
}

const KNOWN_PARAMS = new Set(['types', 'from', 'to', 'focus']);

export function parseViewQuery(search: string, vocabulary: ViewVocabulary): ParsedViewQuery {
  const params = new URLSearchParams(search);
  const view: ViewQuery = {};
  const notices: string[] = [];

  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMS.has(key)) notices.push(`Ignored unknown parameter "${key}".`);
  }

  const types = params.get('types');
  if (types !== null) {
    const requested = types.split(',').map((t) => t.trim()).filter(Boolean);
    const known = requested.filter((t) => vocabulary.typeIds.includes(t));
    const unknown = requested.filter((t) => !vocabulary.typeIds.includes(t));
    if (unknown.length) notices.push(`Ignored unknown relation type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')}.`);
    // Nothing usable left: ignore the parameter rather than show an empty graph. An empty `types=` still means none.
    if (known.length > 0 || requested.length === 0) view.types = known;
  }

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

  const focus = params.get('focus');
  if (focus !== null && focus !== '') {
    if (vocabulary.actorIds.includes(focus)) view.focus = focus;
    else notices.push(`Ignored focus "${focus}": no such actor.`);
  }
  return { view, notices };
}

export interface SerializableView {
  types: readonly string[];
  allTypes: readonly string[];
  from: string;
  to: string;
  isFullExtent: boolean;
  focus: string | null;
}

/** Writes only what differs from the default view, so a plain visit keeps a plain URL. */
export function serializeViewQuery(view: SerializableView): string {
  const params: string[] = [];
  if (view.types.length !== view.allTypes.length) params.push(`types=${view.types.map(encodeURIComponent).join(',')}`);
  if (!view.isFullExtent) params.push(`from=${view.from}`, `to=${view.to}`);
  if (view.focus) params.push(`focus=${encodeURIComponent(view.focus)}`);
  return params.length ? `?${params.join('&')}` : '';
}
