/**
 * CSV reading for graph-data files (RFC 4180), with the 1-based line each row
 * starts on, so that every error can point at the place to fix. The tokenizer
 * is csv-cursor.ts; this file turns its records into tables for the small
 * files (types, actors, sources) and checks headers for all of them.
 */
import { CsvCursor, type CsvRecordIssue } from './csv-cursor';
import type { DataIssue } from './model';

export interface CsvRow {
  /** Line the row starts on. */
  line: number;
  /** Line it ends on: later than `line` when a quoted cell holds line breaks. */
  lastLine: number;
  values: Record<string, string>;
}

export interface CsvTable {
  /** The header cells as read (trimmed), also when the header has problems. */
  header: string[];
  /** False when the header could not be read or has a problem; then no rows are read. */
  headerOk: boolean;
  rows: CsvRow[];
  /** Rows left out for a CSV problem (ragged, quoting), with the cells that could be read, so that their ids are known to be refused. */
  brokenRows: CsvRecord[];
  issues: DataIssue[];
}

/** The columns a file takes: required ones first, in this order, then optional ones in any order. */
export interface CsvColumns {
  required: readonly string[];
  optional?: readonly string[];
  /** Accept any number of `attr_<name>` columns among the optional ones. */
  attributes?: boolean;
}

export const ATTRIBUTE_PREFIX = 'attr_';
const ATTRIBUTE_COLUMN = /^attr_[A-Za-z][A-Za-z0-9_]*$/;

export interface CsvRecord {
  line: number;
  lastLine: number;
  cells: string[];
}

export type { CsvRecordIssue };

/**
 * Splits `text` into records. Rows with a quoting error are left out and
 * reported; every other row comes back with the line it starts on.
 */
export function readCsvRecords(text: string, delimiter = ','): { records: CsvRecord[]; broken: CsvRecord[]; issues: CsvRecordIssue[] } {
  const records: CsvRecord[] = [];
  const broken: CsvRecord[] = [];
  const cursor = new CsvCursor(text, delimiter);
  while (cursor.next()) {
    const cells: string[] = new Array(cursor.count);
    for (let c = 0; c < cursor.count; c++) cells[c] = cursor.field(c, false);
    const record = { line: cursor.line, lastLine: cursor.lastLine, cells };
    if (cursor.bad) broken.push(record);
    else records.push(record);
  }
  return { records, broken, issues: cursor.issues };
}

function isBlank(cells: string[]): boolean {
  return cells.length === 1 && cells[0].trim() === '';
}

export function normalizeColumns(columns: readonly string[] | CsvColumns): CsvColumns {
  return 'required' in columns ? columns : { required: columns as readonly string[] };
}

export function headerIssues(file: string, header: string[], spec: CsvColumns): DataIssue[] {
  const issues: DataIssue[] = [];
  const expected = spec.required.join(',');
  const optional = spec.optional ?? [];
  const add = (column: string, code: string, message: string) => issues.push({ file, line: 1, column, code, message });
  const seen = new Set<string>();
  const known = (name: string) => spec.required.includes(name) || optional.includes(name) || (!!spec.attributes && ATTRIBUTE_COLUMN.test(name));
  header.forEach((name, index) => {
    if (name === '') {
      const trailing = index === header.length - 1;
      add('', 'csv/empty-column-name', `column ${index + 1} of the header has no name${trailing ? ' (a trailing comma?)' : ''}; expected ${expected}`);
    } else if (seen.has(name)) {
      add(name, 'csv/duplicate-column', `column "${name}" appears more than once in the header`);
    } else if (!known(name)) {
      const declared = [...optional, ...(spec.attributes ? [`${ATTRIBUTE_PREFIX}<name>`] : [])];
      const hint = name.startsWith(ATTRIBUTE_PREFIX) && spec.attributes ? `; attribute columns are named ${ATTRIBUTE_PREFIX} followed by a letter, then letters, digits or _` : '';
      add(name, 'csv/unknown-column', `unknown column "${name}"${hint}; expected ${expected}${declared.length ? `, optionally followed by ${declared.join(', ')}` : ''}`);
    }
    seen.add(name);
  });
  for (const name of spec.required) {
    if (!seen.has(name)) add(name, 'csv/missing-column', `missing column "${name}"; expected ${expected}`);
  }
  if (issues.length === 0) {
    const inOrder = spec.required.every((name, index) => header[index] === name);
    if (!inOrder) {
      add(header.find((name, index) => name !== spec.required[index]) ?? '', 'csv/column-order', `the columns must start with ${expected}, in this order (optional columns come after them); found ${header.join(',')}`);
    }
  }
  return issues;
}

