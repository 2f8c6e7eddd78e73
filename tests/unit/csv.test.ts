import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/lib/core/csv';

const COLS = ['a', 'b', 'c'] as const;

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line1\nline2\nline3",z\n3,p,q\n';
    const { rows, issues } = parseCsv('f.csv', text, COLS);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, values: { a: '1', b: 'x, y', c: 'say "hi"' } },
      { line: 3, values: { a: '2', b: 'line1\nline2\nline3', c: 'z' } },
      { line: 6, values: { a: '3', b: 'p', c: 'q' } },
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
    expect(rows).toEqual([{ line: 2, values: { a: '1', b: '2', c: '3' } }]);
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
      { file: 'f.csv', line: 5, field: '', message: 'ragged row: 2 fields where the header has 3' },
      { file: 'f.csv', line: 6, field: '', message: 'ragged row: 4 fields where the header has 3' },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b,c\n\n1,2,3\n   \n\n4,5,6\n', COLS);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports a missing column on line 1, field header', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b\n1,2\n', COLS);
    expect(rows).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'f.csv', line: 1, field: 'header' });
    expect(issues[0].message).toBe('missing column c; expected a,b,c');
  });

  it('reports an unknown column on line 1, field header', () => {
    const { issues } = parseCsv('f.csv', 'a,b,c,d\n1,2,3,4\n', COLS);
    expect(issues).toEqual([{ file: 'f.csv', line: 1, field: 'header', message: 'unknown column d; expected a,b,c' }]);
  });

  it('reports an empty file', () => {
    const { rows, issues } = parseCsv('f.csv', '', COLS);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ file: 'f.csv', line: 1, field: '', message: 'empty file; expected the header a,b,c' }]);
  });

  it('reports an unterminated quote as malformed CSV at the line it starts on', () => {
    const { rows, issues } = parseCsv('f.csv', 'a,b,c\n1,2,3\n4,"open,6\n7,8,9\n', COLS);
    expect(rows).toEqual([{ line: 2, values: { a: '1', b: '2', c: '3' } }]);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(3);
    expect(issues[0].message).toMatch(/^malformed CSV: .*unterminated/);
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
