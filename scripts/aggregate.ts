/**
 * `npm run aggregate -- --format gdelt|polecat <files or globs> [--by month|week|day]
 *   [--actors CODE,CODE…] [--vocabulary relation-types.csv] --out <graph-data dir | file.parquet> [--force]`
 *
 * Aggregates raw GDELT 2.0 events exports or POLECAT weekly files (CSV/TSV, gzipped,
 * zipped or Parquet) by actor pair, relation type and period, in DuckDB, with the SQL of
 * src/lib/core/aggregate-sql.ts (documented in docs/aggregate.md). DuckDB reads the
 * files in parallel; `.zip` inputs are unpacked to a temporary folder first, since
 * DuckDB reads gzip but not zip.
 *
 * The graph-data output is checked with the app's loader before anything is written.
 * Exit code 0 on success, 1 when the input gives nothing usable or the output would
 * not load, 2 on bad usage.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateToGraphData } from '../src/lib/core/aggregate-graph-data';
import {
  bigQueryGdeltSql,
  cameoCodeTable,
  gdeltAggregateQuery,
  parquetCopySql,
  ploverCodeTable,
  polecatAggregateQuery,
  resolvePolecatColumns,
  sqlString,
  type AggregateFormat,
  type AggregatePeriod,
  type AggregateQuery,
  type AggregateRow,
  type InputKind,
} from '../src/lib/core/aggregate-sql';
import { readAggregateParquet } from '../src/lib/core/formats/parquet';
import { loadDataset } from '../src/lib/core/load';
import { formatIssue } from '../src/lib/core/model';

export class AggregateError extends Error {}

export interface AggregateOptions {
  format: AggregateFormat;
  inputs: string[];
  by: AggregatePeriod;
  actors?: string[];
  /** relation-types.csv text. */
  vocabulary: string;
  /** A folder (graph-data) or a path ending in .parquet; none: rows only. */
  out?: string;
  force?: boolean;
  /** DuckDB worker threads; default: all cores. */
  threads?: number;
}

export interface AggregateSummary {
  inputFiles: string[];
  inputRows: number;
  /** Lines DuckDB could not read (wrong number of columns...). */
  rejectedLines: number;
  duplicatesMerged: number;
  events: number;
  skipped: Record<string, number>;
  outputRows: number;
  seconds: number;
  rowsPerSecond: number;
  rows: AggregateRow[];
  notes: string[];
}