/**
 * Parses `text` as the CSV file `file`. The header must hold the required
 * columns in order, then any declared optional columns; a header problem is
 * reported once, on line 1, and no rows are read.
 */
export function parseCsv(file: string, text: string, columns: readonly string[] | CsvColumns): CsvTable {
  const spec = normalizeColumns(columns);
  const { records, broken: brokenRows, issues: recordIssues } = readCsvRecords(text);
  const issues: DataIssue[] = recordIssues.map((issue) => ({ file, line: issue.line, column: '', code: issue.code, message: issue.message }));
  const rows: CsvRow[] = [];

  // A quoting error on line 1 is already reported, and leaves no header to check.
  if (recordIssues.some((issue) => issue.line === 1 && issue.code !== 'csv/bare-cr')) return { header: [], headerOk: false, rows, brokenRows, issues };
  const first = records[0];
  if (!first || isBlank(first.cells)) {
    const what = first ? 'line 1 is blank' : 'empty file';
    issues.unshift({ file, line: 1, column: '', code: 'csv/no-header', message: `${what}; expected the header ${spec.required.join(',')}` });
    return { header: [], headerOk: false, rows, brokenRows, issues };
  }
  const header = first.cells.map((cell) => cell.trim());
  const problems = headerIssues(file, header, spec);
  if (problems.length > 0) return { header, headerOk: false, rows, brokenRows, issues: [...problems, ...issues.filter((issue) => issue.line !== 1)] };

  for (let r = 1; r < records.length; r++) {
    const { line, lastLine, cells } = records[r];
    if (isBlank(cells)) continue;
    if (cells.length !== header.length) {
      brokenRows.push(records[r]);
      issues.push({ file, line, column: '', code: 'csv/ragged-row', message: `ragged row: ${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${header.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) values[header[c]] = cells[c].trim();
    rows.push({ line, lastLine, values });
  }
  issues.sort((a, b) => a.line - b.line);
  return { header, headerOk: true, rows, brokenRows, issues };
}

/**
 * The `attr_<name>` values of a row, keyed by `<name>`; empty values are left out.
 * `copy` flattens each value, so that a value sliced out of a file's text does not keep the text alive.
 */
export function attributesOf(header: readonly string[], values: Record<string, string>, copy = false): Record<string, string> {
  let attributes: Record<string, string> | null = null;
  for (const column of header) {
    const value = values[column];
    if (column.startsWith(ATTRIBUTE_PREFIX) && value) (attributes ??= {})[column.slice(ATTRIBUTE_PREFIX.length)] = copy ? flatCopy(value) : value;
  }
  return attributes ?? NO_ATTRIBUTES;
}

/** A copy of `value` that shares no memory with the string it was sliced from. */
export function flatCopy(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

/** Shared by every row without attributes, so that 200,000 rows do not make 200,000 empty objects. */
export const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

function escapeCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as RFC 4180 CSV, quoting only the cells that need it. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(escapeCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => escapeCell(String(row[column] ?? ''))).join(','));
  // The last line ending joined in, not appended: `join() + '\r\n'` is a rope that whoever reads it first
  // (loadDataset, for an import) copies flat, 100 ms over 96 MB of relations.
  lines.push('');
  return lines.join('\r\n');
}
