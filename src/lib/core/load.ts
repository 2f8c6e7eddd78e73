/**
 * The one code path from graph-data CSV text to a validated Dataset, shared by
 * the app and `npm run check-data` (and any later import of a user's own files). It collects every issue
 * instead of stopping at the first, and returns no dataset when there is any,
 * so nothing is ever half-applied.
 */
import { parseCsv, type CsvRow } from './csv';
import { describeDateProblem, parsePartialDate } from './dates';
import {
  ACTOR_KINDS,
  TEMPORAL_KINDS,
  type Actor,
  type ActorKind,
  type DataIssue,
  type Dataset,
  type Relation,
  type RelationType,
  type Source,
  type Temporal,
} from './model';

export const TYPE_COLUMNS = ['id', 'label', 'color', 'directed', 'temporal', 'cameo', 'description'] as const;
export const ACTOR_COLUMNS = ['id', 'label', 'kind', 'affiliation', 'aliases'] as const;
export const SOURCE_COLUMNS = ['id', 'title', 'outlet', 'published', 'url'] as const;
export const RELATION_COLUMNS = ['subject', 'object', 'type', 'date', 'end_date', 'quote', 'note'] as const;

export const TYPES_FILE = 'relation-types.csv';
export const ACTORS_FILE = 'actors.csv';
export const SOURCES_FILE = 'sources.csv';
export const RELATIONS_DIR = 'relations/';

const MAX_QUOTE_LENGTH = 200;
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPE_ID = /^[a-z][a-z0-9_]*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** graph-data files by path relative to the graph-data folder, e.g. `relations/000_x.csv`. */
export type DatasetFiles = Record<string, string>;

export interface LoadOptions {
  /** Source texts by source id; when given, every quote must occur in its text verbatim. */
  texts?: Record<string, string>;
}

export type LoadResult = { ok: true; dataset: Dataset; issues: [] } | { ok: false; dataset: null; issues: DataIssue[] };

class IssueCollector {
  readonly issues: DataIssue[] = [];
  constructor(private file: string) {}
  add(line: number, field: string, message: string): void {
    this.issues.push({ file: this.file, line, field, message });
  }
  require(row: CsvRow, field: string): string | null {
    const value = row.values[field];
    if (!value) {
      this.add(row.line, field, 'required field is empty');
      return null;
    }
    return value;
  }
  uniqueId(row: CsvRow, seen: Map<string, number>, field = 'id'): string | null {
    const id = this.require(row, field);
    if (id === null) return null;
    const first = seen.get(id);
    if (first !== undefined) {
      this.add(row.line, field, `duplicate id "${id}" (first defined on line ${first})`);
      return null;
    }
    seen.set(id, row.line);
    return id;
  }
  date(row: CsvRow, field: string): boolean {
    const problem = describeDateProblem(row.values[field]);
    if (problem) this.add(row.line, field, problem);
    return problem === null;
  }
}

function readTypes(text: string, issues: DataIssue[]): RelationType[] {
  const table = parseCsv(TYPES_FILE, text, TYPE_COLUMNS);
  const check = new IssueCollector(TYPES_FILE);
  const seen = new Map<string, number>();
  const types: RelationType[] = [];
  for (const row of table.rows) {
    const id = check.uniqueId(row, seen);
    const label = check.require(row, 'label');
    const { color, directed, temporal, cameo, description } = row.values;
    let valid = id !== null && label !== null;
    if (id && !TYPE_ID.test(id)) valid = fail(check, row, 'id', `"${id}" must be lower-case snake_case, like request_aid`);
    if (!HEX_COLOR.test(color)) valid = fail(check, row, 'color', `"${color}" is not a #rrggbb colour`);
    if (directed !== 'true' && directed !== 'false') valid = fail(check, row, 'directed', `"${directed}" must be true or false`);
    if (!TEMPORAL_KINDS.includes(temporal as Temporal)) valid = fail(check, row, 'temporal', `"${temporal}" must be state or event`);
    if (cameo && !/^\d{2,4}$/.test(cameo)) valid = fail(check, row, 'cameo', `"${cameo}" is not a CAMEO code (2 to 4 digits)`);
    if (valid) {
      types.push({ id: id!, label: label!, color: color.toLowerCase(), directed: directed === 'true', temporal: temporal as Temporal, cameo, description });
    }
  }
  issues.push(...table.issues, ...check.issues);
  return types;
}

function fail(check: IssueCollector, row: CsvRow, field: string, message: string): false {
  check.add(row.line, field, message);
  return false;
}

function readActors(text: string, issues: DataIssue[]): Actor[] {
  const table = parseCsv(ACTORS_FILE, text, ACTOR_COLUMNS);
  const check = new IssueCollector(ACTORS_FILE);
  const seen = new Map<string, number>();
  const actors: Actor[] = [];
  const affiliationLines: Array<[Actor, number]> = [];
  for (const row of table.rows) {
    const id = check.uniqueId(row, seen);
    const label = check.require(row, 'label');
    const { kind, affiliation, aliases } = row.values;
    let valid = id !== null && label !== null;
    if (id && !KEBAB_ID.test(id)) valid = fail(check, row, 'id', `"${id}" must be a kebab-case English name, like nikol-pashinyan`);
    if (!ACTOR_KINDS.includes(kind as ActorKind)) valid = fail(check, row, 'kind', `"${kind}" must be one of ${ACTOR_KINDS.join(', ')}`);
    if (affiliation && affiliation === id) valid = fail(check, row, 'affiliation', 'an actor cannot be affiliated with itself');
    if (!valid) continue;
    const actor: Actor = {
      id: id!,
      label: label!,
      kind: kind as ActorKind,
      affiliation: affiliation || null,
      aliases: aliases ? aliases.split('|').map((alias) => alias.trim()).filter(Boolean) : [],
    };
    actors.push(actor);
    affiliationLines.push([actor, row.line]);
  }
  for (const [actor, line] of affiliationLines) {
    if (actor.affiliation && !seen.has(actor.affiliation)) check.add(line, 'affiliation', `unknown actor id "${actor.affiliation}"`);
  }
  issues.push(...table.issues, ...check.issues);
  return actors;
}

