/**
 * The relations fast path (relation-fast-path.ts) against the slow path it
 * stands in for: random and adversarial relation files, loaded once with the
 * fast path and once with it switched off, must give the same columns and the
 * same issues, in the same order, at the same lines and fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset, type LoadOptions } from '../../src/lib/core/load';
import { relationColumnsOf } from '../../src/lib/core/relation-columns';
import { fastPathSwitch } from '../../src/lib/core/relation-fast-path';
import { estimatedLines } from '../../src/lib/core/relation-reader';
import { lastDayOfStart, parseDateRange, type DateRange } from '../../src/lib/core/text-ranges';
import { parsePartialDate } from '../../src/lib/core/dates';
import { BASE_TEXTS, REL_HEAD, dataset } from './malformed/generate';
import { seededRandom as seeded, type Random } from '../../bench/generate';

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];

const ACTORS = ['armenia', 'azerbaijan', 'csto', 'nikol-pashinyan'];
const TYPES = ['alliance', 'accusation', 'membership'];
const UNDIRECTED = new Set(['alliance']);

/** A cell as a CSV writer might put it: bare when it can be, quoted (escaping quotes) when it must be or at random. */
function encode(random: Random, value: string): string {
  const needs = /[",\r\n]/.test(value) || value.trim() !== value;
  if (needs || random() < 0.15) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Values the loader accepts, with the variations a valid file may have (padding, quoting, escapes, line breaks). */
function cleanRow(random: Random, columns: readonly string[], serial: number): Record<string, string> {
  let subject = pick(random, ACTORS);
  let object = pick(random, ACTORS.filter((a) => a !== subject));
  const type = pick(random, TYPES);
  if (UNDIRECTED.has(type) && subject > object) [subject, object] = [object, subject];
  const pad = (value: string) => (random() < 0.05 ? ` ${value}\t` : value);
  const year = 2015 + Math.floor(random() * 8);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const date = pick(random, [`${year}`, `${year}-${month}`, `${year}-${month}-${day}`, `${year}-02-29`.replace(/^(2015|2017|2018|2019|2021|2022)-02-29$/, '$1-02-28'), '2000-02']);
  const endDate = random() < 0.3 ? `${Number(date.slice(0, 4)) + 1 + Math.floor(random() * 3)}-${month}` : '';
  const quote = pick(random, ['Armenia is a member of the CSTO', 'He said "yes", then left', 'a, b and c', 'Ærø in Latin-1 and Ελλάδα beyond', 'emoji 😀 quote', 'x'.repeat(200), '😀'.repeat(150), 'two\nlines', 'crlf\r\ninside']);
  const values: Record<string, string> = {
    subject: pad(subject),
    object: pad(object),
    type: pad(type),
    date: pad(date),
    end_date: endDate,
    quote: pad(quote),
    note: random() < 0.7 ? '' : `${pick(random, ['n', 'note, with comma', 'note "quoted"', 'line\nbreak', ' padded '])} ${serial}`,
  };
  if (columns.includes('statement')) values.statement = random() < 0.3 ? '' : pick(random, ['s1', 's2', 's3', 'q"x', `st${serial % 7}`]);
  if (columns.includes('modality')) values.modality = pick(random, ['', 'asserted', 'denied', 'reported', ' conditional ']);
  for (const column of columns) if (column.startsWith('attr_')) values[column] = random() < 0.5 ? '' : `v${serial % 3}`;
  return values;
}

/** Cells that break one rule or sit on the edge of one. */
const BAD: Record<string, readonly string[]> = {
  subject: ['ghost', '', 'ARMENIA', 'armenia ', '"csto"', 'arme"nia', 'x'.repeat(120)],
  object: ['ghost', '', 'armenia', 'csto'],
  type: ['unknown', '', 'Alliance', 'alliance'],
  date: ['2022-02-30', '2022-13', '22-01', '', '2022-9-1', '2022-00', '0000', '9999-12-31', '２０２２', '2022-1-01', '2022/01'],
  end_date: ['2010', '2022-02-30', 'soon', '2015-01-01'],
  quote: ['', 'para\n\nbreak', 'x'.repeat(201), '😀'.repeat(201), 'not in the text', 'y'.repeat(10_001)],
  note: ['z'.repeat(10_001), 'stray " quote'],
  statement: ['a b', 'x'.repeat(101), '"q""x"'],
  modality: ['bogus', 'Asserted'],
};

function line(random: Random, columns: readonly string[], values: Record<string, string>): string {
  return columns.map((column) => encode(random, values[column] ?? '')).join(',');
}

/** A relations file: mostly the given kind of row, with adversarial records in mixed files. */
function relationsFile(random: Random, columns: readonly string[], rows: number, mixed: boolean): string {
  const eol = random() < 0.5 ? '\n' : '\r\n';
  const lines = [columns.join(',')];
  const written: string[] = [];
  for (let i = 0; i < rows; i++) {
    const values = cleanRow(random, columns, i);
    const r = random();
    if (mixed && r < 0.35) {
      const column = pick(random, Object.keys(BAD).filter((c) => columns.includes(c)));
      values[column] = pick(random, BAD[column]);
    } else if (mixed && r < 0.45 && written.length > 0) {
      lines.push(pick(random, written));
      continue;
    } else if (mixed && r < 0.5) {
      lines.push(pick(random, ['', '  ', 'a,b', `${line(random, columns, values)},extra`, 'armenia,"csto,membership', 'arm"enia,csto,membership,2022,,q,', `armenia,csto,membership,2022,,"q"x,`, `armenia,csto,membership,2022,,q\u0001,`, `armenia,csto,membership,2022,,q\rx,`]));
      continue;
    }
    const text = line(random, columns, values);
    written.push(text);
    lines.push(text);
  }
  const bom = random() < 0.2 ? '\uFEFF' : '';
  return bom + lines.join(eol) + (random() < 0.8 ? eol : '');
}

const HEADERS = [REL_HEAD, `${REL_HEAD},statement,modality`, `${REL_HEAD},modality,statement`, `${REL_HEAD},statement,attr_kind`].map((h) => h.split(','));

/** Loads `files` with and without the fast path and checks that they agree; returns the fast load. */
function loadBoth(files: Record<string, string>, options: LoadOptions = {}) {
  fastPathSwitch.enabled = false;
  const slow = loadDataset(files, options);
  fastPathSwitch.enabled = true;
  const fast = loadDataset(files, options);
  expect(fast.issues).toEqual(slow.issues);
  expect(fast.ok).toBe(slow.ok);
  if (fast.ok && slow.ok) {
    expect(relationColumnsOf(fast.dataset)).toEqual(relationColumnsOf(slow.dataset));
    expect([...fast.dataset.relations]).toEqual([...slow.dataset.relations]);
  }
  return fast;
}

function filesWith(relations: Record<string, string>): Record<string, string> {
  const files = dataset() as Record<string, string>;
  return { ...files, ...relations };
}

afterEach(() => {
  fastPathSwitch.enabled = true;
});

describe('the relations fast path gives what the slow path gives', () => {
  it('on valid files with padding, quoting, escapes, line breaks, statements and modalities', () => {
    let loadedRows = 0;
    const taken = fastPathSwitch.taken;
    for (let seed = 1; seed <= 60; seed++) {
      const random = seeded(seed);
      const columns = pick(random, HEADERS);
      const result = loadBoth(filesWith({ 'relations/src-a.csv': relationsFile(random, columns, 40, false), 'relations/src-b.csv': relationsFile(random, pick(random, HEADERS), 15, false) }));
      if (result.ok) loadedRows += result.dataset.relations.length;
    }
    // Valid files load, and the fast path took a good share of their rows (the others have padding, line breaks, long quotes...).
    expect(loadedRows).toBeGreaterThan(3000);
    expect(fastPathSwitch.taken - taken).toBeGreaterThan(loadedRows / 4);
  });

  it('on files with unknown ids, bad dates, self relations, wrong order, duplicates, ragged rows and broken quoting', () => {
    let issues = 0;
    const codes = new Set<string>();
    for (let seed = 100; seed < 220; seed++) {
      const random = seeded(seed);
      const result = loadBoth(filesWith({ 'relations/src-a.csv': relationsFile(random, pick(random, HEADERS), 30, true), 'relations/src-b.csv': relationsFile(random, pick(random, HEADERS), 10, random() < 0.5) }));
      issues += result.issues.length;
      for (const issue of result.issues) codes.add(issue.code);
    }
    expect(issues).toBeGreaterThan(500);
    for (const code of ['load/unknown-actor', 'load/unknown-type', 'load/bad-date', 'load/self-relation', 'load/undirected-order', 'load/duplicate-row', 'load/end-before-start', 'load/quote-too-long', 'load/quote-paragraph-break', 'load/bad-statement', 'load/bad-modality', 'limits/cell-too-long', 'csv/ragged-row', 'csv/unterminated-quote', 'csv/stray-quote', 'csv/text-after-quote', 'text/control-character']) {
      expect(codes, code).toContain(code);
    }
  });

  it('when quotes are checked against source texts', () => {
    for (let seed = 300; seed < 330; seed++) {
      const random = seeded(seed);
      const rows = ['Armenia is a member of the CSTO', 'Pashinyan accused Baku', 'not in the text', 'member'].map((quote, i) => `armenia,csto,membership,2022-0${1 + i},,${quote},n${seed}`);
      const text = [REL_HEAD, ...rows.filter(() => random() < 0.7)].join('\n') + '\n';
      loadBoth(filesWith({ 'relations/src-a.csv': text }), { texts: BASE_TEXTS });
    }
  });

  it('at the first row after the header, at the end of a file without a line ending, and after a duplicate of a fast row', () => {
    const row = 'armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,';
    for (const text of [`${REL_HEAD}\n${row}`, `${REL_HEAD}\r\n${row}\r\n${row}\r\n`, `${REL_HEAD}\n${row}\n ${row}\n`, `${REL_HEAD}\n${row}\n"armenia",csto,membership,2022-09,,Armenia is a member of the CSTO,\n`, `${REL_HEAD}\n${row}\nx\ny\n${row.replace('2022-09', '2022-10')}\nz`, `${REL_HEAD}\n${row}\n"unclosed,csto\n${row}\n`]) {
      loadBoth(filesWith({ 'relations/src-a.csv': text }));
    }
    const taken = fastPathSwitch.taken;
    const duplicate = loadBoth(filesWith({ 'relations/src-a.csv': `${REL_HEAD}\n${row}\n${row}\n` }));
    // The first row and src-b's row are fast; the duplicate is the slow path's to report.
    expect(fastPathSwitch.taken - taken).toBe(2);
    expect(duplicate.issues.map((issue) => [issue.line, issue.code])).toEqual([[3, 'load/duplicate-row']]);
  });

  it('on long quotes that differ only between the characters the row digest samples, and on duplicates with escaped quotes', () => {
    const long = (middle: string) => `${'a'.repeat(60)}${middle}${'b'.repeat(60)}`;
    const row = (quote: string) => `armenia,csto,membership,2022-09,,${quote},`;
    // Same length, same sampled characters: not duplicates, so both are stored and no issue is raised.
    const distinct = loadBoth(filesWith({ 'relations/src-a.csv': `${REL_HEAD}\n${row(long('x'))}\n${row(long('y'))}\n` }));
    expect(distinct.issues).toEqual([]);
    // A fast row and its copy with an escaped quote: the slow path hashes the unescaped value as the fast one does.
    const escaped = `"${long('say ""no""')}"`;
    const duplicate = loadBoth(filesWith({ 'relations/src-a.csv': `${REL_HEAD}\n${row(escaped)}\n${row(escaped)}\n${row(long('x'))}\n${row(long('x'))}\n` }));
    expect(duplicate.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [3, 'load/duplicate-row'],
      [5, 'load/duplicate-row'],
    ]);
  });

  it('on a file past the 64 Ki characters that presize the duplicate table, with duplicates far apart and cells over the limit', () => {
    const random = seeded(7);
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) rows.push(`armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,n${i}`);
    // Copies of early rows late in the file, an over-long note and an over-long quote among fast rows.
    for (const at of [2990, 2500, 1500]) rows[at] = rows[Math.floor(random() * 100)];
    rows[1000] = `armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,${'z'.repeat(10_001)}`;
    rows[2000] = `armenia,csto,membership,2022-09,,${'y'.repeat(10_001)},`;
    const taken = fastPathSwitch.taken;
    const result = loadBoth(filesWith({ 'relations/src-a.csv': `${REL_HEAD}\n${rows.join('\n')}\n` }));
    expect(fastPathSwitch.taken - taken).toBeGreaterThan(2900);
    expect(result.issues.filter((issue) => issue.code === 'load/duplicate-row').map((issue) => issue.line)).toEqual([1502, 2502, 2992]);
    expect(result.issues.filter((issue) => issue.code === 'limits/cell-too-long').map((issue) => [issue.line, issue.column])).toEqual([
      [1002, 'note'],
      [2002, 'quote'],
    ]);
  });
});

