/**
 * The one code path from graph-data files to a validated Dataset, shared by the
 * app, `npm run check-data` and imports of a user's own files. It collects every
 * issue instead of stopping at the first, and returns no dataset when there is
 * any, so nothing is ever half-applied. It never throws on any input.
 *
 * Issues that would only follow from another one are not reported: a relation
 * that names an actor whose row was rejected, or a relations file whose
 * sources.csv row was rejected for its URL, gets no second "unknown id" error.
 */
import { ACTORS_FILE, RELATIONS_DIR, SOURCES_FILE, TYPES_FILE, normalizeDataPath, planDatasetFiles, type DataFileRole } from './dataset-files';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES } from './limits';
import { DEFAULT_CODING, type DataIssue, type Dataset, type Source } from './model';
import { DateCache, idTable, isUnknown, type LoadRun } from './load-checks';
import { contentSize, decodeDataFile, type FileContent } from './text-decode';
import { relationRows } from './relation-columns';
import { RelationColumnsBuilder } from './relation-columns-builder';
import { estimatedContentLines, readRelations, type RelationContext } from './relation-reader';
import { relationLookups } from './relation-lookups';

export { RELATION_COLUMNS, RELATION_OPTIONAL_COLUMNS } from './relation-reader';

export { ACTORS_FILE, RELATIONS_DIR, SOURCES_FILE, TYPES_FILE } from './dataset-files';

export { ACTOR_COLUMNS, MAX_COLOR_LUMINANCE, MIN_COLOR_LUMINANCE, PLOVER_EVENT_TYPES, SOURCE_COLUMNS, SOURCE_OPTIONAL_COLUMNS, TYPE_COLUMNS, TYPE_OPTIONAL_COLUMNS } from './load-tables';
import { SOURCE_ID, readActors, readSources, readTypes } from './load-tables';

export type DatasetFiles = Record<string, string>;
/** What loadDataset reads: files as bytes (checked as UTF-8) or text, by path. Only own keys count. */
export type DatasetContents = Readonly<Record<string, FileContent>>;
export type { FileContent } from './text-decode';

export interface LoadOptions {
  /**
   * Source texts by source id; when given, every quote must occur in its text
   * verbatim. `texts/<id>.txt` files in the dataset check the quotes of the sources they name.
   */
  texts?: Record<string, string> | Map<string, string>;
  /** Size limits in bytes (UTF-16 units for text); the defaults are in limits.ts. */
  maxFileBytes?: number;
  maxTotalBytes?: number;
  /** Called after each relations file: bytes (UTF-16 units for text) and rows validated so far, of all relations files. */
  onProgress?: (progress: { bytes: number; totalBytes: number; rows: number }) => void;
}

/** 2^21 rows: about 60 MB of columns presized at most. */
const MAX_PRESIZED_ROWS = 1 << 21;

export type LoadResult = { ok: true; dataset: Dataset; issues: [] } | { ok: false; dataset: null; issues: DataIssue[] };


/** Issues grouped by file (in the order the files were first reported), then by line; stable otherwise. */
function inReadingOrder(issues: DataIssue[]): DataIssue[] {
  const rank = new Map<string, number>();
  for (const issue of issues) if (!rank.has(issue.file)) rank.set(issue.file, rank.size);
  return issues.sort((a, b) => rank.get(a.file)! - rank.get(b.file)! || a.line - b.line);
}

function textsMap(texts: LoadOptions['texts']): Map<string, string> | undefined {
  if (!texts) return undefined;
  if (texts instanceof Map) return texts;
  return new Map(Object.keys(texts).map((id) => [id, texts[id]]));
}

