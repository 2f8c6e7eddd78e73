/**
 * Any flat edge list (CSV or TSV, any column names), read through a mapping of its columns
 * to subject, object, type, dates, quote, source and URL. The mapping is guessed from the
 * header (`guessMapping`) and shown with the first rows mapped (`previewRows`) so that the
 * user can correct it; presets hold known exports (ACLED).
 *
 * - Every actor is created from its label (kebab-case id), with the kind the user chose in
 *   `mapping.kinds`, else `group`.
 * - Type values match vocabulary types by id or label, else become created types (snake_case id, palette colour).
 * - Columns the mapping does not use travel as `attr_` columns.
 * - Without a date column every row is dated to the import day, and the report says so;
 *   with one, an empty or unreadable date is an error on its line.
 * - Without a source or URL column each file is one source, published on its latest date.
 */
import Papa from 'papaparse';
import type { DataIssue } from '../model';
import { attrColumn, CODING, GraphDataBuilder, progressTicker } from './builder';
import { endsBefore, laterDate, readDate, todayIso } from './dates';
import { decodeUtf8, fileName, head, hostOf, isHttpUrl, quoteFrom } from './text';
import type { ConvertOptions, ConvertResult, EdgeListMapping, InputFile, InputFormat } from './types';
import { readVocabulary } from './vocabulary';

type Role = 'subject' | 'object' | 'type' | 'date' | 'endDate' | 'quote' | 'source' | 'url';
const ROLES: Role[] = ['subject', 'object', 'type', 'date', 'endDate', 'quote', 'source', 'url'];

/** Header names each role answers to, most specific first (compared without case, spaces, dashes and underscores). */
const NAMES: Record<Role, string[]> = {
  subject: ['subject', 'actor1', 'actora', 'from', 'sourcenode', 'source', 'src', 'sender', 'initiator', 'node1', 'ego', 'head', 'origin', 'actor'],
  object: ['object', 'actor2', 'actorb', 'to', 'targetnode', 'target', 'dst', 'receiver', 'recipient', 'node2', 'alter', 'tail', 'destination'],
  type: ['type', 'relationtype', 'relation', 'relationship', 'eventtype', 'edgetype', 'predicate', 'interaction', 'kind', 'label', 'category'],
  date: ['date', 'eventdate', 'startdate', 'start', 'begin', 'from date', 'fromdate', 'timestamp', 'time', 'year', 'when', 'day'],
  endDate: ['enddate', 'end', 'until', 'todate', 'stop', 'finish'],
  quote: ['quote', 'evidence', 'excerpt', 'snippet', 'text', 'notes', 'note', 'description', 'comment'],
  source: ['sourceid', 'sourcename', 'document', 'article', 'reference', 'citation', 'outlet', 'source', 'sources'],
  url: ['url', 'sourceurl', 'link', 'href', 'uri', 'sourcelink'],
};

export interface EdgeListPreset {
  id: string;
  label: string;
  /** Columns that must all be present for the preset to apply. */
  columns: string[];
  mapping: EdgeListMapping;
}

export const EDGE_LIST_PRESETS: EdgeListPreset[] = [
  {
    id: 'acled',
    label: 'ACLED export',
    columns: ['actor1', 'actor2', 'event_type', 'sub_event_type', 'event_date', 'notes', 'source'],
    mapping: { subject: 'actor1', object: 'actor2', type: 'sub_event_type', date: 'event_date', quote: 'notes', source: 'source' },
  },
  {
    // Gephi's edge table export: its Type column says Directed/Undirected, not what the relation is.
    id: 'gephi-edges',
    label: 'Gephi edges table',
    columns: ['source', 'target', 'type', 'id', 'label'],
    mapping: { subject: 'source', object: 'target', type: 'label' },
  },
];

const squash = (name: string) => name.trim().toLowerCase().replace(/[\s_\-.]+/g, '');

/** The mapping a header suggests: a preset when one fits, else columns matched by name; null without subject and object. */
export function guessMapping(header: string[]): EdgeListMapping | null {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const preset of EDGE_LIST_PRESETS) {
    if (preset.columns.every((c) => lower.includes(c))) {
      const real = (c: string | undefined) => (c === undefined ? undefined : header[lower.indexOf(c)]);
      const m = preset.mapping;
      return { subject: real(m.subject)!, object: real(m.object)!, type: real(m.type), date: real(m.date), endDate: real(m.endDate), quote: real(m.quote), source: real(m.source), url: real(m.url) };
    }
  }
  const squashed = header.map(squash);
  const taken = new Set<number>();
  const found: Partial<Record<Role, string>> = {};
  // subject/object first so that `source`/`target` pairs claim `source` before the document role does.
  const order: Role[] = ['url', 'subject', 'object', 'endDate', 'date', 'type', 'quote', 'source'];
  for (const role of order) {
    for (const name of NAMES[role]) {
      const i = squashed.findIndex((h, index) => h === squash(name) && !taken.has(index));
      if (i >= 0) {
        found[role] = header[i];
        taken.add(i);
        break;
      }
    }
  }
  if (!found.subject || !found.object) return null;
  return { subject: found.subject, object: found.object, type: found.type, date: found.date, endDate: found.endDate, quote: found.quote, source: found.source, url: found.url };
}

