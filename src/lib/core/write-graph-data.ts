/**
 * Dataset → graph-data files, for "Download dataset" and `import --out`.
 * loadDataset(writeGraphData(d)) deep-equals d:
 * - relation ids carry the line of the row (`<source>:<line>`), so each row is
 *   written on the line it came from, blank lines (which the loader skips)
 *   filling the gaps;
 * - optional columns (plover; coding; statement, modality; attr_<name>) are
 *   written only when some row holds a value other than the loader's default,
 *   so a dataset without them gets the plain required header back.
 */
import { toCsv } from './csv';
import { ACTOR_COLUMNS, ACTORS_FILE, RELATION_COLUMNS, RELATIONS_DIR, SOURCE_COLUMNS, SOURCES_FILE, TYPE_COLUMNS, TYPES_FILE, type DatasetFiles } from './load';
import type { Actor, Dataset, Relation, RelationType, Source } from './model';

/** The optional fields, read loosely so that this writer serves datasets with or without them. */
interface Optional {
  plover?: string;
  coding?: string;
  statement?: string;
  modality?: string;
  attributes?: Record<string, string>;
}
const ATTRIBUTE_PREFIX = 'attr_';
/** What the loader fills in when an optional column is absent or empty. */
const DEFAULTS: Record<string, string> = { plover: '', coding: 'hand', statement: '', modality: 'asserted' };

type Row = Record<string, string>;

/** The required columns, then each optional one some item needs, then the union of attribute names. */
function columnsFor<T>(required: readonly string[], optional: string[], items: readonly T[]): string[] {
  const used = optional.filter((name) => items.some((item) => ((item as Optional)[name as keyof Optional] ?? DEFAULTS[name]) !== DEFAULTS[name]));
  const attributes = new Set<string>();
  for (const item of items) for (const name of Object.keys((item as Optional).attributes ?? {})) attributes.add(name);
  return [...required, ...used, ...[...attributes].map((name) => ATTRIBUTE_PREFIX + name)];
}

function withOptional(row: Row, item: Optional): Row {
  for (const name of ['plover', 'coding', 'statement', 'modality'] as const) if (item[name] !== undefined) row[name] = item[name]!;
  for (const [name, value] of Object.entries(item.attributes ?? {})) row[ATTRIBUTE_PREFIX + name] = value;
  return row;
}

const typeRow = (t: RelationType): Row =>
  withOptional({ id: t.id, label: t.label, color: t.color, directed: String(t.directed), temporal: t.temporal, cameo: t.cameo, description: t.description }, t);
const actorRow = (a: Actor): Row => ({ id: a.id, label: a.label, kind: a.kind, affiliation: a.affiliation ?? '', aliases: a.aliases.join('|') });
const sourceRow = (s: Source): Row => withOptional({ id: s.id, title: s.title, outlet: s.outlet, published: s.published, url: s.url }, s);
const relationRow = (r: Relation): Row =>
  withOptional({ subject: r.subject, object: r.object, type: r.type, date: r.date, end_date: r.endDate, quote: r.quote, note: r.note }, r);

function newlinesIn(csvLine: string): number {
  let count = 0;
  for (let i = csvLine.indexOf('\n'); i !== -1; i = csvLine.indexOf('\n', i + 1)) count++;
  return count;
}

/** One relations file, each row on its own line number; throws when two rows claim the same lines. */
function relationsCsv(sourceId: string, relations: Relation[]): string {
  const columns = columnsFor(RELATION_COLUMNS, ['statement', 'modality'], relations);
  const out = [toCsv(columns, []).replace(/\r\n$/, '')];
  let line = 2;
  for (const relation of [...relations].sort((a, b) => a.line - b.line)) {
    if (relation.line < line) throw new Error(`write-graph-data: relation ${relation.id} cannot go on line ${relation.line} of ${sourceId}, line ${line} is next`);
    while (line < relation.line) {
      out.push('');
      line++;
    }
    const csv = toCsv(columns, [relationRow(relation)]);
    const row = csv.slice(csv.indexOf('\r\n') + 2, -2);
    out.push(row);
    line += 1 + newlinesIn(row);
  }
  return out.join('\r\n') + '\r\n';
}

export function writeGraphData(dataset: Dataset): DatasetFiles {
  const files: DatasetFiles = {
    [TYPES_FILE]: toCsv(columnsFor(TYPE_COLUMNS, ['plover'], dataset.types), dataset.types.map(typeRow)),
    [ACTORS_FILE]: toCsv(ACTOR_COLUMNS, dataset.actors.map(actorRow)),
    [SOURCES_FILE]: toCsv(columnsFor(SOURCE_COLUMNS, ['coding'], dataset.sources), dataset.sources.map(sourceRow)),
  };
  const bySource = new Map<string, Relation[]>(dataset.sources.map((s) => [s.id, []]));
  for (const relation of dataset.relations) bySource.get(relation.source)?.push(relation) ?? bySource.set(relation.source, [relation]);
  for (const [sourceId, relations] of bySource) files[`${RELATIONS_DIR}${sourceId}.csv`] = relationsCsv(sourceId, relations);
  return files;
}

/** The files of a graph-data zip: the CSVs, and the source texts under texts/ when there are any. */
export function graphDataZipEntries(dataset: Dataset, texts?: Record<string, string>): Record<string, string> {
  const entries: Record<string, string> = writeGraphData(dataset);
  for (const [id, text] of Object.entries(texts ?? {})) entries[`texts/${id}.txt`] = text;
  return entries;
}
