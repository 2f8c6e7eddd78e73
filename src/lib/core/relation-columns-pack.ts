/**
 * Columns and datasets as the import worker posts them: row objects are a Proxy that
 * cannot be cloned, so the typed columns travel instead, their buffers transferred.
 */
import type { Dataset } from './model';
import { relationColumnsOf, relationRows, type RelationColumns } from './relation-columns';
import { encodedBuffers, packStringStore } from './string-store';

/** A dataset as a worker posts it: the row objects are a Proxy, which cannot be cloned, so the columns travel instead. */
export interface PackedDataset {
  types: Dataset['types'];
  actors: Dataset['actors'];
  sources: Dataset['sources'];
  columns: RelationColumns;
}

export function packDataset(dataset: Dataset): PackedDataset {
  const columns = relationColumnsOf(dataset);
  // The text stores as bytes to transfer: as strings, structured clone copied them on the receiving main thread.
  const stores = { quote: packStringStore(columns.quote), note: packStringStore(columns.note), statementIds: packStringStore(columns.statementIds) };
  return { types: dataset.types, actors: dataset.actors, sources: dataset.sources, columns: { ...columns, ...stores } };
}

export function unpackDataset(packed: PackedDataset): Dataset {
  return { types: packed.types, actors: packed.actors, sources: packed.sources, relations: relationRows(packed.columns) };
}

/** The buffers of the columns, to transfer rather than copy. */
export function columnBuffers(columns: RelationColumns): ArrayBuffer[] {
  const arrays = [columns.source, columns.line, columns.subject, columns.object, columns.type, columns.modality, columns.dateStart, columns.endDateEnd, columns.precision, columns.statement, columns.quote.offsets, columns.note.offsets, columns.statementIds.offsets];
  const stores = [columns.quote, columns.note, columns.statementIds].flatMap(encodedBuffers);
  return [...arrays.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.buffer as ArrayBuffer), ...stores];
}
