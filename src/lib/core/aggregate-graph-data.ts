/**
 * Aggregated event rows (the schema of aggregate-sql.ts, from DuckDB or from a Parquet
 * file) as graph-data files: one source per period (coding gdelt or polecat, no
 * quotes), one relation row per actor pair, type and period, with the count, first and
 * last dates and a sample of source URLs as attr_ columns. Pure; the result goes
 * through loadDataset like every other import.
 */
import Papa from 'papaparse';
import { ACTOR_COLUMNS, ACTORS_FILE, RELATIONS_DIR, SOURCE_COLUMNS, SOURCES_FILE, TYPE_COLUMNS, TYPE_OPTIONAL_COLUMNS, TYPES_FILE, type DatasetFiles } from './load';
import { ACTOR_KINDS } from './model';
import type { AggregateFormat, AggregatePeriod, AggregateRow } from './aggregate-sql';

/** The CAMEO root categories, named for the types created when the vocabulary has no code of a root. */
export const CAMEO_ROOT_LABELS: Record<string, string> = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid', '08': 'Yield',
  '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten', '14': 'Protest',
  '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault', '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

/** Paul Tol's muted and bright mid-tones: none near black or white, so created types stay visible on both themes. */
const PALETTE = ['#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#332288', '#4477aa', '#66ccee', '#228833', '#ccbb44', '#ee6677', '#aa3377'];

export const RELATION_ATTRIBUTE_COLUMNS = ['attr_count', 'attr_first', 'attr_last', 'attr_sources', 'attr_urls', 'attr_score', 'attr_mentions'] as const;
const RELATION_HEADER = ['subject', 'object', 'type', 'date', 'end_date', 'quote', 'note', ...RELATION_ATTRIBUTE_COLUMNS];
const SOURCE_HEADER = [...SOURCE_COLUMNS, 'coding', 'attr_period', 'attr_relations', 'attr_events'];

export interface AggregateGraphData {
  files: DatasetFiles;
  createdTypes: string[];
  actors: number;
  relations: number;
  notes: string[];
}

const NAMES: Record<AggregateFormat, { title: string; outlet: string; url: string; score: string; mentions: string }> = {
  gdelt: { title: 'GDELT 2.0 events', outlet: 'The GDELT Project', url: 'https://www.gdeltproject.org/', score: 'mean GoldsteinScale', mentions: 'NumMentions summed' },
  polecat: { title: 'POLECAT events', outlet: 'POLECAT', url: '', score: 'mean Event Intensity', mentions: 'stories merged' },
};

export function periodKind(period: string): AggregatePeriod {
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-W\d{2}$/.test(period)) return 'week';
  return 'day';
}

