import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { expandZips, unsafeEntryPath, unzipInput, zipFiles } from '../../../src/lib/core/zip';
import { file } from './fixtures';

const zipOf = (entries: Record<string, string>) => file('data.zip', zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));

describe('zip', () => {
  it('unpacks entries with their paths and drops folders and Finder litter', () => {
    const zip = zipOf({ 'd/actors.csv': 'a', 'd/relations/x.csv': 'b', '__MACOSX/d/._actors.csv': 'junk', 'd/.DS_Store': 'junk' });
    const { files, issues } = unzipInput(zip);
    expect(issues).toEqual([]);
    expect(files.map((f) => f.path).sort()).toEqual(['d/actors.csv', 'd/relations/x.csv']);
    expect(new TextDecoder().decode(files.find((f) => f.path === 'd/actors.csv')!.bytes)).toBe('a');
  });

  it.each([
    ['../evil.csv', '".." leads outside'],
    ['d/../../evil.csv', '".." leads outside'],
    ['/etc/passwd', 'absolute path'],
    ['C:/x.csv', 'drive letter'],
    ['d\\..\\x.csv', '".." leads outside'],
  ])('refuses the entry %s by name', (name, reason) => {
    expect(unsafeEntryPath(name)).toContain(reason);
    const { files, issues } = unzipInput(zipOf({ 'actors.csv': 'a', [name]: 'x' }));
    expect(files).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'data.zip', column: name, code: 'zip/unsafe-path' });
    expect(issues[0].message).toContain(`"${name}" refused`);
  });

  it('refuses more entries than the limit', () => {
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.csv`, 'x']));
    const { files, issues } = unzipInput(zipOf(entries), { maxEntries: 5, maxTotalBytes: 1e9 });
    expect(files).toEqual([]);
    expect(issues[0].message).toMatch(/^more than 5 entries/);
  });

  it('refuses a zip whose entries decompress beyond the size limit, before inflating them', () => {
    const bomb = file('bomb.zip', zipSync({ 'big.csv': new Uint8Array(5_000_000) }, { level: 9 }));
    expect(bomb.bytes.length).toBeLessThan(50_000);
    const { issues } = unzipInput(bomb, { maxEntries: 10, maxTotalBytes: 1_000_000 });
    expect(issues[0].message).toMatch(/^entries decompress to more than 1 MB/);
  });

  it('reports a damaged zip instead of throwing', () => {
    const { issues } = unzipInput(file('broken.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(issues[0]).toMatchObject({ file: 'broken.zip', line: 0 });
    expect(issues[0].code).toBe('zip/unreadable');
  });

  it('expands zips among other inputs under the zip name, and passes other files through', () => {
    const { files } = expandZips([zipOf({ 'a.csv': '1' }), file('b.csv', '2')]);
    expect(files.map((f) => f.path)).toEqual(['data/a.csv', 'b.csv']);
  });

  it('writes zips that unzip to the same texts, byte-identical for the same input', () => {
    const content = { 'actors.csv': 'id\nα\n', 'relations/x.csv': 'y' };
    const zipped = zipFiles(content);
    expect(zipFiles(content)).toEqual(zipped);
    const { files } = unzipInput(file('out.zip', zipped));
    expect(Object.fromEntries(files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]))).toEqual(content);
  });
});
