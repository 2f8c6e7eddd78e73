/** The messages between the app and its import worker: small, typed, one request at a time. */
import type { ImportOutcome, JobOptions, MappingNeeded, Progress } from '../core/import-job';
import type { DatasetFiles } from '../core/load';
import type { PackedDataset } from '../core/relation-columns';
import type { PackedRelationIndex } from '../core/relation-index';
import type { Rollup } from '../core/rollup';
import type { EngineLayout } from '../core/filter-engine';

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
  /**
   * `outcome.dataset` is null in transit when `packed` is set: a dataset's rows are a lazy array
   * (a Proxy), which cannot be cloned, so its columns and its relation index travel instead. The index
   * already holds the rolled-up view's edges, and `rollup` maps between the two views: both are built
   * in the worker, with the filter engine's sorted groups, so the main thread does none of it.
   */
  | { kind: 'done'; outcome: ImportOutcome; packed?: { dataset: PackedDataset; index: PackedRelationIndex; rollup: Rollup; engine: EngineLayout } }
  | { kind: 'failed'; message: string };