describe('estimatedLines', () => {
  it('counts the lines of a short text and scales a sample of a long one', () => {
    expect(estimatedLines('')).toBe(1);
    expect(estimatedLines('a\nb\nc')).toBe(3);
    const long = 'x'.repeat(99).concat('\n').repeat(5000);
    const estimate = estimatedLines(long);
    expect(estimate).toBeGreaterThanOrEqual(5000);
    expect(estimate).toBeLessThan(5050);
  });
});

describe('parseDateRange', () => {
  it('reads every date exactly as parsePartialDate does', () => {
    const texts = ['0000', '0000-02-29', '0001-01-01', '1582-10-10', '1900-02-29', '1900-02-28', '2000-02-29', '2100-02-29', '9999-12-31', '1969-12-31', '1970-01-01', '2024-00', '2024-13', '2024-12-32', '2024-04-31', '20x4', '2024-1', '2024-01-1', '2024-01-01x', '-024', '2024_01'];
    for (let year = 0; year <= 9999; year += 37) for (let month = 0; month <= 13; month++) texts.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    for (let year = 0; year <= 9999; year += 1) texts.push(String(year).padStart(4, '0'));
    for (const year of [1600, 1700, 1999, 2000, 2023, 2024]) {
      for (let month = 1; month <= 12; month++) for (let day = 0; day <= 32; day++) texts.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
    const out: DateRange = { start: 0, end: 0, precision: 0 };
    for (const text of texts) {
      const wrapped = `,${text},`;
      const expected = parsePartialDate(text);
      const ok = parseDateRange(wrapped, 1, 1 + text.length, out);
      expect(ok, text).toBe(expected !== null);
      if (expected) expect({ ...out }, text).toEqual({ start: expected.start, end: expected.end, precision: ['year', 'month', 'day'].indexOf(expected.precision) });
      // The index reads a date's end back from its start (relation-index.ts).
      if (expected) expect(lastDayOfStart(out.start, out.precision), text).toBe(expected.end);
    }
  });
});