/** Parses and validates a whole graph-data folder given as file contents by path. Never throws. */
export function loadDataset(files: DatasetContents, options: LoadOptions = {}): LoadResult {
  const issues: DataIssue[] = [];
  const paths = Object.keys(files);
  const plan = planDatasetFiles(paths);
  for (const issue of plan.issues) issues.push(issue);
  const keyOf = new Map(paths.map((key) => [normalizeDataPath(key), key]));
  const content = (path: string): FileContent => files[keyOf.get(path) ?? path] ?? '';

  const run: LoadRun = { issues, maxFileBytes: options.maxFileBytes ?? MAX_FILE_BYTES, dates: new DateCache() };
  const maxTotalBytes = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
  let total = 0;
  for (const path of plan.files.keys()) total += contentSize(content(path));
  if (total > maxTotalBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    issues.push({ file: '', line: 0, column: '', code: 'limits/dataset-too-large', message: `the dataset's files hold ${mb(total)}, over the limit of ${mb(maxTotalBytes)}; a browser tab would run out of memory` });
    return { ok: false, dataset: null, issues };
  }

  const byKind = (kind: DataFileRole['kind']) => [...plan.files].filter(([, role]) => role.kind === kind);
  const single = (name: string, kind: DataFileRole['kind']): string | null => {
    if (byKind(kind).length > 0) return name;
    issues.push({ file: name, line: 0, column: '', code: 'files/missing', message: 'file is missing' });
    return null;
  };
  const typesFile = single(TYPES_FILE, 'types');
  const actorsFile = single(ACTORS_FILE, 'actors');
  const sourcesFile = single(SOURCES_FILE, 'sources');

  const typeTable = idTable();
  const actorTable = idTable();
  const sourceTable = idTable();
  const types = typesFile ? readTypes(typesFile, content(typesFile), run, typeTable) : ((typeTable.complete = false), []);
  const actors = actorsFile ? readActors(actorsFile, content(actorsFile), run, actorTable) : ((actorTable.complete = false), []);
  const read = sourcesFile ? readSources(sourcesFile, content(sourcesFile), run, sourceTable) : ((sourceTable.complete = false), { sources: [], lines: new Map<string, number>() });
  const sources = read.sources;
  const sourcesById = new Map(sources.map((source) => [source.id, source]));

  const texts = textsMap(options.texts) ?? (byKind('text').length > 0 ? new Map<string, string>() : undefined);
  for (const [path, role] of byKind('text')) {
    const decoded = decodeDataFile(path, content(path), run.maxFileBytes);
    for (const issue of decoded.issues) issues.push(issue);
    if (role.kind !== 'text') continue;
    if (!sourcesById.has(role.sourceId) && isUnknown(sourceTable, role.sourceId)) {
      issues.push({ file: path, line: 0, column: '', code: 'load/unknown-source', message: `a text for source "${role.sourceId}", which is not in ${SOURCES_FILE}` });
    }
    if (!texts!.has(role.sourceId)) texts!.set(role.sourceId, decoded.text);
  }

  const sourceIndex = new Map(sources.map((source, i) => [source.id, i]));
  // Presized from the files' line counts: doubling from 1,024 rows copied every column ten times on the way to 10^6
  // rows. An estimate is from each file's start, so a file of short lines there could overstate it: past
  // MAX_PRESIZED_ROWS the columns grow as they fill.
  const expectedRows = Math.min(MAX_PRESIZED_ROWS, byKind('relations').reduce((sum, [file]) => sum + estimatedContentLines(content(file)), 0));
  const rows = new RelationColumnsBuilder({ sourceIds: sources.map((s) => s.id), actorIds: actors.map((a) => a.id), typeIds: types.map((t) => t.id) }, expectedRows);
  const typesById = new Map(types.map((type) => [type.id, type]));
  const actorIndex = new Map(actors.map((actor, i) => [actor.id, i]));
  const typeIndex = new Map(types.map((type, i) => [type.id, i]));
  const context: Omit<RelationContext, 'quotesRequired' | 'sourceText' | 'sourceIndex'> = {
    actors: actorTable,
    types: typesById,
    typeTable,
    actorIndex,
    typeIndex,
    lookups: relationLookups(actorTable, actorIndex, typesById, typeIndex),
    rows,
  };
  const withRelations = new Set<string>();
  const relationFiles = byKind('relations');
  const relationBytes = relationFiles.reduce((sum, [file]) => sum + contentSize(content(file)), 0);
  let bytesDone = 0;
  for (const [file, role] of relationFiles) {
    if (role.kind !== 'relations') continue;
    if (options.onProgress) {
      options.onProgress({ bytes: bytesDone, totalBytes: relationBytes, rows: rows.size });
      bytesDone += contentSize(content(file));
    }
    const sourceId = role.sourceId;
    withRelations.add(sourceId);
    const source = sourcesById.get(sourceId);
    if (!source && isUnknown(sourceTable, sourceId)) {
      const hint = SOURCE_ID.test(sourceId) ? '' : '; source ids are made of letters, digits, _ and -';
      issues.push({ file, line: 0, column: '', code: 'load/unknown-source', message: `source id "${sourceId}" is not in ${SOURCES_FILE}${hint}` });
      continue;
    }
    const coding = source?.coding ?? DEFAULT_CODING;
    const sourceText = texts?.get(sourceId);
    // Texts passed in (check-data --texts) must cover every hand-coded source; texts/ files inside a
    // dataset cover the sources they name, since a dataset may add texted sources to ones kept without text.
    if (options.texts && sourceText === undefined && coding === DEFAULT_CODING) {
      issues.push({ file, line: 0, column: 'quote', code: 'load/no-source-text', message: `no source text given for "${sourceId}", so its quotes cannot be checked` });
    }
    readRelations(sourceId, file, content(file), { ...context, sourceIndex: sourceIndex.get(sourceId) ?? 0, quotesRequired: coding === DEFAULT_CODING, sourceText }, run);
  }
  options.onProgress?.({ bytes: relationBytes, totalBytes: relationBytes, rows: rows.size });
  if (sourcesFile) {
    for (const source of sources) {
      if (withRelations.has(source.id) || plan.misplacedSources.has(source.id)) continue;
      issues.push({
        file: sourcesFile,
        line: read.lines.get(source.id) ?? 0,
        column: 'id',
        code: 'load/source-without-relations',
        message: `no file ${RELATIONS_DIR}${source.id}.csv; add one (a header line alone says that the source asserts no relation)`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, dataset: null, issues: inReadingOrder(issues) };
  return { ok: true, dataset: { types, actors, sources, relations: relationRows(rows.finish()) }, issues: [] };
}