function csvCell(value: string): string {
  return /[",\n\r]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(',');

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'(/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
}

interface ActorInfo {
  id: string;
  label: string;
  kind: string;
  aliases: string[];
}

/** Actor ids: the kebab-cased code (GDELT) or name (POLECAT), made unique; labels as the GDELT import writes them. */
class Actors {
  private byCode = new Map<string, ActorInfo>();
  private ids = new Set<string>();

  id(coding: AggregateFormat, code: string, name: string, country: string, kind: string): string {
    const known = this.byCode.get(code);
    if (known) return known.id;
    const base = kebab(code) || 'actor';
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    let label = code;
    if (coding === 'gdelt' && name) label = code === country || code.length <= 3 ? titleCase(name) : `${titleCase(name)} (${code})`;
    const guessed = coding === 'gdelt' && code.length === 3 && code === country ? 'state' : 'organisation';
    const actor: ActorInfo = {
      id,
      label,
      kind: (ACTOR_KINDS as readonly string[]).includes(kind) ? kind : guessed,
      aliases: coding === 'gdelt' ? [code] : [],
    };
    this.byCode.set(code, actor);
    return id;
  }
  all(): ActorInfo[] {
    return [...this.byCode.values()];
  }
}

interface Merged {
  row: AggregateRow;
  subject: string;
  object: string;
  urls: Set<string>;
}

/** Converts aggregated rows into graph-data files, with the vocabulary (relation-types.csv text) plus any types created for unmapped codes. */
export function aggregateToGraphData(rows: Iterable<AggregateRow>, vocabulary: string): AggregateGraphData {
  const parsed = Papa.parse<Record<string, string>>(vocabulary.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  const typeColumns = parsed.meta.fields ?? [];
  const knownTypes = new Set(parsed.data.map((r) => (r.id ?? '').trim()).filter(Boolean));
  const usedColors = new Set(parsed.data.map((r) => (r.color ?? '').trim().toLowerCase()));
  const created = new Map<string, Record<string, string>>();
  const actors = new Actors();
  const byKey = new Map<string, Merged>();
  const periods = new Map<string, { coding: AggregateFormat; start: string; end: string; keys: string[]; events: number }>();
  let paletteIndex = 0;

  const createType = (row: AggregateRow) => {
    if (knownTypes.has(row.type) || created.has(row.type)) return;
    let color = PALETTE[paletteIndex++ % PALETTE.length];
    for (let i = 0; i < PALETTE.length && usedColors.has(color); i++) color = PALETTE[paletteIndex++ % PALETTE.length];
    usedColors.add(color);
    const cameo = /^cameo_(\d{2})$/.exec(row.type)?.[1] ?? '';
    const plover = /^plover_([a-z]+)$/.exec(row.type)?.[1]?.toUpperCase() ?? '';
    const label = cameo ? CAMEO_ROOT_LABELS[cameo] ?? `CAMEO ${cameo}` : plover ? titleCase(plover) : row.type;
    const from = cameo ? `CAMEO root ${cameo} (${label}), from GDELT` : plover ? `PLOVER ${plover}, from POLECAT` : `from ${row.coding}`;
    const values: Record<string, string> = {
      id: row.type,
      label,
      color,
      directed: String(row.directed),
      temporal: 'event',
      cameo,
      plover,
      description: `${from}; no type of the vocabulary has this code.`,
    };
    created.set(row.type, values);
  };

  for (const row of rows) {
    createType(row);
    const subject = actors.id(row.coding, row.subject, row.subject_name, row.subject_country, row.subject_kind);
    const object = actors.id(row.coding, row.object, row.object_name, row.object_country, row.object_kind);
    const swap = !row.directed && object < subject;
    const [s, o] = swap ? [object, subject] : [subject, object];
    if (s === o) continue;
    const key = `${row.period}\u0000${s}\u0000${o}\u0000${row.type}`;
    const known = byKey.get(key);
    const urls = row.urls ? row.urls.split(' ').filter(Boolean) : [];
    if (known) {
      // Two codes that kebab-case to ids in the other order: one pair after all.
      const r = known.row;
      r.count += row.count;
      r.sources += row.sources;
      r.mentions += row.mentions;
      if (row.first < r.first) r.first = row.first;
      if (row.last > r.last) r.last = row.last;
      for (const url of urls) known.urls.add(url);
      continue;
    }
    byKey.set(key, { row: { ...row }, subject: s, object: o, urls: new Set(urls) });
    let period = periods.get(row.period);
    if (!period) periods.set(row.period, (period = { coding: row.coding, start: row.period_start, end: row.period_end, keys: [], events: 0 }));
    period.keys.push(key);
    period.events += row.count;
  }

  const files: DatasetFiles = {};
  // The loader's column order, whatever the vocabulary's: the required columns, then plover when there is one.
  const withPlover = typeColumns.includes('plover') || [...created.values()].some((t) => t.plover);
  const columns = [...TYPE_COLUMNS, ...(withPlover ? TYPE_OPTIONAL_COLUMNS : [])];
  const vocabularyRows = parsed.data.filter((r) => (r.id ?? '').trim()).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v ?? '').trim()])));
  files[TYPES_FILE] = `${[columns.join(','), ...[...vocabularyRows, ...created.values()].map((values) => csvLine(columns.map((c) => values[c] ?? '')))].join('\n')}\n`;
  files[ACTORS_FILE] = `${[ACTOR_COLUMNS.join(','), ...actors.all().map((a) => csvLine([a.id, a.label, a.kind, '', a.aliases.join('|')]))].join('\n')}\n`;

  const sourceLines = [SOURCE_HEADER.join(',')];
  const notes: string[] = [];
  for (const [label, period] of [...periods].sort((a, b) => (a[1].start < b[1].start ? -1 : a[1].start > b[1].start ? 1 : 0))) {
    const by = periodKind(label);
    const names = NAMES[period.coding];
    const id = `${period.coding}-${label}`;
    sourceLines.push(
      csvLine([id, `${names.title}, ${label} (${period.start} to ${period.end}), aggregated by actor pair, type and ${by}`, names.outlet, period.end, names.url, period.coding, label, String(period.keys.length), String(period.events)]),
    );
    const lines = [RELATION_HEADER.join(',')];
    for (const key of period.keys) {
      const { row, subject, object, urls } = byKey.get(key)!;
      const date = by === 'month' ? label : row.period_start;
      const end = by === 'week' ? row.period_end : '';
      const span = row.first === row.last ? `on ${row.first}` : `from ${row.first} to ${row.last}`;
      const note = `${row.count} ${row.count === 1 ? 'event' : 'events'} ${span}, aggregated by ${by} from ${names.title}; ${row.sources} source ${row.sources === 1 ? 'URL' : 'URLs'}${row.score === null ? '' : `; ${names.score} ${row.score}`}`;
      const sample = [...urls].filter((url) => /^https?:\/\/\S+$/i.test(url)).sort().slice(0, 3);
      lines.push(
        csvLine([subject, object, row.type, date, end, '', note, String(row.count), row.first, row.last, String(row.sources), sample.join(' '), row.score === null ? '' : String(row.score), String(row.mentions)]),
      );
    }
    files[`${RELATIONS_DIR}${id}.csv`] = `${lines.join('\n')}\n`;
  }
  files[SOURCES_FILE] = `${sourceLines.join('\n')}\n`;
  if (created.size) notes.push(`Created ${created.size} types for codes the vocabulary does not map: ${[...created.keys()].join(', ')}.`);
  notes.push(`attr_score is the ${[...new Set([...periods.values()].map((p) => NAMES[p.coding].score))].join(' / ') || 'mean score'}; attr_mentions is ${[...new Set([...periods.values()].map((p) => NAMES[p.coding].mentions))].join(' / ') || 'a sum'}.`);
  return { files, createdTypes: [...created.keys()], actors: actors.all().length, relations: byKey.size, notes };
}
