/**
 * `npm run extract`: the same article gives the same bytes twice, in the relations CSV
 * columns plus confidence and cue; bad usage exits 2 and an invalid dataset exits 1,
 * each with a message prefixed `extract:`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/core/load';
import { readGraphDataFolder } from '../../../scripts/read-graph-data';

const root = resolve(__dirname, '../../..');
const SOURCES = resolve(root, '../shared/sources');
const hasSources = existsSync(SOURCES);
if (!hasSources) console.warn(`extract cli: ${SOURCES} is absent (../shared/sources); the runs on a bundled article are skipped`);
const work = mkdtempSync(join(tmpdir(), 'entente-extract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COLUMNS = ['subject', 'object', 'type', 'date', 'end_date', 'quote', 'note', 'statement', 'modality', 'confidence', 'cue'];

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function firstBundledSource(): { path: string; published: string } | null {
  const loaded = loadDataset(readGraphDataFolder(resolve(root, 'graph-data')));
  if (!loaded.ok) throw new Error('extract cli: the bundled graph-data does not load');
  for (const source of loaded.dataset.sources) {
    const path = join(SOURCES, `${source.id}.txt`);
    if (existsSync(path)) return { path, published: source.published };
  }
  return null;
}

describe('npm run extract', () => {
  it.skipIf(!hasSources)('writes byte-identical candidates twice, in the relations columns plus confidence and cue', { timeout: 120_000 }, () => {
    const source = firstBundledSource();
    expect(source, `no bundled source text in ${SOURCES}`).not.toBeNull();
    const [a, b] = [join(work, 'a.csv'), join(work, 'b.csv')];
    const first = run('--text', source!.path, '--published', source!.published, '--out', a);
    const second = run('--text', source!.path, '--published', source!.published, '--out', b);
    expect(first.stderr).toBe('');
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(first.stdout).toMatch(/^extract: \d+ candidates, \d+ mentions/);
    const bytes = readFileSync(a);
    expect(bytes.equals(readFileSync(b))).toBe(true);

    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(COLUMNS);
    expect(parsed.data.length).toBeGreaterThan(5);
    const text = readFileSync(source!.path, 'utf8');
    const types = new Set(readFileSync(resolve(root, 'graph-data/relation-types.csv'), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]));
    for (const row of parsed.data) {
      expect(row.confidence).toMatch(/^(?:0\.\d\d|1\.00)$/);
      expect(row.cue.length).toBeGreaterThan(0);
      expect(types.has(row.type), `type ${row.type}`).toBe(true);
      expect(text.includes(row.quote), `quote "${row.quote}" is verbatim`).toBe(true);
      expect(row.quote.length).toBeLessThanOrEqual(200);
      expect(row.date).toMatch(/^\d{4}(?:-\d\d(?:-\d\d)?)?$/);
      expect(['asserted', 'reported', 'denied', 'conditional']).toContain(row.modality);
    }
  });

  it('exits 2 with a message on bad usage', { timeout: 120_000 }, () => {
    const text = join(work, 'text.txt');
    writeFileSync(text, 'Armenia accused Azerbaijan of shelling on Monday.');
    const out = join(work, 'out.csv');
    const cases: [string[], RegExp][] = [
      [[], /--text is required/],
      [['--text', text, '--published', '2023-01-05', '--out', out, '--verbose', 'x'], /unknown argument "--verbose"/],
      [['--text', text, '--published', '05/01/2023', '--out', out], /--published "05\/01\/2023" is not YYYY/],
      [['--text', text, '--published'], /--published needs a value/],
      [['--text', join(work, 'missing.txt'), '--published', '2023-01-05', '--out', out], /cannot read --text .*ENOENT/],
      [['--text', text, '--published', '2023-01-05', '--out', out, '--data', join(work, 'no-such-folder')], /^extract: /],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = run(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^extract: /);
      expect(stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 and names the problem when the dataset is invalid', { timeout: 60_000 }, () => {
    const data = join(work, 'bad-data');
    cpSync(resolve(root, 'graph-data'), data, { recursive: true });
    writeFileSync(join(data, 'actors.csv'), readFileSync(join(data, 'actors.csv'), 'utf8').replace(/\n([a-z0-9-]+),/, '\nNot An Id,'));
    const text = join(work, 'text.txt');
    writeFileSync(text, 'Armenia accused Azerbaijan of shelling on Monday.');
    const { status, stderr } = run('--text', text, '--published', '2023-01-05', '--data', data, '--out', join(work, 'never.csv'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/actors\.csv/);
    expect(stderr).toMatch(/extract: the dataset has \d+ issue\(s\)/);
    expect(existsSync(join(work, 'never.csv'))).toBe(false);
  });
});