function delimiterOf(path: string, text: string, mapping?: EdgeListMapping): ',' | '\t' {
  if (mapping?.delimiter) return mapping.delimiter;
  if (/\.tsv$|\.tab$/i.test(path)) return '\t';
  const first = text.slice(0, text.search(/\r?\n|$/));
  return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

interface Table {
  header: string[];
  records: Array<{ line: number; cells: string[] }>;
  issues: DataIssue[];
}

function readTable(file: InputFile, mapping?: EdgeListMapping, maxRows = Infinity): Table {
  const { text, issue } = decodeUtf8(file.path, file.bytes, 'edge-list');
  if (issue) return { header: [], records: [], issues: [issue] };
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(file.path, body, mapping);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, preview: maxRows === Infinity ? 0 : maxRows + 1 });
  const issues: DataIssue[] = [];
  const lines: number[] = [];
  let line = 1;
  for (const record of parsed.data) {
    lines.push(line);
    for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    line++;
  }
  const bad = new Set<number>();
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    bad.add(error.row ?? 0);
    issues.push({ file: file.path, line: lines[error.row ?? 0] ?? line, column: '', code: 'edge-list/malformed-csv', message: `entente/edge-list: malformed ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${error.message.toLowerCase()}` });
  }
  const [header = [], ...rest] = parsed.data;
  const records: Table['records'] = [];
  rest.forEach((cells, i) => {
    if (bad.has(i + 1) || (cells.length === 1 && cells[0].trim() === '')) return;
    records.push({ line: lines[i + 1], cells });
  });
  return { header: header.map((h) => h.trim()), records, issues };
}

/** The header of the first file and the delimiter used, for the mapping step. */
export function edgeListHeader(files: InputFile[]): string[] {
  return files.length ? readTable(files[0], undefined, 0).header : [];
}

export interface PreviewRow {
  line: number;
  values: Partial<Record<Role, string>>;
}

/** The first `n` rows of the first file as the mapping reads them. */
export function previewRows(files: InputFile[], mapping: EdgeListMapping, n = 5): PreviewRow[] {
  if (!files.length) return [];
  const table = readTable(files[0], mapping, n);
  const index = Object.fromEntries(ROLES.map((role) => [role, mapping[role] ? table.header.indexOf(mapping[role]!) : -1]));
  return table.records.slice(0, n).map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(ROLES.filter((r) => index[r] >= 0).map((r) => [r, (cells[index[r]] ?? '').trim()])),
  }));
}

