/**
 * A million GDELT-shaped rows aggregated by DuckDB, checked group by group against an
 * independent computation: the generating formula replayed in plain JavaScript, with
 * its own CAMEO lookup and period arithmetic (bench/gdelt-fixture.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formulaExpected, formulaFixtureSql } from '../../../bench/gdelt-fixture';
import { aggregate } from '../../../scripts/aggregate';

const ROWS = 1_000_000;
const vocabulary = readFileSync('graph-data/relation-types.csv', 'utf8');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-million-'));
  file = join(dir, 'million.export.CSV');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(formulaFixtureSql(file, ROWS));
  connection.closeSync();
  instance.closeSync();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aggregate: 10^6 GDELT rows', () => {
  it('matches a plain JavaScript count, group by group', async () => {
    expect(statSync(file).size).toBeGreaterThan(50_000_000);
    const summary = await aggregate({ format: 'gdelt', inputs: [file], by: 'month', vocabulary });
    const expected = formulaExpected(ROWS, vocabulary, 'month');

    expect(summary.inputRows).toBe(ROWS);
    expect(summary.rejectedLines).toBe(0);
    expect(summary.events).toBe(expected.events);
    expect(summary.skipped['duplicate GLOBALEVENTID merged']).toBe(expected.duplicates);
    expect(summary.skipped['rows without two actors']).toBe(expected.withoutTwoActors);
    expect(summary.skipped['rows with the same actor on both sides']).toBe(expected.sameActor);
    expect(summary.rows.length).toBe(expected.groups.size);

    let counted = 0;
    const wrong: string[] = [];
    for (const row of summary.rows) {
      const key = `${row.period}|${row.subject}|${row.object}|${row.type}`;
      const group = expected.groups.get(key);
      counted += row.count;
      if (!group) wrong.push(`${key}: not expected`);
      else if (group.count !== row.count || group.first !== row.first || group.last !== row.last || group.urls.size !== row.sources) {
        wrong.push(`${key}: ${row.count} ${row.first}..${row.last} ${row.sources} URLs, expected ${group.count} ${group.first}..${group.last} ${group.urls.size}`);
      } else if (row.urls !== [...group.urls].sort().slice(0, 3).join(' ')) wrong.push(`${key}: URL sample ${row.urls}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(counted).toBe(expected.events - expected.withoutTwoActors - expected.sameActor);
  }, 240_000);
});
