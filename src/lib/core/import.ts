/**
 * The one import pipeline shared by the app's worker and the CLI: unzip,
 * detect the format, convert it to graph-data files, and validate those with
 * loadDataset. Every problem comes back as a DataIssue; nothing is returned
 * half-loaded.
 */
import { loadDataset, type DatasetFiles, type LoadResult } from './load';
import type { DataIssue } from './model';
import { expandZips, type ZipLimits } from './zip';
import { INPUT_FORMATS } from './formats/index';
import type { ConvertOptions, ConvertReport, FormatId, InputFile, InputFormat } from './formats/types';

export interface ImportOptions extends ConvertOptions {
  /** Skips detection, for a user who picked the format. */
  format?: FormatId;
  zipLimits?: ZipLimits;
}

export interface ImportResult {
  format: FormatId | null;
  report: ConvertReport;
  load: LoadResult;
  /** The graph-data files and texts the dataset was loaded from, for saving and "Download dataset". */
  files: DatasetFiles;
  texts?: Record<string, string>;
}

/** Size limit for one import: what a browser tab can parse and index without running out of memory. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const emptyReport = (format: FormatId | null): ConvertReport => ({ format: format ?? 'graph-data', skipped: {}, createdActors: [], createdTypes: [], notes: [] });

function refused(format: FormatId | null, issues: DataIssue[], report = emptyReport(format)): ImportResult {
  return { format, report, load: { ok: false, dataset: null, issues }, files: {} };
}

/** The format that claims the files most confidently, or null when none does. */
export function detectFormat(files: InputFile[], formats: InputFormat[] = INPUT_FORMATS): InputFormat | null {
  let best: InputFormat | null = null;
  let bestScore = 0;
  for (const format of formats) {
    const score = format.detect(files);
    if (score > bestScore) [best, bestScore] = [format, score];
  }
  return best;
}

export function importInput(inputs: InputFile[], options: ImportOptions, formats: InputFormat[] = INPUT_FORMATS): ImportResult {
  const totalBytes = inputs.reduce((sum, f) => sum + f.bytes.length, 0);
  if (totalBytes > MAX_IMPORT_BYTES) {
    return refused(null, [
      { file: inputs.map((f) => f.path).join(', '), line: 0, column: '', code: 'import/too-large', message: `${Math.round(totalBytes / 1048576)} MB is more than the ${MAX_IMPORT_BYTES / 1048576} MB one browser tab can parse and index safely` },
    ]);
  }
  const { files, issues: zipIssues } = expandZips(inputs, options.zipLimits);
  if (zipIssues.length) return refused(null, zipIssues);
  if (files.length === 0) return refused(null, [{ file: '', line: 0, column: '', code: 'import/no-files', message: 'no files were given' }]);

  const format = options.format ? formats.find((f) => f.id === options.format) : detectFormat(files, formats);
  if (!format) {
    const names = files.slice(0, 5).map((f) => f.path).join(', ') + (files.length > 5 ? ', …' : '');
    const known = formats.map((f) => f.label).join(', ');
    const [code, message] = options.format
      ? ['import/unknown-format', `format "${options.format}" is not available`]
      : ['import/unrecognised', `no supported format recognised (supported: ${known})`];
    return refused(null, [{ file: names, line: 0, column: '', code, message }]);
  }
  const converted = format.convert(files, options);
  if (options.signal?.aborted) return refused(format.id, [{ file: '', line: 0, column: '', code: 'import/cancelled', message: 'cancelled' }], converted.report);
  if (converted.issues.length) return refused(format.id, converted.issues, converted.report);
  const load = loadDataset(converted.files, { texts: converted.texts });
  return { format: format.id, report: converted.report, load, files: converted.files, texts: converted.texts };
}