const hasWildcard = (p: string) => /[*?[]/.test(p);

/** Expands a wildcard in the last path segment (`data/*.export.CSV`); deeper patterns go to DuckDB as they are. */
export function expandInputs(patterns: string[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    const dir = dirname(pattern);
    const name = basename(pattern);
    if (!hasWildcard(name) || hasWildcard(dir)) {
      if (!hasWildcard(pattern) && !existsSync(pattern)) throw new AggregateError(`no such file: ${pattern}`);
      out.push(pattern);
      continue;
    }
    const regex = new RegExp(`^${name.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const matched = existsSync(dir) ? readdirSync(dir).filter((f) => regex.test(f)).sort().map((f) => join(dir, f)) : [];
    if (matched.length === 0) throw new AggregateError(`no file matches ${pattern}`);
    out.push(...matched);
  }
  return out;
}

/** Unpacks `.zip` inputs into `tempDir` (DuckDB reads gzip, not zip); other paths pass through. */
function unzipInputs(inputs: string[], tempDir: () => string): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (!/\.zip$/i.test(input)) {
      out.push(input);
      continue;
    }
    const entries = unzipSync(readFileSync(input), { filter: (entry) => !entry.name.endsWith('/') && !/(^|\/)\.\.(\/|$)/.test(entry.name) });
    const names = Object.keys(entries);
    if (names.length === 0) throw new AggregateError(`${input}: the zip holds no file`);
    const dir = mkdtempSync(join(tempDir(), 'zip-'));
    names.forEach((name, i) => {
      const path = join(dir, `${i}-${basename(name)}`);
      writeFileSync(path, entries[name]);
      out.push(path);
    });
  }
  return out;
}

function inputKind(inputs: string[]): InputKind {
  const parquet = inputs.filter((p) => /\.parquet$/i.test(p)).length;
  if (parquet && parquet !== inputs.length) throw new AggregateError('mix of Parquet and CSV inputs; aggregate them in two runs');
  return parquet ? 'parquet' : 'csv';
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function toRow(record: Record<string, unknown>): AggregateRow {
  const text = (key: string) => (record[key] === null || record[key] === undefined ? '' : String(record[key]));
  return {
    coding: text('coding') as AggregateFormat,
    period: text('period'),
    period_start: text('period_start'),
    period_end: text('period_end'),
    subject: text('subject'),
    subject_name: text('subject_name'),
    subject_country: text('subject_country'),
    subject_kind: text('subject_kind'),
    object: text('object'),
    object_name: text('object_name'),
    object_country: text('object_country'),
    object_kind: text('object_kind'),
    type: text('type'),
    directed: record.directed === true,
    count: num(record.count),
    first: text('first'),
    last: text('last'),
    sources: num(record.sources),
    urls: text('urls'),
    score: record.score === null || record.score === undefined ? null : Number(record.score),
    mentions: num(record.mentions),
  };
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
}

async function buildQuery(connection: DuckDBConnection, options: AggregateOptions, inputs: string[], kind: InputKind): Promise<AggregateQuery> {
  if (options.format === 'gdelt') {
    return gdeltAggregateQuery({ inputs, kind, by: options.by, actors: options.actors, cameo: cameoCodeTable(options.vocabulary) });
  }
  const header: string[] = [];
  for (const input of inputs) {
    const source = kind === 'parquet' ? `read_parquet(${sqlString(input)})` : `read_csv(${sqlString(input)}, delim = '\\t', header = true, quote = '', escape = '', all_varchar = true)`;
    for (const row of await rowsOf(connection, `DESCRIBE SELECT * FROM ${source}`)) if (!header.includes(String(row.column_name))) header.push(String(row.column_name));
    const { missing } = resolvePolecatColumns(header);
    if (missing.length === 0) break;
  }
  const { columns, missing } = resolvePolecatColumns(header);
  if (missing.length) throw new AggregateError(`${inputs[0]}: missing POLECAT column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return polecatAggregateQuery({ inputs, kind, by: options.by, actors: options.actors, columns, plover: ploverCodeTable(options.vocabulary) });
}

/** The statements `aggregate` runs for these options, as one SQL script (POLECAT reads the header of its first input). */
export async function printableSql(options: AggregateOptions): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const files = options.format === 'gdelt' ? options.inputs : expandInputs(options.inputs);
    const kind = inputKind(files);
    const query = await buildQuery(connection, options, files, kind);
    const out = options.out && /\.parquet$/i.test(options.out) ? options.out : 'aggregate.parquet';
    return `${[...query.statements, query.stats, parquetCopySql(query.result, out)].join(';\n\n')};`;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs the aggregation and writes the output; throws AggregateError on a problem the user can fix. */
export async function aggregate(options: AggregateOptions): Promise<AggregateSummary> {
  let temp: string | null = null;
  const tempDir = () => (temp ??= mkdtempSync(join(tmpdir(), 'entente-aggregate-')));
  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? Math.max(1, (await import('node:os')).cpus().length)), temp_directory: join(tempDir(), 'duckdb') });
  const connection = await instance.connect();
  try {
    const files = unzipInputs(expandInputs(options.inputs), tempDir);
    const kind = inputKind(files);
    const started = performance.now();
    const query = await buildQuery(connection, options, files, kind);
    for (const statement of query.statements) await connection.run(statement);
    const inputRows = num((await rowsOf(connection, query.inputRows))[0]?.rows);
    const skipped: Record<string, number> = {};
    let events = 0;
    for (const row of await rowsOf(connection, query.stats)) {
      events += num(row.rows);
      if (row.status !== 'ok') skipped[String(row.status)] = num(row.rows);
    }
    const hasRejects = kind === 'csv' && (await rowsOf(connection, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'reject_errors'")).some((r) => num(r.n) > 0);
    const rejectedLines = hasRejects ? num((await rowsOf(connection, 'SELECT count(DISTINCT (file_id, line))::BIGINT AS n FROM reject_errors'))[0]?.n) : 0;
    const duplicatesMerged = inputRows - events;
    if (duplicatesMerged) skipped[options.format === 'gdelt' ? 'duplicate GLOBALEVENTID merged' : 'rows repeating an Event ID (stories merged)'] = duplicatesMerged;
    if (rejectedLines) skipped['lines DuckDB could not read (wrong number of columns)'] = rejectedLines;

    // The result always goes through a Parquet file, the --out one or a temporary one: DuckDB
    // writes it in C++, and reading it back with the app's own Parquet reader is ten times
    // faster than fetching rows value by value through the Node API.
    const out = options.out ? resolve(options.out) : null;
    const toParquet = out !== null && /\.parquet$/i.test(out);
    if (toParquet && existsSync(out) && !options.force) throw new AggregateError(`${out} exists; pass --force to replace it`);
    if (!toParquet && out && existsSync(out) && readdirSync(out).length > 0 && !options.force) {
      throw new AggregateError(`${out} is not empty; pass --force to replace its graph-data files`);
    }
    const parquet = toParquet ? out : join(tempDir(), 'aggregate.parquet');
    mkdirSync(dirname(parquet), { recursive: true });
    await connection.run(parquetCopySql(query.result, parquet));
    const rows = readAggregateParquet(readFileSync(parquet));
    const seconds = (performance.now() - started) / 1000;

    const notes: string[] = [];
    if (out && !toParquet) {
      if (rows.length === 0) throw new AggregateError('no event with two actors to aggregate; nothing written');
      const graph = aggregateToGraphData(rows, options.vocabulary);
      const loaded = loadDataset(graph.files);
      if (!loaded.ok) throw new AggregateError(`the output would not load:\n${loaded.issues.slice(0, 20).map(formatIssue).join('\n')}`);
      for (const name of ['relation-types.csv', 'actors.csv', 'sources.csv', 'relations']) rmSync(join(out, name), { recursive: true, force: true });
      mkdirSync(join(out, 'relations'), { recursive: true });
      for (const [path, text] of Object.entries(graph.files)) writeFileSync(join(out, path), text);
      notes.push(...graph.notes, `${graph.actors} actors, ${graph.relations} relations in ${Object.keys(graph.files).length - 3} sources (one per period).`);
    }
    const outputRows = rows.length;
    return {
      inputFiles: files,
      inputRows,
      rejectedLines,
      duplicatesMerged,
      events,
      skipped,
      outputRows,
      seconds,
      rowsPerSecond: (inputRows + rejectedLines) / seconds,
      rows,
      notes,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

const USAGE =
  'usage: npm run aggregate -- --format gdelt|polecat <files or globs> [--by month|week|day] [--actors CODE,CODE…] [--vocabulary relation-types.csv] --out <graph-data dir | file.parquet> [--force] [--print-sql] [--bigquery]';

type Print = 'duckdb' | 'bigquery' | null;

function parseArguments(argv: string[]): AggregateOptions & { vocabularyPath: string; print: Print } {
  const inputs: string[] = [];
  const values: Record<string, string> = {};
  let force = false;
  let print: Print = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg === '--print-sql') print = 'duckdb';
    else if (arg === '--bigquery') print = 'bigquery';
    else if (['--format', '--by', '--actors', '--out', '--vocabulary', '--threads'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new AggregateError(`${arg} needs a value; ${USAGE}`);
      values[arg] = value;
    } else if (arg.startsWith('--')) throw new AggregateError(`unknown option ${arg}; ${USAGE}`);
    else inputs.push(arg);
  }
  const format = values['--format'];
  if (format !== 'gdelt' && format !== 'polecat') throw new AggregateError(`--format must be gdelt or polecat; ${USAGE}`);
  const by = values['--by'] ?? 'month';
  if (by !== 'month' && by !== 'week' && by !== 'day') throw new AggregateError(`--by must be month, week or day; ${USAGE}`);
  if (inputs.length === 0 && print !== 'bigquery') throw new AggregateError(`no input files; ${USAGE}`);
  if (!values['--out'] && !print) throw new AggregateError(`--out is required; ${USAGE}`);
  const vocabularyPath = resolve(values['--vocabulary'] ?? 'graph-data/relation-types.csv');
  if (!existsSync(vocabularyPath) || !statSync(vocabularyPath).isFile()) throw new AggregateError(`no vocabulary file ${vocabularyPath}`);
  return {
    format,
    by,
    inputs,
    actors: values['--actors']?.split(',').map((a) => a.trim()).filter(Boolean),
    out: values['--out'],
    force,
    threads: values['--threads'] ? Number(values['--threads']) : undefined,
    vocabulary: readFileSync(vocabularyPath, 'utf8'),
    vocabularyPath,
    print,
  };
}

async function main(): Promise<void> {
  try {
    const options = parseArguments(process.argv.slice(2));
    if (options.print === 'bigquery') {
      if (options.format !== 'gdelt') throw new AggregateError('--bigquery is for --format gdelt (the public table gdelt-bq.gdeltv2.events)');
      console.log(bigQueryGdeltSql({ by: options.by, actors: options.actors, cameo: cameoCodeTable(options.vocabulary) }));
      return;
    }
    if (options.print === 'duckdb') {
      console.log(await printableSql(options));
      return;
    }
    const summary = await aggregate(options);
    const n = (v: number) => v.toLocaleString('en-US');
    console.log(`aggregate: ${n(summary.inputRows)} rows from ${summary.inputFiles.length} file${summary.inputFiles.length === 1 ? '' : 's'} -> ${n(summary.events)} events -> ${n(summary.outputRows)} rows by ${options.by}, in ${summary.seconds.toFixed(2)} s (${n(Math.round(summary.rowsPerSecond))} rows/s)`);
    for (const [reason, count] of Object.entries(summary.skipped)) console.log(`  ${reason}: ${n(count)}`);
    for (const note of summary.notes) console.log(`  ${note}`);
    console.log(`aggregate: wrote ${resolve(options.out!)}`);
  } catch (error) {
    if (error instanceof AggregateError) {
      console.error(`aggregate: ${error.message}`);
      process.exit(/^(usage|--|unknown option|no input|no vocabulary)/.test(error.message) || error.message.includes('usage:') ? 2 : 1);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
