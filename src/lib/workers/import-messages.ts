/** The messages between the app and its import worker: small, typed, one request at a time. */
import type { ImportOutcome, JobOptions, MappingNeeded, Progress } from '../core/import-job';
import type { DatasetFiles } from '../core/load';
import type { PackedDataset } from '../core/relation-columns-pack';
import type { PackedRelationIndex } from '../core/relation-index-pack';
import type { PackedRollup } from '../core/rollup';
import type { EngineLayout } from '../core/filter-engine';
import type { Review } from '../core/source-review';
import type { PackedParallelGroups } from '../render/parallel-edges';

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
  | { kind: 'load'; files: DatasetFiles; texts?: Record<string, string> }
  /**
   * Reads a saved dataset from IndexedDB here and validates it: at a million rows its 100 MB of text
   * would otherwise be read, copied to the worker and copied back on the main thread.
   */
  | { kind: 'load-stored'; id: string };

/** What a saved dataset holds beside its files, posted back with `load-stored` (its files are not). */
export interface StoredExtras {
  texts: Record<string, string>;
  reviews: Review[];
}

/** A valid dataset as the worker posts it: its columns, with the index, roll-up, engine layout and parallel groups built for them (workers/packed-answer.ts). */
export interface PackedAnswer {
  dataset: PackedDataset;
  index: PackedRelationIndex;
  rollup: PackedRollup;
  engine: EngineLayout;
  parallel: PackedParallelGroups;
}

export type ImportReply =
  | { kind: 'progress'; progress: Progress }
  | { kind: 'mapping'; needed: MappingNeeded }
  /**
   * `outcome.dataset` is null in transit when `packed` is set: a dataset's rows are a lazy array
   * (a Proxy), which cannot be cloned, so its columns and its relation index travel instead. The index
   * already holds the rolled-up view's edges, and `rollup` maps between the two views: both are built
   * in the worker, with the filter engine's sorted groups, so the main thread does none of it.
   * `stages`: when each of the worker's stages ended (ms since the epoch), marked on the page as `import:<stage>`.
   * `textsId`: set when the worker deflates the dataset's quotes and notes after posting it, to follow as `texts-deflated` of that id.
   * A `load-stored` answered from the dataset's snapshot (what was posted the last time it was parsed) has a stage `from-snapshot`.
   */
  | { kind: 'done'; outcome: ImportOutcome; packed?: PackedAnswer; stored?: StoredExtras; stages?: Array<[string, number]>; textsId?: number }
  /**
   * The quote and note chunks of the dataset posted as `done` with `textsId` `id`, deflated (null where a chunk
   * stays a string; empty when there is nothing to deflate or deflating failed), sent after it so that compressing
   * them does not delay the first frame. `at`: when the worker finished, ms since the epoch.
   */
  | { kind: 'texts-deflated'; id: number; quote: (Uint8Array | null)[]; note: (Uint8Array | null)[]; at: number }

  /** `missing`: `load-stored` found no such dataset. */
  | { kind: 'failed'; message: string; missing?: boolean };
