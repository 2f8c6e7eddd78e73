/**
 * The SQL behind `npm run aggregate`: GDELT 2.0 events exports or POLECAT weekly files,
 * aggregated by actor pair, relation type and period in DuckDB. Pure: these functions
 * only build SQL text (and the code tables it joins against), so the query can be read,
 * documented (docs/aggregate.md) and unit-tested without a database.
 *
 * Every statement produces the AGGREGATE schema below, which the Parquet output keeps
 * as is and `aggregateToGraphData` turns into graph-data.
 */
import Papa from 'papaparse';
// The 61 columns of a GDELT 2.0 export, in file order: one list for the browser import and this query.
import { GDELT_COLUMNS } from './formats/gdelt';

export type AggregateFormat = 'gdelt' | 'polecat';
export type AggregatePeriod = 'month' | 'week' | 'day';
export type InputKind = 'csv' | 'parquet';


/**
 * POLECAT columns read, by header name (matched ignoring case, spaces, `_`, `-` and `.`,
 * as the POLECAT import does): the same names as src/lib/core/formats/polecat.ts.
 */
export const POLECAT_COLUMNS = {
  eventId: 'Event ID', date: 'Event Date', type: 'Event Type', mode: 'Event Mode', intensity: 'Event Intensity',
  actor: 'Actor Name', actorCountry: 'Actor Country', actorSector: 'Primary Actor Sector',
  recipient: 'Recipient Name', recipientCountry: 'Recipient Country', recipientSector: 'Primary Recipient Sector',
  story: 'Story ID', published: 'Publication Date', url: 'URL',
} as const;
export type PolecatKey = keyof typeof POLECAT_COLUMNS;
export const POLECAT_REQUIRED: PolecatKey[] = ['eventId', 'date', 'type', 'actor', 'recipient'];

/** One output row, the same in Parquet and in the rows handed to aggregateToGraphData. */
export interface AggregateRow {
  coding: AggregateFormat;
  /** `2023-05`, `2023-W18` or `2023-05-07`. */
  period: string;
  period_start: string;
  period_end: string;
  subject: string;
  subject_name: string;
  subject_country: string;
  subject_kind: string;
  object: string;
  object_name: string;
  object_country: string;
  object_kind: string;
  /** A type id of the vocabulary, or a created one: `cameo_19`, `plover_assault`. */
  type: string;
  directed: boolean;
  count: number;
  first: string;
  last: string;
  /** Distinct source URLs behind the row. */
  sources: number;
  /** Up to URL_SAMPLE distinct URLs, alphabetical, separated by one space. */
  urls: string;
  /** GDELT: mean GoldsteinScale; POLECAT: mean Event Intensity. Null when none given. */
  score: number | null;
  /** GDELT: sum of NumMentions; POLECAT: stories merged into the events. */
  mentions: number;
}

/** Columns of the aggregate schema, in output order. */
export const AGGREGATE_COLUMNS: Array<keyof AggregateRow> = [
  'coding', 'period', 'period_start', 'period_end',
  'subject', 'subject_name', 'subject_country', 'subject_kind',
  'object', 'object_name', 'object_country', 'object_kind',
  'type', 'directed', 'count', 'first', 'last', 'sources', 'urls', 'score', 'mentions',
];

export const URL_SAMPLE = 3;

export interface CodeRow {
  code: string;
  type: string;
  directed: boolean;
}

/** A vocabulary cell may hold several codes: `042|043`, `CONSULT/visit; CONSULT/host`. */
function codesOf(cell: string | undefined): string[] {
  return (cell ?? '').split(/[|;,]/).map((c) => c.trim()).filter(Boolean);
}

