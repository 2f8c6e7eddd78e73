/**
 * Parquet files in the aggregate schema (what `npm run aggregate -- --out file.parquet`
 * writes, or the BigQuery query of docs/aggregate.md exports), read with hyparquet and
 * converted to graph-data like every other format.
 *
 * The InputFormat contract is synchronous and hyparquet's row API is asynchronous, so
 * this reads column chunks with hyparquet's own synchronous column decoder (readColumn),
 * flat columns only: the aggregate schema has no nested ones. Codecs: uncompressed and
 * snappy (what the aggregate command writes); others are reported, not guessed.
 */
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { readColumn } from 'hyparquet/src/column.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { getTreePath } from 'hyparquet/src/schema.js';
import { aggregateToGraphData } from '../aggregate-graph-data';
import { AGGREGATE_COLUMNS, type AggregateRow } from '../aggregate-sql';
import type { DataIssue } from '../model';
import type { ConvertOptions, ConvertResult, FormatId, InputFile, InputFormat } from './types';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1
const READABLE_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);
const REQUIRED: Array<keyof AggregateRow> = ['coding', 'period', 'period_start', 'period_end', 'subject', 'object', 'type', 'directed', 'count', 'first', 'last'];

export class ParquetError extends Error {}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && MAGIC.every((b, i) => bytes[at + i] === b);
}

export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && hasMagic(bytes, 0) && hasMagic(bytes, bytes.length - 4);
}

/** Every flat column of a Parquet file, decoded, by name. Synchronous. */
export function readParquetColumns(bytes: Uint8Array): { columns: Record<string, unknown[]>; rows: number } {
  if (!isParquet(bytes)) throw new ParquetError('not a Parquet file (no PAR1 magic at start and end)');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const tree = parquetSchema(metadata);
  const columns: Record<string, unknown[]> = {};
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta) throw new ParquetError('a column chunk has no metadata');
      const name = meta.path_in_schema.join('.');
      if (meta.path_in_schema.length !== 1) continue; // nested: not part of the aggregate schema
      if (!READABLE_CODECS.has(meta.codec)) throw new ParquetError(`column ${name} is compressed with ${meta.codec}; write the file with COMPRESSION snappy`);
      const schemaPath = getTreePath(tree, meta.path_in_schema);
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      const reader = { view: new DataView(buffer, start, end - start), offset: 0 };
      const decoder = { pathInSchema: meta.path_in_schema, element: schemaPath[schemaPath.length - 1].element, schemaPath, type: meta.type, codec: meta.codec, parsers: DEFAULT_PARSERS, utf8: true };
      const { data } = readColumn(reader, { groupStart, groupRows: rows, selectStart: 0, selectEnd: rows }, decoder);
      const out = (columns[name] ??= []);
      for (const part of data) for (let i = 0; i < part.length; i++) out.push(part[i]);
    }
    groupStart += rows;
  }
  return { columns, rows: groupStart };
}

const text = (value: unknown) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const number = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** The rows of an aggregate-schema Parquet file; throws ParquetError naming the missing columns. */
export function readAggregateParquet(bytes: Uint8Array): AggregateRow[] {
  const { columns, rows } = readParquetColumns(bytes);
  const missing = REQUIRED.filter((c) => !columns[c]);
  if (missing.length) throw new ParquetError(`not an aggregate file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (see docs/aggregate.md)`);
  const empty: unknown[] = [];
  const col = (name: keyof AggregateRow) => columns[name] ?? empty;
  const c = Object.fromEntries(AGGREGATE_COLUMNS.map((name) => [name, col(name)])) as Record<keyof AggregateRow, unknown[]>;
  const out: AggregateRow[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const coding = text(c.coding[i]);
    out[i] = {
      coding: coding === 'polecat' ? 'polecat' : 'gdelt',
      period: text(c.period[i]),
      period_start: text(c.period_start[i]),
      period_end: text(c.period_end[i]),
      subject: text(c.subject[i]),
      subject_name: text(c.subject_name[i]),
      subject_country: text(c.subject_country[i]),
      subject_kind: text(c.subject_kind[i]),
      object: text(c.object[i]),
      object_name: text(c.object_name[i]),
      object_country: text(c.object_country[i]),
      object_kind: text(c.object_kind[i]),
      type: text(c.type[i]),
      directed: c.directed[i] === true || c.directed[i] === 'true',
      count: number(c.count[i]),
      first: text(c.first[i]),
      last: text(c.last[i]),
      sources: number(c.sources[i]),
      urls: text(c.urls[i]),
      score: c.score[i] === null || c.score[i] === undefined ? null : Number(c.score[i]),
      mentions: number(c.mentions[i]),
    };
  }
  return out;
}

function detect(files: InputFile[]): number {
  let best = 0;
  for (const file of files) {
    if (isParquet(file.bytes)) best = Math.max(best, 0.95);
    else if (/\.parquet$/i.test(file.path)) best = Math.max(best, 0.5);
  }
  return best;
}

const PARQUET_ID: FormatId = 'parquet';

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const issues: DataIssue[] = [];
  const rows: AggregateRow[] = [];
  for (const file of files) {
    try {
      for (const row of readAggregateParquet(file.bytes)) rows.push(row);
    } catch (error) {
      const message = error instanceof ParquetError ? error.message : `could not read the file: ${(error as Error).message}`;
      issues.push({ file: file.path, line: 0, column: '', code: 'parquet/unreadable', message: `parquet: ${message}` });
    }
  }
  const report = { format: PARQUET_ID, skipped: {}, createdActors: [] as string[], createdTypes: [] as string[], notes: [] as string[] };
  if (issues.length || rows.length === 0) {
    if (!issues.length) issues.push({ file: files[0]?.path ?? '', line: 0, column: '', code: 'parquet/empty', message: 'parquet: the file holds no aggregated row' });
    return { files: {}, report, issues };
  }
  const graph = aggregateToGraphData(rows, options.vocabulary);
  report.createdTypes = graph.createdTypes;
  report.notes = [`${rows.length} aggregated rows: ${graph.actors} actors, ${graph.relations} relations.`, ...graph.notes];
  return { files: graph.files, report, issues };
}

export const parquetFormat: InputFormat = { id: PARQUET_ID, label: 'Aggregated events (Parquet, from npm run aggregate)', detect, convert };
