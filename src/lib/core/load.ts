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
import { relativeLuminance } from './contrast';
import { attributesOf, type CsvColumns, type CsvRow } from './csv';
import {
  ACTORS_FILE,
  RELATIONS_DIR,
  SOURCES_FILE,
  TYPES_FILE,
  normalizeDataPath,
  planDatasetFiles,
  type DataFileRole,
} from './dataset-files';
import { MAX_FILE_BYTES, MAX_ID_CHARS, MAX_QUOTE_CODE_POINTS, MAX_TOTAL_BYTES } from './limits';
import {
  ACTOR_KINDS,
  DEFAULT_CODING,
  DEFAULT_MODALITY,
  MODALITIES,
  TEMPORAL_KINDS,
  type Actor,
  type ActorKind,
  type DataIssue,
  type Dataset,
  type RelationType,
  type Source,
  type Temporal,
} from './model';
import {
  Checker,
  DateCache,
  checkCellLengths,
  codePointLength,
  idTable,
  isDamaged,
  isUnknown,
  readTable,
  rejectBrokenRows,
  type IdTable,
  type LoadRun,
} from './load-checks';
import { contentSize, decodeDataFile, type FileContent } from './text-decode';
import { RelationColumnsBuilder, relationRows } from './relation-columns';
import { readRelations, type RelationContext } from './relation-reader';

export { RELATION_COLUMNS, RELATION_OPTIONAL_COLUMNS } from './relation-reader';

export { ACTORS_FILE, RELATIONS_DIR, SOURCES_FILE, TYPES_FILE } from './dataset-files';

export const TYPE_COLUMNS = ['id', 'label', 'color', 'directed', 'temporal', 'cameo', 'description'] as const;
export const ACTOR_COLUMNS = ['id', 'label', 'kind', 'affiliation', 'aliases'] as const;
export const SOURCE_COLUMNS = ['id', 'title', 'outlet', 'published', 'url'] as const;

/** Optional columns: after the required ones, in any order; absent means the default. */
export const TYPE_OPTIONAL_COLUMNS = ['plover'] as const;
export const SOURCE_OPTIONAL_COLUMNS = ['coding'] as const;

const TYPE_SPEC: CsvColumns = { required: TYPE_COLUMNS, optional: TYPE_OPTIONAL_COLUMNS };
const ACTOR_SPEC: CsvColumns = { required: ACTOR_COLUMNS };
const SOURCE_SPEC: CsvColumns = { required: SOURCE_COLUMNS, optional: SOURCE_OPTIONAL_COLUMNS, attributes: true };

/**
 * PLOVER event types: the 16 of the 2021 manual (used by POLECAT) and the older
 * ones still found in PLOVER-coded data (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT).
 */
export const PLOVER_EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
  'DEMAND', 'DISAPPROVE', 'INVESTIGATE', 'FIGHT',
] as const;

/** `EVENT` or `EVENT/mode`, the mode in lower case as the PLOVER tables write it (`CONSULT/visit`, `ASSAULT/heavy-weapons`). */
const PLOVER_CODE = /^([A-Z]+)(?:\/([a-z][a-z0-9_-]*))?$/;
const CODER_NAME = /^[a-z][a-z0-9_-]*$/;
const STATEMENT_ID = /^\S+$/;
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPE_ID = /^[a-z][a-z0-9_]*$/;
/** A source id is also a file name (`relations/<id>.csv`), so: letters, digits, `_` and `-`. */
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const BLANK_LINE = /\n[ \t]*\r?\n|\r\r/;

/** Relative luminance outside this range is near-black or near-white: invisible on a dark or a light background. */
export const MIN_COLOR_LUMINANCE = 0.01;
export const MAX_COLOR_LUMINANCE = 0.8;

/** graph-data files as text, by path relative to the graph-data folder, e.g. `relations/000_x.csv`. */
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

export type LoadResult = { ok: true; dataset: Dataset; issues: [] } | { ok: false; dataset: null; issues: DataIssue[] };

function readTypes(file: string, content: FileContent, run: LoadRun, known: IdTable): RelationType[] {
  const { table, damaged } = readTable(file, content, TYPE_SPEC, run);
  const types: RelationType[] = [];
  if (!table) {
    known.complete = false;
    return types;
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    check.start(row);
    const { color, directed, temporal, cameo, description, plover = '' } = row.values;
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    checkCellLengths(check, row, table.header);
    const id = check.id('id', TYPE_ID, 'must be lower-case snake_case, like request_aid');
    check.unique('id', id, firstLine);
    const label = check.required('label');
    if (!HEX_COLOR.test(color)) check.fail('color', 'load/bad-color', `"${color}" is not a #rrggbb colour`);
    else {
      const luminance = relativeLuminance(color);
      if (luminance < MIN_COLOR_LUMINANCE) check.fail('color', 'load/invisible-color', `${color} is black or near-black, which vanishes on a dark background; pick a colour from the palette`);
      else if (luminance > MAX_COLOR_LUMINANCE) check.fail('color', 'load/invisible-color', `${color} is white or near-white, which vanishes on a light background; pick a colour from the palette`);
    }
    if (directed !== 'true' && directed !== 'false') check.fail('directed', 'load/bad-value', `"${directed}" must be true or false`);
    if (!TEMPORAL_KINDS.includes(temporal as Temporal)) check.fail('temporal', 'load/bad-value', `"${temporal}" must be state or event`);
    if (cameo && !/^\d{2,4}$/.test(cameo)) check.fail('cameo', 'load/bad-cameo', `"${cameo}" is not a CAMEO code (2 to 4 digits)`);
    if (plover) {
      const match = PLOVER_CODE.exec(plover);
      if (!match) check.fail('plover', 'load/bad-plover', `"${plover}" is not a PLOVER code; write an event type in capitals, optionally with a mode: ACCUSE or CONSULT/visit`);
      else if (!(PLOVER_EVENT_TYPES as readonly string[]).includes(match[1])) {
        check.fail('plover', 'load/bad-plover', `"${match[1]}" is not a PLOVER event type; one of ${PLOVER_EVENT_TYPES.join(', ')}`);
      }
    }
    check.settle(id, known);
    if (check.valid) {
      types.push({ id, label, color: color.toLowerCase(), directed: directed === 'true', temporal: temporal as Temporal, cameo, description, plover });
    }
  }
  return types;
}

