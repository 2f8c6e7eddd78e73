/**
 * POLECAT weekly files aggregated in DuckDB.
 */
import { codeValues, type CodeRow } from './aggregate-codes';
import { AGGREGATE_COLUMNS, URL_SAMPLE, periodSql, sqlIdent, sqlList, type AggregatePeriod, type AggregateQuery, type InputKind } from './aggregate-schema';

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
