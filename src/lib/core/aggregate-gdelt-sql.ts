/**
 * GDELT 2.0 events exports aggregated in DuckDB, and the same query for BigQuery's public table.
 */
// The 61 columns of a GDELT 2.0 export, in file order: one list for the browser import and this query.
import { GDELT_COLUMNS } from './formats/gdelt';
import { codeValues, type CodeRow } from './aggregate-codes';
import { AGGREGATE_COLUMNS, URL_SAMPLE, periodSql, sqlList, sqlString, type AggregatePeriod, type AggregateQuery, type InputKind } from './aggregate-schema';

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
