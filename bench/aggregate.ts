/**
 * `npm run bench:aggregate [-- --rows=1000000] [--threads=N]`: rows per second of
 * `npm run aggregate` (DuckDB) on a generated GDELT-shaped export, against a plain
 * JavaScript pass over the same file in the same run (read lines, merge ids, count by
 * pair, type and month: less work than DuckDB does, which also keeps names, kinds,
 * scores and URL samples and writes and reads back Parquet); then the load time of the aggregated rows as Parquet against
 * the same rows as CSV, both through loadDataset.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { aggregate } from '../scripts/aggregate';
import { aggregateToGraphData } from '../src/lib/core/aggregate-graph-data';
import { AGGREGATE_COLUMNS, type AggregateRow } from '../src/lib/core/aggregate-sql';
import { readAggregateParquet } from '../src/lib/core/formats/parquet';
import { loadDataset } from '../src/lib/core/load';
import { expectedAggregate, formulaFixtureSql } from './gdelt-fixture';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ROWS = Number(arg('rows') ?? 1_000_000);
const THREADS = arg('threads') ? Number(arg('threads')) : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const s = (ms: number) => (ms / 1000).toFixed(2);
const vocabulary = readFileSync('graph-data/relation-types.csv', 'utf8');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const dir = mkdtempSync(join(tmpdir(), 'entente-bench-aggregate-'));
try {
  const file = join(dir, 'bench.export.CSV');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  log(`generating ${n(ROWS)} GDELT-shaped rows...`);
  await connection.run(formulaFixtureSql(file, ROWS));
  const mb = statSync(file).size / 1024 / 1024;

  const parquet = join(dir, 'aggregate.parquet');
  const summary = await aggregate({ format: 'gdelt', inputs: [file], by: 'month', vocabulary, out: parquet, threads: THREADS });
  const jsStart = performance.now();
  const js = await expectedAggregate(file, vocabulary, 'month');
  const jsSeconds = (performance.now() - jsStart) / 1000;
  if (js.groups.size !== summary.outputRows) throw new Error(`bench: DuckDB gave ${summary.outputRows} rows, the JavaScript pass ${js.groups.size}`);

  // The same aggregated rows as a flat CSV in the aggregate schema.
  const csv = join(dir, 'aggregate.csv');
  await connection.run(`COPY (SELECT ${AGGREGATE_COLUMNS.join(', ')} FROM read_parquet('${parquet}')) TO '${csv}' (FORMAT csv, HEADER true)`);
  connection.closeSync();
  instance.closeSync();
  const parquetBytes = new Uint8Array(readFileSync(parquet));
  const csvText = readFileSync(csv, 'utf8');

  const csvRows = (): AggregateRow[] =>
    Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true }).data.map((r) => ({
      ...(r as unknown as AggregateRow),
      directed: r.directed === 'true',
      count: Number(r.count),
      sources: Number(r.sources),
      mentions: Number(r.mentions),
      score: r.score === '' ? null : Number(r.score),
    }));
  const repeats = 3;
  const gc = (globalThis as { gc?: () => void }).gc;
  // The two reads take turns (after one warm-up of each), so that neither pays the JIT's
  // warm-up or the other's garbage alone: measured one after the other, whichever went
  // first read up to twice as slow.
  const measureOnce = (read: () => AggregateRow[]) => {
    gc?.();
    const [rows, parseMs] = time(read);
    const [loaded, restMs] = time(() => loadDataset(aggregateToGraphData(rows, vocabulary).files));
    if (!loaded.ok) throw new Error(`bench: aggregated rows do not load: ${loaded.issues[0]?.message}`);
    return { parseMs, totalMs: parseMs + restMs, relations: loaded.dataset.relations.length };
  };
  const readers = { parquet: () => readAggregateParquet(parquetBytes), csv: csvRows };
  const runs: Record<keyof typeof readers, Array<ReturnType<typeof measureOnce>>> = { parquet: [], csv: [] };
  measureOnce(readers.parquet);
  measureOnce(readers.csv);
  for (let i = 0; i < repeats; i++) {
    const order: Array<keyof typeof readers> = i % 2 ? ['csv', 'parquet'] : ['parquet', 'csv'];
    for (const name of order) runs[name].push(measureOnce(readers[name]));
  }
  const summarise = (of: Array<ReturnType<typeof measureOnce>>) => ({ parse: median(of.map((r) => r.parseMs)), total: median(of.map((r) => r.totalMs)), relations: of[0].relations });
  const fromParquet = summarise(runs.parquet);
  const fromCsv = summarise(runs.csv);
  const graphFiles = aggregateToGraphData(readAggregateParquet(parquetBytes), vocabulary).files;
  const graphOnly = median(Array.from({ length: repeats }, () => time(() => loadDataset(graphFiles))[1]));

  const lines = [
    `## Aggregation (${n(ROWS)} GDELT-shaped rows, ${mb.toFixed(0)} MB, ${cpus().length} cores, DuckDB threads ${THREADS ?? cpus().length})`,
    '',
    '| | seconds | rows/s | output rows |',
    '|---|---:|---:|---:|',
    `| DuckDB (npm run aggregate, to Parquet) | ${summary.seconds.toFixed(2)} | ${n(summary.rowsPerSecond)} | ${n(summary.outputRows)} |`,
    `| baseline: plain JavaScript pass over the same file | ${jsSeconds.toFixed(2)} | ${n(ROWS / jsSeconds)} | ${n(js.groups.size)} |`,
    `| JavaScript seconds / DuckDB seconds | ${(jsSeconds / summary.seconds).toFixed(2)}× (above 1: DuckDB is faster) | | |`,
    '',
    `## Loading the ${n(summary.outputRows)} aggregated rows (${n(fromParquet.relations)} relations; median of ${repeats}, taking turns after a warm-up)`,
    '',
    '| file | MB | parse ms | parse + graph-data + loadDataset ms |',
    '|---|---:|---:|---:|',
    `| Parquet (hyparquet) | ${(parquetBytes.length / 1024 / 1024).toFixed(1)} | ${n(fromParquet.parse)} | ${n(fromParquet.total)} |`,
    `| same rows as CSV (papaparse) | ${(Buffer.byteLength(csvText) / 1024 / 1024).toFixed(1)} | ${n(fromCsv.parse)} | ${n(fromCsv.total)} |`,
    `| graph-data CSV files alone (loadDataset) | ${(Object.values(graphFiles).reduce((a, t) => a + t.length, 0) / 1024 / 1024).toFixed(1)} | – | ${n(graphOnly)} |`,
  ];
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
