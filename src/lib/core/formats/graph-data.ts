/**
 * Entente's own format: a folder or zip holding relation-types.csv, actors.csv,
 * sources.csv, relations/*.csv and optionally texts/<source-id>.txt. The files
 * pass through unchanged (only decoded), so loadDataset sees exactly what the
 * user has; with texts, every quote is checked verbatim against them.
 */
import { ACTORS_FILE, TYPES_FILE, type DatasetFiles } from '../load';
import type { DataIssue } from '../model';
import type { ConvertResult, InputFile, InputFormat } from './types';

const TEXTS_DIR = 'texts/';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/**
 * The folder the dataset sits in, as a path prefix: a picked folder or a zip often wraps the
 * files in one more folder (`my-data/actors.csv`). The shallowest relation-types.csv or actors.csv wins.
 */
export function graphDataRoot(files: InputFile[]): string | null {
  let best: string | null = null;
  for (const { path } of files) {
    const name = baseName(path);
    if (name !== TYPES_FILE && name !== ACTORS_FILE) continue;
    const root = path.slice(0, path.length - name.length);
    if (best === null || root.length < best.length) best = root;
  }
  return best;
}

export const graphDataFormat: InputFormat = {
  id: 'graph-data',
  label: 'Entente graph-data',
  detect(files) {
    const root = graphDataRoot(files);
    if (root === null) return 0;
    const names = new Set(files.filter((f) => f.path.startsWith(root)).map((f) => f.path.slice(root.length).toLowerCase()));
    return names.has(TYPES_FILE) && names.has(ACTORS_FILE) ? 1 : 0.6;
  },
  convert(files, options): ConvertResult {
    const root = graphDataRoot(files) ?? '';
    // No prototype: a source id such as __proto__ or constructor must stay a plain key.
    const out: DatasetFiles = Object.create(null);
    const texts: Record<string, string> = Object.create(null);
    const issues: DataIssue[] = [];
    const ignored: string[] = [];
    let bytes = 0;
    const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
    for (const file of files) {
      if (options.signal?.aborted) break;
      bytes += file.bytes.length;
      if (!file.path.startsWith(root)) {
        ignored.push(file.path);
        continue;
      }
      const path = file.path.slice(root.length);
      const isText = path.startsWith(TEXTS_DIR) && /\.txt$/i.test(path) && !path.slice(TEXTS_DIR.length).includes('/');
      if (!isText && !/\.csv$/i.test(path)) {
        ignored.push(file.path);
        continue;
      }
      // Lenient here: the loader finds the U+FFFD of invalid UTF-8 and reports it by line.
      const text = new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, '');
      if (isText) texts[path.slice(TEXTS_DIR.length, -'.txt'.length)] = text;
      else out[path] = text;
      options.onProgress?.({ bytes, totalBytes, rows: 0 });
    }
    const notes = ignored.length ? [`ignored ${ignored.length} file${ignored.length === 1 ? '' : 's'} that are not graph-data: ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ', …' : ''}`] : [];
    const hasTexts = Object.keys(texts).length > 0;
    if (hasTexts) notes.push(`${Object.keys(texts).length} source texts: every quote is checked verbatim`);
    return {
      files: out,
      texts: hasTexts ? texts : undefined,
      report: { format: 'graph-data', skipped: {}, createdActors: [], createdTypes: [], notes },
      issues,
    };
  },
};
