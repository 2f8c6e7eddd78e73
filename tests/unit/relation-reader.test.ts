/**
 * The streaming relations reader (relation-reader.ts on csv-cursor.ts) and the
 * consumers that read the columns instead of row objects: each compared with
 * what the row objects say.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/lib/core/load';
import { CsvCursor } from '../../src/lib/core/csv-cursor';
import { relationColumnsOf } from '../../src/lib/core/relation-columns';
import { rowOfRelation } from '../../src/lib/core/relation-row-lookup';
import { countRelationsPerActor } from '../../src/lib/core/actor-search';
import { summarizeDataset } from '../../src/lib/core/summary';
import { parsePartialDate } from '../../src/lib/core/dates';
import type { Dataset } from '../../src/lib/core/model';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { REL_HEAD, dataset } from './malformed/generate';

const bundled = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!bundled.ok) throw new Error('graph-data does not load');

function loaded(relations: string, eol = '\n'): Dataset {
  const files = dataset({}, eol);
  files['relations/src-a.csv'] = relations;
  const result = loadDataset(files);
  expect(result.issues).toEqual([]);
  return result.dataset!;
}

describe('CsvCursor', () => {
  it('gives offsets, lines and unescaped, trimmed fields without cell arrays', () => {
    const cursor = new CsvCursor('\uFEFFa, b ,"c ""d"""\r\n"x\ny",z,\n');
    expect(cursor.next()).toBe(true);
    expect([cursor.line, cursor.lastLine, cursor.count]).toEqual([1, 1, 3]);
    expect([cursor.field(0), cursor.field(1), cursor.field(2)]).toEqual(['a', 'b', 'c "d"']);
    expect(cursor.field(1, false)).toBe(' b ');
    expect(cursor.next()).toBe(true);
    expect([cursor.line, cursor.lastLine, cursor.count, cursor.field(0), cursor.field(2)]).toEqual([2, 3, 3, 'x\ny', '']);
    const again = new CsvCursor(cursor.text);
    again.seek(cursor.offset, cursor.line);
    expect(again.next() && again.field(0)).toBe('x\ny');
    expect(cursor.next()).toBe(false);
  });
});

describe('reading relations into columns', () => {
  it('keeps quotes with doubled quotes, commas and line breaks, CRLF and a BOM, and the line each row starts on', () => {
    const rows = [
      REL_HEAD,
      'armenia,csto,membership,2022-09,,"He said ""yes"", then left",',
      'nikol-pashinyan,azerbaijan,accusation,2022-09-13,,"two\nlines",note',
    ];
    for (const eol of ['\n', '\r\n']) {
      const ds = loaded('\uFEFF' + rows.join(eol) + eol, eol);
      const mine = ds.relations.filter((r) => r.source === 'src-a');
      expect(mine.map((r) => [r.line, r.quote, r.note])).toEqual([
        [2, 'He said "yes", then left', ''],
        [3, 'two\nlines', 'note'],
      ]);
    }
  });

  it('finds a duplicate row written with different quoting, and only an equal one', () => {
    const files = dataset();
    files['relations/src-a.csv'] = [REL_HEAD, 'armenia,csto,membership,2022,,q,', '"armenia", csto ,membership,2022,,"q",', 'armenia,csto,membership,2022,,q,other'].join('\n');
    const result = loadDataset(files);
    expect(result.issues.map((i) => `${i.line}:${i.code}:${i.message}`)).toEqual(['3:load/duplicate-row:the same row as line 2; a relation is coded once']);
  });

  it('finds duplicates among many rows, past the growth of its table', () => {
    const lines = [REL_HEAD];
    for (let i = 0; i < 3000; i++) lines.push(`armenia,csto,membership,2022,,quote ${i},`);
    lines.push('armenia,csto,membership,2022,,quote 2999,', 'armenia,csto,membership,2022,,quote 7,');
    const files = dataset();
    files['relations/src-a.csv'] = lines.join('\n');
    const result = loadDataset(files);
    expect(result.issues.map((i) => `${i.line}:${i.message}`)).toEqual(['3002:the same row as line 3001; a relation is coded once', '3003:the same row as line 9; a relation is coded once']);
  });
});

describe('consumers of the columns', () => {
  const ds = bundled.dataset!;

  it('countRelationsPerActor counts the same from the columns as from row objects', () => {
    const fromObjects = countRelationsPerActor(ds.relations.slice());
    expect(countRelationsPerActor(relationColumnsOf(ds))).toEqual(fromObjects);
    expect(countRelationsPerActor(ds.relations)).toEqual(fromObjects);
    expect(fromObjects.size).toBeGreaterThan(10);
  });

  it('summarizeDataset counts the same as the row objects say', () => {
    const summary = summarizeDataset(ds);
    const rows = ds.relations.slice();
    const perType = new Map(ds.types.map((t) => [t.id, 0]));
    for (const r of rows) perType.set(r.type, perType.get(r.type)! + 1);
    expect(summary.relationsPerType).toEqual([...perType]);
    const statements = new Set(rows.map((r) => (r.statement ? `${r.source}/s:${r.statement}` : `${r.source}/row:${r.line}`)));
    expect(summary.statementCount).toBe(statements.size);
    expect(summary.relationCount).toBe(rows.length);
    const first = Math.min(...rows.map((r) => parsePartialDate(r.date)!.start));
    const last = Math.max(...rows.map((r) => parsePartialDate(r.endDate || r.date)!.end));
    expect(summary.dateRange).toEqual({ from: new Date(first * 86400000).toISOString().slice(0, 10), to: new Date(last * 86400000).toISOString().slice(0, 10) });
    // The same dataset assembled from plain row objects gives the same summary.
    expect(summarizeDataset({ ...ds, relations: rows })).toEqual(summary);
  });

  it('rowOfRelation finds every row from its source and line, and nothing for a line without a row', () => {
    const columns = relationColumnsOf(ds);
    ds.relations.forEach((r, i) => expect(rowOfRelation(columns, r.source, r.line)).toBe(i));
    expect(rowOfRelation(columns, ds.relations[0].source, 1)).toBeUndefined();
    expect(rowOfRelation(columns, 'no-such-source', 2)).toBeUndefined();
  });
});
