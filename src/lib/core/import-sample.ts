/**
 * The first rows of a flat table, for the mapping step: the header, a few rows
 * as cells, and the delimiter. Only the start of the file is read, so showing
 * the mapping of a 50 MB file costs nothing.
 */
import Papa from 'papaparse';
import type { InputFile } from './formats/types';

export interface TableSample {
  file: string;
  delimiter: ',' | '\t';
  header: string[];
  rows: string[][];
  /** 1-based line each row starts on. */
  lines: number[];
}

const SAMPLE_BYTES = 256 * 1024;

export function sampleTable(input: InputFile, maxRows = 8): TableSample {
  const text = new TextDecoder('utf-8').decode(input.bytes.subarray(0, SAMPLE_BYTES)).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = /\.tsv$/i.test(input.path) || (firstLine.split('\t').length > firstLine.split(',').length) ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: maxRows * 2 + 1, skipEmptyLines: false });
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  parsed.data.forEach((record, i) => {
    const blank = record.length === 1 && record[0].trim() === '';
    if (i > 0 && !blank && rows.length < maxRows) {
      rows.push(record);
      lines.push(line);
    }
    line += 1 + record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
  });
  const header = parsed.data[0] ?? [];
  return { file: input.path, delimiter, header: header.map((h) => h.trim()), rows, lines };
}