function readSources(text: string, issues: DataIssue[]): Source[] {
  const table = parseCsv(SOURCES_FILE, text, SOURCE_COLUMNS);
  const check = new IssueCollector(SOURCES_FILE);
  const seen = new Map<string, number>();
  const sources: Source[] = [];
  for (const row of table.rows) {
    const id = check.uniqueId(row, seen);
    const title = check.require(row, 'title');
    const published = check.require(row, 'published');
    let valid = id !== null && title !== null && published !== null && check.date(row, 'published');
    const { outlet, url } = row.values;
    if (url && !/^https?:\/\/\S+$/i.test(url)) valid = fail(check, row, 'url', `"${url}" must be an http(s) address`);
    if (valid) sources.push({ id: id!, title: title!, outlet, published: published!, url });
  }
  issues.push(...table.issues, ...check.issues);
  return sources;
}

interface Known {
  actors: Set<string>;
  types: Set<string>;
}

function readRelations(sourceId: string, file: string, text: string, known: Known, sourceText: string | undefined, issues: DataIssue[]): Relation[] {
  const table = parseCsv(file, text, RELATION_COLUMNS);
  const check = new IssueCollector(file);
  const relations: Relation[] = [];
  for (const row of table.rows) {
    const { subject, object, type, date, end_date: endDate, quote, note } = row.values;
    let valid = true;
    for (const field of ['subject', 'object'] as const) {
      const id = row.values[field];
      if (!id) valid = fail(check, row, field, 'required field is empty');
      else if (!known.actors.has(id)) valid = fail(check, row, field, `unknown actor id "${id}"`);
    }
    if (valid && subject === object) valid = fail(check, row, 'object', `relation of "${subject}" with itself`);
    if (!type) valid = fail(check, row, 'type', 'required field is empty');
    else if (!known.types.has(type)) valid = fail(check, row, 'type', `unknown relation type "${type}"`);
    if (!date) valid = fail(check, row, 'date', 'required field is empty');
    else if (!check.date(row, 'date')) valid = false;
    if (endDate) {
      if (!check.date(row, 'end_date')) valid = false;
      else if (date && parsePartialDate(date) && parsePartialDate(endDate)!.end < parsePartialDate(date)!.start) {
        valid = fail(check, row, 'end_date', `${endDate} is before date ${date}`);
      }
    }
    if (!quote) valid = fail(check, row, 'quote', 'required field is empty');
    else if (quote.length > MAX_QUOTE_LENGTH) valid = fail(check, row, 'quote', `${quote.length} characters; keep quotes to at most ${MAX_QUOTE_LENGTH}`);
    else if (sourceText !== undefined && !sourceText.includes(quote)) valid = fail(check, row, 'quote', `not found verbatim in the text of source ${sourceId}`);
    if (valid) relations.push({ id: `${sourceId}:${row.line}`, source: sourceId, line: row.line, subject, object, type, date, endDate, quote, note });
  }
  issues.push(...table.issues, ...check.issues);
  return relations;
}

/** Parses and validates a whole graph-data folder given as file texts. */
export function loadDataset(files: DatasetFiles, options: LoadOptions = {}): LoadResult {
  const issues: DataIssue[] = [];
  for (const required of [TYPES_FILE, ACTORS_FILE, SOURCES_FILE]) {
    if (files[required] === undefined) issues.push({ file: required, line: 0, field: '', message: 'file is missing' });
  }
  const types = files[TYPES_FILE] === undefined ? [] : readTypes(files[TYPES_FILE], issues);
  const actors = files[ACTORS_FILE] === undefined ? [] : readActors(files[ACTORS_FILE], issues);
  const sources = files[SOURCES_FILE] === undefined ? [] : readSources(files[SOURCES_FILE], issues);
  const known: Known = { actors: new Set(actors.map((a) => a.id)), types: new Set(types.map((t) => t.id)) };
  const sourceIds = new Set(sources.map((s) => s.id));

  const relations: Relation[] = [];
  const relationFiles = Object.keys(files)
    .filter((path) => path.startsWith(RELATIONS_DIR) && path.endsWith('.csv'))
    .sort();
  for (const file of relationFiles) {
    const sourceId = file.slice(RELATIONS_DIR.length, -'.csv'.length);
    if (!sourceIds.has(sourceId)) {
      issues.push({ file, line: 0, field: '', message: `source id "${sourceId}" is not in ${SOURCES_FILE}` });
      continue;
    }
    const text = options.texts ? options.texts[sourceId] : undefined;
    if (options.texts && text === undefined) {
      issues.push({ file, line: 0, field: 'quote', message: `no source text given for "${sourceId}", so its quotes cannot be checked` });
    }
    relations.push(...readRelations(sourceId, file, files[file], known, text, issues));
  }
  if (issues.length > 0) return { ok: false, dataset: null, issues };
  return { ok: true, dataset: { types, actors, sources, relations }, issues: [] };
}
