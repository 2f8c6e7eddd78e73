/** `npm run check-data` end to end: one line per problem, one line for bad usage, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { REL_HEAD, SOURCES_HEAD, baseLines, dataset, writeFolder } from './generate';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'entente-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function checkData(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-data.ts', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  return writeFolder(join(scratch, name), files);
}

describe('check-data', { timeout: 60_000 }, () => {
  it('--texts with a missing folder: one line, exit 2, no stack trace', () => {
    const run = checkData('--texts', join(scratch, 'no-such-folder'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`check-data: --texts ${join(scratch, 'no-such-folder')}: no such folder`]);
  });

  it('--data with a missing folder, and an unknown argument: one line each', () => {
    const missing = checkData('--data', join(scratch, 'nothing'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^check-data: cannot read the folder .*nothing: ENOENT/);
    const unknown = checkData('--dta', 'x');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--data checks any folder: valid, with counts', () => {
    const root = folder('valid', dataset());
    const run = checkData('--data', root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 actors, 3 relations from 3 statements, 2 sources, 3 relation types');
  });

  it('--data takes a zip too, wrapped in a folder or not, and refuses an entry outside it by name', () => {
    const files = dataset();
    const zipped = join(scratch, 'valid.zip');
    writeFileSync(zipped, zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [`my-data/${path}`, typeof text === 'string' ? strToU8(text) : text]))));
    const run = checkData('--data', zipped);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 actors, 3 relations from 3 statements, 2 sources, 3 relation types');
    const evil = join(scratch, 'evil.zip');
    writeFileSync(evil, zipSync({ 'actors.csv': strToU8('x'), '../outside.csv': strToU8('x') }));
    const refused = checkData('--data', evil);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('../outside.csv');
    const missing = checkData('--data', join(scratch, 'missing.zip'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints file:line: column: message [code] for each problem and exits 1; a folder named x.csv and a .CSV file do not crash it', () => {
    const root = folder('broken', { ...dataset({ 'relations/src-b.csv': [REL_HEAD, 'azerbaijan,armenia,alliance,2023,,q,'] }), 'relations/x.csv/': '', 'relations/src-a.CSV': `${REL_HEAD}\n` });
    const run = checkData('--data', root);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'relations/src-a.CSV: the extension must be .csv in lower case; rename it to src-a.csv [files/extension-case]',
      'relations/x.csv/: a folder whose name ends in .csv; relation files must be files [files/folder-not-file]',
      'relations/src-b.csv:2: object: "alliance" is undirected, so the two ids go in alphabetical order: subject armenia, object azerbaijan [load/undirected-order]',
      '',
      `check-data: 3 errors in ${root}`,
    ]);
  });

  it('--texts with source ids named like Object.prototype keys: issues, no crash', () => {
    const base = baseLines();
    const root = folder('proto', dataset({ 'sources.csv': [...base['sources.csv'], 'constructor,C,O,2022,', 'toString,T,O,2022,'], 'relations/constructor.csv': [REL_HEAD, 'armenia,csto,membership,2022,,Armenia,'], 'relations/toString.csv': [REL_HEAD] }));
    const texts = folder('proto-texts', { 'src-a.txt': 'Armenia is a member of the CSTO. Pashinyan accused Baku', 'src-b.txt': 'Armenia and Azerbaijan, allies', 'toString.txt': '' });
    const run = checkData('--data', root, '--texts', texts);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')[0]).toBe('relations/constructor.csv: quote: no source text given for "constructor", so its quotes cannot be checked [load/no-source-text]');
    writeFileSync(join(texts, 'constructor.txt'), 'Armenia');
    const fixed = checkData('--data', root, '--texts', texts);
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
  });

  it('--json prints the machine-readable issues', () => {
    const root = folder('json', dataset({ 'sources.csv': [SOURCES_HEAD, 'src-a,A,O,2022,ftp://x', 'src-b,B,O,2023,'] }));
    const run = checkData('--data', root, '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).issues).toEqual([{ file: 'sources.csv', line: 2, column: 'url', code: 'load/bad-url', message: '"ftp://x" must be an http(s) address' }]);
  });
});
