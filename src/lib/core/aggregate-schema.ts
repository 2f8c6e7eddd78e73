/**
 * The schema and SQL helpers shared by the GDELT, POLECAT and BigQuery aggregate queries
 * (aggregate-gdelt-sql.ts, aggregate-polecat-sql.ts): the output row every statement
 * produces, which the Parquet output keeps as is and `aggregateToGraphData` turns into
 * graph-data.
 */

export type AggregateFormat = 'gdelt' | 'polecat';
export type AggregatePeriod = 'month' | 'week' | 'day';
export type InputKind = 'csv' | 'parquet';

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

export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const sqlList = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;

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

/** Statement that writes the result as Parquet (snappy, which hyparquet reads without extra codecs). */
export function parquetCopySql(result: string, path: string): string {
  return `COPY (${result}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`;
}