function readActors(file: string, content: FileContent, run: LoadRun, known: IdTable): Actor[] {
  const { table, damaged } = readTable(file, content, ACTOR_SPEC, run);
  const actors: Actor[] = [];
  if (!table) {
    known.complete = false;
    return actors;
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  const firstLine = new Map<string, number>();
  const rows: Array<[Actor, CsvRow]> = [];
  for (const row of table.rows) {
    check.start(row);
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    const { kind, affiliation, aliases } = row.values;
    checkCellLengths(check, row, table.header);
    const id = check.id('id', KEBAB_ID, 'must be a kebab-case English name, like nikol-pashinyan');
    check.unique('id', id, firstLine);
    const label = check.required('label');
    if (!ACTOR_KINDS.includes(kind as ActorKind)) check.fail('kind', 'load/bad-value', `"${kind}" must be one of ${ACTOR_KINDS.join(', ')}`);
    if (affiliation && affiliation === id) check.fail('affiliation', 'load/self-affiliation', 'an actor cannot be affiliated with itself');
    check.settle(id, known);
    if (!check.valid) continue;
    const actor: Actor = {
      id,
      label,
      kind: kind as ActorKind,
      affiliation: affiliation || null,
      aliases: aliases ? aliases.split('|').map((alias) => alias.trim()).filter(Boolean) : [],
    };
    actors.push(actor);
    rows.push([actor, row]);
  }
  const valid = new Set<Actor>(actors);
  for (const [actor, row] of rows) {
    if (actor.affiliation && isUnknown(known, actor.affiliation)) {
      check.start(row);
      check.fail('affiliation', 'load/unknown-actor', `unknown actor id "${actor.affiliation}"`);
      valid.delete(actor);
    }
  }
  for (const cycle of affiliationCycles(rows)) {
    const lines = cycle.map(([, row]) => row.line);
    const first = cycle.reduce((a, b) => (b[1].line < a[1].line ? b : a));
    check.start(first[1]);
    const path = [...cycle.map(([actor]) => actor.id), cycle[0][0].id].join(' → ');
    check.fail('affiliation', 'load/affiliation-cycle', `affiliation cycle ${path} (lines ${lines.join(', ')}); an actor cannot belong to itself through others`);
  }
  return actors.filter((actor) => valid.has(actor));
}

/** Every cycle in the affiliation graph, each once, starting at the actor found first. Iterative, so a long chain cannot overflow the stack. */
function affiliationCycles(rows: Array<[Actor, CsvRow]>): Array<Array<[Actor, CsvRow]>> {
  const byId = new Map(rows.map((entry) => [entry[0].id, entry]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Array<Array<[Actor, CsvRow]>> = [];
  for (const [actor] of rows) {
    if (state.has(actor.id)) continue;
    const path: string[] = [];
    let id: string | null = actor.id;
    while (id !== null && !state.has(id) && byId.has(id)) {
      state.set(id, 'open');
      path.push(id);
      id = byId.get(id)![0].affiliation;
    }
    if (id !== null && state.get(id) === 'open') {
      const from = path.indexOf(id);
      cycles.push(path.slice(from).map((member) => byId.get(member)!));
    }
    for (const member of path) state.set(member, 'done');
  }
  return cycles;
}

function readSources(file: string, content: FileContent, run: LoadRun, known: IdTable): { sources: Source[]; lines: Map<string, number> } {
  const { table, damaged } = readTable(file, content, SOURCE_SPEC, run);
  const sources: Source[] = [];
  const firstLine = new Map<string, number>();
  if (!table) {
    known.complete = false;
    return { sources, lines: firstLine };
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  for (const row of table.rows) {
    check.start(row);
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    checkCellLengths(check, row, table.header);
    const id = check.id('id', SOURCE_ID, 'must be made of letters, digits, _ and - (it names the file relations/<id>.csv)');
    check.unique('id', id, firstLine);
    const title = check.required('title');
    if (check.required('published')) check.date('published');
    const { outlet, published, url, coding = '' } = row.values;
    if (url && (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url))) check.fail('url', 'load/bad-url', `"${url}" must be an http(s) address`);
    if (coding && !CODER_NAME.test(coding)) check.fail('coding', 'load/bad-coding', `"${coding}" must be hand or the lower-case name of a machine coder, like gdelt or polecat`);
    check.settle(id, known);
    if (check.valid) {
      sources.push({ id, title, outlet, published, url, coding: coding || DEFAULT_CODING, attributes: attributesOf(table.header, row.values) });
    }
  }
  return { sources, lines: firstLine };
}

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
  const rows = new RelationColumnsBuilder({ sourceIds: sources.map((s) => s.id), actorIds: actors.map((a) => a.id), typeIds: types.map((t) => t.id) });
  const context: Omit<RelationContext, 'quotesRequired' | 'sourceText' | 'sourceIndex'> = {
    actors: actorTable,
    types: new Map(types.map((type) => [type.id, type])),
    typeTable,
    actorIndex: new Map(actors.map((actor, i) => [actor.id, i])),
    typeIndex: new Map(types.map((type, i) => [type.id, i])),
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
