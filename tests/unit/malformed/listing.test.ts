/**
 * One file listing for the app and the CLI: planDatasetFiles decides, the CLI
 * walks a folder on disk and reads bytes, the app globs the bundled folder and
 * gets text. The same folder must give the same issues both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planDatasetFiles } from '../../../src/lib/core/dataset-files';
import { loadDataset, type FileContent } from '../../../src/lib/core/load';
import { readBundledFiles } from '../../../src/lib/state/bundled-data';
import { listFolder, readGraphDataFolder } from '../../../scripts/read-graph-data';
import { REL_HEAD, dataset, writeFolder } from './generate';

const plan = (paths: string[]) => {
  const { files, ignored, issues } = planDatasetFiles(paths);
  return { read: [...files.keys()], ignored, issues: issues.map((i) => `${i.file}:${i.code}`) };
};

describe('planDatasetFiles', () => {
  it('reads the three files, relations/<id>.csv and texts/<id>.txt, and ignores documentation and hidden files', () => {
    expect(plan(['actors.csv', 'relation-types.csv', 'sources.csv', 'relations/a.csv', 'texts/a.txt', 'README.md', 'notes.md', 'LICENSE', '.DS_Store', 'relations/.gitkeep', '__MACOSX/relations/._a.csv'])).toEqual({
      read: ['actors.csv', 'relation-types.csv', 'relations/a.csv', 'sources.csv', 'texts/a.txt'],
      ignored: ['.DS_Store', 'LICENSE', 'README.md', '__MACOSX/relations/._a.csv', 'notes.md', 'relations/.gitkeep'],
      issues: [],
    });
  });
  it('reports an upper-case extension, a file in a subfolder, a stray file and a folder named x.csv', () => {
    expect(plan(['relations/a.CSV', 'relations/b.Csv', 'relations/2023/c.csv', 'relations/d.tsv', 'relations/x.csv/', 'relations/empty/', 'texts/a.TXT', 'extra.csv', 'Actors.csv', 'Relations/e.csv']).issues).toEqual([
      'Actors.csv:files/unexpected-file',
      'Relations/e.csv:files/unexpected-file',
      'extra.csv:files/unexpected-file',
      'relations/2023/c.csv:files/subfolder',
      'relations/a.CSV:files/extension-case',
      'relations/b.Csv:files/extension-case',
      'relations/d.tsv:files/unexpected-file',
      'relations/x.csv/:files/folder-not-file',
      'texts/a.TXT:files/extension-case',
    ]);
  });
  it('refuses paths outside the folder', () => {
    expect(plan(['../etc/passwd', '/abs/actors.csv', 'relations/../../x.csv', 'C:/x.csv']).issues).toEqual([
      '../etc/passwd:files/unsafe-path',
      '/abs/actors.csv:files/unsafe-path',
      'C:/x.csv:files/unsafe-path',
      'relations/../../x.csv:files/unsafe-path',
    ]);
  });
  it('names the right file name in its message', () => {
    const { issues } = planDatasetFiles(['relations/a.CSV', 'Sources.csv']);
    expect(issues.map((i) => i.message)).toEqual(['file names are case-sensitive: rename it to sources.csv', 'the extension must be .csv in lower case; rename it to a.csv']);
  });
});

describe('an upper-case .CSV relations file no longer vanishes', () => {
  it('is reported, so the dataset is refused instead of losing its rows', () => {
    const files = dataset();
    files['relations/src-c.CSV'] = `${REL_HEAD}\narmenia,csto,membership,2022,,q,\n`;
    const result = loadDataset(files);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual(['relations/src-c.CSV:0:files/extension-case']);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'entente-listing-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string, files: Record<string, FileContent>): string {
  return writeFolder(join(scratch, name), files);
}

/** What the app sees of a folder: its files (no folders) through Vite's glob, as UTF-8 text. */
function asTheAppReadsIt(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const decoder = new TextDecoder();
  const cli = readGraphDataFolder(root);
  for (const path of listFolder(root)) {
    if (path.endsWith('/') || path.endsWith('.md')) continue;
    const content = cli[path];
    files[path] = typeof content === 'string' ? content : decoder.decode(content);
  }
  return files;
}

const codes = (files: Record<string, FileContent>) => loadDataset(files).issues.map((i) => `${i.file}:${i.line}:${i.column}:${i.code}`);

describe('a misplaced relations file is one issue', () => {
  it('its source is not also reported as having no relations file', () => {
    for (const path of ['relations/src-b.CSV', 'relations/2023/src-b.csv']) {
      const files = dataset({ 'relations/src-b.csv': null });
      files[path] = `${REL_HEAD}\narmenia,azerbaijan,alliance,2023,,q,\n`;
      expect(loadDataset(files).issues.map((i) => `${i.file}:${i.code}`)).toEqual([`${path}:${path.includes('2023') ? 'files/subfolder' : 'files/extension-case'}`]);
    }
  });
});

describe('the CLI and the app agree', () => {
  const cases: Array<[string, Record<string, FileContent>, string[]]> = [
    ['a relations file in a subfolder', { ...dataset(), 'relations/2022/src-a.csv': `${REL_HEAD}\n` }, ['relations/2022/src-a.csv:0::files/subfolder']],
    ['an upper-case .CSV file', { ...dataset(), 'relations/src-c.CSV': `${REL_HEAD}\n` }, ['relations/src-c.CSV:0::files/extension-case']],
    ['a folder named x.csv with a file in it', { ...dataset(), 'relations/x.csv/inner.csv': `${REL_HEAD}\n` }, ['relations/x.csv/inner.csv:0::files/subfolder']],
    ['Latin-1 bytes', { ...dataset(), 'actors.csv': Uint8Array.from('id,label,kind,affiliation,aliases\narmenia,Arm\xe9nia,state,,\nazerbaijan,A,state,,\ncsto,C,organisation,,\nnikol-pashinyan,N,person,armenia,\n', (c) => c.charCodeAt(0)) }, ['actors.csv:2::utf8/invalid']],
    ['a README, kept out of the app bundle and ignored by the CLI', { ...dataset(), 'README.md': '# notes' }, []],
  ];
  for (const [name, files, expected] of cases) {
    it(name, () => {
      const root = folder(name.replace(/\W+/g, '-'), files);
      expect(codes(readGraphDataFolder(root))).toEqual(expected);
      expect(codes(asTheAppReadsIt(root))).toEqual(expected);
    });
  }

  it('a folder named x.csv does not crash the CLI (it used to throw EISDIR); an empty one is reported', () => {
    const root = folder('empty-x-csv', { ...dataset(), 'relations/x.csv/': '' });
    expect(codes(readGraphDataFolder(root))).toEqual(['relations/x.csv/:0::files/folder-not-file']);
  });

  it('the bundled folder: the app glob and the CLI walk list the same files and load the same dataset', async () => {
    const root = fileURLToPath(new URL('../../../graph-data', import.meta.url));
    const app = await readBundledFiles();
    const cli = readGraphDataFolder(root);
    expect(Object.keys(app).sort()).toEqual(listFolder(root).filter((p) => !p.endsWith('.md')).sort());
    const fromApp = loadDataset(app);
    const fromCli = loadDataset(cli);
    expect(fromApp.issues).toEqual([]);
    expect(fromCli.dataset).toEqual(fromApp.dataset);
    expect(fromApp.dataset!.relations.length).toBeGreaterThan(100);
  });
});
