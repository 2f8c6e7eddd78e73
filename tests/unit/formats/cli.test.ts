/** `npm run import`: converts into a graph-data folder the loader accepts, or prints one line per problem and exits 1. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphDataFolder } from '../../../scripts/read-graph-data';
import { loadDataset } from '../../../src/lib/core/load';
import { FIXTURES } from './helpers';

const root = resolve(__dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'entente-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', () => {
  it('converts a GEXF into graph-data that loads, with the counts it prints', { timeout: 60_000 }, () => {
    const out = join(work, 'gexf');
    const { status, stdout, stderr } = run(join(FIXTURES, 'dynamic-1.3.gexf'), '--type-attribute', 'relation', '--out', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/GEXF \(Gephi\): 3 actors, 5 relations, 1 sources, 4 types/);
    expect(readdirSync(out).sort()).toEqual(['actors.csv', 'relation-types.csv', 'relations', 'sources.csv']);
    const load = loadDataset(readGraphDataFolder(out));
    expect(load.ok && load.dataset.relations.length).toBe(5);
  });

  it('converts a folder, picking the format by detection (PLOVER JSON), and writes the source texts', { timeout: 60_000 }, () => {
    const input = join(work, 'in');
    const out = join(work, 'plover');
    rmSync(input, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', input]);
    writeFileSync(join(input, 'records.jsonl'), readFileSync(join(FIXTURES, 'plover-sample.jsonl')));
    const { status, stdout } = run(input, '--out', out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/PLOVER JSON records: 7 actors, 6 relations, 2 sources/);
    expect(readdirSync(join(out, 'texts'))).toHaveLength(2);
  });

  it('prints each problem on one line with file and line, writes nothing and exits 1', { timeout: 60_000 }, () => {
    const bad = join(work, 'bad.gexf');
    writeFileSync(bad, '<gexf><graph><nodes><node id="a"/></nodes>\n<edges><edge id="e" source="a" target="b"/>\n<edge id="f" source="c" target="a"/></edges></graph></gexf>');
    const out = join(work, 'bad-out');
    const { status, stderr } = run(bad, '--out', out);
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'bad.gexf:2: target: entente/gexf: edge "e" points to node "b", which is not in the file [gexf/missing-node]',
      'bad.gexf:3: source: entente/gexf: edge "f" points to node "c", which is not in the file [gexf/missing-node]',
      'import: 2 problems; nothing written',
    ]);
    expect(() => readdirSync(out)).toThrow();
    expect(run(bad).stderr).toMatch(/--out <graph-data dir> is required/);
    expect(run(bad, '--out', out, '--format', 'xls').stderr).toMatch(/unknown format "xls"/);
  });
});
