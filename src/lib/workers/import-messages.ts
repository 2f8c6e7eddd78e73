/** The messages between the app and its import worker: small, typed, one request at a time. */
import type { ImportOutcome, JobOptions, MappingNeeded, Progress } from '../core/import-job';
import type { DatasetFiles } from '../core/load';

export interface PickedFile {
  /** Relative to what the user opened: folder-relative, or the file name. */
  path: string;
  blob: Blob;
}

export type ImportRequest =
  /** Reads the files; answers `mapping` for a flat table without a mapping, else converts and answers `done`. */
  | { kind: 'open'; inputs: PickedFile[]; options: JobOptions }
  /** Converts the files of the last `open` again, with new options (the mapping). */
  | { kind: 'convert'; options: JobOptions }
  /** Validates stored graph-data, when switching to a saved dataset. */
  | { kind: 'load'; files: DatasetFiles; texts?: Record<string, string> };

export type ImportReply =
  | { kind: 'progress'; progress: Progress }
  | { kind: 'mapping'; needed: MappingNeeded }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; message: string };
