/**
 * What the import worker posts for a valid dataset beside its outcome: its columns, and the relation index,
 * roll-up, engine layout and parallel groups built here, so that the main thread neither copies a million row
 * objects nor indexes them. Also what a dataset snapshot holds (core/dataset-snapshot.ts).
 */
import { columnBuffers, packDataset } from '../core/relation-columns-pack';
import type { Dataset } from '../core/model';
import { buildRelationIndex } from '../core/relation-index';
import { indexBuffers, packRelationIndex } from '../core/relation-index-pack';
import { packRollup, withRollupEdges } from '../core/rollup';
import { buildEngineLayout, engineLayoutBuffers } from '../core/filter-engine';
import { packedParallelGroups } from '../render/parallel-edges';
import type { PackedAnswer } from './import-messages';

/** The packed answer for `dataset`, indexed for `today`, and the buffers to transfer; `stageDone` marks each stage's end. */
export function packAnswer(dataset: Dataset, today: number, stageDone: (label: string) => void = () => undefined): { packed: PackedAnswer; transfer: ArrayBuffer[] } {
  const built = buildRelationIndex(dataset, today);
  stageDone('indexed');
  const { index, rollup } = withRollupEdges(built);
  stageDone('rolled-up');
  const engine = buildEngineLayout(index);
  stageDone('engine-laid-out');
  const parallel = packedParallelGroups(index);
  stageDone('parallel-grouped');
  const packed = { dataset: packDataset(dataset), index: packRelationIndex(index), rollup: packRollup(rollup), engine, parallel };
  const rollupBuffers = [rollup.topOf, rollup.rolledEdgeOf, rollup.keep].map((a) => a.buffer as ArrayBuffer);
  const transfer = [...new Set([...columnBuffers(packed.dataset.columns), ...indexBuffers(packed.index), ...rollupBuffers, ...engineLayoutBuffers(packed.engine), parallel.members.buffer as ArrayBuffer, parallel.starts.buffer as ArrayBuffer])];
  return { packed, transfer };
}
