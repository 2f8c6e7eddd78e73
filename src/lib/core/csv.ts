/**
 * CSV reading for graph-data files (RFC 4180), with the 1-based line each row
 * starts on, so that every error can point at the place to fix.
 *
 * A small hand-written reader rather than papaparse: papaparse guesses one line
 * ending per file, so in a CRLF file an LF-only row merged with the next one and
 * every later line number was wrong. Here `\n` and `\r\n` both end a row, a bare
 * `\r` is reported, and quoting errors are reported at the line they start on,
 * after which reading resumes on the next line instead of swallowing the file.
 */
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

export interface CsvRecordIssue {
  line: number;
  code: string;
  message: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits `text` into records. Rows with a quoting error are left out and
 * reported; every other row comes back with the line it starts on. Runs in one
 * pass without recursion or spread, so a file of millions of rows is fine.
 */
export function readCsvRecords(text: string, delimiter = ','): { records: CsvRecord[]; issues: CsvRecordIssue[] } {
  const records: CsvRecord[] = [];
  const issues: CsvRecordIssue[] = [];
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let bareCrReported = false;

  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let bad = false;
    let rowEnded = false;
    while (!rowEnded) {
      // One field, starting at i.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const open = i;
        const openLine = line;
        let value = '';
        let from = i + 1;
        let closed = false;
        i++;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            closed = true;
            break;
          }
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        if (!closed) {
          issues.push({ line: openLine, code: 'csv/unterminated-quote', message: 'malformed CSV: a quoted field is never closed; every " inside a quoted field must be doubled ("")' });
          // Resume on the line after the one the quote opened on, so later rows are still read.
          line = openLine;
          i = open;
          while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
          i = skipLineEnd(text, i);
          line++;
          bad = true;
          rowEnded = true;
          break;
        }
        // After the closing quote: a delimiter, the end of the row, or an error.
        if (i < n && text.charCodeAt(i) !== sep && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) {
          if (!bad) issues.push({ line, code: 'csv/text-after-quote', message: 'malformed CSV: text after the closing quote of a field; wrap the whole field in quotes and double any " inside it' });
          bad = true;
          while (i < n && text.charCodeAt(i) !== sep && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
        }
        cells.push(value);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          if (c === QUOTE && !bad) {
            issues.push({ line, code: 'csv/stray-quote', message: 'malformed CSV: a " inside a field that does not start with a quote; wrap the field in quotes and double the " ("")' });
            bad = true;
          }
          i++;
        }
        cells.push(text.slice(start, i));
      }
      if (i >= n) {
        rowEnded = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === sep) i++;
        else {
          if (c === CR && text.charCodeAt(i + 1) !== LF && !bareCrReported) {
            issues.push({ line, code: 'csv/bare-cr', message: 'a line ends in a carriage return without a line feed (old Mac line endings); save the file with LF or CRLF line endings' });
            bareCrReported = true;
          }
          i = skipLineEnd(text, i);
          line++;
          rowEnded = true;
        }
      }
    }
    if (!bad) records.push({ line: rowLine, lastLine: line - (i >= n && !endsWithNewline(text) ? 0 : 1), cells });
  }
  return { records, issues };
}

function endsWithNewline(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === LF || c === CR;
}

function skipLineEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (text.charCodeAt(i) === LF) return i + 1;
  return i;
}

function isBlank(cells: string[]): boolean {
  return cells.length === 1 && cells[0].trim() === '';
}

function normalizeColumns(columns: readonly string[] | CsvColumns): CsvColumns {
  return 'required' in columns ? columns : { required: columns as readonly string[] };
}

function headerIssues(file: string, header: string[], spec: CsvColumns): DataIssue[] {
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
  const { records, issues: recordIssues } = readCsvRecords(text);
  const issues: DataIssue[] = recordIssues.map((issue) => ({ file, line: issue.line, column: '', code: issue.code, message: issue.message }));
  const rows: CsvRow[] = [];

  // A quoting error on line 1 is already reported, and leaves no header to check.
  if (recordIssues.some((issue) => issue.line === 1 && issue.code !== 'csv/bare-cr')) return { header: [], headerOk: false, rows, issues };
  const first = records[0];
  if (!first || isBlank(first.cells)) {
    const what = first ? 'line 1 is blank' : 'empty file';
    issues.unshift({ file, line: 1, column: '', code: 'csv/no-header', message: `${what}; expected the header ${spec.required.join(',')}` });
    return { header: [], headerOk: false, rows, issues };
  }
  const header = first.cells.map((cell) => cell.trim());
  const problems = headerIssues(file, header, spec);
  if (problems.length > 0) return { header, headerOk: false, rows, issues: [...problems, ...issues.filter((issue) => issue.line !== 1)] };

  for (let r = 1; r < records.length; r++) {
    const { line, lastLine, cells } = records[r];
    if (isBlank(cells)) continue;
    if (cells.length !== header.length) {
      issues.push({ file, line, column: '', code: 'csv/ragged-row', message: `ragged row: ${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${header.length}` });
      continue;
    }
    const values: Record<string, string> = Object.create(null);
    for (let c = 0; c < header.length; c++) values[header[c]] = cells[c].trim();
    rows.push({ line, lastLine, values });
  }
  issues.sort((a, b) => a.line - b.line);
  return { header, headerOk: true, rows, issues };
}

/** The `attr_<name>` values of a row, keyed by `<name>`; empty values are left out. */
export function attributesOf(header: readonly string[], values: Record<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const column of header) {
    if (column.startsWith(ATTRIBUTE_PREFIX) && values[column]) attributes[column.slice(ATTRIBUTE_PREFIX.length)] = values[column];
  }
  return attributes;
}

function escapeCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as RFC 4180 CSV, quoting only the cells that need it. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(escapeCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => escapeCell(String(row[column] ?? ''))).join(','));
  return lines.join('\r\n') + '\r\n';
}
