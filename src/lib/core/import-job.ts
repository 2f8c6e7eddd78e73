/**
 * What the import worker does, as plain functions over input files so that it
 * runs (and is tested) in Node too. The worker file only moves messages.
 */
import { importInput, detectFormat, type ImportOptions } from './import';
import { loadDataset, type DatasetFiles } from './load';
import type { DataIssue, Dataset } from './model';
import { summarizeDataset, type DatasetSummary } from './summary';
import { expandZips } from './zip';
import { sampleTable, type TableSample } from './import-sample';
import { EDGE_LIST_PRESETS, guessMapping, type EdgeListPreset } from './formats/edge-list';
import type { ConvertReport, EdgeListMapping, FormatId, InputFile } from './formats/types';

/** What crosses to the worker: no callbacks; the worker supplies the vocabulary. */
export type JobOptions = Omit<ImportOptions, 'signal' | 'onProgress' | 'vocabulary'> & { vocabulary?: string };

export interface Progress {
  stage: 'reading' | 'parsing' | 'validating';
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOutcome {
  format: FormatId | null;
  report: ConvertReport;
  ok: boolean;
  dataset: Dataset | null;
  issues: DataIssue[];
  summary: DatasetSummary | null;
  files: DatasetFiles;
  texts?: Record<string, string>;
  /** Size of the graph-data files (and texts) as stored, in UTF-16 characters. */
  storedChars: number;
  inputBytes: number;
  millis: number;
}

export type MappingPreset = EdgeListPreset;

/** A flat table needs its columns mapped before it can be converted. */
export interface MappingNeeded {
  format: FormatId;
  sample: TableSample;
  /** The mapping the header suggests, or null when no subject and object columns were recognised. */
  guess: EdgeListMapping | null;
  presets: MappingPreset[];
}

const FLAT_TABLES: FormatId[] = ['edge-list'];

function sizeOf(files: DatasetFiles, texts?: Record<string, string>): number {
  let chars = 0;
  for (const text of Object.values(files)) chars += text.length;
  for (const text of Object.values(texts ?? {})) chars += text.length;
  return chars;
}

/** Null when the inputs can be converted as they are; otherwise the sample to show in the mapping step. */
export function mappingNeeded(inputs: InputFile[], options: JobOptions): MappingNeeded | null {
  if (options.mapping) return null;
  const { files } = expandZips(inputs, options.zipLimits);
  const format = options.format ?? detectFormat(files)?.id;
  if (!format || !FLAT_TABLES.includes(format) || files.length === 0) return null;
  const table = files.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
  const sample = sampleTable(table);
  return { format, sample, guess: guessMapping(sample.header), presets: EDGE_LIST_PRESETS };
}

export function runImport(inputs: InputFile[], options: JobOptions, onProgress: (p: Progress) => void, now = () => Date.now()): ImportOutcome {
  const started = now();
  const inputBytes = inputs.reduce((sum, f) => sum + f.bytes.length, 0);
  const result = importInput(inputs, {
    ...options,
    vocabulary: options.vocabulary ?? '',
    onProgress: (p) => onProgress({ stage: 'parsing', ...p }),
  });
  const { load } = result;
  return {
    format: result.format,
    report: result.report,
    ok: load.ok,
    dataset: load.dataset,
    issues: load.issues,
    summary: load.dataset ? summarizeDataset(load.dataset) : null,
    files: load.ok ? result.files : {},
    texts: load.ok ? result.texts : undefined,
    storedChars: load.ok ? sizeOf(result.files, result.texts) : 0,
    inputBytes,
    millis: now() - started,
  };
}

/** Validates stored graph-data again, as on every start: a saved dataset goes through the same loader. */
export function runLoad(files: DatasetFiles, texts: Record<string, string> | undefined, now = () => Date.now(), onProgress?: (p: Progress) => void): ImportOutcome {
  const started = now();
  const load = loadDataset(files, { texts, onProgress: onProgress && ((p) => onProgress({ stage: 'validating', ...p })) });
  return {
    format: 'graph-data',
    report: { format: 'graph-data', skipped: {}, createdActors: [], createdTypes: [], notes: [] },
    ok: load.ok,
    dataset: load.dataset,
    issues: load.issues,
    summary: load.dataset ? summarizeDataset(load.dataset) : null,
    files,
    texts,
    storedChars: sizeOf(files, texts),
    inputBytes: 0,
    millis: now() - started,
  };
}

export type { EdgeListMapping };
