/**
 * Which files of a graph-data folder are read, decided in one place for the app
 * (which sees the bundled folder through Vite's glob), `check-data` (which walks
 * a folder on disk) and imports (a zip or a dropped folder). Before this, the CLI
 * read `relations/*.csv` and the app `**\/*.csv`, so a file in a subfolder passed
 * one and broke the other, and an upper-case `.CSV` file vanished from both.
 *
 * The rule: `relation-types.csv`, `actors.csv` and `sources.csv` at the top;
 * `relations/<source-id>.csv` directly in `relations/`; optionally
 * `texts/<source-id>.txt`. Documentation (`README*`, `*.md`, `LICENSE*`) and
 * hidden files (`.DS_Store`, `__MACOSX/`) are ignored. Anything else is an
 * issue naming the file, so nothing is skipped without a word.
 */
import type { DataIssue } from './model';

export const TYPES_FILE = 'relation-types.csv';
export const ACTORS_FILE = 'actors.csv';
export const SOURCES_FILE = 'sources.csv';
export const RELATIONS_DIR = 'relations/';
export const TEXTS_DIR = 'texts/';

export type DataFileRole =
  | { kind: 'types' | 'actors' | 'sources' }
  | { kind: 'relations'; sourceId: string }
  | { kind: 'text'; sourceId: string };

export interface DatasetPlan {
  /** The files to read, by path, in a stable order (sorted by path). */
  files: Map<string, DataFileRole>;
  ignored: string[];
  issues: DataIssue[];
  /** Source ids of relations files reported for their name or place (`x.CSV`, a subfolder): their source is not "without relations". */
  misplacedSources: Set<string>;
}

const TOP_FILES: Record<string, DataFileRole['kind']> = { [TYPES_FILE]: 'types', [ACTORS_FILE]: 'actors', [SOURCES_FILE]: 'sources' };
const LAYOUT = `graph-data holds ${TYPES_FILE}, ${ACTORS_FILE}, ${SOURCES_FILE}, ${RELATIONS_DIR}<source-id>.csv and optionally ${TEXTS_DIR}<source-id>.txt`;

function isIgnored(path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  if (parts.some((part) => part.startsWith('.') || part === '__MACOSX')) return true;
  const name = parts[parts.length - 1] ?? '';
  return parts.length === 1 && (/^readme/i.test(name) || /\.md$/i.test(name) || /^licen[cs]e/i.test(name));
}

function issue(file: string, code: string, message: string): DataIssue {
  return { file, line: 0, column: '', code, message };
}

/** Forward slashes, no leading `./` or `/`. */
export function normalizeDataPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Sorts `paths` (relative to the graph-data folder; a path ending in `/` is an
 * empty folder) into the files to read, the ignored ones and the issues.
 */
export function planDatasetFiles(paths: readonly string[]): DatasetPlan {
  const files = new Map<string, DataFileRole>();
  const ignored: string[] = [];
  const issues: DataIssue[] = [];
  const misplacedSources = new Set<string>();
  for (const raw of [...paths].sort()) {
    const path = normalizeDataPath(raw);
    const parts = path.split('/');
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.includes('..')) {
      issues.push(issue(path, 'files/unsafe-path', 'a path outside the dataset folder; it is not read'));
      continue;
    }
    if (isIgnored(path)) {
      ignored.push(path);
      continue;
    }
    if (path.endsWith('/')) {
      if (/\.csv\/$/i.test(path)) issues.push(issue(path, 'files/folder-not-file', 'a folder whose name ends in .csv; relation files must be files'));
      else ignored.push(path);
      continue;
    }
    const name = parts[parts.length - 1];
    if (parts.length === 1) {
      const kind = TOP_FILES[name];
      if (Object.hasOwn(TOP_FILES, name)) files.set(path, { kind } as DataFileRole);
      else {
        const near = Object.keys(TOP_FILES).find((known) => known.toLowerCase() === name.toLowerCase());
        issues.push(issue(path, 'files/unexpected-file', near ? `file names are case-sensitive: rename it to ${near}` : `not a graph-data file, so it is not read; ${LAYOUT}`));
      }
      continue;
    }
    const folder = `${parts[0]}/`;
    if (folder === RELATIONS_DIR || folder === TEXTS_DIR) {
      const ext = folder === RELATIONS_DIR ? '.csv' : '.txt';
      const stem = name.replace(/\.[^.]*$/, '');
      if (folder === RELATIONS_DIR && (parts.length > 2 || name.toLowerCase().endsWith(ext))) misplacedSources.add(stem);
      if (parts.length > 2) {
        issues.push(issue(path, 'files/subfolder', `files in a subfolder of ${folder} are not read; move it to ${folder}${name}`));
      } else if (name.endsWith(ext) && name.length > ext.length) {
        const sourceId = name.slice(0, -ext.length);
        files.set(path, folder === RELATIONS_DIR ? { kind: 'relations', sourceId } : { kind: 'text', sourceId });
      } else if (name.toLowerCase().endsWith(ext)) {
        issues.push(issue(path, 'files/extension-case', `the extension must be ${ext} in lower case; rename it to ${name.slice(0, -ext.length)}${ext}`));
      } else {
        issues.push(issue(path, 'files/unexpected-file', `only <source-id>${ext} files belong in ${folder}; this one is not read`));
      }
      continue;
    }
    const nearFolder = [RELATIONS_DIR, TEXTS_DIR].find((known) => known.toLowerCase() === folder.toLowerCase());
    issues.push(issue(path, 'files/unexpected-file', nearFolder ? `folder names are case-sensitive: move it to ${nearFolder}` : `not a graph-data file, so it is not read; ${LAYOUT}`));
  }
  return { files, ignored, issues, misplacedSources };
}
