import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/lib/core/csv';

const COLS = ['a', 'b', 'c'] as const;

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line1\nline2\nline3",z\n3,p,q\n';
    const { rows, issues } = parseCsv('f.csv', text, COLS);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, lastLine: 2, values: { a: '1', b: 'x, y', c: 'say "hi"' } },
      { line: 3, lastLine: 5, values: { a: '2', b: 'line1\nline2\nline3', c: 'z' } },
      { line: 6, lastLine: 6, values: { a: '3', b: 'p', c: 'q' } },
    ]);
  });

  it('reads CRLF input, including CRLF inside a quoted field', () => {
    const text = 'a,b,c\r\n1,2,3\r\n4,"x\r\ny",6\r\n7,8,9\r\n';
    const { rows, issues } = parseCsv('f.csv', text, COLS);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(rows[0].values).toEqual({ a: '1', b: '2', c: '3' });
    expect(rows[1].values.b).toBe('x\r\ny');
    expect(rows[2].values.c).toBe('9');
  });

  it('strips a byte order mark', () => {
    const { rows, issues } = parseCsv('f.csv', '\uFEFFa,b,c\n1,2,3\n', COLS);
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ line: 2, lastLine: 2, values: { a: '1', b: '2', c: '3' } }]);
  });

  it('trims cells and header cells', () => {
    const { rows, issues } = parseCsv('f.csv', ' a , b,c\n 1 ,2 , 3\n', COLS);
    expect(issues).toEqual([]);
    expect(rows[0].values).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('reports a ragged row at its exact line', () => {
    const text = 'a,b,c\n1,2,3\n"m\nn",2,3\n4,5\n6,7,8,9\n';
    const { rows, issues } = parseCsv('f.csv', text, COLS);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(issues).toEqual([
      { file: 'f.csv', line: 5, column: '', code: 'csv/ragged-row', message: 'ragged row: 2 fields where the header has 3' },
      { file: 'f.csv', line: 6, column: '', code: 'csv/ragged-row', message: 'ragged row: 4 fields where the header has 3' },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b,c\n\n1,2,3\n   \n\n4,5,6\n', COLS);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports a missing column once, on line 1, with its name', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b\n1,2\n3,4\n', COLS);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ file: 'f.csv', line: 1, column: 'c', code: 'csv/missing-column', message: 'missing column "c"; expected a,b,c' }]);
  });

  it('reports an unknown column once, on line 1, with its name', () => {
    const { issues } = parseCsv('f.csv', 'a,b,c,d\n1,2,3,4\n5,6,7,8\n', COLS);
    expect(issues).toEqual([{ file: 'f.csv', line: 1, column: 'd', code: 'csv/unknown-column', message: 'unknown column "d"; expected a,b,c' }]);
  });

  it('reports an empty file', () => {
    const { rows, issues } = parseCsv('f.csv', '', COLS);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ file: 'f.csv', line: 1, column: '', code: 'csv/no-header', message: 'empty file; expected the header a,b,c' }]);
  });

  it('reports an unterminated quote at the line it starts on, and reads the rows after it', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b,c\n1,2,3\n4,"open,6\n7,8,9\n', COLS);
    expect(rows.map((r) => r.values.a)).toEqual(['1', '7']);
    expect(issues.map((i) => [i.line, i.code])).toEqual([[3, 'csv/unterminated-quote']]);
  });
});

describe('toCsv', () => {
  it('quotes only the cells that need it, with CRLF line ends', () => {
    const out = toCsv(['x', 'y'], [{ x: 'plain', y: 'a,b' }, { x: 'say "hi"', y: 'l1\nl2' }, { x: 3, y: '' }]);
    expect(out).toBe('x,y\r\nplain,"a,b"\r\n"say ""hi""","l1\nl2"\r\n3,\r\n');
  });

  it('round-trips through parseCsv', () => {
    const data = [
      { a: 'comma, here', b: 'quote " mark', c: 'new\nline' },
      { a: '""', b: 'plain', c: 'cr\r\nlf' },
    ];
    const { rows, issues } = parseCsv('f.csv', toCsv(COLS, data), COLS);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.values)).toEqual(data);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });
});