function vocabularyRows(vocabulary: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(vocabulary.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  return parsed.data.filter((row) => (row.id ?? '').trim());
}

/** CAMEO code -> type, from the vocabulary's `cameo` column (read by name); the first type listing a code wins. */
export function cameoCodeTable(vocabulary: string): CodeRow[] {
  const seen = new Map<string, CodeRow>();
  for (const row of vocabularyRows(vocabulary)) {
    for (const code of codesOf(row.cameo)) {
      if (/^\d{2,4}$/.test(code) && !seen.has(code)) seen.set(code, { code, type: row.id.trim(), directed: row.directed?.trim() === 'true' });
    }
  }
  return [...seen.values()];
}

/**
 * PLOVER key -> type, from the `plover` column: `EVENT:mode` for an entry with a mode,
 * `EVENT` for a bare one, and `~EVENT` for an event listed only with modes (the fallback
 * for its other modes), the same precedence as the POLECAT import.
 */
export function ploverCodeTable(vocabulary: string): CodeRow[] {
  const seen = new Map<string, CodeRow>();
  for (const row of vocabularyRows(vocabulary)) {
    const type = row.id.trim();
    const directed = row.directed?.trim() === 'true';
    for (const entry of codesOf(row.plover)) {
      const [event, mode] = entry.split(/[\s:/]+/);
      const key = mode ? `${event.toUpperCase()}:${mode.toLowerCase()}` : event.toUpperCase();
      if (!seen.has(key)) seen.set(key, { code: key, type, directed });
      if (mode && !seen.has(`~${event.toUpperCase()}`)) seen.set(`~${event.toUpperCase()}`, { code: `~${event.toUpperCase()}`, type, directed });
    }
  }
  return [...seen.values()];
}

export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sqlList = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;

/** A VALUES table; DuckDB needs at least one row, so an empty table is one row that matches nothing. */
function codeValues(rows: CodeRow[]): string {
  const body = rows.length ? rows : [{ code: '\u0000', type: '', directed: true }];
  return `(VALUES ${body.map((r) => `(${sqlString(r.code)}, ${sqlString(r.type)}, ${r.directed})`).join(', ')}) AS t(code, type, directed)`;
}

/** The period of a DATE expression: label, first and last day. Weeks are ISO weeks (Monday to Sunday). */
export function periodSql(by: AggregatePeriod, date: string): { label: string; start: string; end: string } {
  if (by === 'day') return { label: `strftime(${date}, '%Y-%m-%d')`, start: `strftime(${date}, '%Y-%m-%d')`, end: `strftime(${date}, '%Y-%m-%d')` };
  if (by === 'week') {
    return {
      label: `strftime(${date}, '%G-W%V')`,
      start: `strftime(date_trunc('week', ${date}), '%Y-%m-%d')`,
      end: `strftime(date_trunc('week', ${date}) + INTERVAL 6 DAY, '%Y-%m-%d')`,
    };
  }
  return { label: `strftime(${date}, '%Y-%m')`, start: `strftime(date_trunc('month', ${date}), '%Y-%m-%d')`, end: `strftime(last_day(${date}), '%Y-%m-%d')` };
}

export interface AggregateQuery {
  /** Statements to run in order; the last leaves the result in table `aggregate`. */
  statements: string[];
  /** Counts per status (`ok` and every reason a row was left out), from table `events`. */
  stats: string;
  /** Input rows, before merging duplicate event ids. */
  inputRows: string;
  /** The result, ordered, in the AGGREGATE schema. */
  result: string;
}

export interface GdeltQueryOptions {
  inputs: readonly string[];
  kind: InputKind;
  by: AggregatePeriod;
  /** CAMEO actor codes or country codes; both actors must match one. Empty: all. */
  actors?: readonly string[];
  cameo: CodeRow[];
}

/** Actor kind from the CAMEO actor fields, as the GDELT import guesses it. */
function gdeltKindSql(side: 1 | 2): string {
  const a = (name: string) => `coalesce(Actor${side}${name}, '')`;
  return `CASE
      WHEN ${a('KnownGroupCode')} <> '' THEN 'organisation'
      WHEN ${a('Type1Code')} IN ('REB', 'OPP', 'CVL', 'REF', 'CRM', 'INS', 'SEP', 'UAF', 'RAD', 'MOD', 'ELI', 'LAB', 'AGR', 'SPY') THEN 'group'
      WHEN ${a('Type1Code')} <> '' THEN 'organisation'
      WHEN length(${a('Code')}) = 3 AND ${a('Code')} = ${a('CountryCode')} THEN 'state'
      WHEN length(${a('Code')}) = 3 THEN 'region'
      WHEN ${a('EthnicCode')} <> '' OR ${a('Religion1Code')} <> '' THEN 'group'
      ELSE 'organisation' END`;
}

function gdeltSource(inputs: readonly string[], kind: InputKind): string {
  if (kind === 'parquet') return `read_parquet(${sqlList(inputs)}, union_by_name = true, filename = true)`;
  const columns = `{${GDELT_COLUMNS.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
  // No quoting in GDELT exports: a `"` inside a URL is data. Rows of the wrong width are
  // rejected (and counted from reject_errors) rather than stopping the whole run.
  return `read_csv(${sqlList(inputs)}, delim = '\\t', header = false, quote = '', escape = '', columns = ${columns}, ignore_errors = true, store_rejects = true, parallel = true, filename = true)`;
}

/**
 * GDELT: read, merge duplicate GLOBALEVENTIDs (the first added wins), classify every
 * event (`ok` or why it is left out), map EventCode to a type through the vocabulary's
 * cameo column (the exact code, then its 3-digit base, then its 2-digit root, then the
 * root's "not specified below" code `<root>0`, so 042 falls back to 040; a root the
 * vocabulary lacks becomes `cameo_<root>`), and aggregate.
 */
export function gdeltAggregateQuery(options: GdeltQueryOptions): AggregateQuery {
  const period = periodSql(options.by, 'date');
  const actors = options.actors?.length ? sqlList(options.actors.map((a) => a.toUpperCase())) : null;
  const matches = (side: 1 | 2) => `(list_contains(${actors}, coalesce(Actor${side}Code, '')) OR list_contains(${actors}, coalesce(Actor${side}CountryCode, '')))`;
  const input = `CREATE OR REPLACE TEMP TABLE input AS
SELECT try_cast(GLOBALEVENTID AS BIGINT) AS id, filename,
  coalesce(Actor1Code, '') AS a1, coalesce(Actor1Name, '') AS a1_name, coalesce(Actor1CountryCode, '') AS a1_country, ${gdeltKindSql(1)} AS a1_kind,
  coalesce(Actor2Code, '') AS a2, coalesce(Actor2Name, '') AS a2_name, coalesce(Actor2CountryCode, '') AS a2_country, ${gdeltKindSql(2)} AS a2_kind,
  coalesce(EventCode, '') AS code, try_strptime(CAST(SQLDATE AS VARCHAR), '%Y%m%d')::DATE AS date,
  try_cast(GoldsteinScale AS DOUBLE) AS score, coalesce(try_cast(NumMentions AS BIGINT), 0) AS mentions,
  coalesce(SOURCEURL, '') AS url, coalesce(CAST(DATEADDED AS VARCHAR), '') AS added,
  ${actors ? `${matches(1)} AND ${matches(2)}` : 'true'} AS wanted
FROM ${gdeltSource(options.inputs, options.kind)}`;
  const events = `CREATE OR REPLACE TEMP TABLE events AS
-- Duplicates are rare (GDELT repeats an event across update files): only the rows of a repeated
-- id go through the window, the others pass straight on.
WITH repeated AS (SELECT id FROM input GROUP BY id HAVING count(*) > 1),
merged AS (
  SELECT * FROM input ANTI JOIN repeated USING (id)
  UNION ALL
  SELECT * FROM (SELECT * FROM input SEMI JOIN repeated USING (id))
  QUALIFY row_number() OVER (PARTITION BY id ORDER BY added, filename, url) = 1
)
SELECT *, CASE
    WHEN id IS NULL THEN 'rows with a bad GLOBALEVENTID'
    WHEN a1 = '' OR a2 = '' THEN 'rows without two actors'
    WHEN a1 = a2 THEN 'rows with the same actor on both sides'
    WHEN date IS NULL THEN 'rows with a bad SQLDATE'
    WHEN NOT regexp_full_match(code, '\\d{2,4}') OR left(code, 2) NOT BETWEEN '01' AND '20' THEN 'rows with a bad EventCode'
    WHEN NOT wanted THEN 'rows outside --actors'
    ELSE 'ok' END AS status
FROM merged`;
  const aggregate = `CREATE OR REPLACE TEMP TABLE aggregate AS
WITH cameo AS (SELECT * FROM ${codeValues(options.cameo)}),
typed AS (
  SELECT e.*,
    coalesce(c4.type, c3.type, c2.type, c0.type, 'cameo_' || left(e.code, 2)) AS type,
    coalesce(c4.directed, c3.directed, c2.directed, c0.directed, true) AS directed
  FROM events e
  LEFT JOIN cameo c4 ON c4.code = e.code
  LEFT JOIN cameo c3 ON c3.code = left(e.code, 3)
  LEFT JOIN cameo c2 ON c2.code = left(e.code, 2)
  LEFT JOIN cameo c0 ON c0.code = left(e.code, 2) || '0'
  WHERE e.status = 'ok'
),
-- Undirected types list the pair in alphabetical order, as graph-data does.
paired AS (
  SELECT *,
    CASE WHEN NOT directed AND lower(a2) < lower(a1) THEN a2 ELSE a1 END AS s,
    CASE WHEN NOT directed AND lower(a2) < lower(a1) THEN a1 ELSE a2 END AS o
  FROM typed
),
-- One name, country and kind per actor code: the most frequent over both sides.
sides AS (
  SELECT a1 AS code, a1_name AS name, a1_country AS country, a1_kind AS kind FROM typed
  UNION ALL SELECT a2, a2_name, a2_country, a2_kind FROM typed
),
actor AS (SELECT code, mode(name) AS name, mode(country) AS country, mode(kind) AS kind FROM sides GROUP BY code),
-- Two steps instead of DISTINCT aggregates: first by group and URL, then by group.
by_url AS (
  SELECT ${period.label} AS period, min(date) AS first_date, max(date) AS last_date, s, o, type, directed, nullif(url, '') AS url,
    count(*) AS n, sum(score) AS score_sum, count(score) AS score_n, sum(mentions) AS mentions
  FROM paired GROUP BY period, s, o, type, directed, url, ${period.start}, ${period.end}
)
SELECT 'gdelt' AS coding, period, ${periodSql(options.by, 'first(first_date)').start} AS period_start, ${periodSql(options.by, 'first(first_date)').end} AS period_end,
  s AS subject, any_value(sa.name) AS subject_name, any_value(sa.country) AS subject_country, any_value(sa.kind) AS subject_kind,
  o AS object, any_value(oa.name) AS object_name, any_value(oa.country) AS object_country, any_value(oa.kind) AS object_kind,
  type, directed, sum(n)::INTEGER AS count,
  strftime(min(first_date), '%Y-%m-%d') AS first, strftime(max(last_date), '%Y-%m-%d') AS last,
  count(url)::INTEGER AS sources,
  array_to_string(min(url, ${URL_SAMPLE}), ' ') AS urls,
  round(sum(score_sum) / nullif(sum(score_n), 0), 3) AS score, sum(mentions)::INTEGER AS mentions
FROM by_url JOIN actor sa ON sa.code = s JOIN actor oa ON oa.code = o
GROUP BY period, s, o, type, directed`;
  return {
    statements: [input, events, aggregate],
    inputRows: 'SELECT count(*)::BIGINT AS rows FROM input',
    stats: 'SELECT status, count(*)::BIGINT AS rows FROM events GROUP BY status ORDER BY status',
    result: `SELECT ${AGGREGATE_COLUMNS.join(', ')} FROM aggregate ORDER BY period_start, subject, object, type`,
  };
}

export interface PolecatQueryOptions {
  inputs: readonly string[];
  kind: InputKind;
  by: AggregatePeriod;
  /** The file's own header names for the POLECAT columns (see resolvePolecatColumns). */
  columns: Partial<Record<PolecatKey, string>>;
  /** Actor names or country codes (case ignored); both actors must match one. Empty: all. */
  actors?: readonly string[];
  plover: CodeRow[];
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');

/** Finds each POLECAT column in a header, ignoring case and spacing; lists the required ones that are missing. */
export function resolvePolecatColumns(header: readonly string[]): { columns: Partial<Record<PolecatKey, string>>; missing: string[] } {
  const columns: Partial<Record<PolecatKey, string>> = {};
  for (const [key, name] of Object.entries(POLECAT_COLUMNS) as Array<[PolecatKey, string]>) {
    const found = header.find((h) => squash(h) === squash(name));
    if (found !== undefined) columns[key] = found;
  }
  return { columns, missing: POLECAT_REQUIRED.filter((k) => columns[k] === undefined).map((k) => POLECAT_COLUMNS[k]) };
}

const PERSON_TITLE = "(?i)\\b(president|prime minister|minister|premier|king|queen|prince|chancellor|leader|secretary|general|ambassador|speaker|senator|mayor|governor|pope|sheikh)\\b";

/**
 * POLECAT: read, merge rows of one Event ID (the earliest story gives the event; every
 * story's URL is kept), split compound actors (`;`-separated, countries and sectors in
 * parallel) into one pair per actor and recipient, map the PLOVER event and mode to a
 * type through the vocabulary's plover column (`EVENT:mode`, then `EVENT`, then an
 * event listed only with modes; none: `plover_<event>`), and aggregate.
 */
export function polecatAggregateQuery(options: PolecatQueryOptions): AggregateQuery {
  const period = periodSql(options.by, 'date');
  const c = (key: PolecatKey) => (options.columns[key] ? `coalesce(trim(CAST(${sqlIdent(options.columns[key]!)} AS VARCHAR)), '')` : `''`);
  const source =
    options.kind === 'parquet'
      ? `read_parquet(${sqlList(options.inputs)}, union_by_name = true, filename = true)`
      : `read_csv(${sqlList(options.inputs)}, delim = '\\t', header = true, quote = '', escape = '', all_varchar = true, ignore_errors = true, store_rejects = true, parallel = true, filename = true)`;
  const actors = options.actors?.length ? sqlList(options.actors.map((a) => a.toLowerCase())) : null;
  const input = `CREATE OR REPLACE TEMP TABLE input AS
SELECT ${c('eventId')} AS id, filename, ${c('date')} AS date_text, upper(${c('type')}) AS event, lower(${c('mode')}) AS mode,
  try_cast(nullif(${c('intensity')}, '') AS DOUBLE) AS score,
  ${c('actor')} AS actor, ${c('actorCountry')} AS actor_country, ${c('actorSector')} AS actor_sector,
  ${c('recipient')} AS recipient, ${c('recipientCountry')} AS recipient_country, ${c('recipientSector')} AS recipient_sector,
  ${c('story')} AS story, ${c('published')} AS published, ${c('url')} AS url
FROM ${source}`;
  const events = `CREATE OR REPLACE TEMP TABLE events AS
WITH stories AS (
  SELECT id, list_distinct(list(nullif(url, ''))) AS urls, count(DISTINCT coalesce(nullif(story, ''), nullif(url, ''), filename))::BIGINT AS stories FROM input GROUP BY id
),
merged AS (SELECT DISTINCT ON (id) * EXCLUDE (url) FROM input ORDER BY id, published, story, filename)
SELECT m.*, s.urls, s.stories,
  coalesce(try_strptime(left(m.date_text, 10), '%Y-%m-%d')::DATE, try_strptime(left(m.date_text, 8), '%Y%m%d')::DATE) AS date,
  CASE
    WHEN m.id = '' THEN 'rows without an Event ID'
    WHEN m.actor = '' OR m.recipient = '' THEN 'rows without two actors'
    WHEN coalesce(try_strptime(left(m.date_text, 10), '%Y-%m-%d')::DATE, try_strptime(left(m.date_text, 8), '%Y%m%d')::DATE) IS NULL THEN 'rows with a bad Event Date'
    WHEN NOT regexp_full_match(m.event, '[A-Z]+') THEN 'rows with a bad Event Type'
    ELSE 'ok' END AS status
FROM merged m JOIN stories s USING (id)`;
  const side = (names: string, countries: string, sectors: string, alias: string) => `
    SELECT id, i AS ${alias}_i, trim(string_split(${names}, ';')[i]) AS ${alias},
      coalesce(trim(string_split(${countries}, ';')[i]), '') AS ${alias}_country,
      coalesce(trim(string_split(${sectors}, ';')[i]), '') AS ${alias}_sector
    FROM (SELECT id, ${names}, ${countries}, ${sectors}, unnest(range(1, len(string_split(${names}, ';')) + 1)) AS i FROM events WHERE status = 'ok')`;
  const kind = (name: string, sector: string) => `CASE
      WHEN regexp_matches(${name}, '${PERSON_TITLE}') THEN 'person'
      WHEN ${sector} = '' THEN 'state'
      WHEN regexp_matches(${sector}, '(?i)^(REB|OPP|INS|CVL|REF|CRM|RAD|SEP|UAF|MOD|PRO|LAB|IND)') THEN 'group'
      ELSE 'organisation' END`;
  const wanted = (name: string, country: string) => `(list_contains(${actors}, lower(${name})) OR list_contains(${actors}, lower(${country})))`;
  const aggregate = `CREATE OR REPLACE TEMP TABLE aggregate AS
WITH plover AS (SELECT * FROM ${codeValues(options.plover)}),
typed AS (
  SELECT e.*,
    coalesce(p1.type, p2.type, p3.type, 'plover_' || lower(e.event)) AS type,
    coalesce(p1.directed, p2.directed, p3.directed, e.event NOT IN ('AGREE', 'CONSULT', 'COOPERATE', 'FIGHT')) AS directed
  FROM events e
  LEFT JOIN plover p1 ON p1.code = e.event || ':' || e.mode
  LEFT JOIN plover p2 ON p2.code = e.event
  LEFT JOIN plover p3 ON p3.code = '~' || e.event
  WHERE e.status = 'ok'
),
src AS (${side('actor', 'actor_country', 'actor_sector', 'a')}),
tar AS (${side('recipient', 'recipient_country', 'recipient_sector', 'b')}),
pairs AS (
  SELECT DISTINCT t.id, src.a, src.a_country, src.a_sector, tar.b, tar.b_country, tar.b_sector
  FROM typed t JOIN src USING (id) JOIN tar USING (id)
  WHERE src.a <> '' AND tar.b <> '' AND lower(src.a) <> lower(tar.b)
    ${actors ? `AND ${wanted('src.a', 'src.a_country')} AND ${wanted('tar.b', 'tar.b_country')}` : ''}
),
rows AS (
  SELECT t.*, p.a, p.a_country, p.a_sector, p.b, p.b_country, p.b_sector,
    CASE WHEN NOT t.directed AND lower(p.b) < lower(p.a) THEN p.b ELSE p.a END AS s,
    CASE WHEN NOT t.directed AND lower(p.b) < lower(p.a) THEN p.a ELSE p.b END AS o
  FROM typed t JOIN pairs p USING (id)
),
sides AS (
  SELECT a AS name, a_country AS country, ${kind('a', 'a_sector')} AS kind FROM rows
  UNION ALL SELECT b, b_country, ${kind('b', 'b_sector')} FROM rows
),
actor AS (SELECT name, mode(country) AS country, mode(kind) AS kind FROM sides GROUP BY name)
SELECT 'polecat' AS coding, ${period.label} AS period, ${period.start} AS period_start, ${period.end} AS period_end,
  s AS subject, s AS subject_name, sa.country AS subject_country, sa.kind AS subject_kind,
  o AS object, o AS object_name, oa.country AS object_country, oa.kind AS object_kind,
  type, directed, count(DISTINCT id)::INTEGER AS count,
  strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last,
  len(list_distinct(flatten(list(urls))))::INTEGER AS sources,
  array_to_string(list_slice(list_sort(list_distinct(flatten(list(urls)))), 1, ${URL_SAMPLE}), ' ') AS urls,
  round(avg(score), 3) AS score, sum(stories)::INTEGER AS mentions
FROM rows JOIN actor sa ON sa.name = s JOIN actor oa ON oa.name = o
GROUP BY ALL`;
  return {
    statements: [input, events, aggregate],
    inputRows: 'SELECT count(*)::BIGINT AS rows FROM input',
    stats: 'SELECT status, count(*)::BIGINT AS rows FROM events GROUP BY status ORDER BY status',
    result: `SELECT ${AGGREGATE_COLUMNS.join(', ')} FROM aggregate ORDER BY period_start, subject, object, type`,
  };
}

/** Statement that writes the result as Parquet (snappy, which hyparquet reads without extra codecs). */
export function parquetCopySql(result: string, path: string): string {
  return `COPY (${result}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`;
}

/**
 * The GDELT query for Google BigQuery's public table `gdelt-bq.gdeltv2.events`, in
 * BigQuery Standard SQL: the same merge, classification, mapping and aggregation, in one
 * statement. Documented and untested here (no BigQuery access from this machine).
 */
export function bigQueryGdeltSql(options: { by: AggregatePeriod; actors?: readonly string[]; cameo: CodeRow[]; from?: string; to?: string }): string {
  const bq = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const list = (values: readonly string[]) => `[${values.map(bq).join(', ')}]`;
  const actors = options.actors?.length ? list(options.actors.map((a) => a.toUpperCase())) : null;
  const cameo = options.cameo.length
    ? options.cameo.map((r) => `STRUCT(${bq(r.code)} AS code, ${bq(r.type)} AS type, ${r.directed} AS directed)`).join(',\n    ')
    : `STRUCT('' AS code, '' AS type, TRUE AS directed)`;
  const period =
    options.by === 'day'
      ? { label: "FORMAT_DATE('%Y-%m-%d', date)", start: 'date', end: 'date' }
      : options.by === 'week'
        ? { label: "FORMAT_DATE('%G-W%V', date)", start: 'DATE_TRUNC(date, ISOWEEK)', end: 'DATE_ADD(DATE_TRUNC(date, ISOWEEK), INTERVAL 6 DAY)' }
        : { label: "FORMAT_DATE('%Y-%m', date)", start: 'DATE_TRUNC(date, MONTH)', end: 'LAST_DAY(date, MONTH)' };
  const range = [options.from ? `SQLDATE >= ${options.from.replace(/-/g, '')}` : '', options.to ? `SQLDATE <= ${options.to.replace(/-/g, '')}` : ''].filter(Boolean);
  const matches = (side: 1 | 2) => `(Actor${side}Code IN UNNEST(${actors}) OR Actor${side}CountryCode IN UNNEST(${actors}))`;
  return `-- Entente: GDELT 2.0 events aggregated by actor pair, type and ${options.by} (BigQuery Standard SQL).
-- Documented and untested: it has never been run from the Entente repository. Run it in the BigQuery console and export the result as Parquet.
WITH cameo AS (
  SELECT * FROM UNNEST([
    ${cameo}
  ])
),
merged AS (
  SELECT * FROM \`gdelt-bq.gdeltv2.events\`
  ${range.length ? `WHERE ${range.join(' AND ')}` : ''}
  QUALIFY ROW_NUMBER() OVER (PARTITION BY GLOBALEVENTID ORDER BY DATEADDED, SOURCEURL) = 1
),
events AS (
  SELECT Actor1Code AS a1, Actor2Code AS a2, EventCode AS code, PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING)) AS date,
    GoldsteinScale AS score, NumMentions AS mentions, SOURCEURL AS url,
    Actor1Name AS a1_name, Actor1CountryCode AS a1_country, Actor2Name AS a2_name, Actor2CountryCode AS a2_country
  FROM merged
  WHERE IFNULL(Actor1Code, '') <> '' AND IFNULL(Actor2Code, '') <> '' AND Actor1Code <> Actor2Code
    AND REGEXP_CONTAINS(EventCode, r'^\\d{2,4}$')${actors ? `\n    AND ${matches(1)} AND ${matches(2)}` : ''}
),
typed AS (
  SELECT e.*, COALESCE(c4.type, c3.type, c2.type, c0.type, CONCAT('cameo_', LEFT(e.code, 2))) AS type,
    COALESCE(c4.directed, c3.directed, c2.directed, c0.directed, TRUE) AS directed
  FROM events e
  LEFT JOIN cameo c4 ON c4.code = e.code
  LEFT JOIN cameo c3 ON c3.code = LEFT(e.code, 3)
  LEFT JOIN cameo c2 ON c2.code = LEFT(e.code, 2)
  LEFT JOIN cameo c0 ON c0.code = CONCAT(LEFT(e.code, 2), '0')
),
paired AS (
  SELECT *, IF(NOT directed AND LOWER(a2) < LOWER(a1), a2, a1) AS s, IF(NOT directed AND LOWER(a2) < LOWER(a1), a1, a2) AS o FROM typed
),
sides AS (
  SELECT a1 AS code, a1_name AS name, a1_country AS country FROM typed UNION ALL SELECT a2, a2_name, a2_country FROM typed
),
actor AS (
  SELECT code, APPROX_TOP_COUNT(name, 1)[OFFSET(0)].value AS name, APPROX_TOP_COUNT(country, 1)[OFFSET(0)].value AS country FROM sides GROUP BY code
)
SELECT 'gdelt' AS coding, ${period.label} AS period, FORMAT_DATE('%Y-%m-%d', ${period.start}) AS period_start, FORMAT_DATE('%Y-%m-%d', ${period.end}) AS period_end,
  s AS subject, sa.name AS subject_name, sa.country AS subject_country, '' AS subject_kind,
  o AS object, oa.name AS object_name, oa.country AS object_country, '' AS object_kind,
  type, directed, COUNT(*) AS count, FORMAT_DATE('%Y-%m-%d', MIN(date)) AS first, FORMAT_DATE('%Y-%m-%d', MAX(date)) AS last,
  COUNT(DISTINCT NULLIF(url, '')) AS sources,
  ARRAY_TO_STRING(ARRAY_AGG(DISTINCT NULLIF(url, '') IGNORE NULLS ORDER BY NULLIF(url, '') LIMIT ${URL_SAMPLE}), ' ') AS urls,
  ROUND(AVG(score), 3) AS score, SUM(mentions) AS mentions
FROM paired JOIN actor sa ON sa.code = s JOIN actor oa ON oa.code = o
GROUP BY coding, period, period_start, period_end, subject, subject_name, subject_country, object, object_name, object_country, type, directed
ORDER BY period_start, subject, object, type`;
}
