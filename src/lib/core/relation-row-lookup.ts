/** Finding a relation's row from its source and line, without a map of every row id. */
import type { RelationColumns } from './relation-columns';

/** Rows of each source sorted by line, to find a row from its source and line without a map of every row id. */
interface RowsBySource {
  sourceIndex: Map<string, number>;
  start: Int32Array;
  rows: Int32Array;
}

const rowsBySourceCache = new WeakMap<RelationColumns, RowsBySource>();

function rowsBySource(columns: RelationColumns): RowsBySource {
  let found = rowsBySourceCache.get(columns);
  if (found) return found;
  const sources = columns.sourceIds.length;
  const start = new Int32Array(sources + 1);
  for (let i = 0; i < columns.count; i++) start[columns.source[i] + 1]++;
  for (let s = 0; s < sources; s++) start[s + 1] += start[s];
  const rows = new Int32Array(columns.count);
  const fill = start.slice(0, sources);
  for (let i = 0; i < columns.count; i++) rows[fill[columns.source[i]]++] = i;
  // Loaded rows are in line order already; rows assembled in code may not be.
  for (let s = 0; s < sources; s++) rows.subarray(start[s], start[s + 1]).sort((a, b) => columns.line[a] - columns.line[b]);
  found = { sourceIndex: new Map(columns.sourceIds.map((id, s) => [id, s])), start, rows };
  rowsBySourceCache.set(columns, found);
  return found;
}

/** The row number of the relation at `line` of `source`'s file, or undefined. */
export function rowOfRelation(columns: RelationColumns, source: string, line: number): number | undefined {
  const { sourceIndex, start, rows } = rowsBySource(columns);
  const s = sourceIndex.get(source);
  if (s === undefined) return undefined;
  let lo = start[s];
  let hi = start[s + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (columns.line[rows[mid]] < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < start[s + 1] && columns.line[rows[lo]] === line ? rows[lo] : undefined;
}