function detect(files: InputFile[]): number {
  let best = 0;
  for (const file of files) {
    if (!/\.(csv|tsv|tab|txt)$/i.test(file.path)) continue;
    const first = head(file.bytes).split(/\r?\n/)[0];
    const cells = first.split(first.includes('\t') ? '\t' : ',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length >= 61) continue; // a GDELT export
    best = Math.max(best, guessMapping(cells) ? 0.5 : 0.2);
  }
  return best;
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('edge-list', readVocabulary(options.vocabulary));
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const tick = progressTicker(options, totalBytes);
  const today = todayIso();
  let rowCount = 0;
  let bytesBefore = 0;
  let undated = false;
  let cutQuotes = 0;

  for (const file of files) {
    const table = readTable(file, options.mapping);
    out.issues.push(...table.issues);
    if (table.issues.length && !table.header.length) continue;
    const mapping = options.mapping ?? guessMapping(table.header);
    if (!mapping) {
      out.issue(file.path, 1, 'header', `cannot tell which columns hold the subject and the object (header: ${table.header.join(', ')}); choose them in the mapping step`);
      continue;
    }
    const index: Partial<Record<Role, number>> = {};
    let missing = false;
    for (const role of ROLES) {
      const column = mapping[role];
      if (!column) continue;
      const i = table.header.indexOf(column);
      if (i < 0) {
        out.issue(file.path, 1, column, `the mapping's ${role} column "${column}" is not in the header`, 'missing-column');
        missing = true;
      }
      index[role] = i;
    }
    if (missing) continue;
    const used = new Set(Object.values(index));
    const attrIndex = table.header.map((name, i) => [name, i] as const).filter(([name, i]) => name && !used.has(i));
    if (index.date === undefined) undated = true;
    const fileKey = `file:${file.path}`;

    for (const [i, { line, cells }] of table.records.entries()) {
      rowCount++;
      if (!tick(rowCount, bytesBefore + Math.round((file.bytes.length * i) / table.records.length))) break;
      if (cells.length !== table.header.length) {
        out.issue(file.path, line, '', `ragged row: ${cells.length} fields where the header has ${table.header.length}`);
        continue;
      }
      const cell = (role: Role) => (index[role] === undefined ? '' : cells[index[role]!].trim());
      const subjectLabel = cell('subject');
      const objectLabel = cell('object');
      if (!subjectLabel || !objectLabel) {
        out.skip('rows without two actors');
        continue;
      }
      if (subjectLabel === objectLabel) {
        out.skip('rows with the same actor on both sides');
        continue;
      }
      let date = today;
      if (index.date !== undefined) {
        const read = readDate(cell('date'));
        if (!read) {
          out.issue(file.path, line, mapping.date!, cell('date') ? `"${cell('date')}" is not a date I can read; write YYYY-MM-DD` : 'required field is empty');
          continue;
        }
        date = read;
      }
      let endDate = '';
      if (index.endDate !== undefined && cell('endDate')) {
        const read = readDate(cell('endDate'));
        if (!read) {
          out.issue(file.path, line, mapping.endDate!, `"${cell('endDate')}" is not a date I can read; write YYYY-MM-DD`);
          continue;
        }
        endDate = read;
        if (endsBefore(date, endDate)) {
          out.issue(file.path, line, mapping.endDate!, `${endDate} is before the date ${date}${index.date === undefined ? ' (the import day: no date column is mapped)' : ''}`, 'end-before-start');
          continue;
        }
      }
      const typeName = cell('type') || mapping.defaultType || 'Related to';
      const type = out.typeNamed(typeName, { directed: true, temporal: index.endDate !== undefined || index.date === undefined ? 'state' : 'event' });
      const kindOf = (label: string) => mapping.kinds?.[label] ?? 'group';
      for (const label of [subjectLabel, objectLabel]) {
        const kind = mapping.kinds?.[label];
        if (kind && !['state', 'person', 'organisation', 'region', 'group'].includes(kind)) {
          out.issue(file.path, line, '', `kind "${kind}" chosen for "${label}" must be one of state, person, organisation, region, group`);
        }
      }
      const subject = out.actor(subjectLabel, subjectLabel, kindOf(subjectLabel));
      const object = out.actor(objectLabel, objectLabel, kindOf(objectLabel));

      const named = cell('source');
      // A source column that holds addresses is the URL column.
      const url = cell('url') || (isHttpUrl(named) ? named : '');
      const sourceName = isHttpUrl(named) ? '' : named;
      const key = sourceName ? `source:${sourceName}` : url ? `url:${url}` : fileKey;
      const source = out.source(key, {
        title: sourceName || (url ? url.replace(/^https?:\/\//i, '').slice(0, 160) : options.name || fileName(file.path)),
        outlet: sourceName || hostOf(url),
        published: date,
        url: isHttpUrl(url) ? url : '',
        coding: CODING['edge-list'],
      });
      const fields = out.sourceFields(key)!;
      fields.published = laterDate(fields.published, endDate || date);
      if (url && !fields.url && isHttpUrl(url)) fields.url = url;

      const { quote, cut } = cell('quote') ? quoteFrom(cell('quote')) : { quote: '', cut: false };
      if (cut) cutQuotes++;
      const attrs: Record<string, string> = {};
      for (const [name, i] of attrIndex) attrs[attrColumn(name)] = (cells[i] ?? '').trim();
      out.relation(source, { subject, object, type, date, endDate, quote, note: cut ? cell('quote') : '', attrs });
    }
    bytesBefore += file.bytes.length;
    if (options.signal?.aborted) {
      out.issue(file.path, 0, '', 'import cancelled', 'cancelled');
      break;
    }
  }
  if (undated) out.note(`No date column: every relation is dated to the import day, ${today}.`);
  if (cutQuotes) out.note(`${cutQuotes} quotes were longer than 200 characters or one paragraph: the quote keeps their beginning, the note the whole text.`);
  if (out.relationCount === 0 && out.issues.length === 0) out.issue(files[0]?.path ?? '', 0, '', 'no row with two actors');
  return out.result();
}

export const edgeListFormat: InputFormat = { id: 'edge-list', label: 'Edge list (CSV or TSV)', detect, convert };
