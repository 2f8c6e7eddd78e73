/**
 * CSV reading for graph-data files: RFC 4180 via papaparse, with the 1-based line
 * each row starts on, so that every error can point at the place to fix.
 */
import Papa from 'papaparse';
import type { DataIssue } from './model';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  rows: CsvRow[];
  issues: DataIssue[];
}

function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  return count;
}

/** Parses `text` as the CSV file `file`, which must have exactly the `columns` header. */
export function parseCsv(file: string, text: string, columns: readonly string[]): CsvTable {
  const issues: DataIssue[] = [];
  const rows: CsvRow[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });

  const lineOfRow: number[] = [];
  let line = 1;
  for (const record of parsed.data) {
    lineOfRow.push(line);
    line += 1 + countNewlines(record);
  }
  const badRows = new Set<number>();
  for (const error of parsed.errors) {
    const row = error.row ?? 0;
    badRows.add(row);
    issues.push({ file, line: lineOfRow[row] ?? line, field: '', message: `malformed CSV: ${error.message.toLowerCase()}` });
  }

  const [header, ...records] = parsed.data;
  const headerCells = (header ?? []).map((cell) => cell.trim());
  const missing = columns.filter((column) => !headerCells.includes(column));
  const unknown = headerCells.filter((cell) => cell && !columns.includes(cell));
  if (!header || (header.length === 1 && header[0] === '')) {
    issues.push({ file, line: 1, field: '', message: `empty file; expected the header ${columns.join(',')}` });
    return { rows, issues };
  }
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [];
    if (missing.length) parts.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    if (unknown.length) parts.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    issues.push({ file, line: 1, field: 'header', message: `${parts.join('; ')}; expected ${columns.join(',')}` });
    return { rows, issues };
  }

  records.forEach((record, index) => {
    const row = index + 1;
    const rowLine = lineOfRow[row];
    if (record.length === 1 && record[0].trim() === '') return;
    if (badRows.has(row)) return;
    if (record.length !== headerCells.length) {
      issues.push({
        file,
        line: rowLine,
        field: '',
        message: `ragged row: ${record.length} field${record.length === 1 ? '' : 's'} where the header has ${headerCells.length}`,
      });
      return;
    }
    const values: Record<string, string> = {};
    headerCells.forEach((column, i) => (values[column] = record[i].trim()));
    rows.push({ line: rowLine, values });
  });
  return { rows, issues };
}

function escapeCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as RFC 4180 CSV, quoting only the cells that need it. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number>[]): string {
  const lines = [columns.map(escapeCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => escapeCell(String(row[column] ?? ''))).join(','));
  return lines.join('\r\n') + '\r\n';
}
